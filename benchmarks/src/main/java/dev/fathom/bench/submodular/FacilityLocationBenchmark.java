package dev.fathom.bench.submodular;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.Similarity;
import dev.fathom.submodular.similarity.Similarity.Precision;
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
 * Dense facility location end to end, in apricot's and submodlib's timing setup ({@code
 * grandApricotComparison4.py}: {@code make_blobs(n_samples=10000, centers=10, n_features=1024,
 * cluster_std=2)}, budget n/10 = 1000, {@code FacilityLocationSelection(metric= 'euclidean',
 * optimizer='lazy').fit_transform}, 4.86 s in {@code submodlib_apricot_grand7.csv}): raw points,
 * then {@code s = max D - D} on squared Euclidean distances, then lazy greedy.
 *
 * <ul>
 *   <li>{@code endToEnd*}: the whole pipeline, the figure to compare with apricot's 4.86 s;
 *   <li>{@code build*}: the similarity alone; {@code lazy*}: lazy greedy alone on a prebuilt one;
 *   <li>{@code previous*}: the baseline, the code before this change (direct differences on one
 *       thread, and the gain loop with {@code Math.max}), {@link PreviousDenseKernel}.
 * </ul>
 *
 * <p>The forks run with {@code --add-modules jdk.incubator.vector}, so the similarity uses the SIMD
 * Gram kernel; add {@code -jvmArgsAppend -Dfathom.simd=false} for the scalar loops (bitwise the
 * same matrices). {@code previousEndToEnd} takes tens of seconds per shot: run it with {@code -wi 0
 * -i 1}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
public class FacilityLocationBenchmark {
  static final int N = 10_000;
  static final int DIM = 1024;
  static final int BUDGET = 1000;
  static final int THREADS = 2;

  /** make_blobs-like data: 10 centres uniform in [-10, 10]^dim, Gaussian spread 2. */
  static double[][] blobs(int n, int dim, int centers, double spread, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[][] c = new double[centers][dim];
    for (double[] r : c) {
      Rng.uniform(rng, -10, 10, r);
    }
    double[][] p = new double[n][dim];
    for (int i = 0; i < n; i++) {
      double[] ci = c[i % centers];
      for (int j = 0; j < dim; j++) {
        p[i][j] = ci[j] + spread * rng.nextGaussian();
      }
    }
    return p;
  }

  /** The raw points. */
  @State(Scope.Benchmark)
  public static class Points {
    double[][] x;

    @Setup
    public void setup() {
      x = blobs(N, DIM, 10, 2.0, 4);
    }
  }

  /** A prebuilt double similarity. */
  @State(Scope.Benchmark)
  public static class DoubleStorage {
    FacilityLocation f;

    @Setup
    public void setup(Points p) {
      f = new FacilityLocation(Similarity.squaredEuclidean(p.x, THREADS, Precision.DOUBLE));
    }
  }

  /** A prebuilt float similarity. */
  @State(Scope.Benchmark)
  public static class FloatStorage {
    FacilityLocation f;

    @Setup
    public void setup(Points p) {
      f = new FacilityLocation(Similarity.squaredEuclidean(p.x, THREADS, Precision.FLOAT));
    }
  }

  /** The same double entries behind the previous gain loop. */
  @State(Scope.Benchmark)
  public static class PreviousStorage {
    FacilityLocation f;

    @Setup
    public void setup(Points p) {
      f =
          new FacilityLocation(
              PreviousDenseKernel.copyOf(
                  Similarity.squaredEuclidean(p.x, THREADS, Precision.DOUBLE)));
    }
  }

  /**
   * Points to selection, double precision, two threads for the similarity.
   *
   * @param p the points
   * @return the selection
   */
  @Benchmark
  public Selection endToEnd(Points p) {
    return Greedy.lazy(
        new FacilityLocation(Similarity.squaredEuclidean(p.x, THREADS, Precision.DOUBLE)),
        Constraint.cardinality(BUDGET));
  }

  /**
   * Points to selection, float storage, two threads for the similarity.
   *
   * @param p the points
   * @return the selection
   */
  @Benchmark
  public Selection endToEndFloat(Points p) {
    return Greedy.lazy(
        new FacilityLocation(Similarity.squaredEuclidean(p.x, THREADS, Precision.FLOAT)),
        Constraint.cardinality(BUDGET));
  }

  /**
   * Points to selection, double precision, one thread.
   *
   * @param p the points
   * @return the selection
   */
  @Benchmark
  public Selection endToEndOneThread(Points p) {
    return Greedy.lazy(
        new FacilityLocation(Similarity.squaredEuclidean(p.x, 1, Precision.DOUBLE)),
        Constraint.cardinality(BUDGET));
  }

  /**
   * The baseline: the previous build and gain loop, one thread.
   *
   * @param p the points
   * @return the selection
   */
  @Benchmark
  public Selection previousEndToEnd(Points p) {
    return Greedy.lazy(
        new FacilityLocation(PreviousDenseKernel.squaredEuclidean(p.x)),
        Constraint.cardinality(BUDGET));
  }

  @Benchmark
  public Similarity build(Points p) {
    return Similarity.squaredEuclidean(p.x, THREADS, Precision.DOUBLE);
  }

  @Benchmark
  public Similarity buildOneThread(Points p) {
    return Similarity.squaredEuclidean(p.x, 1, Precision.DOUBLE);
  }

  @Benchmark
  public Similarity buildFloat(Points p) {
    return Similarity.squaredEuclidean(p.x, THREADS, Precision.FLOAT);
  }

  @Benchmark
  public Selection lazy(DoubleStorage s) {
    return Greedy.lazy(s.f, Constraint.cardinality(BUDGET));
  }

  @Benchmark
  public Selection lazyFloat(FloatStorage s) {
    return Greedy.lazy(s.f, Constraint.cardinality(BUDGET));
  }

  @Benchmark
  public Selection previousLazy(PreviousStorage s) {
    return Greedy.lazy(s.f, Constraint.cardinality(BUDGET));
  }
}
