package dev.fathom.bench.hadamard;

import dev.fathom.core.Rng;
import dev.fathom.hadamard.Normalization;
import dev.fathom.hadamard.WalshHadamard;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dense FWHT of {@code 2^logN} doubles in place: the library's blocked scalar schedule against the
 * textbook triple loop (the baseline, ratio = tripleLoop / fathom); likewise in single precision,
 * {@code fathomFloat} against {@code tripleLoopFloat}. This fork runs without {@code
 * jdk.incubator.vector}, so both precisions use the scalar kernels (the setup fails otherwise);
 * {@link WalshHadamardSimdBenchmark} runs the same methods with the SIMD kernels. All compute the
 * orthonormal transform, which is self-inverse, so repeated calls keep the data bounded; the
 * baselines fuse the {@code 1/sqrt(N)} scaling into their last level (a separate loop), so none
 * pays an extra sweep.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class WalshHadamardBenchmark {
  @Param({"16", "20", "22", "24"})
  public int logN;

  private double[] x;
  private float[] xf;

  @Setup
  public void setup() {
    x = Rng.gaussian(Rng.create(42), 1 << logN);
    xf = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      xf[i] = (float) x[i];
    }
  }

  /** Fails the run unless this fork uses the kernels it is meant to measure. */
  @Setup(Level.Trial)
  public void requireKernels() {
    boolean doubles = WalshHadamard.simdAvailable();
    boolean floats = WalshHadamard.simdFloatLanes() > 1;
    if (doubles != simdExpected() || floats != simdExpected()) {
      throw new IllegalStateException(
          "this fork should run the "
              + (simdExpected() ? "SIMD" : "scalar")
              + " kernels but has SIMD double "
              + doubles
              + ", float "
              + floats
              + " (check the JVM flags; the JMH host JVM's flags are passed on to its forks)");
    }
  }

  /**
   * Whether this fork should run the SIMD kernels.
   *
   * @return {@code false} here: the scalar kernels
   */
  protected boolean simdExpected() {
    return false;
  }

  /** The library's scalar path. */
  @Benchmark
  public double[] fathom() {
    WalshHadamard.transform(x, Normalization.ORTHONORMAL);
    return x;
  }

  /** The library's scalar path, single precision (baseline: {@link #tripleLoopFloat()}). */
  @Benchmark
  public float[] fathomFloat() {
    WalshHadamard.transform(xf, Normalization.ORTHONORMAL);
    return xf;
  }

  /** The library's opt-in parallel path (common fork-join pool). */
  @Benchmark
  public double[] fathomParallel() {
    WalshHadamard.transformParallel(x, Normalization.ORTHONORMAL);
    return x;
  }

  /** Baseline: the textbook triple loop; its last level is a separate loop that also scales. */
  @Benchmark
  public double[] tripleLoop() {
    double[] a = x;
    int size = a.length;
    double c = Normalization.ORTHONORMAL.scale(logN);
    for (int h = 1; 2 * h < size; h *= 2) {
      for (int i = 0; i < size; i += 2 * h) {
        for (int j = i; j < i + h; j++) {
          double u = a[j];
          double v = a[j + h];
          a[j] = u + v;
          a[j + h] = u - v;
        }
      }
    }
    int half = size / 2;
    for (int j = 0; j < half; j++) {
      double u = a[j];
      double v = a[j + half];
      a[j] = (u + v) * c;
      a[j + half] = (u - v) * c;
    }
    return a;
  }

  /** Baseline in single precision: the textbook triple loop in float, as {@link #tripleLoop()}. */
  @Benchmark
  public float[] tripleLoopFloat() {
    float[] a = xf;
    int size = a.length;
    float c = (float) Normalization.ORTHONORMAL.scale(logN);
    for (int h = 1; 2 * h < size; h *= 2) {
      for (int i = 0; i < size; i += 2 * h) {
        for (int j = i; j < i + h; j++) {
          float u = a[j];
          float v = a[j + h];
          a[j] = u + v;
          a[j + h] = u - v;
        }
      }
    }
    int half = size / 2;
    for (int j = 0; j < half; j++) {
      float u = a[j];
      float v = a[j + half];
      a[j] = (u + v) * c;
      a[j + half] = (u - v) * c;
    }
    return a;
  }
}
