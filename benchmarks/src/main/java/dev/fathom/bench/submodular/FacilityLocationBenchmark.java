package dev.fathom.bench.submodular;

import dev.fathom.linalg.Rng;
import dev.fathom.submodular.Constraint;
import dev.fathom.submodular.FacilityLocation;
import dev.fathom.submodular.Greedy;
import dev.fathom.submodular.Selection;
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
 * Lazy greedy on dense facility location, apricot's and submodlib's timing setup: n = 10^4 points,
 * budget n/10 = 1000, similarities {@code max D - D} on squared Euclidean distances (the kernel is
 * built in set-up and not timed; see {@link #kernelOnly}). Baseline in the same class: naive
 * greedy, which is run with budget 100 only (at 1000 it takes minutes); compare lazy and naive at
 * budget 100, and lazy at 1000 against apricot's reported 4.86 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class FacilityLocationBenchmark {
  @Param({"10000"})
  public int n;

  @Param({"32"})
  public int dim;

  private double[][] points;
  private FacilityLocation f;

  @Setup
  public void setup() {
    points = blobs(n, dim, 10, 1);
    f = kernelOnly();
  }

  /** make_blobs-like data: {@code centers} Gaussian clusters of unit spread. */
  static double[][] blobs(int n, int dim, int centers, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[][] c = new double[centers][dim];
    for (double[] r : c) {
      Rng.uniform(rng, -10, 10, r);
    }
    double[][] p = new double[n][dim];
    for (int i = 0; i < n; i++) {
      double[] ci = c[i % centers];
      for (int j = 0; j < dim; j++) {
        p[i][j] = ci[j] + rng.nextGaussian();
      }
    }
    return p;
  }

  /**
   * The dense kernel alone ({@code n^2 dim} flops).
   *
   * @return the function over the kernel
   */
  @Benchmark
  public FacilityLocation kernelOnly() {
    return new FacilityLocation(dev.fathom.submodular.Similarity.squaredEuclidean(points));
  }

  @Benchmark
  public Selection lazyBudget1000() {
    return Greedy.lazy(f, Constraint.cardinality(1000));
  }

  @Benchmark
  public Selection lazyBudget100() {
    return Greedy.lazy(f, Constraint.cardinality(100));
  }

  @Benchmark
  public Selection naiveBudget100() {
    return Greedy.naive(f, Constraint.cardinality(100));
  }
}
