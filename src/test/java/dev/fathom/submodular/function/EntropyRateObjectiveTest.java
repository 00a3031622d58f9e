package dev.fathom.submodular.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.optimize.Greedy;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The Markov-chain entropy-rate objective against the values published by Lai and Choi. */
class EntropyRateObjectiveTest {
  static final MarkovChain CW = MarkovChain.curieWeiss(10, 0.1, 1.0);

  @Test
  void fullChainEntropyRateMatchesTheAuthorsLog() {
    int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertEquals(2.29109, CW.entropyRate(all), 1e-4);
    double total = 0;
    for (int x = 0; x < CW.states(); x++) {
      total += CW.stationary(x);
    }
    assertEquals(1.0, total, 1e-12);
  }

  @Test
  void greedyMatchesTheAuthorsCurieWeissSequence() {
    // arXiv 2503.23340, authors' result log: greedy values for m = 1..10
    double[] expected = {
      0.29085, 0.57371, 0.83933, 1.09570, 1.33953, 1.57098, 1.78757, 1.98500, 2.15793, 2.29109
    };
    EntropyRateObjective f = new EntropyRateObjective(CW);
    Selection s = Greedy.naive(f, Constraint.cardinality(10));
    assertEquals(10, s.size());
    double v = 0;
    for (int m = 0; m < 10; m++) {
      v += s.gains()[m];
      assertEquals(expected[m], v, 1e-4, "m = " + (m + 1));
    }
    int[] first = Arrays.copyOf(s.elements(), 4);
    Arrays.sort(first);
    assertArrayEquals(new int[] {0, 1, 8, 9}, first);
    // spins 0 and 9 are mirror images (the coupling depends on |i - j| only), so H({0}) = H({9})
    // up to rounding: the authors' log starts with 0, rounding may pick 9 first
    assertTrue(s.elements()[0] == 0 || s.elements()[0] == 9);
    assertEquals(CW.entropyRate(new int[] {0}), CW.entropyRate(new int[] {9}), 1e-12);
  }

  @Test
  void entropyRateOfProjectionMatchesADirectDenseComputation() {
    // P^(S) built densely from the definition on a 3-spin chain, against the sparse projection
    MarkovChain c = MarkovChain.curieWeiss(3, 0.7, 0.3);
    int[] s = {2, 0};
    double[][] ps = project(c, dense(c, 3), s);
    double h = 0;
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        if (ps[1 + a][b] > 0) {
          h -= ps[0][a] * ps[1 + a][b] * Math.log(ps[1 + a][b]);
        }
      }
    }
    assertEquals(h, c.entropyRate(s), 1e-12);
  }

  /** Dense transition matrix of a d-spin Curie-Weiss chain, from its stationary ratios. */
  static double[][] dense(MarkovChain c, int d) {
    int n = 1 << d;
    double[][] p = new double[n][n];
    for (int x = 0; x < n; x++) {
      double stay = 1;
      for (int i = 0; i < d; i++) {
        int y = x ^ (1 << i);
        p[x][y] = Math.min(1, c.stationary(y) / c.stationary(x)) / d;
        stay -= p[x][y];
      }
      p[x][x] = stay;
    }
    return p;
  }

  /** Index of the projection of state x on coords (coords[0] least significant). */
  static int proj(int x, int[] coords) {
    int a = 0;
    for (int t = coords.length - 1; t >= 0; t--) {
      a = 2 * a + ((x >> coords[t]) & 1);
    }
    return a;
  }

  /** Dense projected chain: [0] = stationary marginal (as a row), [1..] = transition rows. */
  static double[][] project(MarkovChain c, double[][] p, int[] coords) {
    int m = 1 << coords.length;
    double[] marg = new double[m];
    double[][] q = new double[m][m];
    for (int x = 0; x < p.length; x++) {
      marg[proj(x, coords)] += c.stationary(x);
      for (int y = 0; y < p.length; y++) {
        q[proj(x, coords)][proj(y, coords)] += c.stationary(x) * p[x][y];
      }
    }
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        q[a][b] /= marg[a];
      }
    }
    double[][] out = new double[m + 1][];
    out[0] = marg;
    System.arraycopy(q, 0, out, 1, m);
    return out;
  }

  @Test
  void divergenceCriteriaMatchDirectKlRates() {
    int d = 3;
    MarkovChain c = MarkovChain.curieWeiss(d, 0.8, 0.4);
    double[][] p = dense(c, d);
    int[][] singles = {{0}, {1}, {2}};
    double[][][] single = new double[3][][];
    for (int i = 0; i < 3; i++) {
      single[i] = project(c, p, singles[i]);
    }
    // factorizability: P against P^({0}) x P^({2}) x P^(rest = {1}), mapped back coordinate-wise
    double kl = 0;
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        if (p[x][y] > 0) {
          double q = 1;
          for (int i = 0; i < 3; i++) {
            q *= single[i][1 + ((x >> i) & 1)][(y >> i) & 1];
          }
          kl += c.stationary(x) * p[x][y] * Math.log(p[x][y] / q);
        }
      }
    }
    assertEquals(kl, c.distanceToFactorizability(new int[][] {{0}, {2}}), 1e-12);
    // independence of S = {0, 2}: P^(S) against P^({0}) x P^({2})
    int[] s = {0, 2};
    double[][] ps = project(c, p, s);
    double ind = 0;
    double stat = 0;
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        double pab = ps[1 + a][b];
        if (pab > 0) {
          double q = single[0][1 + (a & 1)][b & 1] * single[2][1 + (a >> 1)][b >> 1];
          ind += ps[0][a] * pab * Math.log(pab / q);
          stat += ps[0][a] * pab * Math.log(pab / ps[0][b]);
        }
      }
    }
    assertEquals(ind, c.distanceToIndependence(s), 1e-12);
    assertEquals(stat, c.distanceToStationarity(s), 1e-12);
    assertTrue(ind > 0 && stat > 0 && kl > 0);
    assertThrows(
        IllegalArgumentException.class,
        () -> c.distanceToFactorizability(new int[][] {{0, 1}, {1}}));
  }

  @Test
  void submodularOnRandomSets() {
    EntropyRateObjective f = new EntropyRateObjective(CW);
    RandomGenerator rng = Rng.create(3);
    for (int trial = 0; trial < 30; trial++) {
      int[] perm = Rng.permutation(rng, 10);
      int b = 1 + rng.nextInt(8);
      int a = rng.nextInt(b);
      int[] setA = Arrays.copyOf(perm, a);
      int[] setB = Arrays.copyOf(perm, b);
      int e = perm[9];
      double ga = f.evaluate(append(setA, e)) - f.evaluate(setA);
      double gb = f.evaluate(append(setB, e)) - f.evaluate(setB);
      assertTrue(ga >= gb - 1e-9, ga + " < " + gb);
    }
    assertThrows(IllegalArgumentException.class, () -> CW.entropyRate(new int[] {1, 1}));
    assertThrows(IllegalArgumentException.class, () -> MarkovChain.curieWeiss(0, 1, 1));
  }

  static int[] append(int[] a, int e) {
    int[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = e;
    return out;
  }
}
