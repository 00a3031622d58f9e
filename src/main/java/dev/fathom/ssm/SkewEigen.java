package dev.fathom.ssm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Unitary eigendecomposition of a real skew-symmetric matrix S through the real symmetric embedding
 * {@code M = [[0, S], [-S, 0]]}: if {@code [a; b]} is an eigenvector of M for eigenvalue w then
 * {@code v = a + i b} satisfies {@code S v = i w v}, so v is an eigenvector of the Hermitian {@code
 * -i S}. EJML has no complex eigensolver, and its symmetric one is backward stable, so the
 * eigenvectors come out orthonormal to rounding. Package-private.
 */
final class SkewEigen {
  private SkewEigen() {}

  /** The half of the spectrum with w <= 0: frequencies ascending and orthonormal vectors. */
  record Half(double[] omega, CMatrix vectors) {}

  /**
   * Returns the N/2 eigenpairs of {@code -i S} with non-positive eigenvalues, so that the columns
   * of {@code [V, conj(V)]} form a unitary eigenbasis of S. A null space of S (dimension 2m) is
   * paired into m vectors {@code (q_1 + i q_2)/sqrt 2} whose conjugates are orthogonal to them.
   */
  static Half negativeHalf(DMatrixRMaj s) {
    int n = s.numRows;
    if ((n & 1) != 0) {
      throw new IllegalArgumentException("N = " + n + ": expected an even state size");
    }
    DMatrixRMaj m = new DMatrixRMaj(2 * n, 2 * n);
    double scale = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = s.get(i, j);
        m.set(i, j + n, v);
        m.set(i + n, j, -v);
        scale = Math.max(scale, Math.abs(v));
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, true, true);
    if (!eig.decompose(m)) {
      throw new IllegalStateException("symmetric eigendecomposition failed");
    }
    Integer[] order = new Integer[2 * n];
    double[] w = new double[2 * n];
    for (int k = 0; k < 2 * n; k++) {
      order[k] = k;
      w[k] = eig.getEigenvalue(k).real;
    }
    Arrays.sort(order, (x, y) -> Double.compare(w[x], w[y]));
    double tol = 1e-9 * Math.max(1.0, scale * n);
    List<double[]> accepted = new ArrayList<>();
    List<double[]> nullReal = new ArrayList<>();
    for (int idx : order) {
      DMatrixRMaj e = eig.getEigenVector(idx);
      if (w[idx] < -tol) {
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
          v[2 * i] = e.get(i, 0);
          v[2 * i + 1] = e.get(i + n, 0);
        }
        if (orthonormalize(v, withConjugates(accepted))) {
          orthogonalToOwnConjugate(v);
          accepted.add(v);
        }
      } else if (w[idx] <= tol) {
        for (int part = 0; part < 2; part++) {
          double[] v = new double[2 * n];
          for (int i = 0; i < n; i++) {
            v[2 * i] = e.get(i + part * n, 0);
          }
          if (orthonormalize(v, nullReal)) {
            nullReal.add(v);
          }
        }
      }
    }
    int pairs = nullReal.size() / 2;
    for (int j = 0; j < pairs; j++) {
      double[] q1 = nullReal.get(2 * j);
      double[] q2 = nullReal.get(2 * j + 1);
      double[] v = new double[2 * n];
      double r = Math.sqrt(0.5);
      for (int i = 0; i < n; i++) {
        v[2 * i] = r * q1[2 * i];
        v[2 * i + 1] = r * q2[2 * i];
      }
      accepted.add(v);
    }
    if (accepted.size() != n / 2) {
      throw new IllegalStateException(
          "found " + accepted.size() + " eigenvectors of the skew part, expected " + n / 2);
    }
    int half = n / 2;
    double[] omega = new double[half];
    Integer[] ord = new Integer[half];
    for (int j = 0; j < half; j++) {
      omega[j] = rayleigh(s, accepted.get(j));
      ord[j] = j;
    }
    Arrays.sort(ord, (x, y) -> Double.compare(omega[x], omega[y]));
    CMatrix vec = new CMatrix(n, half);
    double[] sorted = new double[half];
    for (int j = 0; j < half; j++) {
      double[] v = accepted.get(ord[j]);
      sorted[j] = omega[ord[j]];
      for (int i = 0; i < n; i++) {
        vec.re.set(i, j, v[2 * i]);
        vec.im.set(i, j, v[2 * i + 1]);
      }
    }
    return new Half(sorted, vec);
  }

  /** Im(v^* S v) = the eigenvalue of -iS along the unit vector v. */
  private static double rayleigh(DMatrixRMaj s, double[] v) {
    int n = s.numRows;
    double im = 0;
    for (int i = 0; i < n; i++) {
      double sr = 0;
      double si = 0;
      for (int j = 0; j < n; j++) {
        double a = s.get(i, j);
        sr += a * v[2 * j];
        si += a * v[2 * j + 1];
      }
      // conj(v_i) * (S v)_i, imaginary part
      im += v[2 * i] * si - v[2 * i + 1] * sr;
    }
    return im;
  }

  /**
   * Complex Gram-Schmidt (two passes) of v against the orthonormal basis; normalizes v and returns
   * true if it keeps at least half of its norm.
   */
  static boolean orthonormalize(double[] v, List<double[]> basis) {
    double n0 = norm(v);
    if (n0 < 1e-3) {
      return false;
    }
    scale(v, 1 / n0);
    for (int pass = 0; pass < 2; pass++) {
      for (double[] q : basis) {
        double pr = 0;
        double pi = 0;
        for (int i = 0; i < v.length; i += 2) {
          pr += q[i] * v[i] + q[i + 1] * v[i + 1];
          pi += q[i] * v[i + 1] - q[i + 1] * v[i];
        }
        for (int i = 0; i < v.length; i += 2) {
          v[i] -= pr * q[i] - pi * q[i + 1];
          v[i + 1] -= pr * q[i + 1] + pi * q[i];
        }
      }
    }
    double n1 = norm(v);
    if (n1 < 0.5) {
      return false;
    }
    scale(v, 1 / n1);
    return true;
  }

  /** Makes v^T v = 0 (v orthogonal to conj v) to first order, then renormalizes. */
  private static void orthogonalToOwnConjugate(double[] v) {
    for (int pass = 0; pass < 2; pass++) {
      double tr = 0;
      double ti = 0;
      for (int i = 0; i < v.length; i += 2) {
        tr += v[i] * v[i] - v[i + 1] * v[i + 1];
        ti += 2 * v[i] * v[i + 1];
      }
      double ar = tr / 2;
      double ai = ti / 2;
      for (int i = 0; i < v.length; i += 2) {
        double cr = v[i];
        double ci = -v[i + 1];
        v[i] -= ar * cr - ai * ci;
        v[i + 1] -= ar * ci + ai * cr;
      }
      scale(v, 1 / norm(v));
    }
  }

  private static List<double[]> withConjugates(List<double[]> basis) {
    List<double[]> out = new ArrayList<>(basis);
    for (double[] q : basis) {
      double[] c = q.clone();
      for (int i = 1; i < c.length; i += 2) {
        c[i] = -c[i];
      }
      out.add(c);
    }
    return out;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static void scale(double[] v, double a) {
    for (int i = 0; i < v.length; i++) {
      v[i] *= a;
    }
  }
}
