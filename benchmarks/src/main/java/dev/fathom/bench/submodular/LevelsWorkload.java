package dev.fathom.bench.submodular;

import dev.fathom.core.Rng;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.PartitionMatroid;
import dev.fathom.submodular.dynamic.DynamicMaximizer;
import dev.fathom.submodular.dynamic.SwappingDynamic;
import dev.fathom.submodular.dynamic.SwappingLevelsDynamic;
import dev.fathom.submodular.dynamic.ThresholdLevelsDynamic;
import dev.fathom.submodular.dynamic.UpdateStream;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.SparseSimilarity;

/**
 * Workloads of the uniform-pick level structures ({@link ThresholdLevelsDynamic}, {@link
 * SwappingLevelsDynamic}) on the data of {@link DynamicWorkload}: the matroid workload with a small
 * rank (partition matroid, element e in part {@code e mod parts}, capacity 2 each), and streams
 * whose deletions aim at a solution.
 */
public final class LevelsWorkload {
  private LevelsWorkload() {}

  /**
   * The partition matroid with {@code parts} parts of capacity 2.
   *
   * @param n the ground-set size
   * @param parts the number of parts
   * @return the matroid
   */
  public static PartitionMatroid partition(int n, int parts) {
    int[] part = new int[n];
    for (int e = 0; e < n; e++) {
      part[e] = e % parts;
    }
    int[] cap = new int[parts];
    java.util.Arrays.fill(cap, 2);
    return PartitionMatroid.parts(part).capacities(cap);
  }

  /**
   * A partition matroid restricted to the elements {@code allowed} accepts (for greedy over a live
   * set).
   *
   * @param m the matroid
   * @param allowed which elements may be chosen
   * @return the constraint
   */
  public static Constraint restricted(PartitionMatroid m, java.util.function.IntPredicate allowed) {
    return () -> {
      Constraint.Tracker inner = m.start();
      return new Constraint.Tracker() {
        @Override
        public boolean canAdd(int e) {
          return allowed.test(e) && inner.canAdd(e);
        }

        @Override
        public void add(int e) {
          inner.add(e);
        }
      };
    };
  }

  /**
   * Calls per update of one matroid run on the random stream of {@link DynamicWorkload}.
   *
   * @param calls oracle calls per update
   * @param queries independence queries per update
   * @param levels the largest i* seen after an update (levels structures only)
   */
  public record MatroidResult(double calls, double queries, int levels) {}

  /**
   * Runs {@link SwappingLevelsDynamic} (eps = 0.2) on the random stream.
   *
   * @param sim the similarities
   * @param parts parts of capacity 2 (rank 2 parts)
   * @param q the keep probability
   * @return calls per update
   */
  public static MatroidResult swappingLevels(SparseSimilarity sim, int parts, double q) {
    int n = sim.candidates();
    PartitionMatroid m = partition(n, parts);
    SwappingLevelsDynamic d =
        SwappingLevelsDynamic.builder(new FacilityLocation(sim), m)
            .rank(m.rank())
            .eps(DynamicWorkload.EPS)
            .keepProbability(q)
            .build(1);
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 2, 7);
    int levels = 0;
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(d, t);
      levels = Math.max(levels, d.levels());
    }
    return new MatroidResult(
        (double) d.oracleCalls() / stream.length(),
        (double) d.independenceQueries() / stream.length(),
        levels);
  }

  /**
   * Runs {@link SwappingDynamic} on the random stream (independence queries not counted).
   *
   * @param sim the similarities
   * @param parts parts of capacity 2
   * @return calls per update
   */
  public static double swapping(SparseSimilarity sim, int parts) {
    int n = sim.candidates();
    SwappingDynamic d = new SwappingDynamic(new FacilityLocation(sim), partition(n, parts));
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 2, 7);
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(d, t);
    }
    return (double) d.oracleCalls() / stream.length();
  }

  /**
   * Inserts all n elements in random order into every structure, then deletes {@code deletions}
   * times the earliest-inserted element of the reference's current solution (an oblivious stream
   * for every structure but the reference itself, which may be one of them: then the deletions are
   * adaptive for it). Returns the oracle calls per deletion of each structure, and as the last
   * entry the calls of one re-run of lazy greedy on the live set (under {@code greedyConstraint})
   * per deletion, averaged over 16 samples.
   *
   * @param ref the structure whose solution the deletions aim at
   * @param ds the structures measured (may contain ref)
   * @param sim the similarities
   * @param deletions the number of deletions
   * @param greedyConstraint the constraint of the re-run baseline, restricted to the live set by
   *     this method
   * @param seed the seed of the insertion order
   * @return calls per deletion of each structure, then of the re-run
   */
  public static double[] aimedDeletions(
      DynamicMaximizer ref,
      DynamicMaximizer[] ds,
      SparseSimilarity sim,
      int deletions,
      java.util.function.Function<java.util.function.IntPredicate, Constraint> greedyConstraint,
      long seed) {
    int n = sim.candidates();
    int[] order = Rng.permutation(Rng.create(seed), n);
    int[] rank = new int[n];
    boolean refMeasured = false;
    for (DynamicMaximizer d : ds) {
      refMeasured |= d == ref;
    }
    for (int t = 0; t < n; t++) {
      rank[order[t]] = t;
      for (DynamicMaximizer d : ds) {
        d.insert(order[t]);
      }
      if (!refMeasured) {
        ref.insert(order[t]);
      }
    }
    long[] before = new long[ds.length];
    for (int i = 0; i < ds.length; i++) {
      before[i] = ds[i].oracleCalls();
    }
    FacilityLocation baseline = new FacilityLocation(sim);
    long rerun = 0;
    int samples = 0;
    int every = Math.max(1, deletions / 16);
    for (int t = 0; t < deletions; t++) {
      int victim = -1;
      for (int e : ref.solution()) {
        victim = victim < 0 || rank[e] < rank[victim] ? e : victim;
      }
      for (DynamicMaximizer d : ds) {
        d.delete(victim);
      }
      if (!refMeasured) {
        ref.delete(victim);
      }
      if (t % every == 0) {
        DynamicMaximizer view = ds[0];
        rerun += Greedy.lazy(baseline, greedyConstraint.apply(view::isLive)).oracleCalls();
        samples++;
      }
    }
    double[] out = new double[ds.length + 1];
    for (int i = 0; i < ds.length; i++) {
      out[i] = (double) (ds[i].oracleCalls() - before[i]) / deletions;
    }
    out[ds.length] = (double) rerun / samples;
    return out;
  }
}
