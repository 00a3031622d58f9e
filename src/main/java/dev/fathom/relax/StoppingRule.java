package dev.fathom.relax;

import dev.fathom.core.Args;

/**
 * When an iterative solve stops: at the first iterate with {@code ||b - A x|| < tolerance *
 * reference}, or after {@code maxIterations} iterations.
 *
 * @param tolerance the relative tolerance, a finite number in (0, 1)
 * @param maxIterations the iteration cap, at least 1
 * @param reference what the residual norm is measured against
 * @param keepHistory whether to record the relative residual of every iterate
 */
public record StoppingRule(
    double tolerance, int maxIterations, Reference reference, boolean keepHistory) {

  /** The norm the residual is divided by. */
  public enum Reference {
    /** {@code ||r0|| = ||b - A x0||}, the paper's rule. */
    INITIAL_RESIDUAL,
    /**
     * {@code ||b||}, the rule of MATLAB's {@code pcg}; suits warm starts. Falls back to {@code
     * ||r0||} when b = 0.
     */
    RIGHT_HAND_SIDE
  }

  /**
   * Validates the rule.
   *
   * @param tolerance the relative tolerance, in (0, 1)
   * @param maxIterations the iteration cap, at least 1
   * @param reference what the residual norm is measured against
   * @param keepHistory whether to record the residual history
   */
  public StoppingRule {
    Args.inOpenRange("tolerance", tolerance, 0, 1);
    Args.positive("maxIterations", maxIterations);
    Args.notNull("reference", reference);
  }

  /**
   * The rule {@code ||r|| / ||r0|| < tolerance} with a cap, without history.
   *
   * @param tolerance the relative tolerance, in (0, 1)
   * @param maxIterations the iteration cap, at least 1
   * @return the rule
   */
  public static StoppingRule of(double tolerance, int maxIterations) {
    return new StoppingRule(tolerance, maxIterations, Reference.INITIAL_RESIDUAL, false);
  }

  /**
   * The paper's rule: {@code ||r|| / ||r0|| < 1e-8}, at most 10000 iterations.
   *
   * @return the rule
   */
  public static StoppingRule paper() {
    return of(1e-8, 10_000);
  }

  /**
   * This rule with the residual history recorded.
   *
   * @return a copy with {@code keepHistory = true}
   */
  public StoppingRule withHistory() {
    return new StoppingRule(tolerance, maxIterations, reference, true);
  }

  /**
   * This rule measured against another reference.
   *
   * @param newReference the reference norm
   * @return a copy with the given reference
   */
  public StoppingRule relativeTo(Reference newReference) {
    return new StoppingRule(tolerance, maxIterations, newReference, keepHistory);
  }

  /** The reference norm for a solve with right-hand side norm bNorm and initial residual r0Norm. */
  double referenceNorm(double bNorm, double r0Norm) {
    return reference == Reference.INITIAL_RESIDUAL || bNorm == 0 ? r0Norm : bNorm;
  }
}
