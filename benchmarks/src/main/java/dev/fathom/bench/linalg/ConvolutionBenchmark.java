package dev.fathom.bench.linalg;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Convolution;
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
 * FFT convolution against direct summation for two sequences of equal length {@code n}. The ratio
 * direct/fft is the speed-up recorded in docs/benchmarks.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ConvolutionBenchmark {
  @Param({"64", "512", "4096", "32768"})
  public int n;

  private double[] a;
  private double[] b;

  @Setup
  public void setup() {
    RandomGenerator rng = Rng.create(42);
    a = Rng.gaussian(rng, n);
    b = Rng.gaussian(rng, n);
  }

  @Benchmark
  public double[] fft() {
    return Convolution.fft(a, b);
  }

  @Benchmark
  public double[] direct() {
    return Convolution.direct(a, b);
  }
}
