package dev.fathom.submodular.dynamic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.GraphCut;
import dev.fathom.submodular.function.WeightedCoverage;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link ThresholdLevelsDynamic}: the (1-eps)/2 guarantee after every update (brute force on small
 * live sets, a certified upper bound on larger ones), the level invariants of every guess
 * recomputed from their definitions with a fresh copy of f, the equivalence of the two insertion
 * walks, the uniformity of the first pick, and the cost per update against n and k.
 */
class ThresholdLevelsDynamicTest {

  /** Dense facility location: 14 candidates and 20 clients, Gaussian similarities. */
  static FacilityLocation gaussianFacility(long seed, int candidates, int clients) {
    RandomGenerator rng = Rng.create(seed);
    double[][] c = Instances.points(rng, candidates, 2);
    double[][] u = Instances.points(rng, clients, 2);
    double[][] rows = new double[candidates][clients];
    for (int j = 0; j < candidates; j++) {
      for (int i = 0; i < clients; i++) {
        double dx = c[j][0] - u[i][0];
        double dy = c[j][1] - u[i][1];
        rows[j][i] = Math.exp(-(dx * dx + dy * dy));
      }
    }
    return FacilityLocation.dense(rows);
  }

  /** The modular function with the given weights: element e alone covers item e. */
  static WeightedCoverage modular(double[] weights) {
    int[][] sets = new int[weights.length][];
    for (int e = 0; e < weights.length; e++) {
      sets[e] = new int[] {e};
    }
    return new WeightedCoverage(sets, weights);
  }

  /** P(z, u) against a freshly built S_z. */
  static boolean pickable(SetFunction sz, int z, int k, double tau, int u) {
    return z < k && sz.gain(u) >= tau;
  }

  /**
   * For every guess: the set of guesses is exactly the set of j that some live element routes to;
   * C1-C3 recomputed from the definitions (depth of every routed live element, the picks at their
   * own level, R_{T+1} empty); the picks equal the one-pass threshold rule over the order R_0\R_1,
   * u_1, (R_1\R_2)\{u_1}, u_2, ...; value and solution of the structure come from the best guess.
   */
  static void checkGuesses(
      ThresholdLevelsDynamic d, SetFunction f, int n, int k, double eps, String where) {
    double[] single = new double[n];
    TreeSet<Integer> expected = new TreeSet<>();
    for (int e = 0; e < n; e++) {
      if (d.isLive(e)) {
        single[e] = f.evaluate(e);
        for (int j = -400; j <= 400; j++) {
          if (ThresholdLevelsDynamic.routes(eps, k, j, single[e])) {
            expected.add(j);
          }
        }
      }
    }
    assertEquals(expected, new TreeSet<>(d.instanceMap().keySet()), where + ": live guesses");
    double bestValue = 0;
    int bestTop = -1;
    for (ThresholdLevelsDynamic.Guess g : d.instanceList()) {
      int top = g.top();
      assertTrue(top <= k, where);
      SetFunction[] s = new SetFunction[top + 1];
      s[0] = f.copy();
      s[0].reset();
      for (int l = 1; l <= top; l++) {
        s[l] = s[l - 1].copy();
        s[l].add(g.pick(l));
      }
      List<List<Integer>> byDepth = new ArrayList<>();
      for (int l = 0; l <= top; l++) {
        byDepth.add(new ArrayList<>());
      }
      for (int u = 0; u < n; u++) {
        boolean routed = d.isLive(u) && ThresholdLevelsDynamic.routes(eps, k, g.j, single[u]);
        if (!routed) {
          assertEquals(-1, g.levels.depth(u), where + ": guess " + g.j + " holds " + u);
          continue;
        }
        int depth = 0;
        while (depth <= top && pickable(s[Math.min(depth, top)], depth, k, g.tau, u)) {
          depth++;
        }
        assertTrue(depth <= top, where + ": R_{T+1} holds " + u);
        assertEquals(depth, g.levels.depth(u), where + ": guess " + g.j + " depth of " + u);
        boolean isPick = depth >= 1 && g.pick(depth) == u;
        if (!isPick) {
          byDepth.get(depth).add(u);
        }
      }
      // simulation: the threshold rule over R_0\R_1, u_1, (R_1\R_2)\{u_1}, u_2, ...
      SetFunction h = f.copy();
      h.reset();
      List<Integer> out = new ArrayList<>();
      for (int l = 0; l <= top; l++) {
        if (l >= 1) {
          threshold(h, out, k, g.tau, g.pick(l));
        }
        for (int u : byDepth.get(l)) {
          threshold(h, out, k, g.tau, u);
        }
      }
      int[] picks = g.solution();
      assertArrayEquals(
          out.stream().mapToInt(Integer::intValue).toArray(),
          picks,
          where + ": guess " + g.j + " against the threshold rule");
      assertEquals(f.evaluate(picks), g.value(), 1e-9 * (1 + g.value()), where);
      if (g.value() > bestValue || bestTop < 0) {
        bestTop = top;
      }
      bestValue = Math.max(bestValue, g.value());
    }
    assertEquals(bestValue, d.value(), 0.0, where);
    // diagnostics: the number of guesses, and the levels of the reported guess (largest value,
    // the smallest j on ties)
    assertEquals(expected.size(), d.guesses(), where + ": guesses()");
    assertEquals(Math.max(0, bestTop), d.levels(), where + ": levels()");
  }

  static void threshold(SetFunction h, List<Integer> out, int k, double tau, int u) {
    if (h.size() < k && h.gain(u) >= tau) {
      h.add(u);
      out.add(u);
    }
  }

  /** |S| <= k, S live, value = f(S), value >= (1-eps)/2 opt (relative slack 1e-9). */
  static void checkValue(
      DynamicMaximizer d, SetFunction f, int k, double eps, double opt, String where) {
    int[] s = d.solution();
    assertTrue(s.length <= k, where);
    for (int e : s) {
      assertTrue(d.isLive(e), where + ": solution holds deleted element " + e);
    }
    assertEquals(f.evaluate(s), d.value(), 1e-9 * (1 + d.value()), where);
    assertTrue(
        d.value() >= (1 - eps) / 2 * opt * (1 - 1e-9),
        where + ": value " + d.value() + " < (1-eps)/2 * " + opt);
  }

  /** Random updates: insert with probability 0.6 while fewer than n are live, else delete. */
  static void randomUpdate(DynamicMaximizer d, int n, RandomGenerator rng) {
    DynamicTest.randomUpdate(d, n, rng, 0.6);
  }

  @Test
  void halfMinusEpsOfBruteForceAndInvariantsAfterEveryUpdate() {
    int n = 14;
    int configs = 0;
    for (int k = 2; k <= 4; k++) {
      for (double eps : new double[] {0.1, 0.2, 0.5}) {
        for (long seed = 0; seed < 3; seed++, configs++) {
          FacilityLocation f = gaussianFacility(100 * k + seed, n, 20);
          ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(f, k, eps, seed);
          RandomGenerator stream = Rng.create(1000 + configs);
          for (int t = 0; t < 120; t++) {
            randomUpdate(d, n, stream);
            String where = "k " + k + " eps " + eps + " seed " + seed + " update " + t;
            double opt = Instances.bruteForce(f, DynamicTest.liveIds(d, n), k);
            checkValue(d, f, k, eps, opt, where);
            checkGuesses(d, f, n, k, eps, where);
          }
        }
      }
    }
    assertEquals(27, configs);
  }

  @Test
  void coverageInstancesAgainstBruteForce() {
    int n = 14;
    for (long seed = 0; seed < 3; seed++) {
      WeightedCoverage f = Instances.coverage(seed, n, 30, 0.15);
      ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(f, 3, 0.2, seed);
      RandomGenerator stream = Rng.create(seed + 77);
      for (int t = 0; t < 120; t++) {
        randomUpdate(d, n, stream);
        double opt = Instances.bruteForce(f, DynamicTest.liveIds(d, n), 3);
        checkValue(d, f, 3, 0.2, opt, "seed " + seed + " update " + t);
        checkGuesses(d, f, n, 3, 0.2, "seed " + seed + " update " + t);
      }
    }
  }

  /**
   * A modular function whose weights are thresholds {@code tau_j = gamma_j / (2k)} themselves:
   * every element of guess j reaches tau with equality at every level (it stays pickable), with
   * both insertion walks. The invariants and the guarantee against brute force after every update.
   */
  @Test
  void gainsEqualToTheThresholdArePickable() {
    int n = 12;
    int k = 2;
    double eps = 0.5;
    double[] weights = new double[n];
    for (int e = 0; e < n; e++) {
      weights[e] = ThresholdLevelsDynamic.gamma(eps, e % 4) / (2.0 * k);
    }
    WeightedCoverage f = modular(weights);
    for (long seed = 0; seed < 4; seed++) {
      // both walks: the sequential one also tests level 1 (f({u}) >= tau, with equality here)
      ThresholdLevelsDynamic.Walk walk =
          seed % 2 == 0
              ? ThresholdLevelsDynamic.Walk.BINARY
              : ThresholdLevelsDynamic.Walk.SEQUENTIAL;
      ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(f, k, eps, walk, Rng.create(seed));
      RandomGenerator stream = Rng.create(seed + 60);
      for (int t = 0; t < 100; t++) {
        randomUpdate(d, n, stream);
        String where = "ties " + walk + " seed " + seed + " update " + t;
        double opt = Instances.bruteForce(f, DynamicTest.liveIds(d, n), k);
        checkValue(d, f, k, eps, opt, where);
        checkGuesses(d, f, n, k, eps, where);
      }
    }
  }

  /**
   * A certified upper bound on the live optimum: for every prefix A of lazy greedy on the live set,
   * {@code OPT <= f(A) + (sum of the k largest live gains against A)}; the smallest of these.
   */
  static double certifiedUpperBound(SetFunction f, DynamicMaximizer d, int n, int k) {
    Selection g = Greedy.lazy(f, Constraint.cardinality(k, d::isLive));
    int[] live = DynamicTest.liveIds(d, n);
    SetFunction a = f.copy();
    a.reset();
    double best = Double.POSITIVE_INFINITY;
    int[] sel = g.elements();
    for (int i = 0; i <= sel.length; i++) {
      double[] gains = new double[live.length];
      for (int t = 0; t < live.length; t++) {
        gains[t] = a.gain(live[t]);
      }
      java.util.Arrays.sort(gains);
      double sum = a.value();
      for (int t = 0; t < Math.min(k, gains.length); t++) {
        sum += gains[gains.length - 1 - t];
      }
      best = Math.min(best, sum);
      if (i < sel.length) {
        a.add(sel[i]);
      }
    }
    return best;
  }

  @Test
  void largerLiveSetsAgainstACertifiedUpperBound() {
    int n = 400;
    FacilityLocation f =
        new FacilityLocation(SparseSimilarity.knn(Instances.points(Rng.create(9), n, 2), 10));
    for (int k : new int[] {5, 12}) {
      ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(f, k, 0.2, k);
      RandomGenerator stream = Rng.create(k + 40);
      for (int t = 0; t < 500; t++) {
        DynamicTest.randomUpdate(d, n, stream, 0.7);
        if (t % 5 == 0) {
          checkValue(d, f, k, 0.2, certifiedUpperBound(f, d, n, k), "k " + k + " update " + t);
        }
      }
      checkGuesses(d, f, n, k, 0.2, "k " + k + " end");
    }
  }

  /**
   * An adaptive adversary that deletes the structure's own first pick: the guarantee still holds
   * after every update (only the cost bound needs an oblivious adversary).
   */
  @Test
  void adaptiveDeletionsOfTheFirstPickKeepTheGuarantee() {
    int n = 300;
    int k = 6;
    FacilityLocation f =
        new FacilityLocation(SparseSimilarity.knn(Instances.points(Rng.create(3), n, 2), 10));
    ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(f, k, 0.2, 5);
    for (int e : Rng.permutation(Rng.create(4), n)) {
      d.insert(e);
    }
    for (int t = 0; t < 150; t++) {
      int[] s = d.solution();
      d.delete(s[0]);
      checkValue(d, f, k, 0.2, certifiedUpperBound(f, d, n, k), "deletion " + t);
    }
    checkGuesses(d, f, n, k, 0.2, "end");
  }

  @Test
  void binaryAndSequentialWalksHoldTheSameStructure() {
    int n = 300;
    int k = 8;
    FacilityLocation f =
        new FacilityLocation(SparseSimilarity.knn(Instances.points(Rng.create(2), n, 2), 10));
    for (long seed = 1; seed <= 3; seed++) {
      ThresholdLevelsDynamic b =
          new ThresholdLevelsDynamic(
              f, k, 0.2, ThresholdLevelsDynamic.Walk.BINARY, Rng.create(seed));
      ThresholdLevelsDynamic s =
          new ThresholdLevelsDynamic(
              f, k, 0.2, ThresholdLevelsDynamic.Walk.SEQUENTIAL, Rng.create(seed));
      UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 2, seed + 10);
      for (int t = 0; t < stream.length(); t++) {
        stream.apply(b, t);
        stream.apply(s, t);
        assertArrayEquals(s.solution(), b.solution(), "update " + t);
        assertEquals(s.instanceMap().keySet(), b.instanceMap().keySet());
        for (ThresholdLevelsDynamic.Guess gs : s.instanceList()) {
          ThresholdLevelsDynamic.Guess gb = b.instanceMap().get(gs.j);
          assertArrayEquals(gs.solution(), gb.solution(), "update " + t + " guess " + gs.j);
        }
      }
      for (ThresholdLevelsDynamic.Guess gs : s.instanceList()) {
        ThresholdLevelsDynamic.Guess gb = b.instanceMap().get(gs.j);
        for (int e = 0; e < n; e++) {
          assertEquals(gs.levels.depth(e), gb.levels.depth(e));
        }
      }
      assertTrue(
          b.oracleCalls() < s.oracleCalls(),
          "binary " + b.oracleCalls() + " vs sequential " + s.oracleCalls());
    }
  }

  /**
   * The first pick of a fixed guess over the same R_1 (all ten live elements) in 3000 seeds is
   * uniform: chi-square below 27.9 (p = 0.001, 9 degrees of freedom).
   */
  @Test
  void firstPickIsUniformOverR1() {
    int n = 10;
    int k = 3;
    double eps = 0.2;
    // coverage of 60 items by sets of about 18: singleton values within the factor 2k = 6
    WeightedCoverage f = Instances.coverage(5, n, 60, 0.3);
    // a fixed stream of 40 updates that ends with all ten elements live
    RandomGenerator streamRng = Rng.create(11);
    List<Integer> ops = new ArrayList<>();
    boolean[] live = new boolean[n];
    int liveCount = 0;
    for (int t = 0; t < 40; t++) {
      boolean insert = liveCount < n && (t >= 30 || liveCount < 2 || streamRng.nextDouble() < 0.6);
      int e;
      if (insert) {
        do {
          e = streamRng.nextInt(n);
        } while (live[e]);
        live[e] = true;
        liveCount++;
        ops.add(e);
      } else {
        do {
          e = streamRng.nextInt(n);
        } while (!live[e]);
        live[e] = false;
        liveCount--;
        ops.add(-e - 1);
      }
    }
    assertEquals(n, liveCount, "the stream ends with every element live");
    // the guess that holds every element
    double[] s = new double[n];
    for (int e = 0; e < n; e++) {
      s[e] = f.evaluate(e);
    }
    int j = Integer.MIN_VALUE;
    for (int c = -400; c <= 400 && j == Integer.MIN_VALUE; c++) {
      boolean all = true;
      for (double v : s) {
        all &= ThresholdLevelsDynamic.routes(eps, k, c, v);
      }
      if (all) {
        j = c;
      }
    }
    assertTrue(j != Integer.MIN_VALUE, "some guess holds all ten elements");
    int seeds = 3000;
    int[] hits = new int[n];
    for (int seed = 0; seed < seeds; seed++) {
      ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(f, k, eps, seed);
      for (int op : ops) {
        if (op >= 0) {
          d.insert(op);
        } else {
          d.delete(-op - 1);
        }
      }
      ThresholdLevelsDynamic.Guess g = d.instanceMap().get(j);
      assertEquals(n, g.levels.sizeAtLeast(1));
      hits[g.pick(1)]++;
    }
    double chi2 = 0;
    for (int h : hits) {
      chi2 += (h - seeds / (double) n) * (h - seeds / (double) n) / (seeds / (double) n);
    }
    assertTrue(chi2 < 27.9, "chi-square " + chi2);
  }

  /** The cost bound of the structure per update: 1 + guesses per element * k (2 + ceil log2 k). */
  static double costBound(int k, double eps) {
    int perElement = (int) Math.floor(Math.log(2.0 * k) / Math.log1p(eps)) + 1;
    int log = 32 - Integer.numberOfLeadingZeros(k - 1);
    return 1 + perElement * k * (2.0 + log);
  }

  static double callsPerUpdate(int n, int k, double eps, long seed) {
    SparseSimilarity sim = SparseSimilarity.knn(Instances.points(Rng.create(n), n, 2), 10);
    ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(new FacilityLocation(sim), k, eps, seed);
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 2, 7);
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(d, t);
    }
    return (double) d.oracleCalls() / stream.length();
  }

  /** Calls per update flat in n: max/min at most 1.5 and a log-log slope at most 0.1. */
  @Test
  void callsPerUpdateAreFlatInN() {
    int count = 4;
    double[] x = new double[count];
    double[] y = new double[count];
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int i = 0; i < count; i++) {
      int n = 1 << (10 + i);
      double c = callsPerUpdate(n, 10, 0.2, 1);
      assertTrue(c <= costBound(10, 0.2), n + ": " + c);
      x[i] = Math.log(n);
      y[i] = Math.log(c);
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
    }
    assertTrue(hi / lo <= 1.5, lo + " .. " + hi);
    assertTrue(slope(x, y) <= 0.1, "slope " + slope(x, y));
  }

  /** Calls per update within the bound and within [0.5, 2.5] of k ln^2 k / eps. */
  @Test
  void callsPerUpdateGrowLikeKLogSquaredKOverEps() {
    for (double eps : new double[] {0.2, 0.1}) {
      for (int k : new int[] {5, 10, 20}) {
        // n = 1024: calls per update are flat in n from there on (callsPerUpdateAreFlatInN)
        double c = callsPerUpdate(1024, k, eps, 1);
        double ratio = c / (k * Math.log(k) * Math.log(k) / eps);
        assertTrue(c <= costBound(k, eps), k + ", " + eps + ": " + c);
        assertTrue(ratio >= 0.5 && ratio <= 2.5, k + ", " + eps + ": ratio " + ratio);
      }
    }
  }

  /**
   * Oblivious deletions aimed at a solution: all n inserted, then n/4 times the earliest-inserted
   * element of a second structure's (other seed) current solution is deleted. Calls per deletion
   * stay within a factor 2 from n = 2^10 to 2^12, while re-running lazy greedy grows with n.
   */
  @Test
  void deletionsAimedAtAnotherSolutionStayFlatInN() {
    double[] perDeletion = new double[2];
    for (int i = 0; i < 2; i++) {
      int n = 1 << (10 + 2 * i);
      SparseSimilarity sim = SparseSimilarity.knn(Instances.points(Rng.create(n), n, 2), 10);
      ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(new FacilityLocation(sim), 10, 0.2, 1);
      ThresholdLevelsDynamic ref =
          new ThresholdLevelsDynamic(new FacilityLocation(sim), 10, 0.2, 2);
      int[] order = Rng.permutation(Rng.create(3), n);
      int[] rank = new int[n];
      for (int t = 0; t < n; t++) {
        rank[order[t]] = t;
        d.insert(order[t]);
        ref.insert(order[t]);
      }
      long before = d.oracleCalls();
      for (int t = 0; t < n / 4; t++) {
        int victim = -1;
        for (int e : ref.solution()) {
          victim = victim < 0 || rank[e] < rank[victim] ? e : victim;
        }
        d.delete(victim);
        ref.delete(victim);
      }
      perDeletion[i] = (double) (d.oracleCalls() - before) / (n / 4);
      assertTrue(perDeletion[i] <= costBound(10, 0.2), n + ": " + perDeletion[i]);
    }
    double ratio = perDeletion[1] / perDeletion[0];
    assertTrue(ratio <= 2 && ratio >= 0.5, java.util.Arrays.toString(perDeletion));
  }

  static double slope(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / y.length;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }

  @Test
  void guessesAreCreatedLazilyAndDroppedWhenEmpty() {
    int n = 30;
    int k = 4;
    double eps = 0.2;
    FacilityLocation f = gaussianFacility(3, n, 20);
    ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(f, k, eps, 1);
    assertEquals(0, d.guesses());
    assertEquals(0, d.oracleCalls(), "no set-up calls");
    d.insert(7);
    assertEquals(1, d.oracleCalls(), "one singleton call per insertion");
    double s = f.evaluate(7);
    int expected = 0;
    for (int j = -400; j <= 400; j++) {
      expected += ThresholdLevelsDynamic.routes(eps, k, j, s) ? 1 : 0;
    }
    assertEquals(expected, d.guesses());
    assertTrue(expected <= Math.floor(Math.log(2.0 * k) / Math.log1p(eps)) + 1);
    assertArrayEquals(new int[] {7}, d.solution());
    for (int e = 0; e < n; e++) {
      if (e != 7) {
        d.insert(e);
      }
    }
    for (int e = 0; e < n; e++) {
      d.delete(e);
      checkGuesses(d, f, n, k, eps, "after deleting " + e);
    }
    assertEquals(0, d.guesses());
    assertEquals(0, d.solution().length);
    assertEquals(0.0, d.value(), 0.0);
    assertEquals(0, d.levels());
  }

  @Test
  void randomGeneratorOverloadDrawsLikeTheSeed() {
    FacilityLocation f = gaussianFacility(4, 40, 20);
    ThresholdLevelsDynamic a = new ThresholdLevelsDynamic(f, 3, 0.2, 9);
    ThresholdLevelsDynamic b = new ThresholdLevelsDynamic(f, 3, 0.2, Rng.create(9));
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(40, 2, 3);
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(a, t);
      stream.apply(b, t);
      assertArrayEquals(a.solution(), b.solution());
    }
    assertEquals(a.oracleCalls(), b.oracleCalls());
  }

  @Test
  void badInput() {
    FacilityLocation f = Instances.facility(1, 6);
    assertEquals(
        "k = 0: expected a positive integer",
        assertThrows(IllegalArgumentException.class, () -> new ThresholdLevelsDynamic(f, 0, 0.1, 1))
            .getMessage());
    for (double eps : new double[] {0, 1, -0.5, Double.NaN}) {
      assertTrue(
          assertThrows(
                  IllegalArgumentException.class, () -> new ThresholdLevelsDynamic(f, 2, eps, 1))
              .getMessage()
              .startsWith("eps = "));
    }
    assertThrows(NullPointerException.class, () -> new ThresholdLevelsDynamic(null, 2, 0.1, 1));
    assertEquals(
        "rng = null: expected a non-null value",
        assertThrows(
                NullPointerException.class,
                () -> new ThresholdLevelsDynamic(f, 2, 0.1, (RandomGenerator) null))
            .getMessage());
    GraphCut cut = new GraphCut(Instances.symmetric(Rng.create(1), 4), 1.0);
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> new ThresholdLevelsDynamic(cut, 2, 0.1, 1))
            .getMessage()
            .startsWith("f.monotone()"));
    ThresholdLevelsDynamic d = new ThresholdLevelsDynamic(f, 2, 0.1, 1);
    assertEquals(
        "e = 3: expected a live element (it is absent)",
        assertThrows(IllegalArgumentException.class, () -> d.delete(3)).getMessage());
    d.insert(3);
    assertThrows(IllegalArgumentException.class, () -> d.insert(3));
    assertThrows(IllegalArgumentException.class, () -> d.insert(6));
  }
}
