package dev.fathom.relax;

/**
 * The outcome of an iterative solve.
 *
 * @param x the last iterate (the solution when converged)
 * @param iterations the number of iterations done (sweeps for SOR and SSOR, matrix-vector products
 *     after the initial residual for CG)
 * @param relativeResidual {@code ||b - A x|| / reference} for the returned x, with the reference of
 *     the {@link StoppingRule}
 * @param residualHistory the relative residual after iterations 0, 1, ..., {@code iterations} when
 *     the stopping rule asked for it, else an empty array
 * @param status how the solve ended
 */
public record SolveResult(
    double[] x,
    int iterations,
    double relativeResidual,
    double[] residualHistory,
    SolveStatus status) {

  /**
   * Whether the solve converged.
   *
   * @return {@code status() == CONVERGED}
   */
  public boolean converged() {
    return status == SolveStatus.CONVERGED;
  }
}
