package dev.fathom.relax;

import dev.fathom.core.IterativeResult;
import dev.fathom.core.Status;

/**
 * The outcome of an iterative linear solve.
 *
 * <p>{@link #status()} is {@link Status#CONVERGED} (the {@link dev.fathom.core.StoppingRule} was
 * met on the true residual), {@link Status#MAX_ITERATIONS}, {@link Status#DIVERGED} (the residual
 * became non-finite or grew {@code 1e12} times past {@code ||b - A x0||}), {@link Status#BREAKDOWN}
 * (CG met a non-positive curvature: the matrix or preconditioner is not symmetric positive
 * definite) or {@link Status#CANCELLED} (an {@link dev.fathom.core.IterationListener} cancelled the
 * solve).
 *
 * @since 1.0
 */
public final class SolveResult implements IterativeResult<double[]> {
  private final double[] solution;
  private final Status status;
  private final long iterations;
  private final double residual;
  private final double initialResidual;
  private final double[] residualHistory;

  SolveResult(
      double[] solution,
      Status status,
      long iterations,
      double residual,
      double initialResidual,
      double[] residualHistory) {
    this.solution = solution;
    this.status = status;
    this.iterations = iterations;
    this.residual = residual;
    this.initialResidual = initialResidual;
    this.residualHistory = residualHistory;
  }

  /**
   * The last iterate (the solution when converged).
   *
   * @return the last iterate (the solution when converged)
   */
  public double[] solution() {
    return solution;
  }

  /**
   * How the solve ended.
   *
   * @return how the solve ended
   */
  public Status status() {
    return status;
  }

  /**
   * The number of iterations done (sweeps for SOR and SSOR, matrix-vector products after the
   * initial residual for CG).
   *
   * @return the number of iterations done (sweeps for SOR and SSOR, matrix-vector products after
   *     the initial residual for CG)
   */
  public long iterations() {
    return iterations;
  }

  /**
   * The residual norm {@code ||b - A x||} of {@code solution}.
   *
   * @return the residual norm {@code ||b - A x||} of {@code solution}
   */
  public double residual() {
    return residual;
  }

  /**
   * {@code ||b - A x0||}, the reference of the relative tolerance.
   *
   * @return {@code ||b - A x0||}, the reference of the relative tolerance
   */
  public double initialResidual() {
    return initialResidual;
  }

  /**
   * {@code ||b - A x_k||} for {@code k = 0, 1, ..., iterations} when the stopping rule asked for
   * it, else an empty array.
   *
   * @return {@code ||b - A x_k||} for {@code k = 0, 1, ..., iterations} when the stopping rule
   *     asked for it, else an empty array
   */
  public double[] residualHistory() {
    return residualHistory;
  }

  /**
   * The residual relative to the initial one.
   *
   * @return {@code residual() / initialResidual()}, or 0 when the initial residual is 0
   */
  public double relativeResidual() {
    return initialResidual == 0 ? 0.0 : residual / initialResidual;
  }
}
