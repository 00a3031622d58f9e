package dev.fathom.core;

/**
 * What every iterative or budgeted routine of Fathom reports, whatever its package: the answer, how
 * the run ended, how long it ran, and how good the answer is. Each package's result record
 * implements this and adds its own diagnostics.
 *
 * @param <T> the type of the answer ({@code double[]} for a solution vector)
 * @since 1.0
 */
public interface IterativeResult<T> {
  /**
   * The answer: the last iterate, or the partial answer when the run did not succeed.
   *
   * @return the answer
   */
  T solution();

  /**
   * How the run ended.
   *
   * @return the status
   */
  Status status();

  /**
   * Iterations in the routine's unit (the unit its {@link StoppingRule} budget counts).
   *
   * @return the iterations taken
   */
  long iterations();

  /**
   * The routine's residual at the answer ({@code NaN} where it has none); the routine documents
   * which residual.
   *
   * @return the final residual
   */
  double residual();

  /**
   * The residual at every check, when the stopping rule asked for it.
   *
   * @return the residuals in order, or an empty array when no history was kept
   */
  double[] residualHistory();

  /**
   * Whether the run delivered the answer asked for.
   *
   * @return {@code status().isSuccess()}
   */
  default boolean converged() {
    return status().isSuccess();
  }
}
