package dev.fathom.relax;

import dev.fathom.core.Args;

/**
 * The SSOR preconditioner {@code M = (D + omega L) D^{-1} (D + omega U) / (omega (2 - omega))} of a
 * matrix {@code A = L + D + U}. Applying {@code M^{-1}} is one forward and one backward triangular
 * solve, one pass over the nonzeros. M is symmetric positive definite when A is and {@code omega in
 * (0, 2)}.
 *
 * <p>Immutable and thread-safe: it keeps only the inverted diagonal, no workspace.
 *
 * @since 1.0
 */
public final class SsorPreconditioner implements Preconditioner {
  private final CsrMatrix a;
  private final double omega;
  private final double[] invDiag;

  /**
   * Builds the preconditioner.
   *
   * @param a the matrix
   * @param omega the relaxation parameter, in (0, 2)
   */
  public SsorPreconditioner(CsrMatrix a, double omega) {
    this.a = Args.notNull("A", a);
    this.omega = Solves.omega(omega);
    this.invDiag = new double[a.n];
    for (int i = 0; i < a.n; i++) {
      invDiag[i] = 1 / a.val[a.diagPos[i]];
    }
  }

  /**
   * The relaxation parameter.
   *
   * @return omega
   */
  public double omega() {
    return omega;
  }

  @Override
  public void apply(double[] r, double[] z) {
    int n = a.n;
    Args.length("r", r, n);
    Args.length("z", z, n);
    final int[] rowPtr = a.rowPtr;
    final int[] col = a.col;
    final double[] val = a.val;
    final int[] diagPos = a.diagPos;
    final double[] inv = invDiag;
    double w = omega;
    double scale = w * (2 - w);
    // (D + w L) y = scale r
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = rowPtr[i], end = diagPos[i]; k < end; k++) {
        sum += val[k] * z[col[k]];
      }
      z[i] = (scale * r[i] - w * sum) * inv[i];
    }
    // (D + w U) z = D y, i.e. z_i = y_i - w (U z)_i / d_i
    for (int i = n - 1; i >= 0; i--) {
      double sum = 0;
      for (int k = diagPos[i] + 1, end = rowPtr[i + 1]; k < end; k++) {
        sum += val[k] * z[col[k]];
      }
      z[i] -= w * sum * inv[i];
    }
  }
}
