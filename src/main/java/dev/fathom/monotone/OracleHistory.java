package dev.fathom.monotone;

/**
 * The residual history of a run: entry {@code k} is the residual evaluated after {@code
 * oracleCalls[k]} oracle calls of the method ({@code epochs[k] = oracleCalls[k] / n}).
 *
 * @since 1.0
 */
public final class OracleHistory {
  private final long[] oracleCalls;
  private final double[] epochs;
  private final double[] residuals;

  OracleHistory(long[] oracleCalls, double[] epochs, double[] residuals) {
    this.oracleCalls = oracleCalls;
    this.epochs = epochs;
    this.residuals = residuals;
  }

  /**
   * The method's oracle calls at each evaluation, non-decreasing.
   *
   * @return the method's oracle calls at each evaluation, non-decreasing
   */
  public long[] oracleCalls() {
    return oracleCalls;
  }

  /**
   * The oracle calls in epochs.
   *
   * @return the oracle calls in epochs
   */
  public double[] epochs() {
    return epochs;
  }

  /**
   * The residuals.
   *
   * @return the residuals
   */
  public double[] residuals() {
    return residuals;
  }

  /**
   * The number of entries.
   *
   * @return the length of the history
   */
  public int size() {
    return residuals.length;
  }

  /**
   * The oracle calls after which the residual was first at most {@code tolerance}, or {@code -1}.
   *
   * @param tolerance the residual level
   * @return the first oracle count reaching it, or {@code -1} if never
   */
  public long callsToReach(double tolerance) {
    for (int k = 0; k < residuals.length; k++) {
      if (residuals[k] <= tolerance) {
        return oracleCalls[k];
      }
    }
    return -1;
  }
}
