package dev.fathom.monotone;

/**
 * The outcome of a solver run.
 *
 * @param method the method's name, e.g. {@code "VR-Halpern"}
 * @param solution the last iterate (a copy owned by the caller)
 * @param status how the run ended
 * @param residual the natural-map residual at {@code solution}
 * @param iterations the number of (outer) iterations
 * @param oracleCalls the method's component evaluations, including any step-size estimation
 * @param epochs {@code oracleCalls / n}
 * @param monitorCalls component evaluations spent only on monitoring the residual (not counted in
 *     {@code oracleCalls})
 * @param history the residual against oracle calls
 */
public record SolverResult(
    String method,
    double[] solution,
    Status status,
    double residual,
    long iterations,
    long oracleCalls,
    double epochs,
    long monitorCalls,
    History history) {
  /**
   * Whether the run met its tolerance.
   *
   * @return {@code status == CONVERGED}
   */
  public boolean converged() {
    return status == Status.CONVERGED;
  }
}
