package dev.fathom.bench.submodular;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.SparseSimilarity;
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
 * Sparse kNN facility location at n = 10^5 (a dense kernel would need 80 GB): n points in 3-D, the
 * exact 20-nearest-neighbour graph with Gaussian similarities ({@link SparseSimilarity#knn}); lazy
 * greedy with naive greedy at budget 100 as the baseline.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class KnnFacilityLocationBenchmark {
  private double[][] points;
  private FacilityLocation f;

  @Setup
  public void setup() {
    RandomGenerator rng = Rng.create(3);
    points = new double[100_000][3];
    for (double[] r : points) {
      Rng.gaussian(rng, r);
    }
    f = build();
  }

  /**
   * The kNN graph alone.
   *
   * @return the function over it
   */
  @Benchmark
  public FacilityLocation build() {
    return new FacilityLocation(SparseSimilarity.knn(points, 20));
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
