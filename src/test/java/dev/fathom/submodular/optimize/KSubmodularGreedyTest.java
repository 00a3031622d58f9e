package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.KSetFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** k-submodular greedy against exhaustive optima over all assignments. */
class KSubmodularGreedyTest {
  /**
   * k-type probabilistic coverage: element e given type j covers item u with probability
   * p[j][e][u]; a monotone submodular function of the (element, type) pairs, hence monotone
   * k-submodular.
   */
  static KSetFunction coverage(long seed, int n, int k, int items) {
    RandomGenerator rng = Rng.create(seed);
    double[][][] p = new double[k][n][items];
    for (double[][] pj : p) {
      for (double[] pe : pj) {
        for (int u = 0; u < items; u++) {
          pe[u] = rng.nextDouble() < 0.3 ? rng.nextDouble() : 0;
        }
      }
    }
    double[] w = new double[items];
    Rng.uniform(rng, 0.5, 1.5, w);
    return new KSetFunction() {
      @Override
      public int groundSize() {
        return n;
      }

      @Override
      public int types() {
        return k;
      }

      @Override
      public double value(int[] a) {
        double v = 0;
        for (int u = 0; u < items; u++) {
          double miss = 1;
          for (int e = 0; e < n; e++) {
            if (a[e] >= 0) {
              miss *= 1 - p[a[e]][e][u];
            }
          }
          v += w[u] * (1 - miss);
        }
        return v;
      }
    };
  }

  /** Best value over all assignments accepted by the size rule. */
  static double bruteForce(KSetFunction f, int total, int[] caps) {
    int n = f.groundSize();
    int k = f.types();
    int[] a = new int[n];
    double best = 0;
    int codes = (int) Math.pow(k + 1, n);
    for (int code = 0; code < codes; code++) {
      int[] used = new int[k];
      int size = 0;
      boolean ok = true;
      for (int e = 0, c = code; e < n; e++, c /= k + 1) {
        a[e] = c % (k + 1) - 1;
        if (a[e] >= 0) {
          size++;
          ok &= ++used[a[e]] <= caps[a[e]];
        }
      }
      if (ok && size <= total) {
        best = Math.max(best, f.value(a));
      }
    }
    return best;
  }

  @Test
  void totalSizeGreedyKeepsHalfOfOptimum() {
    for (long seed = 0; seed < 6; seed++) {
      KSetFunction f = coverage(seed, 7, 3, 10);
      KSubmodularGreedy.KSelection s = KSubmodularGreedy.totalSize(f, 3);
      double opt = bruteForce(f, 3, new int[] {3, 3, 3});
      assertTrue(s.elements().length <= 3);
      assertEquals(f.value(s.assignment()), s.value(), 1e-12);
      assertTrue(s.value() >= 0.5 * opt, "seed " + seed);
    }
  }

  @Test
  void individualSizeGreedyKeepsAThirdOfOptimum() {
    int[] caps = {1, 2, 1};
    for (long seed = 0; seed < 6; seed++) {
      KSetFunction f = coverage(seed + 20, 7, 3, 10);
      KSubmodularGreedy.KSelection s = KSubmodularGreedy.individualSizes(f, caps);
      int[] used = new int[3];
      for (int j : s.types()) {
        used[j]++;
      }
      for (int j = 0; j < 3; j++) {
        assertTrue(used[j] <= caps[j]);
      }
      assertTrue(s.value() >= bruteForce(f, 4, caps) / 3, "seed " + seed);
    }
  }

  @Test
  void distortedGreedyWithZeroCostIsTheBlockRestrictedGreedy() {
    KSetFunction f = coverage(3, 7, 3, 10);
    int[] typeOf = {0, 0, 1, 1, 1, 2, 2};
    KSubmodularGreedy.KSelection d = KSubmodularGreedy.distorted(f, typeOf, new double[7], 3);
    // restrict the plain greedy to the blocks by giving zero probability to other types
    KSubmodularGreedy.KSelection g =
        KSubmodularGreedy.totalSize(
            new KSetFunction() {
              @Override
              public int groundSize() {
                return 7;
              }

              @Override
              public int types() {
                return 3;
              }

              @Override
              public double value(int[] a) {
                int[] b = a.clone();
                for (int e = 0; e < 7; e++) {
                  if (b[e] >= 0 && b[e] != typeOf[e]) {
                    b[e] = -1;
                  }
                }
                return f.value(b);
              }
            },
            3);
    assertArrayEquals(g.elements(), d.elements());
    assertArrayEquals(g.types(), d.types());
    for (int t = 0; t < d.types().length; t++) {
      assertEquals(typeOf[d.elements()[t]], d.types()[t]);
    }
  }

  @Test
  void distortedGreedyNeverTakesANonPositiveNetGain() {
    KSetFunction f = coverage(5, 7, 2, 10);
    int[] typeOf = {0, 0, 0, 1, 1, 1, 1};
    double[] cost = {0.5, 3, 0.1, 9, 0.2, 0.4, 5};
    KSubmodularGreedy.KSelection d = KSubmodularGreedy.distorted(f, typeOf, cost, 4);
    double c = 0;
    for (int e : d.elements()) {
      c += cost[e];
    }
    assertEquals(f.value(d.assignment()) - c, d.value(), 1e-12);
    assertTrue(d.value() > 0);
    assertThrows(
        IllegalArgumentException.class,
        () -> KSubmodularGreedy.distorted(f, new int[] {0, 0, 0, 1, 1, 1, 2}, cost, 2));
    assertThrows(
        IllegalArgumentException.class,
        () -> KSubmodularGreedy.individualSizes(f, new int[] {1, -1}));
    assertThrows(IllegalArgumentException.class, () -> KSubmodularGreedy.totalSize(f, -1));
  }

  /** Distorted k-submodular greedy written out round by round from its definition. */
  private static int[][] distortedLiteral(KSetFunction f, int[] typeOf, double[] cost, int m) {
    int n = f.groundSize();
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    int[] used = new int[f.types()];
    double current = f.value(a);
    java.util.List<int[]> picks = new java.util.ArrayList<>();
    for (int i = 0; i < m; i++) {
      double factor = Math.pow(1 - 1.0 / m, m - i - 1);
      int bestE = -1;
      int bestJ = -1;
      double bestScore = 0;
      double bestValue = 0;
      for (int e = 0; e < n; e++) {
        if (a[e] >= 0) {
          continue;
        }
        int j = typeOf[e];
        if (used[j] >= m) {
          continue;
        }
        a[e] = j;
        double v = f.value(a);
        a[e] = -1;
        double score = factor * (v - current) - cost[e];
        if (score > bestScore) {
          bestScore = score;
          bestE = e;
          bestJ = j;
          bestValue = v;
        }
      }
      if (bestE < 0) {
        break;
      }
      a[bestE] = bestJ;
      used[bestJ]++;
      current = bestValue;
      picks.add(new int[] {bestE, bestJ});
    }
    return picks.toArray(new int[0][]);
  }

  @Test
  void distortedGreedyPicksWhatItsDefinitionPicks() {
    for (long seed = 0; seed < 30; seed++) {
      KSetFunction f = coverage(seed, 8, 3, 12);
      java.util.random.RandomGenerator rng = dev.fathom.core.Rng.create(seed + 50);
      int[] typeOf = new int[8];
      double[] cost = new double[8];
      for (int e = 0; e < 8; e++) {
        typeOf[e] = rng.nextInt(3);
        cost[e] = rng.nextDouble() * 3;
      }
      for (int m : new int[] {2, 4, 7}) {
        KSubmodularGreedy.KSelection d = KSubmodularGreedy.distorted(f, typeOf, cost, m);
        int[][] want = distortedLiteral(f, typeOf, cost, m);
        assertEquals(want.length, d.elements().length, "seed " + seed + " m " + m);
        for (int t = 0; t < want.length; t++) {
          assertEquals(want[t][0], d.elements()[t], "seed " + seed + " m " + m + " pick " + t);
          assertEquals(want[t][1], d.types()[t], "seed " + seed + " m " + m + " type " + t);
        }
      }
    }
  }
}
