package dev.fathom.lsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class CovariancesTest {
  @Test
  void cltIsAInverseSigmaAInverseTransposed() {
    // Ā = [[2, 1], [0, 1]]: Ā⁻¹ = [[0.5, −0.5], [0, 1]] by hand; Σ = I.
    // Ā⁻¹Ā⁻ᵀ = [[0.5, −0.5], [−0.5, 1]].
    DMatrixRMaj a = new DMatrixRMaj(new double[][] {{2, 1}, {0, 1}});
    DMatrixRMaj c = Covariances.clt(a, CommonOps_DDRM.identity(2));
    assertArrayEquals(new double[] {0.5, -0.5, -0.5, 1}, c.data, 1e-14);
  }

  @Test
  void empiricalAboutACentre() {
    double[][] x = {{1, 0}, {-1, 0}, {0, 2}, {0, -2}};
    DMatrixRMaj c = Covariances.empirical(x, new double[] {0, 0});
    assertArrayEquals(new double[] {0.5, 0, 0, 2}, c.data, 1e-15);
    assertEquals(0, Covariances.relativeDistance(c, c.copy()));
    DMatrixRMaj ref = new DMatrixRMaj(new double[][] {{1, 0}, {0, 2}});
    assertEquals(0.5 / Math.sqrt(5), Covariances.relativeDistance(c, ref), 1e-15);
  }

  @Test
  void badInputIsRefused() {
    DMatrixRMaj singular = new DMatrixRMaj(2, 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Covariances.clt(singular, CommonOps_DDRM.identity(2)));
    assertEquals("abar = singular: expected a non-singular matrix", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Covariances.clt(CommonOps_DDRM.identity(2), CommonOps_DDRM.identity(3)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Covariances.empirical(new double[][] {{1, 2}}, new double[] {0}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Covariances.relativeDistance(new DMatrixRMaj(2, 2), new DMatrixRMaj(3, 3)));
  }
}
