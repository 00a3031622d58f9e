package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

class LeverageScoresTest {
  @Test
  void sumToDAndMatchSvd() {
    double[][] a = TestData.heavyTailed(Rng.create(1), 300, 6, 1.5);
    double[] tau = LeverageScores.of(a);
    double sum = 0;
    for (double t : tau) {
      assertTrue(t >= -1e-12 && t <= 1 + 1e-12);
      sum += t;
    }
    assertEquals(6, sum, 1e-10);
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(300, 6, true, false, true);
    assertTrue(svd.decompose(new DMatrixRMaj(a)));
    DMatrixRMaj u = svd.getU(null, false);
    for (int i = 0; i < 300; i++) {
      double s = 0;
      for (int j = 0; j < 6; j++) {
        s += u.get(i, j) * u.get(i, j);
      }
      assertEquals(s, tau[i], 1e-10);
    }
  }

  @Test
  void equalOnARotatedOrthogonalDesign() {
    // rows of an n x 1 constant column: every leverage is 1/n
    double[][] a = new double[8][1];
    for (double[] r : a) {
      r[0] = 3;
    }
    for (double t : LeverageScores.of(a)) {
      assertEquals(1.0 / 8, t, 1e-15);
    }
  }

  @Test
  void augmentedLeverageIsDesignLeveragePlusTheNormalizedSquaredResidual() {
    // independent reference: tau_i([A y]) = tau_i(A) + r_i^2 / ||r||^2, r = y - A beta_LS
    RandomGenerator rng = Rng.create(3);
    double[][] a = TestData.heavyTailed(rng, 120, 4, 3);
    double[] y = new double[a.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = a[i][0] - 2 * a[i][3] + TestData.studentT(rng, 2);
    }
    double[][] ay = LeverageScores.augment(a, y);
    assertEquals(5, ay[0].length);
    assertEquals(y[7], ay[7][4], 0.0);
    assertEquals(a[7][2], ay[7][2], 0.0);
    int[] all = new int[a.length];
    double[] ones = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      all[i] = i;
      ones[i] = 1;
    }
    double[] beta = TestData.weightedLeastSquares(a, y, all, ones);
    double[] r = new double[a.length];
    double rr = 0;
    for (int i = 0; i < a.length; i++) {
      r[i] = y[i];
      for (int j = 0; j < 4; j++) {
        r[i] -= a[i][j] * beta[j];
      }
      rr += r[i] * r[i];
    }
    double[] tauA = LeverageScores.of(a);
    double[] tauAy = LeverageScores.of(ay);
    for (int i = 0; i < a.length; i++) {
      assertEquals(tauA[i] + r[i] * r[i] / rr, tauAy[i], 1e-10, "row " + i);
    }
    // the bound it certifies: (a_i . b - y_i)^2 <= tau_i ||A b - y||^2 for any b
    for (int t = 0; t < 50; t++) {
      double[] b = Rng.gaussian(rng, 4);
      double[] res = new double[a.length];
      double total = 0;
      for (int i = 0; i < a.length; i++) {
        res[i] = -y[i];
        for (int j = 0; j < 4; j++) {
          res[i] += a[i][j] * b[j];
        }
        total += res[i] * res[i];
      }
      for (int i = 0; i < a.length; i++) {
        assertTrue(res[i] * res[i] <= tauAy[i] * total * (1 + 1e-9), "row " + i);
      }
    }
    assertEquals(
        "y.length = 2: expected x.length = 3",
        msg(() -> LeverageScores.augment(new double[3][1], new double[2])));
  }

  /** A square invertible design spans every direction: each row has leverage 1 (H = I). */
  @Test
  void squareInvertibleDesignHasLeverageOne() {
    double[][] a = {{2, 1, 0}, {0, 3, -1}, {1, 0, 4}};
    double[] h = LeverageScores.of(a);
    assertEquals(3, h.length);
    for (double v : h) {
      assertEquals(1, v, 1e-12);
    }
  }

  @Test
  void badInput() {
    assertEquals(
        "a.length = 2: expected at least the number of columns 3",
        msg(() -> LeverageScores.of(new double[2][3])));
    assertEquals(
        "a[1][0] = NaN: expected a finite number",
        msg(() -> LeverageScores.of(new double[][] {{1}, {Double.NaN}})));
  }
}
