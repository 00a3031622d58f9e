package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FittersTest {
  @Test
  void leastSquaresMatchesQr() {
    double[][][] data = Datasets.logistic(300, 3, 4);
    double[][] x = data[0];
    double[] y = new double[300];
    for (int i = 0; i < 300; i++) {
      y[i] = x[i][0] - 2 * x[i][2] + Math.cos(i);
    }
    Coreset c = SensitivitySampling.uniform(300, 60, 2);
    double[] beta = Fitters.leastSquares(x, y).fit(c);
    double[] ref = TestData.weightedLeastSquares(x, y, c.indices(), c.weights());
    for (int j = 0; j < beta.length; j++) {
      assertEquals(ref[j], beta[j], 1e-9 * (1 + Math.abs(ref[j])));
    }
  }

  @Test
  void logisticIsAMinimumOfTheWeightedObjective() {
    double[][][] data = Datasets.logistic(500, 4, 9);
    double[][] x = data[0];
    double[] y = data[1][0];
    PointLoss<double[]> loss = Losses.logistic(x, y, 0.5);
    Coreset c = SensitivitySampling.uniform(500, 120, 3);
    double[] beta = Fitters.logistic(x, y, 0.5).fit(c);
    double f = c.loss(loss, beta);
    for (int j = 0; j < beta.length; j++) {
      for (double h : new double[] {1e-3, -1e-3}) {
        double[] b = beta.clone();
        b[j] += h;
        assertTrue(c.loss(loss, b) >= f - 1e-12, "coordinate " + j);
      }
    }
  }

  @Test
  void kMeansFindsTheExhaustiveOptimumIn1d() {
    double[][] x = {{0}, {0.5}, {1.1}, {4}, {4.2}, {9}, {9.5}, {10}};
    Coreset all = Coreset.all(x.length);
    PointLoss<double[][]> loss = Losses.kMeans(x);
    // exhaustive: optimal 1-d 3-means clusters are contiguous in sorted order
    double best = Double.POSITIVE_INFINITY;
    for (int a = 1; a < x.length; a++) {
      for (int b = a + 1; b < x.length; b++) {
        best = Math.min(best, sse(x, 0, a) + sse(x, a, b) + sse(x, b, x.length));
      }
    }
    double got = loss.total(Fitters.kMeans(x, 3, 10, 1).fit(all));
    assertEquals(best, got, 1e-12);
  }

  private static double sse(double[][] x, int from, int to) {
    double m = 0;
    for (int i = from; i < to; i++) {
      m += x[i][0] / (to - from);
    }
    double s = 0;
    for (int i = from; i < to; i++) {
      s += (x[i][0] - m) * (x[i][0] - m);
    }
    return s;
  }

  @Test
  void badInput() {
    double[][] x = {{1}, {2}};
    assertEquals(
        "lambda = 0.0: expected a finite positive number",
        msg(() -> Fitters.logistic(x, new double[] {1, -1}, 0)));
    assertEquals("k = 0: expected a positive integer", msg(() -> Fitters.kMeans(x, 0, 1, 1)));
    assertEquals(
        "y.length = 1: expected x.length = 2", msg(() -> Fitters.leastSquares(x, new double[1])));
  }
}
