package dev.fathom.monotone;

/**
 * Observes a long run: called after every residual evaluation (free or scheduled), in order. Use it
 * for progress reports or custom logging instead of printing from the solver.
 */
@FunctionalInterface
public interface IterationListener {
  /**
   * One residual evaluation.
   *
   * @param oracleCalls the method's oracle calls so far
   * @param residual the natural-map residual at {@code x}
   * @param x the point; read-only and valid only during the call (copy it to keep it)
   */
  void onResidual(long oracleCalls, double residual, double[] x);
}
