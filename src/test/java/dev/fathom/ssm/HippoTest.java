package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HippoTest {

  @Test
  void legsEntriesMatchClosedForm() {
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, 5);
    assertEquals(-Math.sqrt(5) * Math.sqrt(3), a.get(2, 1), 1e-15);
    assertEquals(-3, a.get(2, 2), 0);
    assertEquals(0, a.get(1, 2), 0);
    assertEquals(3, Hippo.input(Hippo.Measure.LEGS, 5)[4], 1e-15);
    // T M T^-1 form of the reference code: M[n][k] = -(2k+1) below the diagonal
    for (int n = 0; n < 5; n++) {
      for (int k = 0; k < n; k++) {
        double m = -(2 * k + 1);
        assertEquals(Math.sqrt(2 * n + 1) * m / Math.sqrt(2 * k + 1), a.get(n, k), 1e-13);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Hippo.Measure.class, names = "LMU", mode = EnumSource.Mode.EXCLUDE)
  void lowRankCorrectionLeavesScaledIdentityPlusSkew(Hippo.Measure m) {
    int n = 24;
    DMatrixRMaj ap = Hippo.transition(m, n);
    CommonOps_DDRM.multAddTransB(Hippo.lowRank(m, n), Hippo.lowRank(m, n), ap);
    double c = m == Hippo.Measure.LEGS || m == Hippo.Measure.LEGSD ? -0.5 : 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double sym = 0.5 * (ap.get(i, k) + ap.get(k, i)) - (i == k ? c : 0);
        assertEquals(0, sym, 1e-14 * n, m + " (" + i + "," + k + ")");
      }
    }
    // normal: M M^T = M^T M
    DMatrixRMaj mmt = new DMatrixRMaj(n, n);
    DMatrixRMaj mtm = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(ap, ap, mmt);
    CommonOps_DDRM.multTransA(ap, ap, mtm);
    assertTrue(Hippo.normFDiff(mmt, mtm) <= 1e-10, m.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 64, 256})
  void legsNplrReconstructsAndIsUnitary(int n) {
    Nplr d = Hippo.nplr(Hippo.Measure.LEGS, n);
    assertTrue(d.unitarityError() <= 1e-12, "unitarity " + d.unitarityError());
    assertTrue(d.reconstructionError() <= 1e-10, "reconstruction " + d.reconstructionError());
    assertEquals(0, d.symmetricPartError(), 1e-15 * org.ejml.dense.row.NormOps_DDRM.normF(d.a()));
    // independent check: rebuild A entry-wise from the returned arrays
    DMatrixRMaj rebuilt = rebuild(d);
    assertTrue(Hippo.normFDiff(rebuilt, d.a()) <= 1e-10);
    for (int j = 0; j < n / 2; j++) {
      assertEquals(-0.5, d.lambda()[2 * j], 1e-14);
      assertTrue(d.lambda()[2 * j + 1] <= 0);
    }
  }

  @Test
  void lagtSpectrumMatchesCotangentClosedForm() {
    // A + P P^T = S with S[n][k] = sign(k - n) / 2, whose eigenvalues are (i/2) cot((2k-1) pi/(2N))
    int n = 20;
    Nplr d = Hippo.nplr(Hippo.Measure.LAGT, n);
    double[] expected = new double[n];
    for (int k = 1; k <= n; k++) {
      expected[k - 1] = 0.5 / Math.tan((2 * k - 1) * Math.PI / (2 * n));
    }
    Arrays.sort(expected);
    for (int j = 0; j < n / 2; j++) {
      assertEquals(expected[j], d.lambda()[2 * j + 1], 1e-11);
      assertEquals(0, d.lambda()[2 * j], 1e-15);
    }
    assertTrue(d.reconstructionError() <= 1e-11);
  }

  @Test
  void foutSpectrumIsMultiplesOfPiWithAZeroPair() {
    int n = 16;
    Nplr d = Hippo.nplr(Hippo.Measure.FOUT, n);
    double[] expected = new double[n / 2];
    for (int k = 1; k < n / 2; k++) {
      expected[k - 1] = -Math.PI * (n / 2 - k);
    }
    expected[n / 2 - 1] = 0;
    for (int j = 0; j < n / 2; j++) {
      assertEquals(expected[j], d.lambda()[2 * j + 1], 1e-12);
    }
    assertTrue(d.unitarityError() <= 1e-12, "unitarity " + d.unitarityError());
    assertTrue(Hippo.normFDiff(rebuild(d), d.a()) <= 1e-11);
  }

  @Test
  void legtRankTwoReconstructs() {
    Nplr d = Hippo.nplr(Hippo.Measure.LEGT, 32);
    assertEquals(2, d.rank());
    assertTrue(Hippo.normFDiff(rebuild(d), d.a()) <= 1e-10);
    assertTrue(d.unitarityError() <= 1e-12);
  }

  @Test
  void lmuEntriesAndLegsdIsTheNormalPartOfLegs() {
    DMatrixRMaj lmu = Hippo.transition(Hippo.Measure.LMU, 4);
    assertEquals(-1, lmu.get(0, 3), 0); // (2*0+1) * -1 above the diagonal
    assertEquals(-3, lmu.get(1, 1), 0); // (-1)^(0+1) on the diagonal
    assertEquals(5, lmu.get(2, 1), 0); // (2*2+1) * (-1)^2
    assertEquals(-7, Hippo.input(Hippo.Measure.LMU, 4)[3], 0);
    assertThrows(IllegalArgumentException.class, () -> Hippo.nplr(Hippo.Measure.LMU, 4));
    // LEGSD = LegS + P P^T; its NPLR has the same spectrum as LegS's normal part
    Nplr d = Hippo.nplr(Hippo.Measure.LEGSD, 16);
    Nplr legs = Hippo.nplr(Hippo.Measure.LEGS, 16);
    for (int k = 0; k < d.lambda().length; k++) {
      assertEquals(legs.lambda()[k], d.lambda()[k], 1e-12);
    }
    assertTrue(Hippo.normFDiff(rebuild(d), d.a()) <= 1e-11);
  }

  @Test
  void badInput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Hippo.nplr(Hippo.Measure.LEGS, 7));
    assertTrue(e.getMessage().startsWith("n = 7: expected"));
    assertThrows(IllegalArgumentException.class, () -> Hippo.transition(Hippo.Measure.FOUT, 5));
    assertThrows(IllegalArgumentException.class, () -> Hippo.transition(Hippo.Measure.LEGS, 0));
    assertThrows(NullPointerException.class, () -> Hippo.input(null, 4));
  }

  /** 2 Re(V diag(lambda) V^*) - P P^T from the record's arrays. */
  static DMatrixRMaj rebuild(Nplr d) {
    int n = d.stateSize();
    int m = n / 2;
    double[] v = d.v();
    double[] l = d.lambda();
    DMatrixRMaj out = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double s = 0;
        for (int j = 0; j < m; j++) {
          double ar = v[2 * (i * m + j)];
          double ai = v[2 * (i * m + j) + 1];
          double br = v[2 * (k * m + j)];
          double bi = -v[2 * (k * m + j) + 1];
          double pr = ar * l[2 * j] - ai * l[2 * j + 1];
          double pi = ar * l[2 * j + 1] + ai * l[2 * j];
          s += pr * br - pi * bi;
        }
        double pp = 0;
        for (int q = 0; q < d.rank(); q++) {
          pp += d.p().get(i, q) * d.p().get(k, q);
        }
        out.set(i, k, 2 * s - pp);
      }
    }
    return out;
  }
}
