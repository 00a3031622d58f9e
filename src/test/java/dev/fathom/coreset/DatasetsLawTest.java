package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The generated data sets follow their documented laws; oversized shapes are refused by name. */
class DatasetsLawTest {
  @Test
  void logisticLabelsFollowTheStatedModelAndRowsTheHeavyTailedScale() {
    int n = 4000;
    int d = 400;
    double[][][] data = Datasets.logistic(n, d, 5);
    double[][] x = data[0];
    double[] y = data[1][0];
    double residual = 0;
    double score = 0;
    double var = 0;
    double varScore = 0;
    int beyond4 = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(1, x[i][d], 0);
      double m = 0;
      double sq = 0;
      for (int j = 0; j < d; j++) {
        m += x[i][j] * (j % 2 == 0 ? 1 : -1) / Math.sqrt(d);
        sq += x[i][j] * x[i][j];
      }
      double p = 1 / (1 + Math.exp(-m));
      double hit = y[i] == 1 ? 1 : 0;
      assertTrue(y[i] == 1 || y[i] == -1);
      residual += hit - p;
      score += m * (hit - p);
      var += p * (1 - p);
      varScore += m * m * p * (1 - p);
      // ||x||^2 / d is 1/U to within about 7 %: P(1/U > 4) = P(U < 1/4), about 1/4
      if (sq / d > 4) {
        beyond4++;
      }
    }
    // both statistics are sums of independent centred terms: |z| < 4.5
    assertTrue(Math.abs(residual) < 4.5 * Math.sqrt(var), "z = " + residual / Math.sqrt(var));
    assertTrue(
        Math.abs(score) < 4.5 * Math.sqrt(varScore), "score z = " + score / Math.sqrt(varScore));
    assertEquals(0.25, beyond4 / (double) n, 0.05);
  }

  @Test
  void shapesBeyondAnArrayAreRefusedBeforeAllocating() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Datasets.blobs(1 << 30, 4, 2, 1))
            .getMessage()
            .startsWith("n * d = 4294967296"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Datasets.blobs(2, 4, 1 << 30, 1))
            .getMessage()
            .startsWith("k * d = 4294967296"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Datasets.logistic(1 << 30, 3, 1))
            .getMessage()
            .startsWith("n * (d + 1) = 4294967296"));
  }
}
