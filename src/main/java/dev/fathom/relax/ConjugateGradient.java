package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.Progress;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The (preconditioned) conjugate gradient method for a symmetric positive definite system, matrix
 * free: the matrix is any {@link LinearOperator}, the preconditioner any {@link Preconditioner}.
 *
 * <p>Each iteration costs one operator application, one preconditioner application and a few vector
 * operations. The residual is updated by recurrence; when the recurrence claims convergence the
 * true residual {@code b - A x} is computed, and if it misses the tolerance the method restarts
 * from there, so a CONVERGED result always meets the tolerance on the true residual. A non-positive
 * curvature ends the solve with {@link Status#BREAKDOWN}, and so does a non-symmetric operator: the
 * second iteration compares {@code p1 . A p0} with {@code p0 . A p1} (relative tolerance {@code
 * 1e-8}, no extra operator application), which differ for a generic non-symmetric A. All methods
 * are static and thread-safe (given a thread-safe operator and preconditioner).
 *
 * @since 1.0
 */
public final class ConjugateGradient {
  private ConjugateGradient() {}

  /**
   * Solves {@code A x = b} by plain CG.
   *
   * @param a the operator, symmetric positive definite
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param rule when to stop
   * @return the result
   */
  public static SolveResult solve(LinearOperator a, double[] b, double[] x0, StoppingRule rule) {
    return solve(a, b, x0, Preconditioner.identity(), rule, IterationListener.NONE);
  }

  /**
   * Solves {@code A x = b} by plain CG, reporting every iteration to {@code listener} as {@link
   * #solve(LinearOperator, double[], double[], Preconditioner, StoppingRule, IterationListener)}.
   *
   * @param a the operator, symmetric positive definite
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param rule when to stop
   * @param listener the observer, which may cancel
   * @return the result
   */
  public static SolveResult solve(
      LinearOperator a, double[] b, double[] x0, StoppingRule rule, IterationListener listener) {
    return solve(a, b, x0, Preconditioner.identity(), rule, listener);
  }

  /**
   * Solves {@code A x = b} by SSOR-preconditioned CG with relaxation parameter omega.
   *
   * @param a the matrix, symmetric positive definite
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param omega the SSOR relaxation parameter, in (0, 2)
   * @param rule when to stop
   * @return the result
   */
  public static SolveResult solveSsor(
      CsrMatrix a, double[] b, double[] x0, double omega, StoppingRule rule) {
    return solveSsor(a, b, x0, omega, rule, IterationListener.NONE);
  }

  /**
   * Solves {@code A x = b} by SSOR-preconditioned CG, reporting every iteration to {@code listener}
   * as {@link #solve(LinearOperator, double[], double[], Preconditioner, StoppingRule,
   * IterationListener)}.
   *
   * @param a the matrix, symmetric positive definite
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param omega the SSOR relaxation parameter, in (0, 2)
   * @param rule when to stop
   * @param listener the observer, which may cancel
   * @return the result
   */
  public static SolveResult solveSsor(
      CsrMatrix a,
      double[] b,
      double[] x0,
      double omega,
      StoppingRule rule,
      IterationListener listener) {
    return solve(a, b, x0, new SsorPreconditioner(a, omega), rule, listener);
  }

  /**
   * Solves {@code A x = b} by plain CG, with A given as an EJML sparse matrix. The matrix is
   * converted once to a {@link CsrMatrix} (O(nnz) time and one copy of the nonzeros, about one
   * matrix-vector product), whose row-wise product is then used in every iteration.
   *
   * @param a the matrix, symmetric positive definite, finite, nonzero diagonal (not modified)
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param rule when to stop
   * @return the result
   */
  public static SolveResult solve(DMatrixSparseCSC a, double[] b, double[] x0, StoppingRule rule) {
    return solve(CsrMatrix.from(a), b, x0, rule);
  }

  /**
   * Solves {@code A x = b} by SSOR-preconditioned CG, with A given as an EJML sparse matrix,
   * converted once to a {@link CsrMatrix} (O(nnz) time and memory, less than one PCG iteration).
   *
   * @param a the matrix, symmetric positive definite, finite, nonzero diagonal (not modified)
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param omega the SSOR relaxation parameter, in (0, 2)
   * @param rule when to stop
   * @return the result
   */
  public static SolveResult solveSsor(
      DMatrixSparseCSC a, double[] b, double[] x0, double omega, StoppingRule rule) {
    return solveSsor(CsrMatrix.from(a), b, x0, omega, rule);
  }

  /**
   * Solves {@code A x = b} by preconditioned CG.
   *
   * @param a the operator, symmetric positive definite
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param m the preconditioner, symmetric positive definite
   * @param rule when to stop; its relative tolerance reads against {@code ||b - A x0||}
   * @return the result
   */
  public static SolveResult solve(
      LinearOperator a, double[] b, double[] x0, Preconditioner m, StoppingRule rule) {
    return solve(a, b, x0, m, rule, IterationListener.NONE);
  }

  /**
   * Solves {@code A x = b} by preconditioned CG, reporting every iteration to {@code listener} (its
   * residual is the recurrence residual {@code ||r_k||}; {@link Progress#oracleCalls()} counts
   * operator applications after the first). A cancelled solve returns its current iterate with
   * {@link Status#CANCELLED}.
   *
   * @param a the operator, symmetric positive definite
   * @param b the right-hand side, length n, finite
   * @param x0 the initial guess, length n (not modified), or null for zeros
   * @param m the preconditioner, symmetric positive definite
   * @param rule when to stop; its relative tolerance reads against {@code ||b - A x0||}
   * @param listener the observer ({@link IterationListener#NONE} for none)
   * @return the result
   */
  public static SolveResult solve(
      LinearOperator a,
      double[] b,
      double[] x0,
      Preconditioner m,
      StoppingRule rule,
      IterationListener listener) {
    Args.notNull("A", a);
    Args.notNull("M", m);
    Args.notNull("rule", rule);
    Args.notNull("listener", listener);
    int n = a.size();
    double[] x = Solves.start(n, b, x0);
    double[] r = new double[n];
    double[] z = new double[n];
    double[] p = new double[n];
    double[] ap = new double[n];
    double res = trueResidual(a, b, x, r, ap);
    Solves.Run run = new Solves.Run(rule, listener, res);
    Status done = run.initial();
    if (done != null) {
      return run.result(x, 0, res, done);
    }
    m.apply(r, z);
    System.arraycopy(z, 0, p, 0, n);
    double rz = Vectors.dot(r, z);
    if (!(rz > 0)) {
      return run.result(x, 0, res, Status.BREAKDOWN);
    }
    double[] p0 = null;
    double[] ap0 = null;
    for (long k = 1; k <= run.maxIterations(); k++) {
      a.apply(p, ap);
      double pap = Vectors.dot(p, ap);
      if (!(pap > 0)) {
        return run.result(x, k - 1, res, Status.BREAKDOWN);
      }
      if (k == 1) {
        p0 = p.clone();
        ap0 = ap.clone();
      } else if (k == 2 && !symmetricOn(p0, ap0, p, ap)) {
        return run.result(x, k - 1, res, Status.BREAKDOWN);
      }
      double alpha = rz / pap;
      Vectors.axpy(alpha, p, x);
      Vectors.axpy(-alpha, ap, r);
      res = Vectors.norm2(r);
      boolean restart = false;
      if (run.met(res)) {
        // the recurrence claims convergence: confirm on the true residual, else restart from here
        res = trueResidual(a, b, x, r, ap);
        restart = !run.met(res);
      }
      Status s = run.check(k, res, x);
      if (s != null) {
        return run.result(x, k, res, s);
      }
      m.apply(r, z);
      double rzNew = Vectors.dot(r, z);
      if (!(rzNew > 0)) {
        return run.result(x, k, res, Status.BREAKDOWN);
      }
      double beta = restart ? 0.0 : rzNew / rz;
      for (int i = 0; i < n; i++) {
        p[i] = z[i] + beta * p[i];
      }
      rz = rzNew;
    }
    return run.result(x, run.maxIterations(), res, Status.MAX_ITERATIONS);
  }

  /**
   * The symmetry probe on the first two search directions: {@code p1 . A p0 = p0 . A p1} up to a
   * relative {@code 1e-8}, which every symmetric A meets and a generic non-symmetric one fails.
   */
  private static boolean symmetricOn(double[] p0, double[] ap0, double[] p1, double[] ap1) {
    double lhs = Vectors.dot(p1, ap0);
    double rhs = Vectors.dot(p0, ap1);
    double scale = Vectors.norm2(p1) * Vectors.norm2(ap0) + Vectors.norm2(p0) * Vectors.norm2(ap1);
    return Math.abs(lhs - rhs) <= 1e-8 * scale;
  }

  private static double trueResidual(
      LinearOperator a, double[] b, double[] x, double[] r, double[] work) {
    a.apply(x, work);
    for (int i = 0; i < r.length; i++) {
      r[i] = b[i] - work[i];
    }
    return Vectors.norm2(r);
  }
}
