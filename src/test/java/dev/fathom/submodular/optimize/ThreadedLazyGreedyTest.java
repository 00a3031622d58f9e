package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.ScrambledFunction;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.Slowed;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.PartitionMatroid;
import dev.fathom.submodular.function.ClusteredFacilityLocation;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.FeatureBased;
import dev.fathom.submodular.function.GraphCut;
import dev.fathom.submodular.function.LogDet;
import dev.fathom.submodular.function.Mixture;
import dev.fathom.submodular.function.ProbabilisticCoverage;
import dev.fathom.submodular.function.SaturatedCoverage;
import dev.fathom.submodular.function.WeightedCoverage;
import dev.fathom.submodular.optimize.Greedy.Until;
import dev.fathom.submodular.similarity.Similarity;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Greedy#lazy(SetFunction, Constraint, Until, int)}: bitwise the one-thread selection for
 * 1-4 threads, against the one-thread run and the naive greedy, with exact call counts and no
 * worker thread left behind.
 */
class ThreadedLazyGreedyTest {

  @AfterEach
  void noWorkerThreadIsLeft() {
    assertEquals(List.of(), liveWorkers());
  }

  static List<String> liveWorkers() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("fathom-gains-")) {
        names.add(t.getName());
      }
    }
    return names;
  }

  /** Same elements, same gains and value bit for bit. */
  static void assertSameSelection(Selection expected, Selection actual, String what) {
    assertArrayEquals(expected.elements(), actual.elements(), what);
    assertEquals(expected.gains().length, actual.gains().length, what);
    for (int t = 0; t < expected.gains().length; t++) {
      assertEquals(
          Double.doubleToRawLongBits(expected.gains()[t]),
          Double.doubleToRawLongBits(actual.gains()[t]),
          what + " gain " + t);
    }
    assertEquals(
        Double.doubleToRawLongBits(expected.value()),
        Double.doubleToRawLongBits(actual.value()),
        what + " value");
  }

  /**
   * Checks every thread count against the one-thread run (and, for submodular f, the naive greedy),
   * and that the threaded runs spend the one-thread calls plus at most threads - 1 per pick and one
   * batch at the end.
   */
  static void check(SetFunction f, Constraint c, Until until, boolean submodular, String what) {
    Selection one = Greedy.lazy(f, c, until, 1);
    assertSameSelection(Greedy.lazy(f, c, until), one, what + " one thread");
    if (submodular) {
      assertSameSelection(Greedy.naive(f, c, until), one, what + " naive");
    }
    // cheap gains stay on the calling thread after the initial pass; slowed ones (3 us each, the
    // same values) go to the workers: both must give the one-thread selection
    SetFunction slowed = new Slowed(f, 3_000);
    for (SetFunction g : new SetFunction[] {f, slowed}) {
      for (int threads = 2; threads <= 4; threads++) {
        long before = g.counter().calls();
        Selection s = Greedy.lazy(g, c, until, threads);
        String at = what + (g == f ? "" : " slowed") + " threads " + threads;
        assertSameSelection(one, s, at);
        assertEquals(g.counter().calls() - before, s.oracleCalls(), at);
        assertTrue(s.oracleCalls() >= one.oracleCalls(), at + " calls " + s.oracleCalls());
        long extra = (long) (threads - 1) * (one.size() + 1);
        assertTrue(
            s.oracleCalls() <= one.oracleCalls() + extra,
            at + " calls " + s.oracleCalls() + " vs " + one.oracleCalls());
      }
    }
  }

  @Test
  void facilityLocationOverEveryStorage() {
    RandomGenerator rng = Rng.create(13);
    double[][] points = Instances.points(rng, 300, 5);
    double[][] rows = new double[300][250];
    for (double[] r : rows) {
      Rng.uniform(rng, 0, 1, r);
    }
    List<Similarity> storages =
        List.of(
            Similarity.dense(rows),
            Similarity.squaredEuclidean(points, 2, Similarity.Precision.DOUBLE),
            Similarity.squaredEuclidean(points, 2, Similarity.Precision.FLOAT),
            Similarity.blocked(300, 250, (j, row) -> System.arraycopy(rows[j], 0, row, 0, 250)),
            SparseSimilarity.knn(points, 12));
    for (Similarity sim : storages) {
      FacilityLocation f = new FacilityLocation(sim);
      for (Until until : Until.values()) {
        String what = sim.getClass().getSimpleName() + " " + until;
        check(f, Constraint.cardinality(40), until, true, what);
        check(f, Constraint.cardinality(300), until, true, what + " k = n");
      }
    }
  }

  @Test
  void theOtherFunctionsThatAllowConcurrentGains() {
    RandomGenerator rng = Rng.create(29);
    int n = 150;
    double[][] features = new double[n][20];
    double[][] rows = new double[n][n];
    int[][] items = new int[n][];
    double[][] probs = new double[n][];
    for (int j = 0; j < n; j++) {
      Rng.uniform(rng, 0, 1, features[j]);
      Rng.uniform(rng, 0, 1, rows[j]);
      int m = 1 + rng.nextInt(6);
      items[j] = new int[m];
      probs[j] = new double[m];
      for (int t = 0; t < m; t++) {
        items[j][t] = (j + 7 * t) % 60; // distinct: 7 t < 60 for t < 6
        probs[j][t] = rng.nextDouble();
      }
    }
    double[] weights = new double[20];
    Rng.uniform(rng, 0.5, 1.5, weights);
    double[] itemWeights = new double[60];
    Rng.uniform(rng, 0.5, 1.5, itemWeights);
    int[] labels = new int[n];
    int[] sizes = new int[3];
    for (int e = 0; e < n; e++) {
      labels[e] = e % 3;
      sizes[e % 3]++;
    }
    Similarity[] kernels = new Similarity[3];
    for (int c = 0; c < 3; c++) {
      double[][] k = new double[sizes[c]][sizes[c]];
      for (double[] r : k) {
        Rng.uniform(rng, 0, 1, r);
      }
      kernels[c] = Similarity.dense(k);
    }
    FeatureBased feature = FeatureBased.dense(features, weights, FeatureBased.Concave.SQRT);
    List<SetFunction> functions =
        List.of(
            feature,
            new SaturatedCoverage(rows, 0.3),
            new ProbabilisticCoverage(items, probs, itemWeights),
            ClusteredFacilityLocation.of(labels, kernels),
            new Mixture(
                new SetFunction[] {new FacilityLocation(Similarity.dense(rows)), feature},
                new double[] {0.7, 0.3}));
    for (SetFunction f : functions) {
      assertTrue(f.concurrentGains(), f.getClass().getSimpleName());
      for (Until until : Until.values()) {
        check(
            f, Constraint.cardinality(30), until, true, f.getClass().getSimpleName() + " " + until);
      }
    }
  }

  @Test
  void graphCutMonotoneAndNot() {
    for (long seed = 0; seed < 4; seed++) {
      double[][] s = Instances.symmetric(Rng.create(seed), 120);
      for (double lambda : new double[] {0.3, 0.9}) {
        GraphCut f = new GraphCut(s, lambda);
        for (Until until : Until.values()) {
          check(f, Constraint.cardinality(50), until, true, "graph cut " + lambda + " " + until);
        }
      }
    }
  }

  @Test
  void manyExactTiesUnderAMatroid() {
    // unit weights over few items: gains are small integers, so most comparisons are exact ties
    RandomGenerator rng = Rng.create(5);
    int n = 200;
    int[][] sets = new int[n][];
    for (int j = 0; j < n; j++) {
      sets[j] = new int[] {rng.nextInt(30), rng.nextInt(30)};
      if (sets[j][0] == sets[j][1]) {
        sets[j] = new int[] {sets[j][0]};
      }
    }
    double[] w = new double[30];
    java.util.Arrays.fill(w, 1.0);
    WeightedCoverage f = new WeightedCoverage(sets, w);
    int[] group = new int[n];
    for (int j = 0; j < n; j++) {
      group[j] = j % 7;
    }
    for (Until until : Until.values()) {
      check(f, Constraint.cardinality(25), until, true, "ties " + until);
      check(
          f, PartitionMatroid.parts(group).capacities(1, 2, 3, 1, 2, 3, 4), until, true, "ties m");
    }
  }

  @Test
  void notSubmodularWithNanAndInfiniteGainsStillTheOneThreadRun() {
    for (long seed = 0; seed < 6; seed++) {
      ScrambledFunction f = new ScrambledFunction(150, seed, seed % 2 == 0, 0);
      for (Until until : Until.values()) {
        check(f, Constraint.cardinality(60), until, false, "scrambled " + seed + " " + until);
      }
    }
  }

  @Test
  void callsCountEveryMarginalAndTheAddsComputeNone() {
    ScrambledFunction f = new ScrambledFunction(300, 7, false, 0);
    SetFunction slowed = new Slowed(f, 3_000);
    for (int threads = 1; threads <= 4; threads++) {
      for (SetFunction g : new SetFunction[] {f, slowed}) {
        long before = f.marginals();
        Selection s = Greedy.lazy(g, Constraint.cardinality(80), Until.FULL, threads);
        assertEquals(80, s.size());
        long marginals = f.marginals() - before;
        if (threads == 1) {
          // every marginal is an oracle call: the picks' gains were fresh, no add recomputed one
          assertEquals(s.oracleCalls(), marginals);
        } else {
          // the calling thread may compute again what a descheduled worker holds (counted once)
          assertTrue(marginals >= s.oracleCalls(), marginals + " < " + s.oracleCalls());
        }
      }
    }
  }

  @Test
  void aStartSetIsKept() {
    FacilityLocation f = Instances.facility(3, 200);
    SetFunction g = f.startingFrom(5, 17, 100);
    for (int threads = 1; threads <= 3; threads++) {
      assertSameSelection(
          Greedy.lazy(g, Constraint.cardinality(20)),
          Greedy.lazy(g, Constraint.cardinality(20), Until.POSITIVE_GAIN, threads),
          "start set, threads " + threads);
    }
  }

  @Test
  void aFunctionWithoutConcurrentGainsRunsOnTheCallingThread() {
    double[][] k = Instances.gram(Instances.points(Rng.create(2), 60, 4));
    LogDet f = new LogDet(k, true);
    Selection one = Greedy.lazy(f, Constraint.cardinality(12));
    Selection four = Greedy.lazy(f, Constraint.cardinality(12), Until.POSITIVE_GAIN, 4);
    assertSameSelection(one, four, "log-det");
    assertEquals(one.oracleCalls(), four.oracleCalls());
  }

  @Test
  void aFailingGainOnAnyThreadPropagatesAndStopsTheWorkers() {
    for (int size : new int[] {0, 7, 60}) {
      SetFunction f = new Slowed(new ScrambledFunction(300, 1, false, size + 1), 3_000);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> Greedy.lazy(f, Constraint.cardinality(100), Until.FULL, 3));
      assertEquals("a gain at size " + size, e.getMessage());
      assertEquals(List.of(), liveWorkers());
    }
  }

  @Test
  void badInputIsRefusedBeforeAnyWork() {
    FacilityLocation f = Instances.facility(1, 20);
    Constraint c = Constraint.cardinality(3);
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> Greedy.lazy(f, c, Until.FULL, 0));
    assertTrue(zero.getMessage().contains("threads"), zero.getMessage());
    assertTrue(zero.getMessage().contains("0"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Greedy.lazy(f, c, Until.FULL, -2));
    assertThrows(NullPointerException.class, () -> Greedy.lazy(null, c, Until.FULL, 2));
    assertThrows(NullPointerException.class, () -> Greedy.lazy(f, null, Until.FULL, 2));
    assertThrows(NullPointerException.class, () -> Greedy.lazy(f, c, null, 2));
    assertEquals(0, f.counter().calls());
  }
}
