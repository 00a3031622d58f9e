package dev.fathom.bench.hadamard;

import dev.fathom.hadamard.Normalization;
import dev.fathom.hadamard.WalshHadamard;
import dev.fathom.linalg.Rng;
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
 * Dense FWHT of {@code 2^logN} floats in place: the library's scalar float kernel (this fork runs
 * without {@code jdk.incubator.vector}, and the setup fails if a SIMD kernel was selected anyway)
 * against the textbook triple loop in float, the baseline (ratio = tripleLoop / fathom). {@link
 * WalshHadamardFloatSimdBenchmark} runs the same two methods with the SIMD float kernel. Both
 * compute the orthonormal transform, which is self-inverse, so repeated calls keep the data
 * bounded; the baseline fuses the {@code 1/sqrt(N)} scaling into its last level (a separate loop).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class WalshHadamardFloatBenchmark {
  @Param({"16", "20", "24"})
  public int logN;

  private float[] x;

  @Setup
  public void setup() {
    double[] g = Rng.gaussian(Rng.create(42), 1 << logN);
    x = new float[g.length];
    for (int i = 0; i < g.length; i++) {
      x[i] = (float) g[i];
    }
  }

  /** Fails the run unless this fork uses the float kernel it is meant to measure. */
  @Setup(Level.Trial)
  public void requireKernel() {
    boolean simd = WalshHadamard.simdFloatLanes() > 1;
    if (simd != simdExpected()) {
      throw new IllegalStateException(
          "float SIMD kernel "
              + (simd ? "selected" : "not selected")
              + " in "
              + getClass().getSimpleName()
              + ": check the JVM flags (do not start the JMH host JVM with the vector module)");
    }
  }

  /**
   * Whether this fork should run the SIMD float kernel.
   *
   * @return {@code false} here: the scalar kernel
   */
  protected boolean simdExpected() {
    return false;
  }

  /** The library's float transform (scalar or SIMD kernel, by fork). */
  @Benchmark
  public float[] fathom() {
    WalshHadamard.transform(x, Normalization.ORTHONORMAL);
    return x;
  }

  /** Baseline: the textbook triple loop in float; its last level is a separate scaling loop. */
  @Benchmark
  public float[] tripleLoop() {
    float[] a = x;
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
