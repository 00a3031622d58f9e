package dev.fathom.bench.linalg;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
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

/** Vectors.dot and Vectors.axpy against the one-accumulator textbook loops. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class VectorsBenchmark {
  @Param({"65536"})
  public int n;

  private double[] x;
  private double[] y;

  @Setup
  public void setup() {
    RandomGenerator rng = Rng.create(7);
    x = Rng.gaussian(rng, n);
    y = Rng.gaussian(rng, n);
  }

  @Benchmark
  public double dot() {
    return Vectors.dot(x, y);
  }

  @Benchmark
  public double dotNaive() {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  @Benchmark
  public double[] axpy() {
    Vectors.axpy(1e-9, x, y);
    return y;
  }

  @Benchmark
  public double[] axpyNaive() {
    double[] xs = x;
    double[] ys = y;
    for (int i = 0; i < xs.length; i++) {
      ys[i] = ys[i] + 1e-9 * xs[i];
    }
    return ys;
  }
}
