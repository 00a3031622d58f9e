package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LpSensitivitiesTest {
  private static final double[] PS = {1, 1.5, 2, 3, 5, 8};

  private static double ratio(double[][] a, int i, double[] x, double p) {
    double total = 0;
    double mine = 0;
    for (int l = 0; l < a.length; l++) {
      double v = 0;
      for (int j = 0; j < x.length; j++) {
        v += a[l][j] * x[j];
      }
      double t = Math.pow(Math.abs(v), p);
      total += t;
      if (l == i) {
        mine = t;
      }
    }
    return mine / total;
  }

  /**
   * Brute force for d = 2: the ratio is scale-free, so maximise over angles (grid, then refine).
   */
  private static double bruteForce2(double[][] a, int i, double p) {
    int grid = 4000;
    double best = 0;
    double bestT = 0;
    for (int k = 0; k < grid; k++) {
      double t = Math.PI * k / grid;
      double v = ratio(a, i, new double[] {Math.cos(t), Math.sin(t)}, p);
      if (v > best) {
        best = v;
        bestT = t;
      }
    }
    double lo = bestT - Math.PI / grid;
    double hi = bestT + Math.PI / grid;
    for (int k = 0; k < 100; k++) { // ternary search on the bracketing cell
      double m1 = lo + (hi - lo) / 3;
      double m2 = hi - (hi - lo) / 3;
      if (ratio(a, i, new double[] {Math.cos(m1), Math.sin(m1)}, p)
          < ratio(a, i, new double[] {Math.cos(m2), Math.sin(m2)}, p)) {
        lo = m1;
      } else {
        hi = m2;
      }
    }
    double t = (lo + hi) / 2;
    return Math.max(best, ratio(a, i, new double[] {Math.cos(t), Math.sin(t)}, p));
  }

  /** Brute force for d = 3: the maximum over a grid of directions (a lower bound). */
  private static double gridMax3(double[][] a, int i, double p) {
    double best = 0;
    int g = 120;
    for (int u = 0; u < g; u++) {
      double th = Math.PI * u / g;
      for (int v = 0; v < g; v++) {
        double ph = Math.PI * v / g;
        double[] x = {Math.cos(th), Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph)};
        best = Math.max(best, ratio(a, i, x, p));
      }
    }
    return best;
  }

  @Test
  void boundAndExactAgainstBruteForceInTwoDimensions() {
    double[][] a = TestData.heavyTailed(Rng.create(3), 25, 2, 2);
    for (double p : PS) {
      double[] upper = LpSensitivities.upperBounds(a, p);
      double[] exact = LpSensitivities.exact(a, p);
      double total = 0;
      for (int i = 0; i < a.length; i++) {
        double truth = bruteForce2(a, i, p);
        assertEquals(truth, exact[i], 1e-6 * truth, "p = " + p + " i = " + i);
        assertTrue(upper[i] >= truth * (1 - 1e-9), "p = " + p + " i = " + i);
        total += upper[i];
      }
      assertTrue(total <= LpSensitivities.totalBound(2, p) * (1 + 1e-8), "p = " + p);
    }
  }

  @Test
  void boundsDominateExactInThreeDimensionsAndTotalsMeetTheBound() {
    RandomGenerator rng = Rng.create(9);
    double[][] a = TestData.heavyTailed(rng, 30, 3, 1.5);
    for (double p : PS) {
      double[] upper = LpSensitivities.upperBounds(a, p);
      double[] exact = LpSensitivities.exact(a, p);
      for (int i = 0; i < a.length; i += 3) {
        assertTrue(exact[i] >= gridMax3(a, i, p) * (1 - 1e-9), "p = " + p + " i = " + i);
      }
      double total = 0;
      double exactTotal = 0;
      for (int i = 0; i < a.length; i++) {
        assertTrue(upper[i] >= exact[i] * (1 - 1e-7), "p = " + p + " i = " + i);
        total += upper[i];
        exactTotal += exact[i];
      }
      assertTrue(total <= LpSensitivities.totalBound(3, p) * (1 + 1e-8), "p = " + p);
      // every x has a largest |a_i . x|^p share, at least 1/n, and at most 1 per row: the exact
      // total is at least 1 (it is d for p = 2)
      assertTrue(exactTotal >= 1 - 1e-9 && exactTotal <= total * (1 + 1e-7), "p = " + p);
    }
    double[] lev = LeverageScores.of(a);
    double[] two = LpSensitivities.upperBounds(a, 2);
    assertEquals(Arrays.toString(lev), Arrays.toString(two));
  }

  @Test
  void lpCoresetMinimiserBeatsUniform() {
    RandomGenerator rng = Rng.create(21);
    int n = 6000;
    int d = 4;
    double[][] x = TestData.heavyTailed(rng, n, d, 1.5);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      y[i] = x[i][1] - x[i][2] + 0.5 * x[i][3] + rng.nextGaussian();
    }
    for (double p : new double[] {1, 3}) {
      PointLoss<double[]> loss = Losses.lp(x, y, p);
      double opt = loss.total(LpRegression.fit(x, y, p).beta());
      Fitter<double[]> fit = Fitters.lp(x, y, p);
      double[] lpErr = new double[6];
      double[] uniErr = new double[6];
      for (int t = 0; t < 6; t++) {
        lpErr[t] = loss.total(fit.fit(RegressionCoresets.lp(x, y, p, 300, 100 + t))) / opt - 1;
        uniErr[t] = loss.total(fit.fit(SensitivitySampling.uniform(n, 300, 100 + t))) / opt - 1;
        assertTrue(lpErr[t] >= -1e-9, "the full optimum is optimal");
      }
      double medLp = TestData.median(lpErr);
      double medUni = TestData.median(uniErr);
      assertTrue(medLp < 0.1, "p = " + p + ": " + medLp);
      assertTrue(medLp < 0.5 * medUni, "p = " + p + ": " + medLp + " vs uniform " + medUni);
    }
  }

  /** A t(1.5) design with an intercept and y = x . (0, 1, -1, 0.5) + noise. */
  private static double[][][] heavyTailedRegression(int n, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[][] x = TestData.heavyTailed(rng, n, 4, 1.5);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      y[i] = x[i][1] - x[i][2] + 0.5 * x[i][3] + rng.nextGaussian();
    }
    return new double[][][] {x, {y}};
  }

  @Test
  void combinedSamplerIsUnbiased() {
    double[][][] data = heavyTailedRegression(2000, 5);
    double[][] x = data[0];
    double[] y = data[1][0];
    double[] q = LpSensitivities.withLeverage(LeverageScores.augment(x, y), 4);
    assertEquals(2, java.util.Arrays.stream(q).sum(), 1e-9);
    assertEquals(
        RegressionCoresets.lpWithLeverage(x, y, 4, 50, 9), SensitivitySampling.sample(q, 50, 9));
    PointLoss<double[]> loss = Losses.lp(x, y, 4);
    double[][] betas = {LpRegression.fit(x, y, 4).beta(), {0.5, 1, 0, 0}};
    int runs = 3000;
    for (double[] beta : betas) {
      double full = loss.total(beta);
      double mean = 0;
      double sq = 0;
      for (int r = 0; r < runs; r++) {
        double v = SensitivitySampling.sample(q, 40, r).loss(loss, beta);
        mean += v / runs;
        sq += v * v / runs;
      }
      double se = Math.sqrt((sq - mean * mean) / runs);
      assertEquals(full, mean, 4 * se, "beta " + java.util.Arrays.toString(beta));
    }
  }

  @Test
  void combinedSamplerMinimiserAgainstUniformAndEachPureSampler() {
    double[][][] data = heavyTailedRegression(6000, 21);
    double[][] x = data[0];
    double[] y = data[1][0];
    double[][] xy = LeverageScores.augment(x, y);
    double[] lev = LeverageScores.of(xy);
    int m = 200;
    int trials = 7;
    for (double p : new double[] {3, 6}) {
      double[] sens = LpSensitivities.upperBounds(xy, p);
      double[] mix = LpSensitivities.withLeverage(xy, p);
      PointLoss<double[]> loss = Losses.lp(x, y, p);
      double opt = loss.total(LpRegression.fit(x, y, p).beta());
      Fitter<double[]> fit = Fitters.lp(x, y, p);
      double[][] err = new double[4][trials];
      for (int t = 0; t < trials; t++) {
        err[0][t] = loss.total(fit.fit(SensitivitySampling.sample(mix, m, 100 + t))) / opt - 1;
        err[1][t] = loss.total(fit.fit(SensitivitySampling.uniform(6000, m, 100 + t))) / opt - 1;
        // each pure sampler at half the size: the mixture draws every row at least half as often
        err[2][t] = loss.total(fit.fit(SensitivitySampling.sample(sens, m / 2, 100 + t))) / opt - 1;
        err[3][t] = loss.total(fit.fit(SensitivitySampling.sample(lev, m / 2, 100 + t))) / opt - 1;
      }
      double mixed = TestData.median(err[0]);
      String at = "p = " + p + ": mixture " + mixed;
      assertTrue(mixed < 0.05, at);
      assertTrue(
          mixed < 0.3 * TestData.median(err[1]), at + " vs uniform " + TestData.median(err[1]));
      assertTrue(mixed < 2 * TestData.median(err[2]), at + " vs lp/2 " + TestData.median(err[2]));
      assertTrue(
          mixed < 2 * TestData.median(err[3]), at + " vs leverage/2 " + TestData.median(err[3]));
    }
  }

  @Test
  void badInput() {
    double[][] a = {{1, 0}, {0, 1}, {1, 1}};
    assertEquals(
        "p = 0.9: expected a finite number at least 1",
        msg(() -> LpSensitivities.upperBounds(a, 0.9)));
    assertEquals(
        "p = NaN: expected a finite number at least 1",
        msg(() -> LpSensitivities.exact(a, Double.NaN)));
    assertEquals(
        "a.length = 1: expected at least the number of columns 2",
        msg(() -> LpSensitivities.exact(new double[][] {{1, 2}}, 3)));
    assertEquals("d = 0: expected a positive integer", msg(() -> LpSensitivities.totalBound(0, 3)));
    assertEquals(
        "m = 4: expected a coreset size in [1, n = 3]",
        msg(() -> RegressionCoresets.lp(a, new double[] {1, 2, 3}, 3, 4, 1)));
    assertEquals(
        "p = 0.5: expected a finite number at least 1",
        msg(() -> RegressionCoresets.lp(a, new double[] {1, 2, 3}, 0.5, 2, 1)));
    assertEquals(
        "p = 0.5: expected a finite number at least 1",
        msg(() -> RegressionCoresets.lpWithLeverage(a, new double[] {1, 2, 3}, 0.5, 2, 1)));
    assertEquals(
        "m = 0: expected a coreset size in [1, n = 3]",
        msg(() -> RegressionCoresets.lpWithLeverage(a, new double[] {1, 2, 3}, 3, 0, 1)));
    assertEquals(
        "p = 0.9: expected a finite number at least 1",
        msg(() -> LpSensitivities.withLeverage(a, 0.9)));
  }
}
