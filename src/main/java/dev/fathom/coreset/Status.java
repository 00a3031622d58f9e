package dev.fathom.coreset;

/** How an iterative routine of this package ended. */
public enum Status {
  /** The stopping tolerance was met. */
  CONVERGED,
  /** The iteration limit was reached first. */
  MAX_ITERATIONS
}
