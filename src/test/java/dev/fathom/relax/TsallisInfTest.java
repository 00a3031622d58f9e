package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TsallisInfTest {
  @Test
  void distributionSolvesItsNormalisationEquation() {
    // Independent check: bisection on x for sum_i 4 / (eta (L_i - x))^2 = 1.
    RandomGenerator rng = Rng.create(5);
    for (int trial = 0; trial < 50; trial++) {
      int k = 1 + rng.nextInt(30);
      double[] losses = new double[k];
      for (int i = 0; i < k; i++) {
        losses[i] = rng.nextDouble(0, 200);
      }
      double eta = 2 / Math.sqrt(1 + rng.nextInt(5000));
      double[] p = new double[k];
      TsallisInf.distribution(losses, eta, p);
      double lo = -1e9;
      double hi = Arrays.stream(losses).min().getAsDouble();
      for (int it = 0; it < 300; it++) {
        double mid = 0.5 * (lo + hi);
        double s = 0;
        for (double l : losses) {
          s += 4 / Math.pow(eta * (l - mid), 2);
        }
        if (s > 1) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      for (int i = 0; i < k; i++) {
        assertEquals(4 / Math.pow(eta * (losses[i] - lo), 2), p[i], 1e-9, "trial " + trial);
      }
      assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
    }
  }

  @Test
  void startsUniformAndConcentratesOnTheCheapestArm() {
    TsallisInf bandit = new TsallisInf(GridBandit.linspace(1.0, 1.9, 10), 3);
    double[] p = bandit.probabilities();
    for (double v : p) {
      assertEquals(0.1, v, 1e-12);
    }
    // Stochastic costs: arm 6 is cheapest (mean 20), others cost 20 + 8 |i - 6| on average.
    RandomGenerator noise = Rng.create(4);
    long total = 0;
    int rounds = 4000;
    for (int t = 0; t < rounds; t++) {
      int arm = bandit.selectArm(0);
      double cost = 20 + 8 * Math.abs(arm - 6) + noise.nextInt(-5, 6);
      total += Math.round(cost);
      bandit.update(cost);
    }
    double[] last = bandit.probabilities();
    assertTrue(last[6] > 0.5, "p[best] = " + last[6]);
    // Pseudo-regret against always playing arm 6 (mean 20 per round): well under 10 %.
    assertTrue(total < 1.10 * 20 * rounds, "total " + total);
  }

  @Test
  void updateRuleIsThePapersReferenceRule() {
    // The reference rule, tracked independently: Lhat_i += (c - 1) / p_i for the played arm,
    // losses divided by mean(c) - 1, eta_t = 2 / sqrt(t) with t counted from 1, and p solved by
    // bisection on the normaliser x.
    double[] g = GridBandit.paperGrid();
    TsallisInf bandit = new TsallisInf(g, 9);
    double[] lhat = new double[g.length];
    double costSum = 0;
    java.util.Random costs = new java.util.Random(10);
    for (int t = 1; t <= 400; t++) {
      double scale = t == 1 ? 1.0 : costSum / (t - 1) - 1;
      double[] expected = referenceDistribution(lhat, scale, 2 / Math.sqrt(t));
      double[] p = bandit.probabilities();
      assertArrayEquals(expected, p, 1e-9, "round " + t);
      int arm = bandit.selectArm(0);
      double cost = 50 + 10 * Math.abs(arm - 14) + costs.nextInt(30);
      bandit.update(cost);
      lhat[arm] += (cost - 1) / p[arm];
      costSum += cost;
    }
  }

  @Test
  void reducedVarianceUpdateIsZimmertAndSeldinsEstimator() {
    // Tracked independently: B = mean(earlier costs) - 1 (1 before any cost) for every arm with
    // p_i >= eta_t^2, 0 otherwise; the played arm gets (c - 1 - B) / p + B, the others + B.
    double[] g = GridBandit.paperGrid();
    TsallisInf bandit = new TsallisInf(g, TsallisInf.Estimator.REDUCED_VARIANCE, 9);
    assertEquals(TsallisInf.Estimator.REDUCED_VARIANCE, bandit.estimator());
    double[] lhat = new double[g.length];
    double costSum = 0;
    int shifted = 0;
    java.util.Random costs = new java.util.Random(10);
    for (int t = 1; t <= 400; t++) {
      double scale = t == 1 ? 1.0 : costSum / (t - 1) - 1;
      double eta = 2 / Math.sqrt(t);
      double[] expected = referenceDistribution(lhat, scale, eta);
      double[] p = bandit.probabilities();
      assertArrayEquals(expected, p, 1e-9, "round " + t);
      int arm = bandit.selectArm(0);
      double cost = 50 + 10 * Math.abs(arm - 14) + costs.nextInt(30);
      bandit.update(cost);
      for (int i = 0; i < g.length; i++) {
        double b = p[i] >= eta * eta ? scale : 0;
        shifted += b > 0 ? 1 : 0;
        lhat[i] += i == arm ? (cost - 1 - b) / p[i] + b : b;
      }
      costSum += cost;
    }
    // The offset is active for most arm-rounds once eta_t^2 falls below the probabilities.
    assertTrue(shifted > 2000, "shifted " + shifted);
  }

  @Test
  void reducedVarianceConcentratesOnTheCheapestArmWithLessRegret() {
    // Same stochastic problem as above: both estimators find arm 6; averaged over seeds the
    // reduced-variance one pays no more.
    long iw = 0;
    long rv = 0;
    for (long seed = 1; seed <= 4; seed++) {
      iw += stochasticTotal(new TsallisInf(GridBandit.linspace(1.0, 1.9, 10), seed), seed);
      TsallisInf b =
          new TsallisInf(
              GridBandit.linspace(1.0, 1.9, 10), TsallisInf.Estimator.REDUCED_VARIANCE, seed);
      rv += stochasticTotal(b, seed);
      assertTrue(b.probabilities()[6] > 0.5, "p[best] = " + b.probabilities()[6]);
    }
    assertTrue(rv < 1.10 * 4 * 20 * 4000, "RV total " + rv);
    assertTrue(rv <= iw, rv + " vs " + iw);
  }

  private static long stochasticTotal(TsallisInf bandit, long seed) {
    RandomGenerator noise = Rng.create(100 + seed);
    long total = 0;
    for (int t = 0; t < 4000; t++) {
      int arm = bandit.selectArm(0);
      double cost = 20 + 8 * Math.abs(arm - 6) + noise.nextInt(-5, 6);
      total += Math.round(cost);
      bandit.update(cost);
    }
    return total;
  }

  private static double[] referenceDistribution(double[] lhat, double scale, double eta) {
    int k = lhat.length;
    double min = Double.POSITIVE_INFINITY;
    for (double l : lhat) {
      min = Math.min(min, l / scale);
    }
    double lo = min - 100 * k / eta;
    double hi = min - 1e-12;
    for (int it = 0; it < 300; it++) {
      double mid = 0.5 * (lo + hi);
      double s = 0;
      for (double l : lhat) {
        s += 4 / Math.pow(eta * (l / scale - mid), 2);
      }
      if (s > 1) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double[] p = new double[k];
    for (int i = 0; i < k; i++) {
      p[i] = 4 / Math.pow(eta * (lhat[i] / scale - lo), 2);
    }
    return p;
  }

  @Test
  void sameSeedSameChoices() {
    double[] g = GridBandit.paperGrid();
    int[] a = play(new TsallisInf(g, 42));
    assertArrayEquals(a, play(new TsallisInf(g, 42)));
    assertFalse(Arrays.equals(a, play(new TsallisInf(g, 43))));
  }

  private static int[] play(GridBandit bandit) {
    int[] arms = new int[300];
    for (int t = 0; t < arms.length; t++) {
      arms[t] = bandit.selectArm(0.1 * (t % 5));
      bandit.update(10 + Math.abs(arms[t] - 12) * 3);
    }
    return arms;
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new TsallisInf(new double[] {1.0, 1.5, 2.0}, 1));
    assertEquals("grid[2] = 2.0: expected a number in (0.0, 2.0)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new TsallisInf(new double[0], 1));
    assertEquals("grid.length = 0: expected at least one omega", e.getMessage());
    assertThrows(NullPointerException.class, () -> new TsallisInf(GridBandit.paperGrid(), null, 1));
    TsallisInf b = new TsallisInf(GridBandit.paperGrid(), 1);
    assertThrows(IllegalStateException.class, () -> b.update(3));
    b.selectArm(0);
    assertThrows(IllegalStateException.class, () -> b.selectArm(0));
    e = assertThrows(IllegalArgumentException.class, () -> b.update(Double.NaN));
    assertEquals("cost = NaN: expected a finite non-negative number", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.update(-1));
    assertEquals("cost = -1.0: expected a finite non-negative number", e.getMessage());
  }
}
