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
 * @since 1.0
 */
public final class InclusionResult implements IterativeResult<double[]> {
  private final String method;
  private final double[] solution;
  private final Status status;
  private final double residual;
  private final long iterations;
  private final long oracleCalls;
  private final double epochs;
  private final long monitorCalls;
  private final OracleHistory history;

  InclusionResult(
      String method,
      double[] solution,
      Status status,
      double residual,
      long iterations,
      long oracleCalls,
      double epochs,
      long monitorCalls,
      OracleHistory history) {
    this.method = method;
    this.solution = solution;
    this.status = status;
    this.residual = residual;
    this.iterations = iterations;
    this.oracleCalls = oracleCalls;
    this.epochs = epochs;
    this.monitorCalls = monitorCalls;
    this.history = history;
  }

  /**
   * The method's name, e.g. {@code "VR-Halpern"}.
   *
   * @return the method's name, e.g. {@code "VR-Halpern"}
   */
  public String method() {
    return method;
  }

  /**
   * The last iterate (a copy owned by the caller).
   *
   * @return the last iterate (a copy owned by the caller)
   */
  public double[] solution() {
    return solution;
  }

  /**
   * How the run ended.
   *
   * @return how the run ended
   */
  public Status status() {
    return status;
  }

  /**
   * The natural-map residual at {@code solution}.
   *
   * @return the natural-map residual at {@code solution}
   */
  public double residual() {
    return residual;
  }

  /**
   * The number of (outer) iterations of the method; the budget counts epochs, see {@link
   * #epochs()}.
   *
   * @return the number of (outer) iterations of the method; the budget counts epochs, see {@link
   *     #epochs()}
   */
  public long iterations() {
    return iterations;
  }

  /**
   * The method's component evaluations, including any step-size estimation.
   *
   * @return the method's component evaluations, including any step-size estimation
   */
  public long oracleCalls() {
    return oracleCalls;
  }

  /**
   * {@code oracleCalls / n}.
   *
   * @return {@code oracleCalls / n}
   */
  public double epochs() {
    return epochs;
  }

  /**
   * Component evaluations spent only on monitoring the residual (not counted in {@code
   * oracleCalls}).
   *
   * @return component evaluations spent only on monitoring the residual (not counted in {@code
   *     oracleCalls})
   */
  public long monitorCalls() {
    return monitorCalls;
  }

  /**
   * The residual against oracle calls.
   *
   * @return the residual against oracle calls
   */
  public OracleHistory history() {
    return history;
  }

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
