package dev.fathom.submodular.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Cardinality;
import dev.fathom.submodular.function.SetFunctionTest.Case;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.PointSimilarity;
import dev.fathom.submodular.similarity.Similarity;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sum redundancy, maximum coverage with a threshold, disparity-sum / -min and clustered facility
 * location against their definitions evaluated directly: values of every subset, gains after every
 * addition of random sequences, greedy against the brute-force optimum and the literature's
 * guarantees, and the bad-input contract.
 */
class PairwiseAndCappedFunctionsTest {
  static final int N = 10;

  static double[][] symmetricSimilarity(RandomGenerator rng, int n) {
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        s[i][j] = s[j][i] = i == j ? 1 : rng.nextDouble();
      }
    }
    return s;
  }

  static double[][] euclidean(double[][] x) {
    int n = x.length;
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double t = 0;
        for (int c = 0; c < x[i].length; c++) {
          t += (x[i][c] - x[j][c]) * (x[i][c] - x[j][c]);
        }
        d[i][j] = Math.sqrt(t);
      }
    }
    return d;
  }

  static double sumRedundancy(double[][] s, int[] set) {
    double v = 0;
    for (int i : set) {
      for (int j : set) {
        v -= s[i][j];
      }
    }
    return v;
  }

  static double maxCoverage(double[][] m, double t, int[] set) {
    double v = 0;
    for (int u = 0; u < m[0].length; u++) {
      double sum = 0;
      for (int j : set) {
        sum += m[j][u];
      }
      v += Math.min(sum, t);
    }
    return v;
  }

  static double disparitySum(double[][] d, int[] set) {
    double v = 0;
    for (int a = 0; a < set.length; a++) {
      for (int b = a + 1; b < set.length; b++) {
        v += d[set[a]][set[b]];
      }
    }
    return v;
  }

  static double disparityMin(double[][] d, int[] set) {
    if (set.length < 2) {
      return 0;
    }
    double v = Double.POSITIVE_INFINITY;
    for (int a = 0; a < set.length; a++) {
      for (int b = a + 1; b < set.length; b++) {
        v = Math.min(v, d[set[a]][set[b]]);
      }
    }
    return v;
  }

  /** Clustered FL by its definition on the global kernel restricted to each cluster. */
  static double clustered(double[][] s, int[] labels, int[] set) {
    double v = 0;
    for (int i = 0; i < labels.length; i++) {
      double best = 0;
      for (int j : set) {
        if (labels[j] == labels[i]) {
          best = Math.max(best, s[j][i]);
        }
      }
      v += best;
    }
    return v;
  }

  static double[][] features(RandomGenerator rng, int n, int d) {
    double[][] m = new double[n][d];
    for (double[] r : m) {
      for (int u = 0; u < d; u++) {
        r[u] = rng.nextDouble() < 0.4 ? Math.floor(1 + 3 * rng.nextDouble()) : 0;
      }
    }
    return m;
  }

  static Stream<Case> cases() {
    RandomGenerator rng = Rng.create(5);
    List<Case> out = new ArrayList<>();
    double[][] s = symmetricSimilarity(rng, N);
    out.add(new Case("sum redundancy", SumRedundancy.dense(s), set -> sumRedundancy(s, set)));
    double[][] m = features(rng, N, 7);
    for (double t : new double[] {0.5, 1, 2.5, 100}) {
      out.add(
          new Case("max coverage t=" + t, MaxCoverage.dense(m, t), set -> maxCoverage(m, t, set)));
    }
    double[][] d = euclidean(Instances.points(rng, N, 2));
    out.add(new Case("disparity sum", DisparitySum.fromDistances(d), set -> disparitySum(d, set)));
    out.add(new Case("disparity min", DisparityMin.fromDistances(d), set -> disparityMin(d, set)));
    double[][] oneMinus = new double[N][N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        oneMinus[i][j] = 1 - s[i][j];
      }
    }
    out.add(
        new Case(
            "disparity sum (1 - s)",
            DisparitySum.fromSimilarity(Similarity.dense(s)),
            set -> disparitySum(oneMinus, set)));
    out.add(
        new Case(
            "disparity min (1 - s)",
            DisparityMin.fromSimilarity(Similarity.dense(s)),
            set -> disparityMin(oneMinus, set)));
    double[][] pts = Instances.points(rng, N, 3);
    int[] labels = {2, 0, 1, 0, 2, 2, 1, 0, 0, 2};
    double[][] cos = new double[N][N];
    Similarity full = PointSimilarity.cosine(pts);
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        cos[i][j] = full.get(i, j);
      }
    }
    out.add(
        new Case(
            "clustered facility location",
            ClusteredFacilityLocation.fromPoints(pts, labels, PointSimilarity::cosine),
            set -> clustered(cos, labels, set)));
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everySubsetHasTheDefinedValue(Case c) {
    for (int mask = 0; mask < 1 << N; mask++) {
      int[] set = Instances.subset(mask);
      assertEquals(c.reference().applyAsDouble(set), c.f().evaluate(set), 1e-9, c + " " + mask);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gainsAfterEveryAdditionEqualValueDifferences(Case c) {
    RandomGenerator rng = Rng.create(c.name().hashCode());
    for (int rep = 0; rep < 5; rep++) {
      SetFunction f = c.f().copy();
      f.reset();
      int[] order = Rng.permutation(rng, N);
      for (int t = 0; t <= N; t++) {
        int[] set = java.util.Arrays.copyOf(order, t);
        double base = c.reference().applyAsDouble(set);
        assertEquals(base, f.value(), 1e-9, c + " value after " + t);
        for (int e = 0; e < N; e++) {
          double expected = 0;
          if (!f.contains(e)) {
            int[] plus = java.util.Arrays.copyOf(set, t + 1);
            plus[t] = e;
            expected = c.reference().applyAsDouble(plus) - base;
          }
          assertEquals(expected, f.gain(e), 1e-9, c + " gain of " + e + " after " + t);
        }
        if (t < N) {
          SetFunction copy = f.copy();
          double g = f.add(order[t]);
          assertEquals(copy.gain(order[t]), g, 0, "add returns the gain");
          assertEquals(t, copy.size(), "a copy is independent");
        }
      }
    }
  }

  /** Gains of e against S and against a superset T of S, over random pairs S ⊂ T. */
  static double[] gainPair(SetFunction f, int[] small, int[] large, int e) {
    SetFunction a = f.copy();
    a.reset();
    for (int x : small) {
      a.add(x);
    }
    SetFunction b = f.copy();
    b.reset();
    for (int x : large) {
      b.add(x);
    }
    return new double[] {a.gain(e), b.gain(e)};
  }

  @Test
  void submodularityHoldsOrFailsAsStated() {
    RandomGenerator rng = Rng.create(9);
    for (Case c : cases().toList()) {
      boolean submodularSeen = true;
      boolean supermodularSeen = true;
      for (int rep = 0; rep < 400; rep++) {
        int[] order = Rng.permutation(rng, N);
        int small = rng.nextInt(N - 1);
        int large = small + rng.nextInt(N - small);
        int e = order[N - 1];
        double[] g =
            gainPair(
                c.f(),
                java.util.Arrays.copyOf(order, small),
                java.util.Arrays.copyOf(order, large),
                e);
        submodularSeen &= g[0] >= g[1] - 1e-12;
        supermodularSeen &= g[0] <= g[1] + 1e-12;
      }
      boolean disparity = c.name().startsWith("disparity");
      assertEquals(!disparity, submodularSeen, c + ": diminishing returns");
      if (c.name().startsWith("disparity sum")) {
        assertTrue(supermodularSeen, c + ": gains only grow");
      }
    }
  }

  @Test
  void monotoneFlagsMatchTheDefinitions() {
    for (Case c : cases().toList()) {
      boolean monotone = true;
      for (int mask = 0; mask < 1 << N; mask++) {
        int[] set = Instances.subset(mask);
        double v = c.reference().applyAsDouble(set);
        for (int e = 0; e < N; e++) {
          if ((mask & (1 << e)) == 0) {
            monotone &= c.reference().applyAsDouble(Instances.subset(mask | (1 << e))) >= v - 1e-12;
          }
        }
      }
      assertEquals(monotone, c.f().monotone(), c.toString());
    }
  }

  /** The best value over sets of exactly k elements. */
  static double bestOfSize(SetFunction f, int k) {
    double best = Double.NEGATIVE_INFINITY;
    for (int mask = 0; mask < 1 << f.groundSize(); mask++) {
      if (Integer.bitCount(mask) == k) {
        best = Math.max(best, f.evaluate(Instances.subset(mask)));
      }
    }
    return best;
  }

  @Test
  void greedyMeetsTheGuaranteesAgainstBruteForce() {
    double worstDispSum = 1;
    double worstDispMin = 1;
    for (long seed = 0; seed < 30; seed++) {
      RandomGenerator rng = Rng.create(seed);
      int k = 2 + (int) (seed % 4);
      double[][] d = euclidean(Instances.points(rng, N, 2));
      DisparitySum sum = DisparitySum.fromDistances(d);
      Selection s =
          Greedy.naive(sum.startingFrom(sum.farthestPair()), new Cardinality(k), Greedy.Until.FULL);
      double opt = bestOfSize(sum, k);
      assertEquals(k - 2, s.size());
      worstDispSum = Math.min(worstDispSum, s.value() / opt);
      DisparityMin min = DisparityMin.fromDistances(d);
      Selection t = Greedy.naive(min, new Cardinality(k), Greedy.Until.FULL);
      assertEquals(k, t.size());
      assertEquals(disparityMin(d, t.elements()), t.value(), 1e-12);
      worstDispMin = Math.min(worstDispMin, t.value() / bestOfSize(min, k));
      // monotone submodular ones: 1 - 1/e
      double[][] m = features(rng, N, 6);
      MaxCoverage cov = MaxCoverage.dense(m, 1 + rng.nextInt(3));
      Selection c = Greedy.lazy(cov, new Cardinality(k));
      assertTrue(c.value() >= (1 - 1 / Math.E) * Instances.bruteForce(cov, new Cardinality(k), k));
      assertEquals(Greedy.naive(cov, new Cardinality(k)).value(), c.value(), 1e-12);
      int[] labels = new int[N];
      for (int e = 0; e < N; e++) {
        labels[e] = e % 3;
      }
      ClusteredFacilityLocation cfl =
          ClusteredFacilityLocation.fromPoints(
              Instances.points(rng, N, 3), labels, PointSimilarity::correlation);
      Selection g = Greedy.lazy(cfl, new Cardinality(k));
      assertTrue(g.value() >= (1 - 1 / Math.E) * Instances.bruteForce(cfl, new Cardinality(k), k));
    }
    assertTrue(worstDispSum >= 0.5, "max-sum dispersion greedy ratio " + worstDispSum);
    assertTrue(worstDispMin >= 0.5, "max-min dispersion greedy ratio " + worstDispMin);
  }

  @Test
  void sumRedundancyGreedyIsApricotsExactlyKSelection() {
    double[][] s = symmetricSimilarity(Rng.create(4), N);
    SumRedundancy f = SumRedundancy.dense(s);
    Selection sel = Greedy.naive(f, new Cardinality(5), Greedy.Until.FULL);
    assertArrayEquals(Instances.handGreedy(f, new int[0], 5, true), sel.elements());
    // apricot's gains: -(s_ee + 2 sum_{j in S} s_je)
    int[] e = sel.elements();
    for (int t = 0; t < e.length; t++) {
      double g = -s[e[t]][e[t]];
      for (int u = 0; u < t; u++) {
        g -= 2 * s[e[u]][e[t]];
      }
      assertEquals(g, sel.gains()[t], 1e-12);
    }
    assertEquals(0, Greedy.naive(f, new Cardinality(5)).size(), "no positive gain");
  }

  @Test
  void maxCoverageWithThresholdOneOnZeroOneFeaturesIsUnitCoverage() {
    RandomGenerator rng = Rng.create(2);
    double[][] m = new double[N][12];
    int[][] sets = new int[N][];
    for (int j = 0; j < N; j++) {
      List<Integer> items = new ArrayList<>();
      for (int u = 0; u < 12; u++) {
        if (rng.nextDouble() < 0.3) {
          m[j][u] = 1;
          items.add(u);
        }
      }
      sets[j] = items.stream().mapToInt(Integer::intValue).toArray();
    }
    double[] ones = new double[12];
    java.util.Arrays.fill(ones, 1);
    MaxCoverage f = MaxCoverage.dense(m, 1);
    WeightedCoverage w = new WeightedCoverage(sets, ones);
    for (int mask = 0; mask < 1 << N; mask++) {
      assertEquals(w.evaluate(Instances.subset(mask)), f.evaluate(Instances.subset(mask)), 0);
    }
    assertEquals(1.0, f.threshold());
    assertEquals(
        f.evaluate(0, 3), MaxCoverage.sparse(SparseSimilarity.fromDense(m), 1).evaluate(0, 3), 0);
  }

  @Test
  void clusteredFacilityLocationFromKernelsEqualsFromPoints() {
    RandomGenerator rng = Rng.create(8);
    double[][] pts = Instances.points(rng, N, 2);
    int[] labels = {1, 1, 0, 1, 0, 0, 1, 0, 1, 1};
    double[][] c0 = {pts[2], pts[4], pts[5], pts[7]};
    double[][] c1 = {pts[0], pts[1], pts[3], pts[6], pts[8], pts[9]};
    ClusteredFacilityLocation a =
        ClusteredFacilityLocation.of(
            labels,
            new Similarity[] {Similarity.squaredEuclidean(c0), Similarity.squaredEuclidean(c1)});
    ClusteredFacilityLocation b =
        ClusteredFacilityLocation.fromPoints(pts, labels, Similarity::squaredEuclidean);
    assertEquals(2, a.clusters());
    for (int mask = 0; mask < 1 << N; mask++) {
      assertEquals(a.evaluate(Instances.subset(mask)), b.evaluate(Instances.subset(mask)), 0);
    }
    // one element of cluster 0 and one of cluster 1 add independently
    assertEquals(a.evaluate(2) + a.evaluate(0), a.evaluate(2, 0), 1e-12);
  }

  @Test
  void badInputIsRejectedWithNamedMessages() {
    double[][] asym = {{1, 0.2}, {0.3, 1}};
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SumRedundancy.dense(asym))
            .getMessage()
            .contains("symmetric"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> SumRedundancy.of(Similarity.dense(new double[][] {{1, 2, 3}, {2, 1, 3}})))
            .getMessage()
            .contains("sim.clients()"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> SumRedundancy.dense(new double[][] {{1, 2, 3}, {2, 1, 3}}))
            .getMessage()
            .startsWith("rows[0].length = 3"));
    assertThrows(NullPointerException.class, () -> SumRedundancy.of(null));
    assertThrows(IllegalArgumentException.class, () -> SumRedundancy.dense(new double[][] {{-1}}));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> MaxCoverage.dense(new double[][] {{1, 0}}, 0))
            .getMessage()
            .contains("threshold"));
    assertThrows(
        IllegalArgumentException.class,
        () -> MaxCoverage.dense(new double[][] {{1, 0}}, Double.POSITIVE_INFINITY));
    assertThrows(
        IllegalArgumentException.class, () -> MaxCoverage.dense(new double[][] {{1, -1}}, 1));
    assertThrows(NullPointerException.class, () -> MaxCoverage.sparse(null, 1));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> DisparitySum.fromDistances(new double[][] {{0, -1}, {-1, 0}}))
            .getMessage()
            .contains("distances[0][1]"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> DisparityMin.fromDistances(new double[][] {{0, 1}, {2, 0}}))
            .getMessage()
            .contains("symmetric"));
    assertThrows(
        IllegalArgumentException.class,
        () -> DisparityMin.fromDistances(new double[][] {{0, 1, 2}, {1, 0, 2}}));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    DisparitySum.fromSimilarity(
                        Similarity.dense(new double[][] {{1, 1.5}, {1.5, 1}})))
            .getMessage()
            .contains("[0, 1]"));
    assertThrows(
        IllegalStateException.class,
        () -> DisparitySum.fromDistances(new double[][] {{0}}).farthestPair());
    assertThrows(NullPointerException.class, () -> DisparityMin.fromSimilarity(null));
    double[][] pts = {{0, 1}, {1, 0}, {2, 2}};
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ClusteredFacilityLocation.fromPoints(
                        pts, new int[] {0, 2, 0}, PointSimilarity::cosine))
            .getMessage()
            .contains("cluster 1"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ClusteredFacilityLocation.fromPoints(
                        pts, new int[] {0, -1, 0}, PointSimilarity::cosine))
            .getMessage()
            .contains("labels[1]"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ClusteredFacilityLocation.fromPoints(pts, new int[] {0, 0}, PointSimilarity::cosine));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ClusteredFacilityLocation.of(
                        new int[] {0, 0, 1},
                        new Similarity[] {
                          PointSimilarity.cosine(pts), PointSimilarity.cosine(new double[][] {{1}})
                        }))
            .getMessage()
            .contains("kernels[0]"));
    assertThrows(
        NullPointerException.class,
        () -> ClusteredFacilityLocation.of(new int[] {0}, new Similarity[] {null}));
    assertThrows(
        NullPointerException.class, () -> ClusteredFacilityLocation.fromPoints(pts, null, null));
    assertFalse(DisparityMin.fromDistances(new double[][] {{0, 1}, {1, 0}}).monotone());
  }
}
