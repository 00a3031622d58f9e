package dev.fathom.lsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class StabilityTest {
  /** Ā = [[a, −b], [b, a]] has eigenvalues a ± ib, so α_max = 2a / (a² + b²) in closed form. */
  private static DMatrixRMaj rotation(double a, double b) {
    return new DMatrixRMaj(new double[][] {{a, -b}, {b, a}});
  }

  /** ‖(I − αĀ)^k‖_F by brute-force powers: the independent reference for (in)stability. */
  private static double powerNorm(DMatrixRMaj abar, double alpha, int k) {
    int d = abar.numRows;
    DMatrixRMaj m = CommonOps_DDRM.identity(d);
    CommonOps_DDRM.addEquals(m, -alpha, abar);
    DMatrixRMaj p = CommonOps_DDRM.identity(d);
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    for (int i = 0; i < k; i++) {
      CommonOps_DDRM.mult(p, m, tmp);
      p.setTo(tmp);
    }
    return org.ejml.dense.row.NormOps_DDRM.normF(p);
  }

  @Test
  void maxStableAlphaMatchesClosedFormAndMatrixPowers() {
    DMatrixRMaj abar = rotation(1, 2);
    Stability s = Stability.of(abar, 0.1);
    assertTrue(s.known() && s.hurwitz() && s.stable());
    assertEquals(1, s.minRealPart(), 1e-12);
    assertEquals(2.0 / 5.0, s.maxStableAlpha(), 1e-12);
    assertEquals(Math.hypot(1 - 0.1, 0.2), s.spectralRadius(), 1e-12);
    // Just below α_max the powers decay, just above they grow.
    assertTrue(Stability.of(abar, 0.39).stable());
    assertTrue(powerNorm(abar, 0.39, 2000) < 1e-3);
    Stability above = Stability.of(abar, 0.41);
    assertTrue(above.unstable());
    assertTrue(above.describe().contains("too large"), above.describe());
    assertTrue(powerNorm(abar, 0.41, 2000) > 1e3);
  }

  @Test
  void nonHurwitzIsUnstableForEveryStep() {
    DMatrixRMaj abar = new DMatrixRMaj(new double[][] {{1, 0}, {0, -0.5}});
    for (double alpha : new double[] {1e-6, 1e-3, 0.5}) {
      Stability s = Stability.of(abar, alpha);
      assertFalse(s.hurwitz());
      assertTrue(s.unstable());
      assertEquals(0, s.maxStableAlpha());
      assertTrue(s.describe().contains("not Hurwitz"), s.describe());
    }
    assertTrue(powerNorm(abar, 1e-3, 20000) > 1e3);
  }

  @Test
  void unknownIsNeitherStableNorUnstable() {
    Stability s = Stability.unknown(0.1);
    assertFalse(s.stable());
    assertFalse(s.unstable());
    assertTrue(s.describe().contains("unknown"));
  }

  @Test
  void badInputIsRefused() {
    DMatrixRMaj ok = CommonOps_DDRM.identity(2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Stability.of(ok, 0));
    assertEquals("alpha = 0.0: expected a finite positive number", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Stability.of(ok, Double.NaN));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Stability.of(new DMatrixRMaj(2, 3), 0.1));
    assertEquals("abar = 2x3: expected 2x2", e.getMessage());
    DMatrixRMaj nan = CommonOps_DDRM.identity(2);
    nan.set(0, 1, Double.NaN);
    assertThrows(IllegalArgumentException.class, () -> Stability.of(nan, 0.1));
    assertThrows(NullPointerException.class, () -> Stability.of(null, 0.1));
  }
}
