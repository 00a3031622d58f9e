package dev.fathom.relax;

/** How an iterative solve ended. */
public enum SolveStatus {
  /** The relative residual fell below the tolerance. */
  CONVERGED,
  /** The iteration cap was reached first. */
  MAX_ITERATIONS,
  /** The residual became non-finite or grew beyond 1e12 times its reference. */
  DIVERGED,
  /**
   * CG broke down: a non-positive curvature {@code p'Ap <= 0} or {@code r'z <= 0}, so the matrix or
   * the preconditioner is not symmetric positive definite.
   */
  BREAKDOWN
}
