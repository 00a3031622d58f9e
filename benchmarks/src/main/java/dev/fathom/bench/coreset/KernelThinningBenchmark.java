package dev.fathom.bench.coreset;

import dev.fathom.core.Rng;
import dev.fathom.coreset.CompressPlusPlus;
import dev.fathom.coreset.Kernel;
import dev.fathom.coreset.KernelThinning;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kernel thinning of {@code n = 4^7} Gaussian points in {@code d = 2} to {@code sqrt(n) = 128} with
 * the O(nd)-memory path (KT+), and Compress++ ({@code g = 4}) of {@code n = 4^8} points to 256,
 * each against its baseline: i.i.d. sampling of the same number of points (what thinning is meant
 * to beat in quality, at a price in time recorded here).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class KernelThinningBenchmark {
  private static final Kernel K = Kernel.gaussian(2);
  private double[][] x7;
  private double[][] x8;
  private final KernelThinning kt = KernelThinning.plus(K, 2);
  private final CompressPlusPlus cpp = new CompressPlusPlus(kt, 4);

  private static double[][] points(int n) {
    RandomGenerator rng = Rng.create(42);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = Rng.gaussian(rng, 2);
    }
    return x;
  }

  @Setup
  public void setup() {
    x7 = points(1 << 14);
    x8 = points(1 << 16);
  }

  @Benchmark
  public int[] ktOnTheFlyN4e7() {
    return kt.thin(x7, 7, 1);
  }

  @Benchmark
  public int[] iidN4e7() {
    return Rng.sampleWithoutReplacement(Rng.create(1), x7.length, 128);
  }

  @Benchmark
  public int[] compressPlusPlusN4e8() {
    return cpp.thin(x8, 1);
  }

  @Benchmark
  public int[] iidN4e8() {
    return Rng.sampleWithoutReplacement(Rng.create(1), x8.length, 256);
  }
}
