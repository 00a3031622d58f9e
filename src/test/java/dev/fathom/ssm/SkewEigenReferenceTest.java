package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The skew-symmetric eigensolver against its definition (S v = i omega v, [V, conj V] unitary) and
 * against EJML's general (non-symmetric) eigenvalues of S.
 */
class SkewEigenReferenceTest {
  static DMatrixRMaj randomSkew(int n, int active, long seed) {
    var rng = Rng.create(seed);
    DMatrixRMaj s = new DMatrixRMaj(n, n);
    for (int i = 0; i < active; i++) {
      for (int j = i + 1; j < active; j++) {
        double v = rng.nextGaussian();
        s.set(i, j, v);
        s.set(j, i, -v);
      }
    }
    return s;
  }

  /** Block diagonal with the same 2 x 2 block w [[0, 1], [-1, 0]] repeated: a repeated spectrum. */
  static DMatrixRMaj repeatedBlocks(int n, double w) {
    DMatrixRMaj s = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i += 2) {
      s.set(i, i + 1, w);
      s.set(i + 1, i, -w);
    }
    return s;
  }

  static void check(DMatrixRMaj s) {
    int n = s.numRows;
    SkewEigen.Half h = SkewEigen.negativeHalf(s);
    assertEquals(n / 2, h.omega().length);
    double scale = 1;
    for (int i = 0; i < n * n; i++) {
      scale = Math.max(scale, Math.abs(s.data[i]));
    }
    double tol = 1e-10 * scale * n;
    // the non-positive half of the spectrum of -iS, ascending
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
    assertTrue(eig.decompose(s.copy()));
    double[] expected = new double[n];
    for (int k = 0; k < n; k++) {
      expected[k] = -Math.abs(eig.getEigenvalue(k).imaginary);
    }
    Arrays.sort(expected);
    double[] halfExpected = new double[n / 2];
    for (int k = 0; k < n / 2; k++) {
      halfExpected[k] = expected[2 * k];
    }
    for (int k = 0; k < n / 2; k++) {
      assertEquals(halfExpected[k], h.omega()[k], 1e-9 * scale, "omega " + k);
      assertTrue(k == 0 || h.omega()[k - 1] <= h.omega()[k]);
    }
    CMatrix v = h.vectors();
    assertEquals(n, v.rows());
    assertEquals(n / 2, v.cols());
    for (int j = 0; j < n / 2; j++) {
      double w = h.omega()[j];
      // S (a + i b) = i w (a + i b): S a = -w b and S b = w a
      for (int i = 0; i < n; i++) {
        double sa = 0;
        double sb = 0;
        for (int l = 0; l < n; l++) {
          sa += s.get(i, l) * v.re.get(l, j);
          sb += s.get(i, l) * v.im.get(l, j);
        }
        assertEquals(-w * v.im.get(i, j), sa, tol);
        assertEquals(w * v.re.get(i, j), sb, tol);
      }
      for (int l = 0; l < n / 2; l++) {
        // v_j^H v_l = delta_jl and v_j^T v_l = 0 (v_l orthogonal to conj v_j)
        double hr = 0;
        double hi = 0;
        double tr = 0;
        double ti = 0;
        for (int i = 0; i < n; i++) {
          double ar = v.re.get(i, j);
          double ai = v.im.get(i, j);
          double br = v.re.get(i, l);
          double bi = v.im.get(i, l);
          hr += ar * br + ai * bi;
          hi += ar * bi - ai * br;
          tr += ar * br - ai * bi;
          ti += ar * bi + ai * br;
        }
        assertEquals(j == l ? 1 : 0, hr, 1e-9, "v^H v real " + j + "," + l);
        assertEquals(0, hi, 1e-9, "v^H v imaginary " + j + "," + l);
        assertEquals(0, tr, 1e-9, "v^T v real " + j + "," + l);
        assertEquals(0, ti, 1e-9, "v^T v imaginary " + j + "," + l);
      }
    }
  }

  @Test
  void randomSkewMatrices() {
    for (long seed = 0; seed < 4; seed++) {
      check(randomSkew(2 + 2 * (int) seed, 2 + 2 * (int) seed, seed));
    }
    // large entries: the tolerance scales with the matrix
    DMatrixRMaj big = randomSkew(6, 6, 9);
    for (int i = 0; i < 36; i++) {
      big.data[i] *= 1e6;
    }
    check(big);
  }

  @Test
  void repeatedFrequencies() {
    check(repeatedBlocks(6, 1.5));
    check(repeatedBlocks(8, 0.25));
  }

  @Test
  void nullSpacesArePairedIntoVectorsOrthogonalToTheirConjugates() {
    check(randomSkew(6, 4, 11)); // null space of dimension 2
    check(randomSkew(8, 4, 12)); // dimension 4
    check(new DMatrixRMaj(4, 4)); // S = 0
    check(randomSkew(6, 3, 13)); // rank 2: null space of dimension 4
  }

  @Test
  void oddSizeIsRefused() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> SkewEigen.negativeHalf(new DMatrixRMaj(3, 3)));
    assertEquals("N = 3: expected an even state size", e.getMessage());
  }
}
