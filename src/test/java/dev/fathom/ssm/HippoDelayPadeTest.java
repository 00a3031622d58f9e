package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The translated-Legendre measures are delay lines: LMU's {@code (A, B)} read out with {@code C =
 * (1, ..., 1)} has the transfer function of the {@code [N-1/N]} Padé approximant of {@code e^{-s}}
 * (Voelker et al. 2019), and LegT, LMU halved and in the basis {@code diag((-1)^n / sqrt(2n + 1))},
 * that of {@code e^{-2s}} with {@code C_n = (-1)^n sqrt(2n + 1)}. The Padé coefficients are the
 * closed-form factorial ones.
 */
class HippoDelayPadeTest {

  private static final double[][] POINTS = {{0.3, 1.1}, {2, -0.5}, {0.05, 3}};

  /** The [m/n] Padé approximant of e^{-s}: P(s)/Q(s), interleaved complex. */
  private static double[] pade(int m, int n, double sr, double si) {
    double[] p = polynomial(m, n, m, -sr, -si);
    double[] q = polynomial(m, n, n, sr, si);
    return DiagonalSsm.divide(p[0], p[1], q[0], q[1]);
  }

  /** sum_{k <= deg} (m + n - k)! deg! / ((m + n)! k! (deg - k)!) z^k. */
  private static double[] polynomial(int m, int n, int deg, double zr, double zi) {
    double re = 0;
    double im = 0;
    double pr = 1;
    double pi = 0;
    for (int k = 0; k <= deg; k++) {
      double coef = factorial(m + n - k) * factorial(deg) / factorial(m + n);
      coef /= factorial(k) * factorial(deg - k);
      re += coef * pr;
      im += coef * pi;
      double t = pr * zr - pi * zi;
      pi = pr * zi + pi * zr;
      pr = t;
    }
    return new double[] {re, im};
  }

  private static double factorial(int k) {
    double f = 1;
    for (int i = 2; i <= k; i++) {
      f *= i;
    }
    return f;
  }

  @Test
  void lmuIsThePadeApproximantOfAUnitDelay() {
    for (int n = 1; n <= 8; n++) {
      double[] c = new double[n];
      java.util.Arrays.fill(c, 1);
      assertTransferIsPade(Hippo.Measure.LMU, n, c, 1);
    }
  }

  @Test
  void legtIsThePadeApproximantOfADelayOfTwo() {
    for (int n = 1; n <= 8; n++) {
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        c[i] = ((i & 1) == 0 ? 1 : -1) * Math.sqrt(2 * i + 1);
      }
      assertTransferIsPade(Hippo.Measure.LEGT, n, c, 2);
    }
  }

  private static void assertTransferIsPade(Hippo.Measure measure, int n, double[] c, double delay) {
    DMatrixRMaj a = Hippo.transition(measure, n);
    double[] b = Hippo.input(measure, n);
    for (double[] s : POINTS) {
      double[] g = DenseSsm.transfer(a, b, c, s[0], s[1]);
      double[] ref = pade(n - 1, n, delay * s[0], delay * s[1]);
      double scale = Math.hypot(ref[0], ref[1]);
      assertEquals(ref[0], g[0], 1e-11 * scale, measure + " N " + n);
      assertEquals(ref[1], g[1], 1e-11 * scale, measure + " N " + n);
    }
  }

  /** LegS-D is documented as {@code A_LegS + B B^T / 2} with input {@code B_LegS / 2}. */
  @Test
  void legsdIsTheNormalPartOfLegsWithHalfItsInput() {
    assertHalfCorrection(Hippo.Measure.LEGS, Hippo.Measure.LEGSD, 6, 1e-13);
  }

  /**
   * {@code derived} has the matrix {@code A + B B^T / 2} and the input {@code B / 2} of {@code
   * base}.
   */
  static void assertHalfCorrection(Hippo.Measure base, Hippo.Measure derived, int n, double tol) {
    DMatrixRMaj a = Hippo.transition(base, n);
    double[] b = Hippo.input(base, n);
    DMatrixRMaj ad = Hippo.transition(derived, n);
    double[] bd = Hippo.input(derived, n);
    for (int i = 0; i < n; i++) {
      assertEquals(b[i] / 2, bd[i], 1e-16 * (1 + Math.abs(b[i])), derived + " input " + i);
      for (int k = 0; k < n; k++) {
        assertEquals(a.get(i, k) + b[i] * b[k] / 2, ad.get(i, k), tol, derived + " A " + i + k);
      }
    }
  }

  @Test
  void smallestNplrIsTwo() {
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, 2);
    assertEquals(2, nplr.lambda().length);
    assertTrue(nplr.reconstructionError() <= 1e-13);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Hippo.nplr(Hippo.Measure.LEGS, 1));
    assertTrue(e.getMessage().startsWith("n = 1"), e.getMessage());
  }

  @Test
  void glagtSizeBeyondAnArrayIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Hippo.glagtTransition(70_000, 0, 0.01));
    assertTrue(e.getMessage().startsWith("n * n = 4900000000"), e.getMessage());
  }

  @Test
  void frobeniusDistanceMatchesEjml() {
    DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, -2, 0.5}, {3, 0.25, -1}});
    DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.5, 1, 2}, {-1, 0.75, 4}});
    DMatrixRMaj d = new DMatrixRMaj(2, 3);
    CommonOps_DDRM.subtract(x, y, d);
    assertEquals(NormOps_DDRM.normF(d), Hippo.normFDiff(x, y), 1e-15);
  }
}
