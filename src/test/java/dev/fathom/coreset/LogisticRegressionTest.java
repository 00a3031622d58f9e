package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  private static final double[][][] DATA = Datasets.logistic(500, 4, 9);
  private static final double[][] X = DATA[0];
  private static final double[] Y = DATA[1][0];

  /** The gradient of the coreset's objective by central differences of {@link Losses#logistic}. */
  private static double[] numericGradient(Coreset c, double lambda, double[] beta) {
    PointLoss<double[]> loss = Losses.logistic(X, Y, lambda);
    double[] g = new double[beta.length];
    double h = 1e-5;
    for (int l = 0; l < beta.length; l++) {
      double[] up = beta.clone();
      double[] down = beta.clone();
      up[l] += h;
      down[l] -= h;
      g[l] = (c.loss(loss, up) - c.loss(loss, down)) / (2 * h);
    }
    return g;
  }

  @Test
  void convergesToAStationaryPointAndReportsIt() {
    Coreset c = SensitivitySampling.uniform(500, 120, 3);
    LogisticRegression.Result r =
        LogisticRegression.fit(X, Y, 0.5, c, LogisticRegression.DEFAULT_RULE.withHistory());
    assertEquals(Status.CONVERGED, r.status());
    assertTrue(r.iterations() >= 2 && r.iterations() < 30, "iterations " + r.iterations());
    assertEquals(r.iterations(), r.residualHistory().length);
    assertTrue(r.residual() <= 1e-12);
    for (double g : numericGradient(c, 0.5, r.beta())) {
      assertEquals(0, g, 1e-6 * c.totalWeight());
    }
    assertArrayEquals(r.beta(), Fitters.logistic(X, Y, 0.5).fit(c));
    assertArrayEquals(r.beta(), r.solution());
  }

  @Test
  void reportsARunOutBudget() {
    Coreset c = Coreset.all(X.length);
    LogisticRegression.Result one = LogisticRegression.fit(X, Y, 0.1, c, StoppingRule.budget(1));
    assertEquals(Status.MAX_ITERATIONS, one.status());
    assertEquals(1, one.iterations());
    assertTrue(one.residual() > 1e-12);
    // one Newton step from 0 moves the objective down but leaves a gradient
    double norm = 0;
    for (double g : numericGradient(c, 0.1, one.beta())) {
      norm += g * g;
    }
    assertTrue(Math.sqrt(norm) > 1e-3, "gradient " + Math.sqrt(norm));
  }

  @Test
  void badInput() {
    Coreset c = Coreset.all(X.length);
    assertEquals(
        "lambda = 0.0: expected a finite positive number",
        msg(() -> LogisticRegression.fit(X, Y, 0, c)));
    assertEquals(
        "coreset = null: expected a non-null value",
        assertThrows(NullPointerException.class, () -> LogisticRegression.fit(X, Y, 1, null))
            .getMessage());
    assertEquals(
        "rule = null: expected a non-null value",
        assertThrows(NullPointerException.class, () -> LogisticRegression.fit(X, Y, 1, c, null))
            .getMessage());
    Coreset far = Coreset.all(X.length + 1);
    assertEquals(
        "coreset.index(500) = 500: expected less than x.length = 500",
        msg(() -> LogisticRegression.fit(X, Y, 1, far)));
    double[] bad = Y.clone();
    bad[3] = 0;
    assertTrue(msg(() -> LogisticRegression.fit(X, bad, 1, c)).startsWith("y[3] = 0.0"));
  }
}
