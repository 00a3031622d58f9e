package dev.fathom.core;

/**
 * How an iterative, randomized or budgeted routine ended: the one termination vocabulary of every
 * Fathom package. A routine documents which of these it can return; non-convergence is a status,
 * never an exception.
 *
 * @since 1.0
 */
public enum Status {
  /** The stopping rule's tolerance was met, or the answer is complete (every part explained). */
  CONVERGED,
  /** A run of a fixed, requested length took every step; no tolerance was involved. */
  COMPLETED,
  /**
   * The budget ran out first: iterations, epochs, oracle calls or rounds, whichever the routine
   * counts. The answer is the last iterate (or the partial answer), with its residual.
   */
  MAX_ITERATIONS,
  /**
   * The routine stopped making progress before meeting its tolerance, with budget left (for example
   * SPRIGHT's peeling with unresolved bins): a partial answer.
   */
  STALLED,
  /**
   * The iterate became non-finite or grew past the routine's divergence bound; it stopped there.
   */
  DIVERGED,
  /**
   * The method cannot continue on this input (a zero or negative curvature in conjugate gradients,
   * a singular pivot); the message-free answer is the last valid iterate.
   */
  BREAKDOWN,
  /** A pre-check found the run would be unstable and the policy said not to run; nothing ran. */
  REFUSED,
  /** An {@link IterationListener} asked the run to stop ({@link Progress#cancel()}). */
  CANCELLED;

  /**
   * Whether the routine delivered the answer it was asked for: {@link #CONVERGED} or {@link
   * #COMPLETED}.
   *
   * @return true for a full answer
   */
  public boolean isSuccess() {
    return this == CONVERGED || this == COMPLETED;
  }
}
