package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossesTest {
  private static final double[][] X = {{1, 2}, {-1, 0.5}, {3, -2}};
  private static final double[] Y = {1, -1, 1};
  private static final double[] BETA = {0.4, -0.3};

  @Test
  void regressionLossesMatchFormulas() {
    double[] t = {0.5, 2, -1};
    PointLoss<double[]> ls = Losses.leastSquares(X, t);
    PointLoss<double[]> l3 = Losses.lp(X, t, 3);
    double total = 0;
    for (int i = 0; i < 3; i++) {
      double r = t[i] - (X[i][0] * BETA[0] + X[i][1] * BETA[1]);
      assertEquals(r * r, ls.loss(i, BETA), 1e-15);
      assertEquals(Math.abs(r * r * r), l3.loss(i, BETA), 1e-14);
      total += r * r;
    }
    assertEquals(total, ls.total(BETA), 1e-14);
    assertEquals(3, ls.losses(BETA).length);
  }

  @Test
  void classificationLossesMatchFormulas() {
    double lambda = 0.6;
    PointLoss<double[]> lg = Losses.logistic(X, Y, lambda);
    PointLoss<double[]> sv = Losses.hinge(X, Y, lambda);
    double ridge = lambda * (BETA[0] * BETA[0] + BETA[1] * BETA[1]) / (2 * 3);
    for (int i = 0; i < 3; i++) {
      double m = Y[i] * (X[i][0] * BETA[0] + X[i][1] * BETA[1]);
      assertEquals(Math.log(1 + Math.exp(-m)) + ridge, lg.loss(i, BETA), 1e-14);
      assertEquals(Math.max(0, 1 - m) + ridge, sv.loss(i, BETA), 1e-14);
    }
    // numerically stable for huge margins
    double[] big = {1000, 0};
    assertEquals(0, Losses.logistic(X, Y, 0).loss(0, big), 1e-300);
    assertEquals(1000, Losses.logistic(X, Y, 0).loss(0, new double[] {-1000, 0}), 1e-9);
  }

  @Test
  void clusteringLossesAreNearestCenterDistances() {
    double[][] c = {{0, 0}, {3, -1}};
    PointLoss<double[][]> km = Losses.kMeans(X);
    PointLoss<double[][]> kmed = Losses.kMedian(X);
    for (int i = 0; i < 3; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] cc : c) {
        best = Math.min(best, Math.hypot(X[i][0] - cc[0], X[i][1] - cc[1]));
      }
      assertEquals(best * best, km.loss(i, c), 1e-14);
      assertEquals(best, kmed.loss(i, c), 1e-14);
    }
  }

  @Test
  void badInput() {
    assertEquals("p = 0.5: expected a number in [1.0, 16.0]", msg(() -> Losses.lp(X, Y, 0.5)));
    assertEquals(
        "y[1] = 0.0: expected a label -1 or +1",
        msg(() -> Losses.logistic(X, new double[] {1, 0, 1}, 1)));
    assertEquals(
        "y.length = 2: expected x.length = 3", msg(() -> Losses.hinge(X, new double[2], 1)));
    assertEquals(
        "x[0][1] = NaN: expected a finite number",
        msg(() -> Losses.kMeans(new double[][] {{1, Double.NaN}})));
    assertEquals(
        "lambda = -1.0: expected a finite non-negative number",
        msg(() -> Losses.logistic(X, Y, -1)));
    assertTrue(msg(() -> Losses.leastSquares(X, Y).loss(0, new double[3])).startsWith("beta"));
  }
}
