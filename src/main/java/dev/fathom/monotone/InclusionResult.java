package dev.fathom.monotone;

import dev.fathom.core.IterativeResult;
import dev.fathom.core.Status;

/**
 * The outcome of a solver run for {@code 0 ∈ F(x) + G(x)}.
 *
 * <p>{@link #status()} is {@link Status#CONVERGED} (the stopping rule's tolerance was met), {@link
 * Status#MAX_ITERATIONS} (the epoch budget ran out), {@link Status#DIVERGED} (the residual became
 * non-finite or grew {@code 1e8} times past its starting value) or {@link Status#CANCELLED} (a
 * listener cancelled the run). Monotone runs always keep their residual history.
 *
 * @param method the method's name, e.g. {@code "VR-Halpern"}
 * @param solution the last iterate (a copy owned by the caller)
 * @param status how the run ended
 * @param residual the natural-map residual at {@code solution}
 * @param iterations the number of (outer) iterations of the method; the budget counts epochs, see
 *     {@link #epochs()}
 * @param oracleCalls the method's component evaluations, including any step-size estimation
 * @param epochs {@code oracleCalls / n}
 * @param monitorCalls component evaluations spent only on monitoring the residual (not counted in
 *     {@code oracleCalls})
 * @param history the residual against oracle calls
 * @since 1.0
 */
public record InclusionResult(
    String method,
    double[] solution,
    Status status,
    double residual,
    long iterations,
    long oracleCalls,
    double epochs,
    long monitorCalls,
    OracleHistory history)
    implements IterativeResult<double[]> {

  /**
   * The residual at every check, in order: {@code history().residuals()}.
   *
   * @return a copy of the residuals
   */
  @Override
  public double[] residualHistory() {
    return history.residuals().clone();
  }
}
