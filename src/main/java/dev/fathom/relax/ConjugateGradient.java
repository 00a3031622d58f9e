package dev.fathom.relax;

import dev.fathom.core.Args;
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
 * curvature ends the solve with {@link SolveStatus#BREAKDOWN}. All methods are static and
 * thread-safe (given a thread-safe operator and preconditioner).
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
    return solve(a, b, x0, Preconditioner.identity(), rule);
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
    return solve(a, b, x0, new SsorPreconditioner(a, omega), rule);
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
   * @param rule when to stop
   * @return the result
   */
  public static SolveResult solve(
      LinearOperator a, double[] b, double[] x0, Preconditioner m, StoppingRule rule) {
    Args.notNull("A", a);
    Args.notNull("M", m);
    Args.notNull("rule", rule);
    int n = a.size();
    double[] x = Solves.start(n, b, x0);
    double[] r = new double[n];
    double[] z = new double[n];
    double[] p = new double[n];
    double[] ap = new double[n];
    double r0 = trueResidual(a, b, x, r, ap);
    double ref = rule.referenceNorm(Vectors.norm2(b), r0);
    Solves.History history = new Solves.History(rule.keepHistory());
    SolveResult done = Solves.initial(x, r0, ref, rule, history);
    if (done != null) {
      return done;
    }
    double rel = r0 / ref;
    m.apply(r, z);
    System.arraycopy(z, 0, p, 0, n);
    double rz = Vectors.dot(r, z);
    if (!(rz > 0)) {
      return new SolveResult(x, 0, rel, history.toArray(), SolveStatus.BREAKDOWN);
    }
    for (int k = 1; k <= rule.maxIterations(); k++) {
      a.apply(p, ap);
      double pap = Vectors.dot(p, ap);
      if (!(pap > 0)) {
        return new SolveResult(x, k - 1, rel, history.toArray(), SolveStatus.BREAKDOWN);
      }
      double alpha = rz / pap;
      Vectors.axpy(alpha, p, x);
      Vectors.axpy(-alpha, ap, r);
      rel = Vectors.norm2(r) / ref;
      boolean restart = false;
      if (rel < rule.tolerance()) {
        rel = trueResidual(a, b, x, r, ap) / ref;
        if (rel < rule.tolerance()) {
          history.add(rel);
          return new SolveResult(x, k, rel, history.toArray(), SolveStatus.CONVERGED);
        }
        restart = true;
      }
      history.add(rel);
      if (!(rel < Solves.DIVERGENCE)) {
        return new SolveResult(x, k, rel, history.toArray(), SolveStatus.DIVERGED);
      }
      m.apply(r, z);
      double rzNew = Vectors.dot(r, z);
      if (!(rzNew > 0)) {
        return new SolveResult(x, k, rel, history.toArray(), SolveStatus.BREAKDOWN);
      }
      double beta = restart ? 0.0 : rzNew / rz;
      for (int i = 0; i < n; i++) {
        p[i] = z[i] + beta * p[i];
      }
      rz = rzNew;
    }
    return new SolveResult(
        x, rule.maxIterations(), rel, history.toArray(), SolveStatus.MAX_ITERATIONS);
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
