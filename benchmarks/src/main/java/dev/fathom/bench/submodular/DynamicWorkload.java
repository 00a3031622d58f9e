package dev.fathom.bench.submodular;

import dev.fathom.core.Rng;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.dynamic.BanihashemDynamic;
import dev.fathom.submodular.dynamic.DynamicMaximizer;
import dev.fathom.submodular.dynamic.LattanziDynamic;
import dev.fathom.submodular.dynamic.ThresholdLevelsDynamic;
import dev.fathom.submodular.dynamic.UpdateStream;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.random.RandomGenerator;

/**
 * The dynamic workload of the benchmarks and the figure: facility location on the 10-nearest-
 * neighbour graph of n Gaussian points in the plane, k = 10, eps = 0.2; every element is inserted
 * once in random order, and after every second insertion a uniformly random live element is deleted
 * (a third of the updates are deletions; {@link UpdateStream#insertAllDeleteEvery}).
 */
public final class DynamicWorkload {
  /** The budget. */
  public static final int K = 10;

  /** The accuracy of the dynamic algorithms. */
  public static final double EPS = 0.2;

  private DynamicWorkload() {}

  /**
   * The similarity graph for size n.
   *
   * @param n the ground-set size
   * @return the kNN similarities
   */
  public static SparseSimilarity similarity(int n) {
    RandomGenerator rng = Rng.create(n);
    double[][] p = new double[n][2];
    for (double[] r : p) {
      Rng.gaussian(rng, r);
    }
    return SparseSimilarity.knn(p, 10);
  }

  /**
   * Creates a dynamic algorithm by name.
   *
   * @param name "banihashem", "lattanzi" or "threshold-levels"
   * @param sim the similarities
   * @return the algorithm
   */
  public static DynamicMaximizer create(String name, SparseSimilarity sim) {
    return create(name, sim, K, EPS, 1);
  }

  /**
   * Creates a dynamic algorithm by name, on a function object of its own.
   *
   * @param name "banihashem", "lattanzi" or "threshold-levels"
   * @param sim the similarities
   * @param k the budget
   * @param eps the accuracy
   * @param seed the seed
   * @return the algorithm
   */
  public static DynamicMaximizer create(
      String name, SparseSimilarity sim, int k, double eps, long seed) {
    FacilityLocation f = new FacilityLocation(sim);
    switch (name) {
      case "lattanzi":
        return new LattanziDynamic(f, k, eps, seed);
      case "threshold-levels":
        return new ThresholdLevelsDynamic(f, k, eps, seed);
      case "banihashem":
        return new BanihashemDynamic(f, k, eps, seed);
      default:
        throw new IllegalArgumentException("name = " + name);
    }
  }

  /** Oracle calls per update of one run. */
  public record Result(double dynamicPerUpdate, double rerunPerUpdate, long updates) {}

  /**
   * Runs the stream through {@code d}; every {@code rerunEvery} updates it also re-runs lazy greedy
   * on the live set (on a separate function object, so with a separate counter) and averages the
   * calls of those re-runs.
   *
   * @param d the dynamic algorithm
   * @param sim the similarities
   * @param rerunEvery the sampling period of the re-run baseline, 0 for none
   * @return calls per update
   */
  public static Result run(DynamicMaximizer d, SparseSimilarity sim, int rerunEvery) {
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(sim.candidates(), 2, 7);
    FacilityLocation baseline = new FacilityLocation(sim);
    long rerunCalls = 0;
    long reruns = 0;
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(d, t);
      if (rerunEvery > 0 && t % rerunEvery == rerunEvery - 1) {
        rerunCalls += Greedy.lazy(baseline, Constraint.cardinality(K, d::isLive)).oracleCalls();
        reruns++;
      }
    }
    long updates = stream.length();
    return new Result(
        (double) d.oracleCalls() / updates,
        reruns == 0 ? Double.NaN : (double) rerunCalls / reruns,
        updates);
  }
}
