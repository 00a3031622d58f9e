package dev.fathom.ssm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;

/**
 * A dense complex matrix as two real EJML matrices. Package-private helper: EJML's complex dense
 * module is not a dependency, so the few complex operations needed (products, inverse, singular
 * values) go through the real embedding {@code [[Re, -Im], [Im, Re]]}, whose singular values are
 * those of the complex matrix, each doubled.
 */
final class CMatrix {
  final DMatrixRMaj re;
  final DMatrixRMaj im;

  CMatrix(int rows, int cols) {
    re = new DMatrixRMaj(rows, cols);
    im = new DMatrixRMaj(rows, cols);
  }

  CMatrix(DMatrixRMaj re, DMatrixRMaj im) {
    this.re = re;
    this.im = im;
  }

  static CMatrix real(DMatrixRMaj a) {
    return new CMatrix(a.copy(), new DMatrixRMaj(a.numRows, a.numCols));
  }

  int rows() {
    return re.numRows;
  }

  int cols() {
    return re.numCols;
  }

  /** Returns this * b. */
  CMatrix mult(CMatrix b) {
    CMatrix c = new CMatrix(rows(), b.cols());
    DMatrixRMaj t = new DMatrixRMaj(rows(), b.cols());
    CommonOps_DDRM.mult(re, b.re, c.re);
    CommonOps_DDRM.mult(im, b.im, t);
    CommonOps_DDRM.subtractEquals(c.re, t);
    CommonOps_DDRM.mult(re, b.im, c.im);
    CommonOps_DDRM.mult(im, b.re, t);
    CommonOps_DDRM.addEquals(c.im, t);
    return c;
  }

  /** Returns the conjugate transpose. */
  CMatrix adjoint() {
    DMatrixRMaj r = CommonOps_DDRM.transpose(re, null);
    DMatrixRMaj i = CommonOps_DDRM.transpose(im, null);
    CommonOps_DDRM.scale(-1, i);
    return new CMatrix(r, i);
  }

  /** Returns the matrix with column j scaled by the complex number s[j] (interleaved). */
  CMatrix scaleColumns(double[] s) {
    CMatrix c = new CMatrix(rows(), cols());
    for (int i = 0; i < rows(); i++) {
      for (int j = 0; j < cols(); j++) {
        double a = re.get(i, j);
        double b = im.get(i, j);
        c.re.set(i, j, a * s[2 * j] - b * s[2 * j + 1]);
        c.im.set(i, j, a * s[2 * j + 1] + b * s[2 * j]);
      }
    }
    return c;
  }

  /** Returns the real embedding [[Re, -Im], [Im, Re]]. */
  DMatrixRMaj embedding() {
    int m = rows();
    int n = cols();
    DMatrixRMaj e = new DMatrixRMaj(2 * m, 2 * n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double a = re.get(i, j);
        double b = im.get(i, j);
        e.set(i, j, a);
        e.set(i, j + n, -b);
        e.set(i + m, j, b);
        e.set(i + m, j + n, a);
      }
    }
    return e;
  }

  static CMatrix fromEmbedding(DMatrixRMaj e, int m, int n) {
    CMatrix c = new CMatrix(m, n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        c.re.set(i, j, e.get(i, j));
        c.im.set(i, j, e.get(i + m, j));
      }
    }
    return c;
  }

  /** Returns the inverse, or null if the matrix is singular to working precision. */
  CMatrix inverse() {
    DMatrixRMaj e = embedding();
    DMatrixRMaj inv = new DMatrixRMaj(e.numRows, e.numCols);
    if (!CommonOps_DDRM.invert(e, inv)) {
      return null;
    }
    return fromEmbedding(inv, rows(), cols());
  }

  /** Returns the singular values, largest first (each once). */
  double[] singularValues() {
    double[] s = SingularOps_DDRM.singularValues(embedding());
    java.util.Arrays.sort(s);
    double[] out = new double[s.length / 2];
    for (int k = 0; k < out.length; k++) {
      out[k] = s[s.length - 1 - 2 * k];
    }
    return out;
  }

  /** Spectral norm. */
  double norm2() {
    return singularValues()[0];
  }

  /** Frobenius norm. */
  double normF() {
    double s = 0;
    for (int k = 0; k < re.data.length; k++) {
      s += re.data[k] * re.data[k] + im.data[k] * im.data[k];
    }
    return Math.sqrt(s);
  }

  /** Spectral condition number sigma_max / sigma_min (infinite if singular). */
  double condition() {
    double[] s = singularValues();
    double min = s[s.length - 1];
    return min > 0 ? s[0] / min : Double.POSITIVE_INFINITY;
  }

  CMatrix minus(CMatrix b) {
    CMatrix c = new CMatrix(rows(), cols());
    CommonOps_DDRM.subtract(re, b.re, c.re);
    CommonOps_DDRM.subtract(im, b.im, c.im);
    return c;
  }

  /** Returns this * x for an interleaved complex vector x. */
  double[] times(double[] x) {
    int m = rows();
    int n = cols();
    double[] y = new double[2 * m];
    for (int i = 0; i < m; i++) {
      double sr = 0;
      double si = 0;
      for (int j = 0; j < n; j++) {
        double a = re.get(i, j);
        double b = im.get(i, j);
        sr += a * x[2 * j] - b * x[2 * j + 1];
        si += a * x[2 * j + 1] + b * x[2 * j];
      }
      y[2 * i] = sr;
      y[2 * i + 1] = si;
    }
    return y;
  }

  /** Returns the interleaved copy of column j. */
  double[] column(int j) {
    double[] v = new double[2 * rows()];
    for (int i = 0; i < rows(); i++) {
      v[2 * i] = re.get(i, j);
      v[2 * i + 1] = im.get(i, j);
    }
    return v;
  }
}
