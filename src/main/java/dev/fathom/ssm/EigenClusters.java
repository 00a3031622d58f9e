package dev.fathom.ssm;

import dev.fathom.linalg.Vectors;
import org.ejml.data.DMatrixRMaj;

/**
 * Orthonormal eigenvectors within clusters of numerically equal eigenvalues. Package-private helper
 * of {@link Diagonalization}.
 *
 * <p>Inverse iteration from a random start returns, for an eigenvalue of multiplicity m, m random
 * vectors of its eigenspace: each is an eigenvector, but together they are not orthogonal, so a
 * normal matrix with a repeated eigenvalue (HiPPO-FouD: {@code -1/2} twice) got {@code kappa(V)} of
 * 1.5-23 instead of 1. Here eigenvalues within {@link #RELATIVE_TOLERANCE} {@code ||A||_F} of each
 * other (single linkage) form a cluster, and the cluster's vectors are replaced by an orthonormal
 * basis of their span: modified Gram-Schmidt (twice), one step of block inverse iteration at the
 * cluster's mean eigenvalue to clean the components that Gram-Schmidt amplified, and Gram-Schmidt
 * again. Any basis of an eigenspace consists of eigenvectors, so {@code A V = V Lambda} still
 * holds. The new basis is kept only if its worst column residual {@code ||A q - lambda q||} is at
 * most the old vectors' worst residual or {@link #RESIDUAL_FLOOR} {@code ||A||_F}, whichever is
 * larger: for a defective or near-defective cluster (a perturbed Jordan block) the span of the
 * nearly parallel eigenvectors is not invariant, its orthonormal basis is no eigenbasis, and the
 * original vectors stay. Singleton clusters (distinct eigenvalues) are never touched. Only the
 * columns that are not conjugate copies take part; the copies are re-derived, so conjugate
 * eigenvalues keep conjugate vectors.
 */
final class EigenClusters {
  /** Eigenvalues closer than this times {@code ||A||_F} belong to one cluster. */
  static final double RELATIVE_TOLERANCE = 1e-10;

  /** A new basis is accepted if its residual is at most this times {@code ||A||_F} (or the old). */
  static final double RESIDUAL_FLOOR = 1e-14;

  private EigenClusters() {}

  /**
   * Orthonormalizes the clustered columns of v in place.
   *
   * @param a the matrix that was diagonalized
   * @param lam its eigenvalues, interleaved
   * @param v the eigenvectors (unit columns)
   * @param copy copy[j]: column j is the conjugate of column j - 1
   * @param scale {@code ||A||_F}
   * @return the number of clusters whose basis was replaced
   */
  static int orthonormalize(DMatrixRMaj a, double[] lam, CMatrix v, boolean[] copy, double scale) {
    int n = a.numRows;
    int[] root = new int[n];
    for (int j = 0; j < n; j++) {
      root[j] = j;
    }
    double tol = RELATIVE_TOLERANCE * scale;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (!copy[i]
            && !copy[j]
            && Math.hypot(lam[2 * i] - lam[2 * j], lam[2 * i + 1] - lam[2 * j + 1]) <= tol) {
          root[find(root, j)] = find(root, i);
        }
      }
    }
    CMatrix ac = CMatrix.real(a);
    int replaced = 0;
    int[] size = new int[n];
    for (int j = 0; j < n; j++) {
      size[find(root, j)]++;
    }
    for (int j = 1; j < n; j++) {
      if (copy[j]
          && size[find(root, j - 1)] == 1
          && 2 * Math.abs(lam[2 * j - 1]) <= tol
          && realPair(a, ac, lam, v, j - 1, scale)) {
        replaced++;
      }
    }
    for (int r = 0; r < n; r++) {
      if (find(root, r) != r) {
        continue;
      }
      int m = 0;
      int[] members = new int[n];
      for (int j = 0; j < n; j++) {
        if (find(root, j) == r) {
          members[m++] = j;
        }
      }
      if (m >= 2 && replace(a, ac, lam, v, java.util.Arrays.copyOf(members, m), scale)) {
        replaced++;
      }
    }
    for (int j = 0; j < n; j++) {
      if (copy[j]) {
        for (int i = 0; i < n; i++) {
          v.re.set(i, j, v.re.get(i, j - 1));
          v.im.set(i, j, -v.im.get(i, j - 1));
        }
      }
    }
    return replaced;
  }

  private static int find(int[] root, int j) {
    while (root[j] != j) {
      root[j] = root[root[j]];
      j = root[j];
    }
    return j;
  }

  /** Replaces the cluster's columns by a refined orthonormal basis if that keeps A V = V Lambda. */
  private static boolean replace(
      DMatrixRMaj a, CMatrix ac, double[] lam, CMatrix v, int[] members, double scale) {
    int n = a.numRows;
    int m = members.length;
    double[][] q = new double[m][];
    double oldResidual = 0;
    double mr = 0;
    double mi = 0;
    for (int k = 0; k < m; k++) {
      int j = members[k];
      q[k] = v.column(j);
      oldResidual = Math.max(oldResidual, residual(ac, q[k], lam[2 * j], lam[2 * j + 1]));
      mr += lam[2 * j] / m;
      mi += lam[2 * j + 1] / m;
    }
    if (!gramSchmidt(q) || !gramSchmidt(q)) {
      return false;
    }
    double[][] q0 = new double[m][];
    for (int k = 0; k < m; k++) {
      q0[k] = q[k].clone();
    }
    // one step of block inverse iteration at the mean, shifted as in Diagonalization
    double shift = 1e-12 * scale;
    CMatrix s = CMatrix.real(a);
    for (int i = 0; i < n; i++) {
      s.re.add(i, i, -(mr + shift));
      s.im.set(i, i, -(mi + shift));
    }
    Diagonalization.Lu lu = new Diagonalization.Lu(s.embedding());
    for (int k = 0; k < m; k++) {
      double[] b = new double[2 * n];
      for (int i = 0; i < n; i++) {
        b[i] = q[k][2 * i];
        b[i + n] = q[k][2 * i + 1];
      }
      double[] x = lu.solve(b);
      for (int i = 0; i < n; i++) {
        q[k][2 * i] = x[i];
        q[k][2 * i + 1] = x[i + n];
      }
    }
    if (!gramSchmidt(q) || !gramSchmidt(q)) {
      return false;
    }
    // rotate the refined basis back towards the first one (the projections of q0 onto its span),
    // so that vectors that were orthonormal already come back as they were, not with new phases
    double[][] p = new double[m][2 * n];
    for (int k = 0; k < m; k++) {
      for (double[] y : q) {
        double[] c = inner(y, q0[k]);
        for (int i = 0; i < 2 * n; i += 2) {
          p[k][i] += c[0] * y[i] - c[1] * y[i + 1];
          p[k][i + 1] += c[0] * y[i + 1] + c[1] * y[i];
        }
      }
    }
    q = p;
    if (!gramSchmidt(q) || !gramSchmidt(q)) {
      return false;
    }
    double newResidual = 0;
    for (int k = 0; k < m; k++) {
      int j = members[k];
      newResidual = Math.max(newResidual, residual(ac, q[k], lam[2 * j], lam[2 * j + 1]));
    }
    if (!(newResidual <= Math.max(oldResidual, RESIDUAL_FLOOR * scale))) {
      return false;
    }
    for (int k = 0; k < m; k++) {
      int j = members[k];
      for (int i = 0; i < n; i++) {
        v.re.set(i, j, q[k][2 * i]);
        v.im.set(i, j, q[k][2 * i + 1]);
      }
    }
    return true;
  }

  /**
   * A conjugate pair {@code lambda, conj(lambda)} whose imaginary parts are within the cluster
   * tolerance: a real eigenvalue of multiplicity two split by rounding (a real matrix moves a real
   * double eigenvalue off the axis as easily as along it). Its vectors {@code v, conj(v)} were
   * found for {@code lambda} alone and are nearly parallel when {@code v} is nearly a real vector
   * times a phase. The eigenspace of the real double eigenvalue is spanned by real vectors: this
   * takes {@code Re v} and {@code Im v} (the second replaced by the coordinate vector the first
   * weighs least if the two are parallel), two steps of real inverse iteration at {@code Re
   * lambda}, and an orthonormal real pair {@code q1, q2}; the columns become {@code (q1 + i
   * q2)/sqrt 2} and its conjugate, orthonormal and still conjugate. Accepted under the same
   * residual rule as a cluster.
   */
  private static boolean realPair(
      DMatrixRMaj a, CMatrix ac, double[] lam, CMatrix v, int j, double scale) {
    int n = a.numRows;
    double lr = lam[2 * j];
    double li = lam[2 * j + 1];
    double[] c = v.column(j);
    double oldResidual = residual(ac, c, lr, li);
    double[] re = new double[2 * n];
    double[] im = new double[2 * n];
    for (int i = 0; i < n; i++) {
      re[2 * i] = c[2 * i];
      im[2 * i] = c[2 * i + 1];
    }
    double[][] q =
        Vectors.norm2(re) >= Vectors.norm2(im) ? new double[][] {re, im} : new double[][] {im, re};
    if (!gramSchmidt(q)) {
      int least = 0;
      for (int i = 1; i < n; i++) {
        if (Math.abs(q[0][2 * i]) < Math.abs(q[0][2 * least])) {
          least = i;
        }
      }
      q[1] = new double[2 * n];
      q[1][2 * least] = 1;
      if (!gramSchmidt(q)) {
        return false;
      }
    }
    DMatrixRMaj s = a.copy();
    double shift = 1e-12 * scale;
    for (int i = 0; i < n; i++) {
      s.add(i, i, -(lr + shift));
    }
    Diagonalization.Lu lu = new Diagonalization.Lu(s);
    for (int step = 0; step < 2; step++) {
      for (double[] x : q) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
          b[i] = x[2 * i];
        }
        double[] y = lu.solve(b);
        for (int i = 0; i < n; i++) {
          x[2 * i] = y[i];
        }
      }
      if (!gramSchmidt(q) || !gramSchmidt(q)) {
        return false;
      }
    }
    double h = Math.sqrt(0.5);
    double[] w = new double[2 * n];
    for (int i = 0; i < n; i++) {
      w[2 * i] = h * q[0][2 * i];
      w[2 * i + 1] = h * q[1][2 * i];
    }
    if (!(residual(ac, w, lr, li) <= Math.max(oldResidual, RESIDUAL_FLOOR * scale))) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      v.re.set(i, j, w[2 * i]);
      v.im.set(i, j, w[2 * i + 1]);
    }
    return true;
  }

  /**
   * Modified Gram-Schmidt on interleaved complex vectors, in place; false if a vector is (nearly)
   * in the span of the previous ones or not finite.
   */
  static boolean gramSchmidt(double[][] q) {
    for (int k = 0; k < q.length; k++) {
      double[] x = q[k];
      double before = Vectors.norm2(x);
      for (int p = 0; p < k; p++) {
        double[] y = q[p];
        double[] d = inner(y, x);
        double dr = d[0];
        double di = d[1];
        for (int i = 0; i < x.length; i += 2) {
          x[i] -= dr * y[i] - di * y[i + 1];
          x[i + 1] -= dr * y[i + 1] + di * y[i];
        }
      }
      double after = Vectors.norm2(x);
      if (!(after > 1e-8 * before) || !Double.isFinite(after)) {
        return false;
      }
      for (int i = 0; i < x.length; i++) {
        x[i] /= after;
      }
    }
    return true;
  }

  /** {@code y* x} for interleaved complex vectors, as {re, im}. */
  static double[] inner(double[] y, double[] x) {
    double re = 0;
    double im = 0;
    for (int i = 0; i < x.length; i += 2) {
      re += y[i] * x[i] + y[i + 1] * x[i + 1];
      im += y[i] * x[i + 1] - y[i + 1] * x[i];
    }
    return new double[] {re, im};
  }

  /** {@code ||A x - lambda x|| / ||x||} for an interleaved complex x. */
  static double residual(CMatrix a, double[] x, double lr, double li) {
    double[] y = a.times(x);
    double s = 0;
    for (int i = 0; i < x.length; i += 2) {
      double r = y[i] - (lr * x[i] - li * x[i + 1]);
      double t = y[i + 1] - (lr * x[i + 1] + li * x[i]);
      s += r * r + t * t;
    }
    return Math.sqrt(s) / Vectors.norm2(x);
  }
}
