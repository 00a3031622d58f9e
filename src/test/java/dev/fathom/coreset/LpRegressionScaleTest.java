package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@code min ||X b - c y||_p} is solved by c times the minimizer for {@code y}: the fit at c =
 * 1e-12 and 1e12 gives the scaled coefficients (its stopping rule is relative), for p = 1 (least
 * absolute deviations), between 1 and 2, and above 2.
 */
class LpRegressionScaleTest {
  @Test
  void scaledTargetsGiveScaledCoefficients() {
    RandomGenerator rng = Rng.create(21);
    int n = 120;
    int d = 4;
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = rng.nextGaussian();
      }
      y[i] = x[i][0] - 2 * x[i][2] + 0.5 * rng.nextGaussian() * (1 + Math.abs(x[i][1]));
    }
    for (double p : new double[] {1, 1.5, 3}) {
      double[] one = LpRegression.fit(x, y, p).solution();
      for (double c : new double[] {1e-12, 1e12}) {
        double[] yc = y.clone();
        for (int i = 0; i < n; i++) {
          yc[i] *= c;
        }
        double[] want = one.clone();
        for (int j = 0; j < d; j++) {
          want[j] *= c;
        }
        double err = Vectors.relativeMaxError(LpRegression.fit(x, yc, p).solution(), want);
        assertTrue(err <= 1e-8, "p " + p + " scale " + c + ": " + err);
      }
    }
  }
}
