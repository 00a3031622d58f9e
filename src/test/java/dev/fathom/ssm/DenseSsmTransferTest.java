package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** {@link DenseSsm#transfer} off the imaginary axis, against the 2 x 2 inverse in closed form. */
class DenseSsmTransferTest {

  @Test
  void twoByTwoTransferAtComplexPointsMatchesClosedForm() {
    // A = [[p, q], [r, t]]: (s I - A)^{-1} = [[s - t, q], [r, s - p]] / ((s - p)(s - t) - q r)
    double p = -0.7;
    double q = 1.3;
    double r = -2.1;
    double t = 0.4;
    DMatrixRMaj a = new DMatrixRMaj(new double[][] {{p, q}, {r, t}});
    double[] b = {0.9, -1.6};
    double[] c = {1.2, 0.5};
    for (double[] s : new double[][] {{0.8, 1.5}, {-2.5, 0.3}, {3, 0}, {0, -2}}) {
      double sr = s[0];
      double si = s[1];
      // det = (s - p)(s - t) - q r
      double dr = (sr - p) * (sr - t) - si * si - q * r;
      double di = si * (sr - t) + (sr - p) * si;
      // numerator c^T adj(s I - A) b with adj = [[s - t, q], [r, s - p]]
      double nr = c[0] * ((sr - t) * b[0] + q * b[1]) + c[1] * (r * b[0] + (sr - p) * b[1]);
      double ni = c[0] * si * b[0] + c[1] * si * b[1];
      double den = dr * dr + di * di;
      double gr = (nr * dr + ni * di) / den;
      double gi = (ni * dr - nr * di) / den;
      double[] g = DenseSsm.transfer(a, b, c, sr, si);
      assertEquals(gr, g[0], 1e-14 * Math.hypot(gr, gi), sr + " + " + si + "i");
      assertEquals(gi, g[1], 1e-14 * Math.hypot(gr, gi), sr + " + " + si + "i");
    }
  }
}
