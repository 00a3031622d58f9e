package dev.fathom.submodular.dynamic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Matroid;
import dev.fathom.submodular.constraint.PartitionMatroid;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.GraphCut;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link SwappingLevelsDynamic}: OPT/(4+eps) after every update with q = 1 (brute force on
 * partition and graphic matroids), the level invariants M1-M5 of every run recomputed from their
 * definitions with a fresh copy of f and a brute-force conflict search, the emulation of the
 * floored Swapping rule, the expectation with q = 1/3, the uniformity of the first choice, and the
 * calls per update against n and under deletions aimed at the solution.
 */
@SuppressWarnings("deprecation") // the superseded classes stay tested as baselines
class SwappingLevelsDynamicTest {

  /** A fresh state of f holding the given set. */
  static SetFunction stateOf(SetFunction f, List<Integer> a) {
    SetFunction h = f.copy();
    h.reset();
    for (int x : a) {
      h.add(x);
    }
    return h;
  }

  static boolean independent(Matroid m, List<Integer> a) {
    return m.independent(a.stream().mapToInt(Integer::intValue).toArray(), a.size());
  }

  /**
   * The element of A (with weights w) that x evicts, by brute force: -1 if A + x is independent, -2
   * if x is a loop, else the lightest (weight, then id) a with A - a + x independent.
   */
  static int conflict(Matroid m, List<Integer> a, List<Double> w, int x) {
    List<Integer> ax = new ArrayList<>(a);
    ax.add(x);
    if (independent(m, ax)) {
      return -1;
    }
    if (!independent(m, List.of(x))) {
      return -2;
    }
    int best = -1;
    for (int t = 0; t < a.size(); t++) {
      List<Integer> swap = new ArrayList<>(a);
      swap.set(t, x);
      if (independent(m, swap)
          && (best < 0
              || w.get(t) < w.get(best)
              || (w.get(t).equals(w.get(best)) && a.get(t) < a.get(best)))) {
        best = t;
      }
    }
    return a.get(best);
  }

  /** The floored Swapping rule: {U (or -1), gain} if x survives against A, else null. */
  static double[] survives(
      SetFunction f, Matroid m, List<Integer> a, List<Double> w, double theta, int x) {
    if (a.contains(x)) {
      return null;
    }
    int u = conflict(m, a, w, x);
    if (u == -2) {
      return null;
    }
    double t = Math.max(u < 0 ? 0 : 2 * w.get(a.indexOf(u)), theta);
    double g = stateOf(f, a).gain(x);
    return g >= t ? new double[] {u, g} : null;
  }

  /** A = A - U + x with weight g for x. */
  static void swapIn(List<Integer> a, List<Double> w, int u, int x, double g) {
    if (u >= 0) {
      int t = a.indexOf(u);
      a.remove(t);
      w.remove(t);
    }
    a.add(x);
    w.add(g);
  }

  /**
   * For every run: the set of runs is the set of j some live element routes to; M1-M5 recomputed
   * from the definitions (chosen elements, frozen weights, evictions, the depth of every routed
   * element, B above i* empty, ignored elements nowhere); the run's set equals the floored Swapping
   * rule over B_0\B_1, e_1, (B_1\B_2)\{e_1}, e_2, ...; i* <= 2k^2/eps_f; value() is the best run.
   */
  static void checkRuns(
      SwappingLevelsDynamic d, SetFunction f, Matroid m, int n, int k, String at) {
    double epsF = d.epsF();
    double[] single = new double[n];
    TreeSet<Integer> expected = new TreeSet<>();
    for (int e = 0; e < n; e++) {
      if (d.isLive(e)) {
        single[e] = f.evaluate(e);
        for (int j = -200; j <= 200; j++) {
          if (SwappingLevelsDynamic.routes(epsF, k, j, single[e])) {
            expected.add(j);
          }
        }
      }
    }
    assertEquals(expected, new TreeSet<>(d.instanceMap().keySet()), at + ": live runs");
    double best = 0;
    int bestTop = -1;
    for (SwappingLevelsDynamic.Run r : d.instanceList()) {
      int top = r.top();
      String where = at + ": run " + r.j;
      assertTrue(top <= 2.0 * k * k / epsF, where + ": i* " + top);
      List<List<Integer>> aLevels = new ArrayList<>();
      List<List<Double>> wLevels = new ArrayList<>();
      aLevels.add(new ArrayList<>());
      wLevels.add(new ArrayList<>());
      for (int i = 1; i <= top; i++) {
        List<Integer> a = new ArrayList<>(aLevels.get(i - 1));
        List<Double> w = new ArrayList<>(wLevels.get(i - 1));
        int x = r.chosen(i);
        assertEquals(i, r.levels.depth(x), where + ": depth of e_" + i);
        double[] s = survives(f, m, a, w, r.theta, x);
        assertTrue(s != null, where + ": e_" + i + " does not survive level " + i);
        assertEquals((int) s[0], r.evicted(i), where + ": U_" + i);
        assertEquals(s[1], r.weight(i), 1e-9 * (1 + s[1]), where + ": w(e_" + i + ")");
        swapIn(a, w, (int) s[0], x, r.weight(i));
        assertTrue(independent(m, a), where);
        aLevels.add(a);
        wLevels.add(w);
      }
      List<List<Integer>> byDepth = new ArrayList<>();
      for (int l = 0; l <= top; l++) {
        byDepth.add(new ArrayList<>());
      }
      for (int x = 0; x < n; x++) {
        boolean routed = d.isLive(x) && SwappingLevelsDynamic.routes(epsF, k, r.j, single[x]);
        if (!routed || r.ignored(x)) {
          assertEquals(-1, r.levels.depth(x), where + " holds " + x);
          assertTrue(routed || !r.ignored(x), where + " ignores " + x);
          continue;
        }
        int depth = 0;
        while (depth <= top
            && survives(f, m, aLevels.get(depth), wLevels.get(depth), r.theta, x) != null) {
          depth++;
        }
        assertTrue(depth <= top, where + ": B_{i*+1} holds " + x);
        assertEquals(depth, r.levels.depth(x), where + ": depth of " + x);
        if (depth == 0 || r.chosen(depth) != x) {
          byDepth.get(depth).add(x);
        }
      }
      // emulation: the floored Swapping rule over the order of the levels
      List<Integer> a = new ArrayList<>();
      List<Double> w = new ArrayList<>();
      for (int l = 0; l <= top; l++) {
        List<Integer> order = new ArrayList<>();
        if (l >= 1) {
          order.add(r.chosen(l));
        }
        order.addAll(byDepth.get(l));
        for (int x : order) {
          double[] s = survives(f, m, a, w, r.theta, x);
          if (s != null) {
            swapIn(a, w, (int) s[0], x, s[1]);
          }
        }
      }
      int[] got = r.solution();
      Arrays.sort(got);
      assertArrayEquals(
          a.stream().mapToInt(Integer::intValue).sorted().toArray(),
          got,
          where + ": against the floored Swapping rule");
      assertEquals(f.evaluate(got), r.value(), 1e-9 * (1 + r.value()), where);
      if (r.value() > best || bestTop < 0) {
        bestTop = top;
      }
      best = Math.max(best, r.value());
    }
    assertEquals(best, d.value(), 0.0, at);
    // diagnostics: the number of runs, and the levels of the reported run (largest value, the
    // smallest j on ties)
    assertEquals(expected.size(), d.runs(), at + ": runs()");
    assertEquals(Math.max(0, bestTop), d.levels(), at + ": levels()");
  }

  /** A independent, live, |A| <= rank, value = f(A), value >= OPT/(4+eps) (slack 1e-9). */
  static void checkValue(
      SwappingLevelsDynamic d, SetFunction f, Matroid m, int rank, double eps, int n, String at) {
    int[] s = d.solution();
    assertTrue(s.length <= rank, at);
    assertTrue(m.independent(s, s.length), at + ": dependent solution");
    for (int e : s) {
      assertTrue(d.isLive(e), at + ": solution holds deleted element " + e);
    }
    assertEquals(f.evaluate(s), d.value(), 1e-9 * (1 + d.value()), at);
    double opt = DynamicTest.bruteForceMatroid(f, m, DynamicTest.liveIds(d, n));
    assertTrue(
        d.value() >= opt / (4 + eps) * (1 - 1e-9),
        at + ": value " + d.value() + " < OPT/(4+eps), OPT " + opt);
  }

  static PartitionMatroid randomPartition(RandomGenerator rng, int n) {
    int parts = 3 + rng.nextInt(2);
    int[] cap = new int[parts];
    for (int p = 0; p < parts; p++) {
      cap[p] = 1 + rng.nextInt(2);
    }
    return PartitionMatroid.parts(Instances.parts(n, parts)).capacities(cap);
  }

  @Test
  void quarterMinusEpsOfBruteForceAndInvariantsAfterEveryUpdateOnPartitionMatroids() {
    int n = 12;
    int configs = 0;
    for (double eps : new double[] {0.1, 0.2, 0.5}) {
      for (long seed = 0; seed < 7; seed++, configs++) {
        RandomGenerator stream = Rng.create(500 + configs);
        PartitionMatroid m = randomPartition(stream, n);
        FacilityLocation f = ThresholdLevelsDynamicTest.gaussianFacility(70 + seed, n, 20);
        SwappingLevelsDynamic d =
            SwappingLevelsDynamic.builder(f, m).rank(m.rank()).eps(eps).build(seed);
        for (int t = 0; t < 120; t++) {
          DynamicTest.randomUpdate(d, n, stream, 0.6);
          String at = "eps " + eps + " seed " + seed + " update " + t;
          checkValue(d, f, m, m.rank(), eps, n, at);
          checkRuns(d, f, m, n, m.rank(), at);
        }
      }
    }
    assertEquals(21, configs);
  }

  @Test
  void graphicMatroidGivenOnlyByItsOracle() {
    int n = 12;
    int vertices = 6;
    for (long seed = 0; seed < 4; seed++) {
      RandomGenerator rng = Rng.create(seed + 50);
      int[][] edges = new int[n][];
      for (int e = 0; e < n; e++) {
        int a = rng.nextInt(vertices);
        int b = rng.nextInt(vertices - 1);
        edges[e] = new int[] {a, b >= a ? b + 1 : b};
      }
      Matroid m = SwappingDynamicTest.graphic(edges, vertices);
      SetFunction f = Instances.coverage(seed, n, 30, 0.15);
      SwappingLevelsDynamic d =
          SwappingLevelsDynamic.builder(f, m).rank(vertices - 1).eps(0.2).build(seed);
      for (int t = 0; t < 120; t++) {
        DynamicTest.randomUpdate(d, n, rng, 0.6);
        String at = "graphic seed " + seed + " update " + t;
        checkValue(d, f, m, vertices - 1, 0.2, n, at);
        checkRuns(d, f, m, n, vertices - 1, at);
      }
      assertTrue(d.independenceQueries() > 0);
    }
  }

  /**
   * Loops (elements of a part of capacity 0, worth more than twice any other element) fail level 1
   * and are never chosen; the invariants against brute force after every update.
   */
  @Test
  void loopsAreNeverChosen() {
    int n = 12;
    int[] part = new int[n];
    for (int e = 0; e < n; e++) {
      part[e] = e % 3;
    }
    PartitionMatroid m = PartitionMatroid.parts(part).capacities(new int[] {2, 0, 1});
    for (long seed = 0; seed < 3; seed++) {
      RandomGenerator stream = Rng.create(seed + 90);
      double[] weights = new double[n];
      for (int e = 0; e < n; e++) {
        weights[e] = part[e] == 1 ? 5 + stream.nextDouble() : 1 + stream.nextDouble();
      }
      SetFunction f = ThresholdLevelsDynamicTest.modular(weights);
      SwappingLevelsDynamic d = SwappingLevelsDynamic.builder(f, m).rank(3).eps(0.2).build(seed);
      for (int t = 0; t < 80; t++) {
        DynamicTest.randomUpdate(d, n, stream, 0.6);
        String at = "loops seed " + seed + " update " + t;
        checkValue(d, f, m, 3, 0.2, n, at);
        checkRuns(d, f, m, n, 3, at);
        for (int e : d.solution()) {
          assertTrue(part[e] != 1, at + ": loop " + e + " chosen");
        }
      }
    }
  }

  /**
   * A modular function with values in {1, 2, 4} under capacities 1 and 2: gains equal twice the
   * weight of the element they would evict (the survival threshold is reached with equality, and an
   * arrival survives) and members of equal weight compete for eviction (the lighter by id goes).
   * The invariants against brute force after every update.
   */
  @Test
  void exactTiesAtTheSwapThresholdAndBetweenEqualWeights() {
    int n = 12;
    double[] weights = new double[n];
    int[] part = new int[n];
    for (int e = 0; e < n; e++) {
      weights[e] = 1 << (e % 3);
      part[e] = (e / 3) % 2;
    }
    SetFunction f = ThresholdLevelsDynamicTest.modular(weights);
    PartitionMatroid m = PartitionMatroid.parts(part).capacities(new int[] {1, 2});
    for (long seed = 0; seed < 4; seed++) {
      SwappingLevelsDynamic d = SwappingLevelsDynamic.builder(f, m).rank(3).eps(0.2).build(seed);
      RandomGenerator stream = Rng.create(seed + 70);
      for (int t = 0; t < 100; t++) {
        DynamicTest.randomUpdate(d, n, stream, 0.65);
        String at = "ties seed " + seed + " update " + t;
        checkValue(d, f, m, 3, 0.2, n, at);
        checkRuns(d, f, m, n, 3, at);
      }
    }
  }

  /**
   * With q = 1/3 each run ignores each inserted element with probability 2/3: over all (run, routed
   * element) pairs of 600 insertions the ignored fraction is within 4 standard deviations of 2/3.
   */
  @Test
  void keepProbabilityKeepsAThirdOfTheRoutedElements() {
    int n = 600;
    SetFunction f = Instances.coverage(4, n, 200, 0.02);
    PartitionMatroid m = threeParts(n);
    SwappingLevelsDynamic d =
        SwappingLevelsDynamic.builder(f, m).rank(3).eps(0.2).keepProbability(1.0 / 3).build(8);
    for (int e = 0; e < n; e++) {
      d.insert(e);
    }
    long pairs = 0;
    long ignored = 0;
    for (SwappingLevelsDynamic.Run r : d.instanceList()) {
      for (int e = 0; e < n; e++) {
        if (SwappingLevelsDynamic.routes(d.epsF(), 3, r.j, f.evaluate(e))) {
          pairs++;
          ignored += r.ignored(e) ? 1 : 0;
          assertTrue(!r.ignored(e) || r.levels.depth(e) < 0, "an ignored element is held");
        }
      }
    }
    double p = 2.0 / 3;
    double sd = Math.sqrt(pairs * p * (1 - p));
    assertTrue(pairs >= 1000, "pairs " + pairs);
    assertTrue(Math.abs(ignored - pairs * p) <= 4 * sd, ignored + " ignored of " + pairs);
  }

  /** q = 1/3: the mean ratio over 300 seeds, at every update of one stream, reaches 1/(4+eps). */
  @Test
  void oneThirdKeepsTheBoundInExpectation() {
    int n = 12;
    double eps = 0.2;
    PartitionMatroid m =
        PartitionMatroid.parts(Instances.parts(n, 3)).capacities(new int[] {2, 1, 2});
    FacilityLocation f = ThresholdLevelsDynamicTest.gaussianFacility(5, n, 20);
    int updates = 100;
    int[] ops = fixedStream(n, updates, 33);
    double[] opt = new double[updates];
    boolean[] live = new boolean[n];
    for (int t = 0; t < updates; t++) {
      live[ops[t] < 0 ? -ops[t] - 1 : ops[t]] = ops[t] >= 0;
      int[] ids = java.util.stream.IntStream.range(0, n).filter(e -> live[e]).toArray();
      opt[t] = DynamicTest.bruteForceMatroid(f, m, ids);
    }
    int seeds = 300;
    double[] sum = new double[updates];
    double[] sumSq = new double[updates];
    for (int seed = 0; seed < seeds; seed++) {
      SwappingLevelsDynamic d =
          SwappingLevelsDynamic.builder(f, m)
              .rank(m.rank())
              .eps(eps)
              .keepProbability(1.0 / 3)
              .build(seed);
      for (int t = 0; t < updates; t++) {
        apply(d, ops[t]);
        double ratio = opt[t] > 0 ? d.value() / opt[t] : 1;
        sum[t] += ratio;
        sumSq[t] += ratio * ratio;
        if (seed < 20) {
          checkRuns(d, f, m, n, m.rank(), "seed " + seed + " update " + t);
        }
      }
    }
    for (int t = 0; t < updates; t++) {
      double mean = sum[t] / seeds;
      double se = Math.sqrt(Math.max(0, sumSq[t] / seeds - mean * mean) / seeds);
      assertTrue(mean >= 1 / (4 + eps) - 3 * se, "update " + t + ": mean ratio " + mean);
    }
  }

  /** Three parts of capacity 1 over n elements (rank 3). */
  static PartitionMatroid threeParts(int n) {
    return PartitionMatroid.parts(Instances.parts(n, 3)).capacities(new int[] {1, 1, 1});
  }

  /** A fixed stream over n ids (e >= 0 inserts e, -e-1 deletes e) that ends with all n live. */
  static int[] fixedStream(int n, int updates, long seed) {
    RandomGenerator rng = Rng.create(seed);
    int[] ops = new int[updates];
    boolean[] live = new boolean[n];
    int count = 0;
    for (int t = 0; t < updates; t++) {
      boolean insert = count < n && (t >= updates - n || count < 2 || rng.nextDouble() < 0.6);
      int e;
      do {
        e = rng.nextInt(n);
      } while (live[e] != !insert);
      live[e] = insert;
      count += insert ? 1 : -1;
      ops[t] = insert ? e : -e - 1;
    }
    assertEquals(n, count, "the stream ends with every element live");
    return ops;
  }

  static void apply(DynamicMaximizer d, int op) {
    if (op >= 0) {
      d.insert(op);
    } else {
      d.delete(-op - 1);
    }
  }

  /**
   * The first choice e_1 of a run that holds all ten elements in B_1 is uniform over 3000 seeds:
   * chi-square below 27.9 (p = 0.001, 9 degrees of freedom).
   */
  @Test
  void firstChoiceIsUniformOverB1() {
    int n = 10;
    SetFunction f = Instances.coverage(5, n, 60, 0.3);
    PartitionMatroid m = threeParts(n);
    int[] ops = fixedStream(n, 40, 11);
    SwappingLevelsDynamic probe = SwappingLevelsDynamic.builder(f, m).rank(3).eps(0.2).build(0);
    double epsF = probe.epsF();
    int j = Integer.MIN_VALUE;
    for (int c = -200; c <= 200 && j == Integer.MIN_VALUE; c++) {
      boolean all = true;
      for (int e = 0; e < n; e++) {
        all &= SwappingLevelsDynamic.routes(epsF, 3, c, f.evaluate(e));
      }
      j = all ? c : j;
    }
    assertTrue(j != Integer.MIN_VALUE, "some run holds all ten elements");
    int seeds = 3000;
    int[] hits = new int[n];
    for (int seed = 0; seed < seeds; seed++) {
      SwappingLevelsDynamic d = SwappingLevelsDynamic.builder(f, m).rank(3).eps(0.2).build(seed);
      for (int op : ops) {
        apply(d, op);
      }
      SwappingLevelsDynamic.Run r = d.instanceMap().get(j);
      assertEquals(n, r.levels.sizeAtLeast(1));
      hits[r.chosen(1)]++;
    }
    double chi2 = 0;
    double expected = seeds / (double) n;
    for (int h : hits) {
      chi2 += (h - expected) * (h - expected) / expected;
    }
    assertTrue(chi2 < 27.9, "chi-square " + chi2);
  }

  /** Facility location on the 10-nearest-neighbour graph, 4 parts of capacity 2 (rank 8). */
  static double[] callsPerUpdate(int n, long seed) {
    SparseSimilarity sim = SparseSimilarity.knn(Instances.points(Rng.create(n), n, 2), 10);
    PartitionMatroid m =
        PartitionMatroid.parts(Instances.parts(n, 4)).capacities(new int[] {2, 2, 2, 2});
    SwappingLevelsDynamic d =
        SwappingLevelsDynamic.builder(new FacilityLocation(sim), m)
            .rank(m.rank())
            .eps(0.2)
            .build(seed);
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(n, 2, 7);
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(d, t);
    }
    return new double[] {
      (double) d.oracleCalls() / stream.length(), (double) d.independenceQueries() / stream.length()
    };
  }

  /** Value and independence calls per update flat in n: max/min at most 1.5, slope at most 0.1. */
  @Test
  void callsPerUpdateAreFlatInN() {
    int count = 3;
    double[] x = new double[count];
    double[][] y = new double[2][count];
    for (int i = 0; i < count; i++) {
      int n = 1 << (10 + i);
      double[] c = callsPerUpdate(n, 1);
      x[i] = Math.log(n);
      y[0][i] = Math.log(c[0]);
      y[1][i] = Math.log(c[1]);
    }
    for (double[] ys : y) {
      double lo = Arrays.stream(ys).min().orElseThrow();
      double hi = Arrays.stream(ys).max().orElseThrow();
      assertTrue(hi - lo <= Math.log(1.5), Math.exp(lo) + " .. " + Math.exp(hi));
      double slope = ThresholdLevelsDynamicTest.slope(x, ys);
      assertTrue(slope <= 0.1, "slope " + slope);
    }
  }

  /**
   * Oblivious deletions aimed at a solution: insert all, then delete the earliest-inserted element
   * of the deterministic SwappingDynamic's current solution, n/8 times. SwappingDynamic
   * re-processes a number of elements per deletion that grows with n; the levels' calls per
   * deletion do not.
   */
  @Test
  void deletionsAimedAtTheSolutionStayCheap() {
    double[] levels = new double[2];
    double[] replay = new double[2];
    for (int i = 0; i < 2; i++) {
      // n = 2^9 and 2^11: below 2^9 the levels' calls per deletion still fall with n
      int n = 1 << (9 + 2 * i);
      double[] r = aimedDeletions(n, 3);
      levels[i] = r[0];
      replay[i] = r[1];
    }
    assertTrue(levels[1] < 3 * levels[0], Arrays.toString(levels));
    assertTrue(replay[1] > 3 * replay[0], Arrays.toString(replay));
    assertTrue(replay[1] > levels[1], replay[1] + " vs " + levels[1]);
  }

  /**
   * {calls per deletion of SwappingLevelsDynamic, elements re-processed per deletion by
   * SwappingDynamic} for deletions of SwappingDynamic's earliest-inserted solution element.
   */
  static double[] aimedDeletions(int n, long seed) {
    SparseSimilarity sim = SparseSimilarity.knn(Instances.points(Rng.create(n), n, 2), 10);
    PartitionMatroid m =
        PartitionMatroid.parts(Instances.parts(n, 4)).capacities(new int[] {2, 2, 2, 2});
    SwappingLevelsDynamic d =
        SwappingLevelsDynamic.builder(new FacilityLocation(sim), m)
            .rank(m.rank())
            .eps(0.2)
            .build(seed);
    SwappingDynamic ref = new SwappingDynamic(new FacilityLocation(sim), m);
    int[] order = Rng.permutation(Rng.create(seed + 1), n);
    int[] rank = new int[n];
    for (int t = 0; t < n; t++) {
      rank[order[t]] = t;
      d.insert(order[t]);
      ref.insert(order[t]);
    }
    long calls0 = d.oracleCalls();
    long replay0 = ref.replayedArrivals();
    int deletions = n / 8;
    for (int t = 0; t < deletions; t++) {
      int victim = -1;
      for (int e : ref.solution()) {
        victim = victim < 0 || rank[e] < rank[victim] ? e : victim;
      }
      d.delete(victim);
      ref.delete(victim);
    }
    return new double[] {
      (double) (d.oracleCalls() - calls0) / deletions,
      (double) (ref.replayedArrivals() - replay0) / deletions
    };
  }

  @Test
  void randomGeneratorOverloadDrawsLikeTheSeed() {
    FacilityLocation f = ThresholdLevelsDynamicTest.gaussianFacility(4, 40, 20);
    Matroid m = PartitionMatroid.parts(Instances.parts(40, 3)).capacities(new int[] {1, 2, 1});
    SwappingLevelsDynamic a =
        SwappingLevelsDynamic.builder(f, m).rank(4).eps(0.2).keepProbability(1.0 / 3).build(9);
    SwappingLevelsDynamic b =
        SwappingLevelsDynamic.builder(f, m)
            .rank(4)
            .eps(0.2)
            .keepProbability(1.0 / 3)
            .build(Rng.create(9));
    UpdateStream stream = UpdateStream.insertAllDeleteEvery(40, 2, 3);
    for (int t = 0; t < stream.length(); t++) {
      stream.apply(a, t);
      stream.apply(b, t);
      assertArrayEquals(a.solution(), b.solution());
    }
    assertEquals(a.oracleCalls(), b.oracleCalls());
    assertEquals(a.independenceQueries(), b.independenceQueries());
  }

  @Test
  void aRankBoundBelowTheRankIsReported() {
    SetFunction f = Instances.facility(1, 8);
    SwappingLevelsDynamic d =
        SwappingLevelsDynamic.builder(f, Constraint.cardinality(3)).rank(1).eps(0.2).build(1);
    IllegalStateException ex =
        assertThrows(
            IllegalStateException.class,
            () -> {
              for (int e = 0; e < 8; e++) {
                d.insert(e);
              }
            });
    assertTrue(ex.getMessage().contains("rank bound 1"), ex.getMessage());
  }

  @Test
  void badInput() {
    SetFunction f = Instances.facility(1, 6);
    Matroid m = Constraint.cardinality(2);
    assertEquals(
        "rank = 0: expected a positive integer",
        assertThrows(
                IllegalArgumentException.class,
                () -> SwappingLevelsDynamic.builder(f, m).rank(0).eps(0.1).build(1))
            .getMessage());
    assertEquals(
        "rank: not set; call rank(r) before build",
        assertThrows(
                IllegalStateException.class,
                () -> SwappingLevelsDynamic.builder(f, m).eps(0.1).build(1))
            .getMessage());
    assertEquals(
        "eps: not set; call eps(e) before build",
        assertThrows(
                IllegalStateException.class,
                () -> SwappingLevelsDynamic.builder(f, m).rank(2).build(1))
            .getMessage());
    assertEquals(
        "rng = null: expected a non-null value",
        assertThrows(
                NullPointerException.class,
                () ->
                    SwappingLevelsDynamic.builder(f, m)
                        .rank(2)
                        .eps(0.1)
                        .build((java.util.random.RandomGenerator) null))
            .getMessage());
    for (double eps : new double[] {0, 1, Double.NaN}) {
      assertTrue(
          assertThrows(
                  IllegalArgumentException.class,
                  () -> SwappingLevelsDynamic.builder(f, m).rank(2).eps(eps).build(1))
              .getMessage()
              .startsWith("eps = "));
    }
    for (double q : new double[] {0, 1.5, Double.NaN}) {
      assertTrue(
          assertThrows(
                  IllegalArgumentException.class,
                  () ->
                      SwappingLevelsDynamic.builder(f, m)
                          .rank(2)
                          .eps(0.2)
                          .keepProbability(q)
                          .build(1))
              .getMessage()
              .startsWith("q = "));
    }
    assertThrows(
        NullPointerException.class,
        () -> SwappingLevelsDynamic.builder(null, m).rank(2).eps(0.1).build(1));
    assertEquals(
        "matroid = null: expected a non-null value",
        assertThrows(
                NullPointerException.class,
                () -> SwappingLevelsDynamic.builder(f, null).rank(2).eps(0.1).build(1))
            .getMessage());
    GraphCut cut = new GraphCut(Instances.symmetric(Rng.create(1), 4), 1.0);
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> SwappingLevelsDynamic.builder(cut, m).rank(2).eps(0.1).build(1))
            .getMessage()
            .startsWith("f.monotone()"));
    SwappingLevelsDynamic d = SwappingLevelsDynamic.builder(f, m).rank(2).eps(0.1).build(1);
    assertThrows(IllegalArgumentException.class, () -> d.delete(3));
    d.insert(3);
    assertThrows(IllegalArgumentException.class, () -> d.insert(3));
  }
}
