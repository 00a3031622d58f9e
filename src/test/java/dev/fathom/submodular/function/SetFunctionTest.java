package dev.fathom.submodular.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Matroid;
import dev.fathom.submodular.similarity.Similarity;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function against a direct evaluation of its definition: incremental gains equal value
 * differences, diminishing returns and monotonicity on random sets.
 */
class SetFunctionTest {
  static final int N = 12;

  /** A function and an independent evaluation of its defining formula. */
  record Case(String name, SetFunction f, ToDoubleFunction<int[]> reference) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    RandomGenerator rng = Rng.create(11);
    List<Case> out = new ArrayList<>();
    double[][] pts = Instances.points(rng, N, 3);
    double[][] sim = new double[N][N + 3];
    for (double[] r : sim) {
      Rng.uniform(rng, 0, 1, r);
      for (int i = 0; i < r.length; i++) {
        r[i] = r[i] < 0.5 ? 0 : r[i];
      }
    }
    out.add(new Case("facility dense", FacilityLocation.dense(sim), s -> facility(sim, s)));
    out.add(
        new Case("facility sparse", new FacilityLocation(toSparse(sim)), s -> facility(sim, s)));
    out.add(
        new Case(
            "facility blocked",
            new FacilityLocation(
                Similarity.blocked(
                    N, N + 3, (j, row) -> System.arraycopy(sim[j], 0, row, 0, N + 3))),
            s -> facility(floats(sim), s)));
    SparseSimilarity knn = SparseSimilarity.knn(pts, 4);
    double[][] knnDense = new double[N][N];
    for (int j = 0; j < N; j++) {
      for (int i = 0; i < N; i++) {
        knnDense[j][i] = knn.get(j, i);
      }
    }
    out.add(new Case("facility knn", new FacilityLocation(knn), s -> facility(knnDense, s)));
    WeightedCoverage cov = Instances.coverage(3, N, 20, 0.2);
    int[][] sets = new int[N][];
    double[] w = new double[20];
    RandomGenerator r2 = Rng.create(3);
    for (int j = 0; j < N; j++) {
      int[] buf = new int[20];
      int c = 0;
      for (int u = 0; u < 20; u++) {
        if (r2.nextDouble() < 0.2) {
          buf[c++] = u;
        }
      }
      sets[j] = java.util.Arrays.copyOf(buf, c);
    }
    Rng.uniform(r2, 0.5, 1.5, w);
    out.add(new Case("weighted coverage", cov, s -> coverage(sets, w, s)));
    double[][] probs = new double[N][];
    for (int j = 0; j < N; j++) {
      probs[j] = new double[sets[j].length];
      Rng.uniform(rng, 0, 1, probs[j]);
    }
    out.add(
        new Case(
            "probabilistic coverage",
            new ProbabilisticCoverage(sets, probs, w),
            s -> probCoverage(sets, probs, w, s)));
    out.add(
        new Case(
            "saturated coverage", new SaturatedCoverage(sim, 0.3), s -> saturated(sim, 0.3, s)));
    out.add(
        new Case(
            "saturated coverage sparse",
            new SaturatedCoverage(toSparse(sim), 0.3),
            s -> saturated(sim, 0.3, s)));
    double[][] sym = Instances.symmetric(rng, N);
    for (double lambda : new double[] {0.3, 1.0}) {
      out.add(new Case("graph cut " + lambda, new GraphCut(sym, lambda), s -> cut(sym, lambda, s)));
      out.add(
          new Case(
              "graph cut sparse " + lambda,
              new GraphCut(toSparse(sym), lambda),
              s -> cut(sym, lambda, s)));
    }
    for (FeatureBased.Concave phi : FeatureBased.Concave.values()) {
      out.add(
          new Case(
              "features " + phi,
              FeatureBased.dense(sim, w3(sim[0].length), phi),
              s -> features(sim, w3(sim[0].length), phi, s)));
    }
    double[][] gram = Instances.gram(Instances.points(rng, N, 16));
    out.add(new Case("logdet I+L", new LogDet(gram, true), s -> logdet(gram, true, s)));
    out.add(new Case("logdet L", new LogDet(gram, false), s -> logdet(gram, false, s)));
    out.add(
        new Case(
            "mixture",
            new Mixture(
                new SetFunction[] {FacilityLocation.dense(sim), new LogDet(gram, true)},
                new double[] {0.7, 2.0}),
            s -> 0.7 * facility(sim, s) + 2.0 * logdet(gram, true, s)));
    return out.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void incrementalGainsEqualValueDifferences(Case c) {
    RandomGenerator rng = Rng.create(5);
    SetFunction f = c.f().copy();
    for (int trial = 0; trial < 10; trial++) {
      f.reset();
      int[] perm = Rng.permutation(rng, N);
      int size = 1 + rng.nextInt(N - 1);
      double prev = 0;
      for (int t = 0; t < size; t++) {
        int e = perm[t];
        double g = f.gain(e);
        double added = f.add(e);
        assertEquals(g, added, 0.0);
        double ref = c.reference().applyAsDouble(java.util.Arrays.copyOf(perm, t + 1));
        assertEquals(ref - prev, g, 1e-9 * (1 + Math.abs(ref)), c.name());
        assertEquals(ref, f.value(), 1e-9 * (1 + Math.abs(ref)));
        assertEquals(
            ref, c.f().evaluate(java.util.Arrays.copyOf(perm, t + 1)), 1e-9 * (1 + Math.abs(ref)));
        prev = ref;
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void diminishingReturnsAndMonotonicity(Case c) {
    RandomGenerator rng = Rng.create(6);
    for (int trial = 0; trial < 200; trial++) {
      int[] perm = Rng.permutation(rng, N);
      int b = rng.nextInt(N);
      int a = rng.nextInt(b + 1);
      int e = perm[N - 1];
      SetFunction fa = c.f().copy();
      fa.reset();
      for (int t = 0; t < a; t++) {
        fa.add(perm[t]);
      }
      SetFunction fb = fa.copy();
      for (int t = a; t < Math.min(b, N - 1); t++) {
        fb.add(perm[t]);
      }
      double ga = fa.gain(e);
      double gb = fb.gain(e);
      if (Double.isInfinite(gb) && gb < 0) {
        continue;
      }
      assertTrue(ga >= gb - 1e-9, c.name() + ": gain " + ga + " < " + gb);
      if (c.f().monotone()) {
        assertTrue(gb >= -1e-12, c.name() + ": negative gain " + gb);
      }
    }
  }

  @Test
  void monotoneFlagsMatchDefinitions() {
    double[][] sym = Instances.symmetric(Rng.create(1), 4);
    assertTrue(new GraphCut(sym, 0.5).monotone());
    assertFalse(new GraphCut(sym, 0.6).monotone());
    assertFalse(
        new LogDet(Instances.gram(Instances.points(Rng.create(2), 4, 4)), false).monotone());
    // a graph cut with lambda = 1 is not monotone: the whole set has value 0
    GraphCut cut = new GraphCut(sym, 1.0);
    int[] all = {0, 1, 2, 3};
    assertEquals(0.0, cut.evaluate(all), 1e-12);
    assertTrue(cut.evaluate(0) > 0);
  }

  @Test
  void oracleCallsAreCountedAndSharedWithCopies() {
    FacilityLocation f = Instances.facility(1, 8);
    f.gain(0);
    f.add(1);
    FacilityLocation g = f.copy();
    g.gain(2);
    g.evaluate(3, 4);
    f.value();
    f.reset();
    assertEquals(3, f.counter().calls());
    assertEquals(1, g.size());
    assertEquals(0, f.size());
    assertEquals(0.0, g.gain(1), 0.0);
  }

  @Test
  void badInputIsRejectedWithNamedMessages() {
    FacilityLocation f = Instances.facility(1, 5);
    assertEquals(
        "e = 5: expected an element id in [0, 5)",
        assertThrows(IllegalArgumentException.class, () -> f.gain(5)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.gain(-1));
    f.add(2);
    assertThrows(IllegalArgumentException.class, () -> f.add(2));
    assertThrows(IllegalArgumentException.class, () -> f.evaluate(1, 1));
    IllegalArgumentException neg =
        assertThrows(
            IllegalArgumentException.class,
            () -> FacilityLocation.dense(new double[][] {{1, -0.5}, {0, 1}}));
    assertEquals("rows[0][1] = -0.5: expected a finite non-negative number", neg.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Similarity.blocked(2, 2, (j, row) -> java.util.Arrays.fill(row, -1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> SparseSimilarity.of(3, new int[] {0, 1}, new int[] {3}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SparseSimilarity.of(3, new int[] {0, 2}, new int[] {1, 1}, new double[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WeightedCoverage(new int[][] {{0, 4}}, new double[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ProbabilisticCoverage(new int[][] {{0}}, new double[][] {{1.5}}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class, () -> new GraphCut(new double[][] {{0, 1}, {2, 0}}, 0.5));
    assertThrows(
        IllegalArgumentException.class, () -> new GraphCut(new double[][] {{0, 1}, {1, 0}}, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GraphCut(toSparse(new double[][] {{0, 1}, {0.5, 0}}), 0.2));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GraphCut(toSparse(new double[][] {{0, 1, 1}, {1, 0, 1}}), 0.2));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SaturatedCoverage(toSparse(new double[][] {{1}}), 2));
    assertThrows(
        IllegalArgumentException.class, () -> new SaturatedCoverage(new double[][] {{1}}, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LogDet(new double[][] {{1, 0.5}, {0.4, 1}}, true));
    assertEquals(
        "features[1][0] = -1.0: expected a finite non-negative number",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    FeatureBased.dense(
                        new double[][] {{1, 0}, {-1, 2}},
                        new double[] {1, 1},
                        FeatureBased.Concave.SQRT))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FeatureBased.dense(
                new double[][] {{1, 0}}, new double[] {1, -2}, FeatureBased.Concave.SQRT));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FeatureBased.sparse(
                SparseSimilarity.of(2, new int[] {0, 1}, new int[] {0}, new double[] {1}),
                new double[] {1, 1, 1},
                FeatureBased.Concave.LOG1P));
    assertThrows(
        NullPointerException.class,
        () ->
            FeatureBased.dense(
                new double[][] {{1}}, new double[] {1}, (FeatureBased.Concave) null));
    assertThrows(NullPointerException.class, () -> new EntropyRateObjective(null));
    assertThrows(NullPointerException.class, () -> Matroid.of(null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Mixture(
                new SetFunction[] {Instances.facility(1, 3), Instances.facility(1, 4)},
                new double[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Mixture(new SetFunction[] {Instances.facility(1, 3)}, new double[] {-1}));
  }

  @Test
  void knnMatchesBruteForceNeighbours() {
    double[][] pts = Instances.points(Rng.create(4), 60, 2);
    int k = 5;
    SparseSimilarity knn = SparseSimilarity.knn(pts, k);
    assertEquals(60 * k, knn.nonZeros());
    for (int j = 0; j < 60; j++) {
      double[] d = new double[60];
      for (int i = 0; i < 60; i++) {
        double dx = pts[i][0] - pts[j][0];
        double dy = pts[i][1] - pts[j][1];
        d[i] = dx * dx + dy * dy;
      }
      double[] sorted = d.clone();
      java.util.Arrays.sort(sorted);
      int count = 0;
      for (int i = 0; i < 60; i++) {
        if (knn.get(j, i) > 0) {
          count++;
          assertTrue(d[i] <= sorted[k - 1], "row " + j + " holds a non-neighbour " + i);
        }
      }
      assertEquals(k, count);
      assertTrue(knn.get(j, j) == 1.0);
    }
  }

  // ---- direct evaluations of the definitions ----

  static double facility(double[][] sim, int[] s) {
    double v = 0;
    for (int i = 0; i < sim[0].length; i++) {
      double m = 0;
      for (int j : s) {
        m = Math.max(m, sim[j][i]);
      }
      v += m;
    }
    return v;
  }

  static double[][] floats(double[][] a) {
    double[][] out = new double[a.length][];
    for (int j = 0; j < a.length; j++) {
      out[j] = new double[a[j].length];
      for (int i = 0; i < a[j].length; i++) {
        out[j][i] = (float) a[j][i];
      }
    }
    return out;
  }

  static SparseSimilarity toSparse(double[][] dense) {
    int n = dense.length;
    int m = dense[0].length;
    int[] ptr = new int[n + 1];
    List<Integer> idx = new ArrayList<>();
    List<Double> val = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      for (int i = m - 1; i >= 0; i--) {
        if (dense[j][i] != 0) {
          idx.add(i);
          val.add(dense[j][i]);
        }
      }
      ptr[j + 1] = idx.size();
    }
    return SparseSimilarity.of(
        m,
        ptr,
        idx.stream().mapToInt(Integer::intValue).toArray(),
        val.stream().mapToDouble(Double::doubleValue).toArray());
  }

  static double coverage(int[][] sets, double[] w, int[] s) {
    boolean[] c = new boolean[w.length];
    for (int j : s) {
      for (int u : sets[j]) {
        c[u] = true;
      }
    }
    double v = 0;
    for (int u = 0; u < w.length; u++) {
      v += c[u] ? w[u] : 0;
    }
    return v;
  }

  static double probCoverage(int[][] sets, double[][] p, double[] w, int[] s) {
    double v = 0;
    for (int u = 0; u < w.length; u++) {
      double miss = 1;
      for (int j : s) {
        for (int t = 0; t < sets[j].length; t++) {
          if (sets[j][t] == u) {
            miss *= 1 - p[j][t];
          }
        }
      }
      v += w[u] * (1 - miss);
    }
    return v;
  }

  static double saturated(double[][] sim, double alpha, int[] s) {
    double v = 0;
    for (int i = 0; i < sim[0].length; i++) {
      double total = 0;
      double sum = 0;
      for (int j = 0; j < sim.length; j++) {
        total += sim[j][i];
      }
      for (int j : s) {
        sum += sim[j][i];
      }
      v += Math.min(sum, alpha * total);
    }
    return v;
  }

  static double cut(double[][] sym, double lambda, int[] s) {
    double v = 0;
    for (int j : s) {
      for (int i = 0; i < sym.length; i++) {
        v += sym[i][j];
      }
      for (int i : s) {
        v -= lambda * sym[i][j];
      }
    }
    return v;
  }

  static double[] w3(int m) {
    double[] w = new double[m];
    for (int u = 0; u < m; u++) {
      w[u] = 1 + (u % 3);
    }
    return w;
  }

  static double features(double[][] m, double[] w, FeatureBased.Concave phi, int[] s) {
    double v = 0;
    for (int u = 0; u < w.length; u++) {
      double sum = 0;
      for (int j : s) {
        sum += m[j][u];
      }
      v += w[u] * phi.apply(sum);
    }
    return v;
  }

  static double logdet(double[][] l, boolean identity, int[] s) {
    if (s.length == 0) {
      return 0;
    }
    DMatrixRMaj m = new DMatrixRMaj(s.length, s.length);
    for (int a = 0; a < s.length; a++) {
      for (int b = 0; b < s.length; b++) {
        m.set(a, b, l[s[a]][s[b]] + (identity && a == b ? 1 : 0));
      }
    }
    return Math.log(CommonOps_DDRM.det(m));
  }
}
