package dev.fathom.ssm;

import org.ejml.data.DMatrixRMaj;

/**
 * A HiPPO matrix in normal-plus-low-rank form, {@code A = 2 Re(V diag(Lambda) V^*) - P P^T}, with
 * the conjugate half of the spectrum implicit. Produced by {@link Hippo#nplr}; the arrays are
 * shared, not copied, so treat them as read-only.
 *
 * @param measure the HiPPO measure
 * @param a the dense transition matrix A (N x N)
 * @param b the dense input vector B (N)
 * @param p the low-rank factor P (N x r)
 * @param lambda the N/2 eigenvalues of the normal part with non-positive imaginary part,
 *     interleaved, sorted by imaginary part ascending
 * @param v the N x N/2 eigenvector matrix, row-major interleaved: entry (i, j) at {@code 2 (i N/2 +
 *     j)}; the columns of {@code [V, conj V]} are orthonormal
 * @param pTilde {@code V^* P}: r rows of N/2 interleaved complex entries
 * @param bTilde {@code V^* B}: N/2 interleaved complex entries
 * @param symmetricPartError {@code ||(A + P P^T + (A + P P^T)^T)/2 - c I||_F}, zero when the normal
 *     part is {@code c I + skew}
 * @param reconstructionError {@code ||2 Re(V Lambda V^*) - P P^T - A||_F}
 * @param unitarityError {@code max |[V, conj V]^* [V, conj V] - I|} entry-wise
 */
public record Nplr(
    Hippo.Measure measure,
    DMatrixRMaj a,
    double[] b,
    DMatrixRMaj p,
    double[] lambda,
    double[] v,
    double[] pTilde,
    double[] bTilde,
    double symmetricPartError,
    double reconstructionError,
    double unitarityError) {

  /**
   * Returns the state size N.
   *
   * @return N
   */
  public int stateSize() {
    return a.numRows;
  }

  /**
   * Returns the rank r of the low-rank correction.
   *
   * @return r
   */
  public int rank() {
    return p.numCols;
  }

  /**
   * Returns {@code V^T x} restricted to the stored half, i.e. the diagonal-basis coefficients
   * {@code c_n = sum_i x_i V[i][n]} of a real output vector x (so that {@code x^T [V, conj V]} is
   * {@code [c, conj c]}).
   *
   * @param x a real vector of length N
   * @return N/2 interleaved complex coefficients
   */
  public double[] outputCoefficients(double[] x) {
    int n = stateSize();
    dev.fathom.core.Args.length("x", x, n);
    int m = n / 2;
    double[] c = new double[2 * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        c[2 * j] += x[i] * v[2 * (i * m + j)];
        c[2 * j + 1] += x[i] * v[2 * (i * m + j) + 1];
      }
    }
    return c;
  }
}
