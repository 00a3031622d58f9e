package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
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
  void badInput() {
    assertEquals(
        "a.length = 2: expected at least the number of columns 3",
        msg(() -> LeverageScores.of(new double[2][3])));
    assertEquals(
        "a[1][0] = NaN: expected a finite number",
        msg(() -> LeverageScores.of(new double[][] {{1}, {Double.NaN}})));
  }
}
