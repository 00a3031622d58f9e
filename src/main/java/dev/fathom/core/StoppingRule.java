package dev.fathom.core;

/**
 * When an iterative routine stops: the one stopping rule of every Fathom package.
 *
 * <p>A run stops with {@link Status#CONVERGED} at the first check where {@code residual <=
 * max(absoluteTolerance, relativeTolerance * reference)}, where the routine documents its residual
 * and its {@code reference} (for a linear solve {@code ||b - A x_k|| } against {@code ||b - A
 * x_0||}; for a monotone inclusion the residual at the starting point). Setting one tolerance to 0
 * leaves the other alone in charge, so both the relative and the absolute reading are explicit. It
 * stops with {@link Status#MAX_ITERATIONS} after {@code maxIterations} iterations in the routine's
 * unit (iterations, or epochs of {@code n} component calls for finite sums: the routine says
 * which).
 *
 * @param relativeTolerance the tolerance relative to the routine's reference, in [0, 1)
 * @param absoluteTolerance the tolerance on the residual itself, at least 0
 * @param maxIterations the budget, at least 1
 * @param keepHistory whether the result keeps the residual at every check
 * @since 1.0
 */
public record StoppingRule(
    double relativeTolerance, double absoluteTolerance, long maxIterations, boolean keepHistory) {

  /**
   * Checks the parameters.
   *
   * @param relativeTolerance the tolerance relative to the routine's reference, in [0, 1)
   * @param absoluteTolerance the tolerance on the residual itself, at least 0
   * @param maxIterations the budget, at least 1
   * @param keepHistory whether the result keeps the residual at every check
   * @throws IllegalArgumentException naming the bad parameter; also when both tolerances are 0
   */
  public StoppingRule {
    if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
      throw Args.fail("relativeTolerance", relativeTolerance, "a number in [0, 1)");
    }
    if (!(absoluteTolerance >= 0 && absoluteTolerance < Double.POSITIVE_INFINITY)) {
      throw Args.fail("absoluteTolerance", absoluteTolerance, "a finite number >= 0");
    }
    Args.positive("maxIterations", maxIterations);
    if (relativeTolerance == 0 && absoluteTolerance == 0) {
      throw Args.fail(
          "relativeTolerance",
          relativeTolerance,
          "a positive tolerance when absoluteTolerance = 0");
    }
  }

  /**
   * A relative rule: stop when the residual falls below {@code tolerance} times the reference.
   * Invariant under scaling of the problem.
   *
   * @param tolerance the relative tolerance, in (0, 1)
   * @param maxIterations the budget, at least 1
   * @return the rule, without history
   */
  public static StoppingRule relative(double tolerance, long maxIterations) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw Args.fail("tolerance", tolerance, "a relative tolerance in (0, 1)");
    }
    return new StoppingRule(tolerance, 0, maxIterations, false);
  }

  /**
   * An absolute rule: stop when the residual itself falls below {@code tolerance}.
   *
   * @param tolerance the absolute tolerance, positive and finite
   * @param maxIterations the budget, at least 1
   * @return the rule, without history
   */
  public static StoppingRule absolute(double tolerance, long maxIterations) {
    if (!(tolerance > 0 && tolerance < Double.POSITIVE_INFINITY)) {
      throw Args.fail("tolerance", tolerance, "a positive finite absolute tolerance");
    }
    return new StoppingRule(0, tolerance, maxIterations, false);
  }

  /**
   * The same rule, keeping the residual history.
   *
   * @return a new rule
   */
  public StoppingRule withHistory() {
    return new StoppingRule(relativeTolerance, absoluteTolerance, maxIterations, true);
  }

  /**
   * The same rule with another budget.
   *
   * @param newMaxIterations the budget, at least 1
   * @return a new rule
   */
  public StoppingRule withMaxIterations(long newMaxIterations) {
    return new StoppingRule(relativeTolerance, absoluteTolerance, newMaxIterations, keepHistory);
  }

  /**
   * The same rule with an absolute floor added (or changed): stop at {@code max(absolute, relative
   * * reference)}.
   *
   * @param newAbsoluteTolerance the absolute tolerance, at least 0
   * @return a new rule
   */
  public StoppingRule withAbsoluteTolerance(double newAbsoluteTolerance) {
    return new StoppingRule(relativeTolerance, newAbsoluteTolerance, maxIterations, keepHistory);
  }

  /**
   * The residual level at which a run with this reference stops.
   *
   * @param reference the routine's reference norm, at least 0
   * @return {@code max(absoluteTolerance, relativeTolerance * reference)}
   */
  public double threshold(double reference) {
    return Math.max(absoluteTolerance, relativeTolerance * reference);
  }

  /**
   * Whether {@code residual} meets the rule for this reference.
   *
   * @param residual the current residual
   * @param reference the routine's reference norm
   * @return {@code residual <= threshold(reference)} (false for NaN)
   */
  public boolean isMet(double residual, double reference) {
    return residual <= threshold(reference);
  }
}
