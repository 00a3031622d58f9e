package dev.fathom.bench.ssm;

import dev.fathom.ssm.DiagonalSsm;
import dev.fathom.ssm.DiscreteSsm;
import dev.fathom.ssm.Discretization;
import dev.fathom.ssm.S4dInit;
import dev.fathom.ssm.VandermondeKernel;
import java.util.concurrent.TimeUnit;
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
 * S4D kernels of H channels: the streaming Vandermonde kernel (one complex multiply-add per entry,
 * O(N + L) memory per channel) against the naive kernel with one complex exponential per entry. The
 * ratio naive/streaming is the figure of merit (goal: at least 10x at H = 256, N = 64, L = 4096).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class VandermondeBenchmark {
  @Param({"256"})
  public int channels;

  @Param({"64"})
  public int stateSize;

  @Param({"4096"})
  public int length;

  private DiscreteSsm sys;

  @Setup
  public void setup() {
    S4dInit.Modes modes = S4dInit.inv(stateSize);
    double[] c = S4dInit.gaussianC(channels, modes.count(), true, 1);
    double[] dt = S4dInit.logSpacedDt(channels, 0.001, 0.1);
    sys = DiagonalSsm.shared(modes, c, dt, new double[channels]).discretize(Discretization.ZOH);
  }

  @Benchmark
  public double[] streaming() {
    return VandermondeKernel.compute(sys, length);
  }

  @Benchmark
  public double[] naiveExp() {
    return VandermondeKernel.naive(sys, length);
  }
}
