package dev.fathom.bench.submodular;

import dev.fathom.linalg.Rng;
import dev.fathom.submodular.Constraint;
import dev.fathom.submodular.FacilityLocation;
import dev.fathom.submodular.Greedy;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.Similarity;
import dev.fathom.submodular.SparseSimilarity;
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
 * Lazy greedy on facility location, with naive greedy as the baseline in the same class.
 *
 * <ul>
 *   <li>{@code dense}: apricot's and submodlib's timing setup, n = 10^4 points (10 Gaussian blobs
 *       in 32 dimensions), budget n/10 = 1000, similarities {@code max D - D} on squared Euclidean
 *       distances ({@link Similarity#squaredEuclidean}); {@link #build} times the kernel alone.
 *   <li>{@code sparse}: n = 10^5 points in 3-D, the exact 20-nearest-neighbour graph with Gaussian
 *       similarities ({@link SparseSimilarity#knn}); {@link #build} times the kNN graph. A dense
 *       kernel would need 80 GB.
 * </ul>
 *
 * <p>Naive greedy is run at budget 100 only (at 1000 the dense case takes minutes): compare {@code
 * naiveBudget100} with {@code lazyBudget100}, and {@code lazyBudget1000} with apricot's reported
 * 4.86 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class FacilityLocationBenchmark {
  @Param({"dense", "sparse"})
  public String storage;

  private double[][] points;
  private FacilityLocation f;

  @Setup
  public void setup() {
    points = storage.equals("dense") ? blobs(10_000, 32, 10, 1) : gaussian(100_000, 3, 3);
    f = build();
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

  static double[][] gaussian(int n, int dim, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[][] p = new double[n][dim];
    for (double[] r : p) {
      Rng.gaussian(rng, r);
    }
    return p;
  }

  /**
   * The similarity storage alone: the dense kernel or the kNN graph.
   *
   * @return the function over it
   */
  @Benchmark
  public FacilityLocation build() {
    return new FacilityLocation(
        storage.equals("dense")
            ? Similarity.squaredEuclidean(points)
            : SparseSimilarity.knn(points, 20));
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
