package dev.fathom.bench.ssm;

import dev.fathom.core.Rng;
import dev.fathom.ssm.SsmConvolution;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Causal SSM convolution of one channel with a full-length kernel: FFT (exact padding) against
 * direct summation. Goal: at least 50x at L = 16384.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SsmConvolutionBenchmark {
  @Param({"16384"})
  public int length;

  private double[] kernel;
  private double[] u;

  @Setup
  public void setup() {
    RandomGenerator rng = Rng.create(3);
    kernel = Rng.gaussian(rng, length);
    u = Rng.gaussian(rng, length);
  }

  @Benchmark
  public double[] fft() {
    return SsmConvolution.causal(kernel, u, 0.5);
  }

  @Benchmark
  public double[] direct() {
    return SsmConvolution.direct(kernel, u, 0.5);
  }
}
