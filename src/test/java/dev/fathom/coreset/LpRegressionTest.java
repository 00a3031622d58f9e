package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LpRegressionTest {
  private static final double[] PS = {1, 1.2, 1.5, 2, 3, 4.5, 8};

  /** n rows: a column of ones, then t(3) entries; y = x beta* + t(2) noise. */
  private static double[][][] data(int n, int d, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[][] x = TestData.heavyTailed(rng, n, d, 3);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      for (int l = 0; l < d; l++) {
        y[i] += (l + 1) * x[i][l];
      }
      y[i] += TestData.studentT(rng, 2);
    }
    return new double[][][] {x, {y}};
  }

  private static double objective(double[][] x, double[] y, double p, Coreset c, double[] beta) {
    return c.loss(Losses.lp(x, y, p), beta);
  }

  /** Golden-section minimum of a convex function on [lo, hi]: the argmin. */
  private static double golden(DoubleUnaryOperator f, double lo, double hi) {
    double g = (Math.sqrt(5) - 1) / 2;
    for (int k = 0; k < 120; k++) {
      double a = hi - g * (hi - lo);
      double b = lo + g * (hi - lo);
      if (f.applyAsDouble(a) <= f.applyAsDouble(b)) {
        hi = b;
      } else {
        lo = a;
      }
    }
    return (lo + hi) / 2;
  }

  /** Brute force for d = 2: nested golden sections (the partial minimum is convex in beta_0). */
  private static double[] bruteForce2(double[][] x, double[] y, double p, Coreset c) {
    double lo = -40;
    double hi = 40;
    DoubleUnaryOperator inner0 =
        b0 -> golden(b1 -> objective(x, y, p, c, new double[] {b0, b1}), lo, hi);
    double b0 =
        golden(v -> objective(x, y, p, c, new double[] {v, inner0.applyAsDouble(v)}), lo, hi);
    return new double[] {b0, inner0.applyAsDouble(b0)};
  }

  @Test
  void matchesNestedGoldenSectionInTwoDimensions() {
    double[][][] dd = data(40, 2, 11);
    double[][] x = dd[0];
    double[] y = dd[1][0];
    Coreset c = SensitivitySampling.uniform(40, 30, 5); // unequal weights after merging
    for (double p : PS) {
      double[] ref = bruteForce2(x, y, p, c);
      LpRegression.Result r = LpRegression.fit(x, y, p, c);
      assertEquals(Status.CONVERGED, r.status(), "p = " + p);
      double fr = objective(x, y, p, c, ref);
      double f = objective(x, y, p, c, r.beta());
      assertTrue(f <= fr * (1 + 1e-9), "p = " + p + ": " + f + " vs " + fr);
      if (p > 1) { // strictly convex: the minimiser is unique
        for (int l = 0; l < 2; l++) {
          assertEquals(ref[l], r.beta()[l], 1e-5 * (1 + Math.abs(ref[l])), "p = " + p);
        }
      }
      assertEquals(
          java.util.Arrays.toString(r.beta()),
          java.util.Arrays.toString(Fitters.lp(x, y, p).fit(c)));
    }
  }

  @Test
  void gradientVanishesInFiveDimensions() {
    double[][][] dd = data(300, 5, 3);
    double[][] x = dd[0];
    double[] y = dd[1][0];
    for (double p : new double[] {1.3, 2.5, 3, 6, 12}) {
      double[] beta = LpRegression.fit(x, y, p).beta();
      // independent optimality check: sum_i |r_i|^(p-1) sign(r_i) x_i = 0, against its scale
      double[] g = new double[5];
      double[] scale = new double[5];
      for (int i = 0; i < x.length; i++) {
        double r = y[i];
        for (int l = 0; l < 5; l++) {
          r -= x[i][l] * beta[l];
        }
        double v = Math.signum(r) * Math.pow(Math.abs(r), p - 1);
        for (int l = 0; l < 5; l++) {
          g[l] += v * x[i][l];
          scale[l] += Math.abs(v * x[i][l]);
        }
      }
      for (int l = 0; l < 5; l++) {
        assertTrue(Math.abs(g[l]) <= 1e-6 * scale[l], "p = " + p + " l = " + l + ": " + g[l]);
      }
    }
  }

  @Test
  void closedFormsAndLimits() {
    double[][][] dd = data(200, 3, 8);
    double[][] x = dd[0];
    double[] y = dd[1][0];
    Coreset c = SensitivitySampling.uniform(200, 80, 1);
    double[] ls = TestData.weightedLeastSquares(x, y, c.indices(), c.weights());
    double[] got = LpRegression.fit(x, y, 2, c).beta();
    for (int l = 0; l < 3; l++) {
      assertEquals(ls[l], got[l], 1e-10 * (1 + Math.abs(ls[l])));
    }
    double[][] ones = new double[101][];
    double[] v = new double[101];
    RandomGenerator rng = Rng.create(4);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v.length; i++) {
      ones[i] = new double[] {1};
      v[i] = Math.exp(2 * rng.nextGaussian());
      min = Math.min(min, v[i]);
      max = Math.max(max, v[i]);
    }
    assertEquals(TestData.median(v), LpRegression.fit(ones, v, 1).beta()[0], 1e-12);
    // p -> infinity: the optimality condition gives |b - midrange| <= range/2 (q-1)/(q+1),
    // q = n^(1/(p-1)); p = 200 makes that a few percent of the range, with a skewed sample
    for (double p : new double[] {50, 200, 1000}) {
      double q = Math.pow(v.length, 1 / (p - 1));
      double b = LpRegression.fit(ones, v, p).beta()[0];
      double bound = (max - min) / 2 * (q - 1) / (q + 1);
      assertTrue(Math.abs(b - (min + max) / 2) <= bound, "p = " + p);
      assertTrue(Math.abs(b - TestData.median(v)) > bound, "p = " + p); // not just the median
    }
  }

  @Test
  void reportsStatusBudgetAndHistory() {
    double[][][] dd = data(100, 3, 2);
    double[][] x = dd[0];
    double[] y = dd[1][0];
    Coreset all = Coreset.all(100);
    LpRegression.Result one = LpRegression.fit(x, y, 4, all, StoppingRule.budget(1));
    assertEquals(Status.MAX_ITERATIONS, one.status());
    assertEquals(1, one.iterations());
    LpRegression.Result full =
        LpRegression.fit(x, y, 4, all, LpRegression.DEFAULT_RULE.withHistory());
    assertEquals(Status.CONVERGED, full.status());
    assertEquals(full.iterations(), full.residualHistory().length);
    assertEquals(full.residual(), full.residualHistory()[full.residualHistory().length - 1]);
    assertEquals(one.residual(), full.residualHistory()[0]);
    assertTrue(objective(x, y, 4, all, full.beta()) < objective(x, y, 4, all, one.beta()));
  }

  @Test
  void badInput() {
    double[][] x = {{1}, {2}};
    double[] y = {1, 2};
    assertEquals(
        "p = 0.5: expected a finite number at least 1", msg(() -> LpRegression.fit(x, y, 0.5)));
    assertEquals(
        "p = Infinity: expected a finite number at least 1",
        msg(() -> Fitters.lp(x, y, Double.POSITIVE_INFINITY)));
    assertEquals(
        "p = NaN: expected a finite number at least 1", msg(() -> Fitters.lp(x, y, Double.NaN)));
    assertEquals(
        "coreset.index(0) = 2: expected less than x.length = 2",
        msg(() -> LpRegression.fit(x, y, 3, new Coreset(new int[] {2}, new double[] {1}))));
    assertEquals("y.length = 1: expected x.length = 2", msg(() -> Fitters.lp(x, new double[1], 3)));
    assertThrows(NullPointerException.class, () -> LpRegression.fit(x, y, 3, null));
    assertThrows(NullPointerException.class, () -> LpRegression.fit(x, y, 3, Coreset.all(2), null));
  }
}
