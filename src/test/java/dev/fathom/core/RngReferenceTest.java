package dev.fathom.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** {@link Rng} against independent references: the JDK's SplitMix64 and exact laws. */
class RngReferenceTest {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  @Test
  void mix64IsTheSplitMix64FinalizerOfTheJdk() {
    // SplittableRandom(seed).nextLong() is the SplitMix64 output: mix64(seed + golden gamma).
    SplittableRandom seeds = new SplittableRandom(99);
    for (int i = 0; i < 1000; i++) {
      long s = i < 3 ? i - 1 : seeds.nextLong();
      assertEquals(new SplittableRandom(s).nextLong(), Rng.mix64(s + GOLDEN_GAMMA), "seed " + s);
    }
    // Vigna's splitmix64.c reference, state 1234567: first output.
    assertEquals(6457827717110365317L, Rng.mix64(1234567 + GOLDEN_GAMMA));
  }

  /** Chi-square statistic of counts against equal expected frequencies. */
  private static double chi2(Map<String, Integer> counts, int cells, int trials) {
    assertEquals(cells, counts.size(), "every outcome occurs");
    double expected = (double) trials / cells;
    double c = 0;
    for (int k : counts.values()) {
      c += (k - expected) * (k - expected) / expected;
    }
    return c;
  }

  @Test
  void permutationsAndShufflesAreUniformOverAllOrders() {
    RandomGenerator g = Rng.create(11);
    int trials = 24000;
    Map<String, Integer> perms = new HashMap<>();
    Map<String, Integer> shuffles = new HashMap<>();
    for (int t = 0; t < trials; t++) {
      perms.merge(java.util.Arrays.toString(Rng.permutation(g, 4)), 1, Integer::sum);
      int[] a = {7, 8, 9, 10};
      Rng.shuffle(g, a);
      shuffles.merge(java.util.Arrays.toString(a), 1, Integer::sum);
    }
    // 24 orders, 23 degrees of freedom: P(chi2 > 55) < 2e-4.
    assertTrue(chi2(perms, 24, trials) < 55, "permutation " + perms);
    assertTrue(chi2(shuffles, 24, trials) < 55, "shuffle " + shuffles);
    int[] one = {5};
    Rng.shuffle(g, one);
    assertArrayEquals(new int[] {5}, one);
  }

  @Test
  void samplesWithoutReplacementAreUniformOrderedTuples() {
    RandomGenerator g = Rng.create(12);
    int trials = 24000;
    for (int[] nk : new int[][] {{4, 2}, {9, 2}}) { // the dense path and the hashed path
      Map<String, Integer> counts = new HashMap<>();
      for (int t = 0; t < trials; t++) {
        int[] s = Rng.sampleWithoutReplacement(g, nk[0], nk[1]);
        counts.merge(s[0] + "," + s[1], 1, Integer::sum);
      }
      int cells = nk[0] * (nk[0] - 1);
      // 11 or 71 degrees of freedom; bounds with P(exceed) < 1e-4
      assertTrue(chi2(counts, cells, trials) < (cells == 12 ? 35 : 120), counts.toString());
    }
  }

  @Test
  void aSmallSampleOfAHugePopulationCostsOnlyItsSize() {
    // An O(n) table of 2^31 - 1 entries could not even be allocated.
    int[] s = Rng.sampleWithoutReplacement(Rng.create(4), Integer.MAX_VALUE, 5);
    assertEquals(5, s.length);
    assertEquals(5, java.util.Arrays.stream(s).distinct().count());
    for (int v : s) {
      assertTrue(v >= 0);
    }
  }

  @Test
  void uniformFillsWithinTheIntervalWithTheRightMoments() {
    double[] out = new double[40000];
    Rng.uniform(Rng.create(13), -2, 6, out);
    double s = 0;
    double ss = 0;
    for (double v : out) {
      assertTrue(v >= -2 && v < 6, "value " + v);
      s += v;
      ss += v * v;
    }
    double mean = s / out.length;
    double var = ss / out.length - mean * mean;
    // U(-2, 6): mean 2, variance 64 / 12.
    assertEquals(2, mean, 5 * Math.sqrt(64.0 / 12 / out.length));
    assertEquals(64.0 / 12, var, 0.05 * 64 / 12);
    assertEquals(
        "hi = 1.0: expected a number greater than lo = 1.0",
        assertThrows(
                IllegalArgumentException.class,
                () -> Rng.uniform(Rng.create(1), 1, 1, new double[1]))
            .getMessage());
  }

  @Test
  void betaWithSubnormalShapesIsBernoulliWithTheRightMean() {
    // Both Gamma draws underflow even in log space (below e^-1e308): the Bernoulli(a / (a + b))
    // limit, which is the exact limit of X / (X + Y) as the shapes go to 0 with a fixed ratio.
    RandomGenerator g = Rng.create(14);
    int n = 8000;
    double a = Double.MIN_VALUE;
    double b = 4 * Double.MIN_VALUE;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = Rng.beta(g, a, b);
      assertTrue(x == 0 || x == 1, "sample " + x);
      sum += x;
    }
    assertEquals(0.2, sum / n, 5 * Math.sqrt(0.16 / n));
    double sym = 0;
    for (int i = 0; i < n; i++) {
      sym += Rng.beta(g, a, a);
    }
    assertEquals(0.5, sym / n, 5 * Math.sqrt(0.25 / n));
  }

  @Test
  void streamsDependOnSeedAndIndexOnly() {
    assertEquals(Rng.stream(5, 3).nextLong(), Rng.stream(5, 3).nextLong());
    assertNotEquals(Rng.stream(5, 3).nextLong(), Rng.stream(5, 4).nextLong());
    assertNotEquals(Rng.stream(5, 3).nextLong(), Rng.stream(6, 3).nextLong());
    RandomGenerator[] split = Rng.split(5, 4);
    for (int i = 0; i < 4; i++) {
      assertEquals(Rng.stream(5, i).nextLong(), split[i].nextLong());
    }
  }
}
