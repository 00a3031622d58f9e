package dev.fathom.bench.submodular;

import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Matroid;
import dev.fathom.submodular.constraint.PartitionMatroid;
import dev.fathom.submodular.dynamic.DynamicMaximizer;
import dev.fathom.submodular.dynamic.SwappingDynamic;
import dev.fathom.submodular.dynamic.UpdateStream;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.function.IntPredicate;

/**
 * The dynamic matroid workload: facility location on the same 10-nearest-neighbour graph as {@link
 * DynamicWorkload}, under a partition matroid with {@value #PARTS} parts (element e in part {@code
 * e mod PARTS}, a fixed label independent of the i.i.d. points) of capacity {@value #CAPACITY}
 * each, so rank {@code k = PARTS * CAPACITY = 32}; the same stream shape as the cardinality
 * workload (every element inserted once in random order, a uniformly random live element deleted
 * after every second insertion). Independence queries are counted by wrapping the matroid.
 */
public final class MatroidWorkload {
  /** The number of parts. */
  public static final int PARTS = 16;

  /** The capacity of each part. */
  public static final int CAPACITY = 2;

  private MatroidWorkload() {}

  /** A partition matroid that counts its independence queries. */
  static final class CountingPartition implements Matroid {
    private final PartitionMatroid m;
    long queries;

    CountingPartition(int n) {
      int[] part = new int[n];
      for (int e = 0; e < n; e++) {
        part[e] = e % PARTS;
      }
      int[] cap = new int[PARTS];
      java.util.Arrays.fill(cap, CAPACITY);
      m = PartitionMatroid.parts(part).capacities(cap);
    }

    @Override
    public boolean independent(int[] set, int size) {
      queries++;
      return m.independent(set, size);
    }

    /** The matroid restricted to the elements {@code allowed} accepts; canAdd counts a query. */
    Constraint restrictedTo(IntPredicate allowed) {
      return () -> {
        Tracker inner = m.start();
        return new Tracker() {
          @Override
          public boolean canAdd(int e) {
            if (!allowed.test(e)) {
              return false;
            }
            queries++;
            return inner.canAdd(e);
          }

          @Override
          public void add(int e) {
            inner.add(e);
          }
        };
      };
    }
  }

  /**
   * Per-update costs of one run.
   *
   * @param dynamicCalls oracle calls per update of the dynamic algorithm
   * @param dynamicQueries independence queries per update of the dynamic algorithm
   * @param rerunCalls oracle calls of one re-run of lazy greedy on the live set (mean of samples)
   * @param rerunQueries independence queries of one re-run (mean of samples)
   * @param replays deletions that hit the solution and caused a replay
   * @param replayedPerUpdate elements re-processed by replays, per update
   * @param minRatio the smallest value ratio dynamic / re-run over the samples
   * @param updates the stream length
   */
  public record Result(
      double dynamicCalls,
      double dynamicQueries,
      double rerunCalls,
      double rerunQueries,
      long replays,
      double replayedPerUpdate,
      double minRatio,
      long updates) {}

  /**
   * Runs the stream through {@link SwappingDynamic}; every {@code rerunEvery} updates it also
   * re-runs lazy greedy under the matroid on the live set (separate function and counters).
   *
   * @param sim the similarities
   * @param rerunEvery the sampling period of the re-run baseline, at least 1
   * @return the costs
   */
  public static Result run(SparseSimilarity sim, int rerunEvery) {
    int n = sim.candidates();
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 2, 7);
    CountingPartition dm = new CountingPartition(n);
    SwappingDynamic d = new SwappingDynamic(new FacilityLocation(sim), dm);
    CountingPartition bm = new CountingPartition(n);
    FacilityLocation baseline = new FacilityLocation(sim);
    DynamicMaximizer view = d;
    Constraint live = bm.restrictedTo(view::isLive);
    long rerunCalls = 0;
    long reruns = 0;
    double minRatio = Double.POSITIVE_INFINITY;
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(d, t);
      if (t % rerunEvery == rerunEvery - 1) {
        Selection s = Greedy.lazy(baseline, live);
        rerunCalls += s.oracleCalls();
        reruns++;
        if (s.value() > 0) {
          minRatio = Math.min(minRatio, d.value() / s.value());
        }
      }
    }
    long updates = stream.length();
    return new Result(
        (double) d.oracleCalls() / updates,
        (double) dm.queries / updates,
        (double) rerunCalls / reruns,
        (double) bm.queries / reruns,
        d.replays(),
        (double) d.replayedArrivals() / updates,
        minRatio,
        updates);
  }
}
