package dev.fathom.monotone;

/** How a solver run ended. */
public enum Status {
  /** The residual fell to the requested tolerance. */
  CONVERGED,
  /** The oracle-call budget ran out before the tolerance was met. */
  BUDGET_EXHAUSTED,
  /** The iterates or the residual became non-finite or blew up (step too large?). */
  DIVERGED
}
