package dev.fathom.submodular.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Matroid;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.GraphCut;
import dev.fathom.submodular.function.WeightedCoverage;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fully dynamic algorithms, checked after every update of random insert/delete streams. */
@SuppressWarnings("deprecation") // the superseded classes stay tested as baselines
class DynamicTest {
  interface Factory {
    DynamicMaximizer create(SetFunction f, int k, double eps, long seed);
  }

  static final Factory BANIHASHEM = BanihashemDynamic::new;
  static final Factory LATTANZI = LattanziDynamic::new;

  static int[] liveIds(DynamicMaximizer d, int n) {
    return java.util.stream.IntStream.range(0, n).filter(d::isLive).toArray();
  }

  /** Random stream: insert a random absent element with probability pInsert, else delete. */
  static void randomStream(
      DynamicMaximizer d,
      SetFunction f,
      int n,
      int k,
      double eps,
      int updates,
      long seed,
      boolean bruteForce) {
    RandomGenerator rng = Rng.create(seed);
    for (int t = 0; t < updates; t++) {
      randomUpdate(d, n, rng, 0.7);
      check(d, f, n, k, eps, bruteForce, t);
    }
  }

  /** Inserts a random absent element with probability pInsert, else deletes a random live one. */
  static void randomUpdate(DynamicMaximizer d, int n, RandomGenerator rng, double pInsert) {
    boolean insert = d.liveCount() < 2 || (d.liveCount() < n && rng.nextDouble() < pInsert);
    if (insert) {
      int e;
      do {
        e = rng.nextInt(n);
      } while (d.isLive(e));
      d.insert(e);
    } else {
      int[] liveNow = liveIds(d, n);
      d.delete(liveNow[rng.nextInt(liveNow.length)]);
    }
  }

  static void check(
      DynamicMaximizer d, SetFunction f, int n, int k, double eps, boolean brute, int t) {
    int[] s = d.solution();
    assertTrue(s.length <= k);
    for (int e : s) {
      assertTrue(d.isLive(e), "update " + t + ": solution holds deleted element " + e);
    }
    assertEquals(f.evaluate(s), d.value(), 1e-9 * (1 + d.value()));
    double ref =
        brute
            ? Instances.bruteForce(f, liveIds(d, n), k)
            : Greedy.lazy(f, Constraint.cardinality(k, d::isLive)).value();
    assertTrue(
        d.value() >= (0.5 - eps) * ref - 1e-12,
        "update " + t + ": value " + d.value() + " < (1/2 - eps) * " + ref);
  }

  @ParameterizedTest
  @ValueSource(strings = {"banihashem", "lattanzi"})
  void keepsHalfMinusEpsOfBruteForceAfterEveryUpdate(String name) {
    Factory fac = name.equals("banihashem") ? BANIHASHEM : LATTANZI;
    for (long seed = 0; seed < 4; seed++) {
      SetFunction f =
          seed % 2 == 0 ? Instances.facility(seed, 14) : Instances.coverage(seed, 14, 30, 0.15);
      randomStream(fac.create(f, 3, 0.1, seed), f, 14, 3, 0.1, 150, seed, true);
    }
  }

  @Test
  void largerStreamsAgainstOfflineGreedy() {
    int n = 300;
    int k = 8;
    FacilityLocation f =
        new FacilityLocation(SparseSimilarity.knn(Instances.points(Rng.create(9), n, 2), 15));
    for (Factory fac : new Factory[] {BANIHASHEM, LATTANZI}) {
      DynamicMaximizer d = fac.create(f, k, 0.2, 5);
      randomStream(d, f, n, k, 0.2, 400, 17, false);
      // a larger budget, a finer grid of guesses
      DynamicMaximizer big = fac.create(f, 25, 0.05, 6);
      randomStream(big, f, n, 25, 0.05, 300, 18, false);
    }
  }

  @Test
  void slidingWindowDeletesEveryElementEventually() {
    int n = 200;
    int k = 5;
    int window = 40;
    WeightedCoverage f = Instances.coverage(4, n, 120, 0.03);
    for (Factory fac : new Factory[] {BANIHASHEM, LATTANZI}) {
      DynamicMaximizer d = fac.create(f, k, 0.1, 2);
      int[] perm = Rng.permutation(Rng.create(3), n);
      for (int t = 0; t < n; t++) {
        d.insert(perm[t]);
        if (t >= window) {
          d.delete(perm[t - window]);
        }
        check(d, f, n, k, 0.1, false, t);
      }
      for (int t = n - window; t < n; t++) {
        d.delete(perm[t]);
      }
      assertEquals(0, d.liveCount());
      assertEquals(0, d.solution().length);
      assertEquals(0.0, d.value(), 0.0);
    }
  }

  @Test
  void fewerCallsPerUpdateThanRerunningLazyGreedy() {
    int n = 1024;
    int k = 5;
    SparseSimilarity sim = SparseSimilarity.knn(Instances.points(Rng.create(2), n, 2), 10);
    DynamicMaximizer d = BANIHASHEM.create(new FacilityLocation(sim), k, 0.2, 1);
    // the baseline gets its own function object, hence its own oracle counter
    FacilityLocation f = new FacilityLocation(sim);
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 3, 4);
    long rerun = 0;
    int samples = 0;
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(d, t);
      if (t % 64 == 0) {
        long before = d.oracleCalls();
        rerun += Greedy.lazy(f, Constraint.cardinality(k, d::isLive)).oracleCalls();
        samples++;
        assertEquals(before, d.oracleCalls(), "separate counters");
      }
    }
    int updates = stream.length();
    double dynamicPerUpdate = (double) d.oracleCalls() / updates;
    double rerunPerUpdate = (double) rerun / samples;
    // re-running lazy greedy costs at least one call per live element
    assertTrue(
        dynamicPerUpdate * 3 < rerunPerUpdate,
        dynamicPerUpdate + " vs " + rerunPerUpdate + " calls per update");
  }

  static double bruteForceMatroid(SetFunction f, Matroid m, int[] live) {
    double best = 0;
    for (int mask = 0; mask < (1 << live.length); mask++) {
      int[] bits = Instances.subset(mask);
      int[] s = new int[bits.length];
      for (int t = 0; t < s.length; t++) {
        s[t] = live[bits[t]];
      }
      if (m.independent(s, s.length)) {
        best = Math.max(best, f.evaluate(s));
      }
    }
    return best;
  }

  /**
   * Two algorithms built on one function object: each reports its own calls only (the same count as
   * when built on a function of its own), while the shared function's counter sees the total.
   */
  @Test
  void oracleCallsCountOwnInstanceOnlyOnASharedFunction() {
    int n = 200;
    SparseSimilarity sim = SparseSimilarity.knn(Instances.points(Rng.create(5), n, 2), 8);
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 3, 2);
    java.util.function.Function<SetFunction, DynamicMaximizer[]> build =
        f ->
            new DynamicMaximizer[] {
              LATTANZI.create(f, 4, 0.2, 1),
              BANIHASHEM.create(f, 4, 0.2, 2),
              new SwappingDynamic(f, Constraint.cardinality(4))
            };
    // reference: every algorithm on a function object of its own
    long[] alone = new long[3];
    for (int i = 0; i < 3; i++) {
      DynamicMaximizer d = build.apply(new FacilityLocation(sim))[i];
      for (int t = 0; t < stream.length(); t++) {
        stream.apply(d, t);
      }
      alone[i] = d.oracleCalls();
      assertTrue(alone[i] > 0);
    }
    FacilityLocation shared = new FacilityLocation(sim);
    DynamicMaximizer[] ds = build.apply(shared);
    long before = shared.counter().calls();
    for (int i = 0; i < 3; i++) {
      for (int t = 0; t < stream.length(); t++) {
        stream.apply(ds[i], t);
      }
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(alone[i], ds[i].oracleCalls(), "algorithm " + i + " on the shared function");
    }
    assertEquals(alone[0] + alone[1] + alone[2], shared.counter().calls() - before);
    // a baseline run on the shared function does not show in the algorithms' counts
    Greedy.lazy(shared, Constraint.cardinality(4, ds[0]::isLive));
    assertEquals(alone[0], ds[0].oracleCalls());
  }

  @Test
  void updateStreamInsertsEveryElementOnceAndDeletesOnlyLiveOnes() {
    int n = 500;
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 3, 1);
    assertEquals(n + n / 3, stream.length());
    DynamicMaximizer d = new SwappingDynamic(Instances.facility(1, n), Constraint.cardinality(3));
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(d, t); // insert of a live or delete of an absent element would throw
    }
    assertEquals(n - n / 3, d.liveCount());
    assertThrows(IllegalArgumentException.class, () -> UpdateStream.insertAllDeleteEvery(0, 1, 1));
  }

  @Test
  void badInput() {
    FacilityLocation f = Instances.facility(1, 6);
    for (DynamicMaximizer d :
        new DynamicMaximizer[] {
          BANIHASHEM.create(f, 2, 0.1, 1),
          LATTANZI.create(f, 2, 0.1, 1),
          new SwappingDynamic(f, Constraint.cardinality(2))
        }) {
      assertEquals(
          "e = 3: expected a live element (it is absent)",
          assertThrows(IllegalArgumentException.class, () -> d.delete(3)).getMessage());
      d.insert(3);
      assertThrows(IllegalArgumentException.class, () -> d.insert(3));
      assertThrows(IllegalArgumentException.class, () -> d.insert(6));
      assertThrows(IllegalArgumentException.class, () -> d.delete(-1));
      d.delete(3);
      assertThrows(IllegalArgumentException.class, () -> d.delete(3));
    }
    assertThrows(IllegalArgumentException.class, () -> BANIHASHEM.create(f, 0, 0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> LATTANZI.create(f, -1, 0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> BANIHASHEM.create(f, 2, 1.0, 1));
    GraphCut cut = new GraphCut(Instances.symmetric(Rng.create(1), 4), 1.0);
    assertThrows(IllegalArgumentException.class, () -> BANIHASHEM.create(cut, 2, 0.1, 1));
  }
}
