package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.Progress;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Successive over-relaxation (SOR) and its symmetric version (SSOR) on a {@link CsrMatrix}.
 *
 * <p>SOR is the splitting {@code M = D / omega + L} (D the diagonal, L the strictly lower part):
 * {@code x <- x + M^{-1}(b - A x)}, done as one forward Gauss-Seidel sweep per iteration, {@code
 * x_i <- (1 - omega) x_i + omega (b_i - sum_{j != i} a_ij x_j) / a_ii}, with the newest values on
 * the left of the diagonal. SSOR follows each forward sweep with a backward one. Both converge for
 * every {@code omega in (0, 2)} when A is symmetric positive definite.
 *
 * <p>The SOR solver tracks the residual without a separate matrix-vector product: the residual of
 * iterate k is assembled during sweep k+1 from the strictly lower sums saved in sweep k and the
 * strictly upper sums of sweep k+1, so an iteration costs one pass over the nonzeros, and the
 * iterate that met the tolerance is recovered exactly. All methods are static and thread-safe.
 *
 * @since 1.0
 */
public final class Sor {
  private Sor() {}

  /**
   * Solves {@code A x = b} by SOR.
   *
   * @param a the matrix
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param omega the relaxation parameter, in (0, 2)
   * @param rule when to stop
   * @return the result; non-convergence is a status
   */
  public static SolveResult solve(
      CsrMatrix a, double[] b, double[] x0, double omega, StoppingRule rule) {
    return solve(a, b, x0, omega, rule, IterationListener.NONE);
  }

  /**
   * Solves {@code A x = b} by SOR, reporting the residual of every iterate to {@code listener} (one
   * call per sweep; {@link Progress#oracleCalls()} counts sweeps). A cancelled solve returns the
   * iterate the listener saw, with {@link Status#CANCELLED}.
   *
   * @param a the matrix
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param omega the relaxation parameter, in (0, 2)
   * @param rule when to stop; its relative tolerance reads against {@code ||b - A x0||}
   * @param listener the observer ({@link IterationListener#NONE} for none)
   * @return the result; non-convergence is a status
   */
  public static SolveResult solve(
      CsrMatrix a,
      double[] b,
      double[] x0,
      double omega,
      StoppingRule rule,
      IterationListener listener) {
    Args.notNull("A", a);
    Args.notNull("rule", rule);
    Args.notNull("listener", listener);
    Solves.omega(omega);
    double[] x = Solves.start(a.n, b, x0);
    final int n = a.n;
    final int[] rowPtr = a.rowPtr;
    final int[] col = a.col;
    final double[] val = a.val;
    final int[] diagPos = a.diagPos;
    // Initial residual, and the strictly lower sums of x0 that the lagged residual needs.
    double[] lowerPrev = new double[n];
    double[] delta = new double[n];
    double rr0 = 0;
    for (int i = 0; i < n; i++) {
      double lower = 0;
      for (int k = rowPtr[i]; k < diagPos[i]; k++) {
        lower += val[k] * x[col[k]];
      }
      double rest = 0;
      for (int k = diagPos[i]; k < rowPtr[i + 1]; k++) {
        rest += val[k] * x[col[k]];
      }
      lowerPrev[i] = lower;
      double r = b[i] - lower - rest;
      rr0 += r * r;
    }
    double r0 = Math.sqrt(rr0);
    Solves.Run run = new Solves.Run(rule, listener, r0);
    Status done = run.initial();
    if (done != null) {
      return run.result(x, 0, r0, done);
    }
    final long max = run.maxIterations();
    double[] seen = run.watched() ? new double[n] : null;
    for (long sweep = 1; ; sweep++) {
      // Sweep number `sweep` makes iterate `sweep` and measures the residual of iterate sweep-1.
      double rr = 0;
      for (int i = 0; i < n; i++) {
        int dp = diagPos[i];
        double lower = 0;
        for (int k = rowPtr[i]; k < dp; k++) {
          lower += val[k] * x[col[k]];
        }
        double upper = 0;
        for (int k = dp + 1; k < rowPtr[i + 1]; k++) {
          upper += val[k] * x[col[k]];
        }
        double d = val[dp];
        double xi = x[i];
        double r = b[i] - lowerPrev[i] - d * xi - upper;
        rr += r * r;
        lowerPrev[i] = lower;
        double step = omega * ((b[i] - lower - upper) / d - xi);
        delta[i] = step;
        x[i] = xi + step;
      }
      if (sweep > 1) { // sweep 1 measured iterate 0 again
        long k = sweep - 1;
        double res = Math.sqrt(rr);
        if (seen != null) {
          for (int i = 0; i < n; i++) {
            seen[i] = x[i] - delta[i];
          }
        }
        Status s = run.check(k, res, seen);
        if (s != null) { // CONVERGED, DIVERGED or CANCELLED: return iterate k, which was checked
          for (int i = 0; i < n; i++) {
            x[i] -= delta[i];
          }
          return run.result(x, k, res, s);
        }
      }
      if (sweep == max) {
        double[] r = new double[n];
        double res = a.residual(b, x, r);
        run.record(res);
        return run.result(x, sweep, res, run.met(res) ? Status.CONVERGED : Status.MAX_ITERATIONS);
      }
    }
  }

  /**
   * Solves {@code A x = b} by SSOR: each iteration is a forward SOR sweep followed by a backward
   * one, and the residual is computed after each iteration.
   *
   * @param a the matrix
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param omega the relaxation parameter, in (0, 2)
   * @param rule when to stop
   * @return the result; non-convergence is a status
   */
  public static SolveResult solveSymmetric(
      CsrMatrix a, double[] b, double[] x0, double omega, StoppingRule rule) {
    return solveSymmetric(a, b, x0, omega, rule, IterationListener.NONE);
  }

  /**
   * Solves {@code A x = b} by SSOR, reporting the residual after every iteration to {@code
   * listener}; a cancelled solve returns that iterate with {@link Status#CANCELLED}.
   *
   * @param a the matrix
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param omega the relaxation parameter, in (0, 2)
   * @param rule when to stop; its relative tolerance reads against {@code ||b - A x0||}
   * @param listener the observer ({@link IterationListener#NONE} for none)
   * @return the result; non-convergence is a status
   */
  public static SolveResult solveSymmetric(
      CsrMatrix a,
      double[] b,
      double[] x0,
      double omega,
      StoppingRule rule,
      IterationListener listener) {
    Args.notNull("A", a);
    Args.notNull("rule", rule);
    Args.notNull("listener", listener);
    Solves.omega(omega);
    double[] x = Solves.start(a.n, b, x0);
    double[] r = new double[a.n];
    double res = a.residual(b, x, r);
    Solves.Run run = new Solves.Run(rule, listener, res);
    Status done = run.initial();
    if (done != null) {
      return run.result(x, 0, res, done);
    }
    for (long k = 1; k <= run.maxIterations(); k++) {
      forwardSweep(a, b, x, omega);
      backwardSweep(a, b, x, omega);
      res = a.residual(b, x, r);
      Status s = run.check(k, res, x);
      if (s != null) {
        return run.result(x, k, res, s);
      }
    }
    return run.result(x, run.maxIterations(), res, Status.MAX_ITERATIONS);
  }

  /**
   * Solves {@code A x = b} by SOR, with A given as an EJML sparse matrix. The matrix is converted
   * once to a {@link CsrMatrix} (the row sweep needs rows): O(nnz) time and one extra copy of the
   * nonzeros, about the cost of one SOR iteration. Convert once with {@link CsrMatrix#from} and
   * call {@link #solve(CsrMatrix, double[], double[], double, StoppingRule)} to solve many systems
   * with the same matrix.
   *
   * @param a the square matrix, finite, with a nonzero diagonal (not modified)
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param omega the relaxation parameter, in (0, 2)
   * @param rule when to stop
   * @return the result; non-convergence is a status
   */
  public static SolveResult solve(
      DMatrixSparseCSC a, double[] b, double[] x0, double omega, StoppingRule rule) {
    return solve(CsrMatrix.from(a), b, x0, omega, rule);
  }

  /**
   * Solves {@code A x = b} by SSOR, with A given as an EJML sparse matrix, converted once to a
   * {@link CsrMatrix} (O(nnz) time and memory, less than one SSOR iteration).
   *
   * @param a the square matrix, finite, with a nonzero diagonal (not modified)
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param omega the relaxation parameter, in (0, 2)
   * @param rule when to stop
   * @return the result; non-convergence is a status
   */
  public static SolveResult solveSymmetric(
      DMatrixSparseCSC a, double[] b, double[] x0, double omega, StoppingRule rule) {
    return solveSymmetric(CsrMatrix.from(a), b, x0, omega, rule);
  }

  /**
   * One forward SOR sweep in place, rows 0 to n-1: the kernel of {@link #solve}.
   *
   * @param a the matrix
   * @param b the right-hand side, length n
   * @param x the iterate, length n, updated in place
   * @param omega the relaxation parameter, in (0, 2)
   */
  public static void forwardSweep(CsrMatrix a, double[] b, double[] x, double omega) {
    checkSweep(a, b, x, omega);
    for (int i = 0, n = a.n; i < n; i++) {
      relaxRow(a, b, x, omega, i);
    }
  }

  /**
   * One backward SOR sweep in place, rows n-1 down to 0.
   *
   * @param a the matrix
   * @param b the right-hand side, length n
   * @param x the iterate, length n, updated in place
   * @param omega the relaxation parameter, in (0, 2)
   */
  public static void backwardSweep(CsrMatrix a, double[] b, double[] x, double omega) {
    checkSweep(a, b, x, omega);
    for (int i = a.n - 1; i >= 0; i--) {
      relaxRow(a, b, x, omega, i);
    }
  }

  /** {@code x_i <- x_i + omega ((b_i - sum_{j != i} a_ij x_j) / a_ii - x_i)}. */
  private static void relaxRow(CsrMatrix a, double[] b, double[] x, double omega, int i) {
    final int[] col = a.col;
    final double[] val = a.val;
    int dp = a.diagPos[i];
    double s = b[i];
    for (int k = a.rowPtr[i]; k < dp; k++) {
      s -= val[k] * x[col[k]];
    }
    for (int k = dp + 1, end = a.rowPtr[i + 1]; k < end; k++) {
      s -= val[k] * x[col[k]];
    }
    x[i] += omega * (s / val[dp] - x[i]);
  }

  private static void checkSweep(CsrMatrix a, double[] b, double[] x, double omega) {
    Args.notNull("A", a);
    Args.length("b", b, a.n);
    Args.length("x", x, a.n);
    Solves.omega(omega);
  }
}
