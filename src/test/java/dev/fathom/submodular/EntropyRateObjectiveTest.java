package dev.fathom.submodular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Rng;
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
    double[][] joint = new double[4][4];
    double[] marg = new double[4];
    for (int x = 0; x < 8; x++) {
      int a = ((x >> 2) & 1) + 2 * (x & 1);
      marg[a] += c.stationary(x);
      for (int i = 0; i < 3; i++) {
        int y = x ^ (1 << i);
        double px = c.stationary(x);
        double py = c.stationary(y);
        double p = Math.min(1, py / px) / 3;
        int b = ((y >> 2) & 1) + 2 * (y & 1);
        joint[a][b] += px * p;
      }
      double stay = 1;
      for (int i = 0; i < 3; i++) {
        int y = x ^ (1 << i);
        stay -= Math.min(1, c.stationary(y) / c.stationary(x)) / 3;
      }
      joint[a][a] += c.stationary(x) * stay;
    }
    double h = 0;
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        if (joint[a][b] > 0) {
          h -= joint[a][b] * Math.log(joint[a][b] / marg[a]);
        }
      }
    }
    assertEquals(h, c.entropyRate(s), 1e-12);
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
