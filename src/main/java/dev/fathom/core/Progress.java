package dev.fathom.core;

/**
 * The state of a run at one check, handed to an {@link IterationListener}. Routines reuse one
 * instance per run, so a listener must copy what it keeps.
 *
 * @since 1.0
 */
public final class Progress {
  private long iteration;
  private long oracleCalls;
  private double residual;
  private double[] iterate;
  private boolean cancelled;

  /** Creates the progress of a run that has not yet been checked. */
  public Progress() {
    this.residual = Double.NaN;
    this.iterate = new double[0];
  }

  /**
   * Sets the state of the current check (for routines; returns this for chaining).
   *
   * @param iteration iterations so far, in the routine's unit
   * @param oracleCalls oracle (operator, component, function) calls so far
   * @param residual the routine's residual at this check, or {@code NaN}
   * @param iterate the current answer, read-only
   * @return this
   */
  public Progress update(long iteration, long oracleCalls, double residual, double[] iterate) {
    this.iteration = iteration;
    this.oracleCalls = oracleCalls;
    this.residual = residual;
    this.iterate = iterate;
    return this;
  }

  /**
   * Iterations so far, in the routine's unit.
   *
   * @return the iteration count
   */
  public long iteration() {
    return iteration;
  }

  /**
   * Oracle calls so far.
   *
   * @return the oracle count
   */
  public long oracleCalls() {
    return oracleCalls;
  }

  /**
   * The residual at this check ({@code NaN} if the routine computes none here).
   *
   * @return the residual
   */
  public double residual() {
    return residual;
  }

  /**
   * The current answer: live, read-only, valid only during the call (copy it to keep it).
   *
   * @return the iterate
   */
  public double[] iterate() {
    return iterate;
  }

  /** Asks the routine to stop after this check with {@link Status#CANCELLED}. */
  public void cancel() {
    cancelled = true;
  }

  /**
   * Whether {@link #cancel()} was called (for routines).
   *
   * @return true once cancelled
   */
  public boolean isCancelled() {
    return cancelled;
  }
}
