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
 * @param solution the last iterate (the solution when converged)
 * @param status how the solve ended
 * @param iterations the number of iterations done (sweeps for SOR and SSOR, matrix-vector products
 *     after the initial residual for CG)
 * @param residual the residual norm {@code ||b - A x||} of {@code solution}
 * @param initialResidual {@code ||b - A x0||}, the reference of the relative tolerance
 * @param residualHistory {@code ||b - A x_k||} for {@code k = 0, 1, ..., iterations} when the
 *     stopping rule asked for it, else an empty array
 * @since 1.0
 */
public record SolveResult(
    double[] solution,
    Status status,
    long iterations,
    double residual,
    double initialResidual,
    double[] residualHistory)
    implements IterativeResult<double[]> {

  /**
   * The residual relative to the initial one.
   *
   * @return {@code residual() / initialResidual()}, or 0 when the initial residual is 0
   */
  public double relativeResidual() {
    return initialResidual == 0 ? 0.0 : residual / initialResidual;
  }
}
