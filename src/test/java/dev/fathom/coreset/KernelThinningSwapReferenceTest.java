package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

/**
 * KT-SWAP's pieces against brute-force MMD^2 computed from the kernel directly: the relative MMD^2,
 * the choice of the best candidate and the one-pass greedy refinement.
 */
class KernelThinningSwapReferenceTest {
  static final Kernel K = Kernel.gaussian(1.3);

  /** MMD^2 between all points and the uniform law on c (with multiplicity), by the definition. */
  static double mmd2(double[][] x, int[] c) {
    int n = x.length;
    double pp = 0;
    for (double[] a : x) {
      for (double[] b : x) {
        pp += K.eval(a, b);
      }
    }
    double pc = 0;
    for (double[] a : x) {
      for (int v : c) {
        pc += K.eval(a, x[v]);
      }
    }
    double cc = 0;
    for (int u : c) {
      for (int v : c) {
        cc += K.eval(x[u], x[v]);
      }
    }
    double s = c.length;
    return pp / ((double) n * n) - 2 * pc / (n * s) + cc / (s * s);
  }

  @Test
  void relativeMmd2IsMmd2MinusTheSelfTerm() {
    double[][] x = KernelThinningTest.gaussianPoints(15, 1);
    double self = Mmd.selfTerm(x, K);
    int[][] sets = {{3}, {0, 14}, {2, 7, 7, 11}, {14, 13, 1, 5, 9}};
    for (boolean store : new boolean[] {false, true}) {
      Gram g = Gram.of(x, K, store);
      double[] meanK = g.rowMeans();
      for (int i = 0; i < x.length; i++) {
        double row = 0;
        for (double[] b : x) {
          row += K.eval(x[i], b);
        }
        assertEquals(row / x.length, meanK[i], 1e-14);
      }
      for (int[] c : sets) {
        assertEquals(mmd2(x, c), KernelThinning.relativeMmd2(g, c, meanK) + self, 1e-13);
      }
    }
  }

  @Test
  void bestIsTheCandidateOrStandardThinningWithTheSmallestMmd() {
    double[][] x = KernelThinningTest.gaussianPoints(20, 2);
    Gram g = Gram.of(x, K, false);
    double[] meanK = g.rowMeans();
    int[] standard = KernelThinning.standardThinning(20, 4);
    var rng = Rng.create(3);
    for (int trial = 0; trial < 20; trial++) {
      int[][] candidates = new int[1 + trial % 4][];
      for (int c = 0; c < candidates.length; c++) {
        candidates[c] = Rng.sampleWithoutReplacement(rng, 20, 4);
      }
      int[] expected = standard;
      double bestVal = mmd2(x, standard);
      for (int[] c : candidates) {
        double v = mmd2(x, c);
        if (v < bestVal) {
          bestVal = v;
          expected = c;
        }
      }
      int[] got = KernelThinning.best(g, candidates, meanK);
      assertArrayEquals(expected, got);
      for (int[] c : candidates) {
        assertNotSame(c, got);
      }
    }
  }

  /** One pass: position i takes the point j that minimises the MMD of the set with c[i] = j. */
  static int[] refineByBruteForce(double[][] x, int[] c0, boolean unique) {
    int[] c = c0.clone();
    for (int i = 0; i < c.length; i++) {
      int bestJ = -1;
      double bestVal = Double.POSITIVE_INFINITY;
      for (int j = 0; j < x.length; j++) {
        boolean taken = false;
        for (int l = 0; l < c.length; l++) {
          taken |= l != i && c[l] == j;
        }
        if (unique && taken && j != c[i]) { // keeping the current point is always allowed
          continue;
        }
        int[] t = c.clone();
        t[i] = j;
        double v = mmd2(x, t);
        if (v < bestVal) {
          bestVal = v;
          bestJ = j;
        }
      }
      c[i] = bestJ;
    }
    return c;
  }

  @Test
  void refineIsTheGreedyOnePassSwap() {
    for (long seed = 4; seed < 10; seed++) {
      double[][] x = KernelThinningTest.gaussianPoints(18, seed);
      for (boolean store : new boolean[] {false, true}) {
        Gram g = Gram.of(x, K, store);
        double[] meanK = g.rowMeans();
        var rng = Rng.create(seed);
        int[] start = Rng.sampleWithoutReplacement(rng, 18, 5);
        // a start with a repeated point: the non-unique pass may keep or create repeats
        int[] repeated = {start[0], start[0], start[1], start[2], start[2]};
        for (int[] s : new int[][] {start, repeated}) {
          for (boolean unique : new boolean[] {false, true}) {
            int[] expected = refineByBruteForce(x, s, unique);
            assertArrayEquals(expected, KernelThinning.refine(g, s.clone(), meanK, unique));
          }
        }
      }
    }
  }
}
