package dev.fathom.ssm;

import org.ejml.data.DMatrixRMaj;

/**
 * A HiPPO matrix in normal-plus-low-rank form, {@code A = 2 Re(V diag(Lambda) V^*) - P P^T}, with
 * the conjugate half of the spectrum implicit. Produced by {@link Hippo#nplr}; the arrays are
 * shared, not copied, so treat them as read-only.
 *
 * @since 1.0
 */
public final class Nplr {
  private final Hippo.Measure measure;
  private final DMatrixRMaj a;
  private final double[] b;
  private final DMatrixRMaj p;
  private final double[] lambda;
  private final double[] v;
  private final double[] pTilde;
  private final double[] bTilde;
  private final double symmetricPartError;
  private final double reconstructionError;
  private final double unitarityError;

  /** Stores the parts. */
  Nplr(
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
    this.measure = measure;
    this.a = a;
    this.b = b;
    this.p = p;
    this.lambda = lambda;
    this.v = v;
    this.pTilde = pTilde;
    this.bTilde = bTilde;
    this.symmetricPartError = symmetricPartError;
    this.reconstructionError = reconstructionError;
    this.unitarityError = unitarityError;
  }

  /**
   * Returns measure: the HiPPO measure.
   *
   * @return measure
   */
  public Hippo.Measure measure() {
    return measure;
  }

  /**
   * Returns a: the dense transition matrix A (N x N).
   *
   * @return a
   */
  public DMatrixRMaj a() {
    return a;
  }

  /**
   * Returns b: the dense input vector B (N).
   *
   * @return b
   */
  public double[] b() {
    return b;
  }

  /**
   * Returns p: the low-rank factor P (N x r).
   *
   * @return p
   */
  public DMatrixRMaj p() {
    return p;
  }

  /**
   * Returns lambda: the N/2 eigenvalues of the normal part with non-positive imaginary part,
   * interleaved, sorted by imaginary part ascending.
   *
   * @return lambda
   */
  public double[] lambda() {
    return lambda;
  }

  /**
   * Returns v: the N x N/2 eigenvector matrix, row-major interleaved: entry (i, j) at {@code 2 (i
   * N/2 + j)}; the columns of {@code [V, conj V]} are orthonormal.
   *
   * @return v
   */
  public double[] v() {
    return v;
  }

  /**
   * Returns pTilde: {@code V^* P}: r rows of N/2 interleaved complex entries.
   *
   * @return pTilde
   */
  public double[] pTilde() {
    return pTilde;
  }

  /**
   * Returns bTilde: {@code V^* B}: N/2 interleaved complex entries.
   *
   * @return bTilde
   */
  public double[] bTilde() {
    return bTilde;
  }

  /**
   * Returns symmetricPartError: {@code ||(A + P P^T + (A + P P^T)^T)/2 - c I||_F}, zero when the
   * normal part is {@code c I + skew}.
   *
   * @return symmetricPartError
   */
  public double symmetricPartError() {
    return symmetricPartError;
  }

  /**
   * Returns reconstructionError: {@code ||2 Re(V Lambda V^*) - P P^T - A||_F}.
   *
   * @return reconstructionError
   */
  public double reconstructionError() {
    return reconstructionError;
  }

  /**
   * Returns unitarityError: {@code max |[V, conj V]^* [V, conj V] - I|} entry-wise.
   *
   * @return unitarityError
   */
  public double unitarityError() {
    return unitarityError;
  }

  @Override
  public String toString() {
    return "Nplr["
        + "measure="
        + measure
        + ", "
        + "symmetricPartError="
        + symmetricPartError
        + ", "
        + "reconstructionError="
        + reconstructionError
        + ", "
        + "unitarityError="
        + unitarityError
        + "]";
  }

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
