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
 * <p>Rules are made by name, so the two tolerances cannot be swapped: {@link #relative}, {@link
 * #absolute} or {@link #budget}, then {@link #withAbsoluteTolerance}, {@link
 * #withRelativeTolerance}, {@link #withMaxIterations} or {@link #withHistory}. Immutable; equal
 * when all four settings are equal.
 *
 * @since 1.0
 */
public final class StoppingRule {
  private final double relativeTolerance;
  private final double absoluteTolerance;
  private final long maxIterations;
  private final boolean keepHistory;

  /** Checks the parameters; also refuses two zero tolerances. */
  private StoppingRule(
      double relativeTolerance, double absoluteTolerance, long maxIterations, boolean keepHistory) {
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
    this.relativeTolerance = relativeTolerance;
    this.absoluteTolerance = absoluteTolerance;
    this.maxIterations = maxIterations;
    this.keepHistory = keepHistory;
  }

  /**
   * A budget-only rule: run {@code maxIterations} iterations, stopping early only on a residual of
   * exactly zero (the absolute tolerance is {@link Double#MIN_VALUE}).
   *
   * @param maxIterations the budget, at least 1
   * @return the rule, without history
   */
  public static StoppingRule budget(long maxIterations) {
    return new StoppingRule(0, Double.MIN_VALUE, maxIterations, false);
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

  /**
   * The tolerance relative to the routine's reference.
   *
   * @return a number in [0, 1)
   */
  public double relativeTolerance() {
    return relativeTolerance;
  }

  /**
   * The tolerance on the residual itself.
   *
   * @return a finite number, at least 0
   */
  public double absoluteTolerance() {
    return absoluteTolerance;
  }

  /**
   * The budget, in the routine's unit (iterations, or epochs for finite sums).
   *
   * @return at least 1
   */
  public long maxIterations() {
    return maxIterations;
  }

  /**
   * Whether the result keeps the residual at every check.
   *
   * @return true to keep the history
   */
  public boolean keepHistory() {
    return keepHistory;
  }

  /**
   * The same rule with another relative tolerance.
   *
   * @param newRelativeTolerance the relative tolerance, in [0, 1) (0 leaves the absolute one in
   *     charge, which must then be positive)
   * @return a new rule
   */
  public StoppingRule withRelativeTolerance(double newRelativeTolerance) {
    return new StoppingRule(newRelativeTolerance, absoluteTolerance, maxIterations, keepHistory);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StoppingRule)) {
      return false;
    }
    StoppingRule r = (StoppingRule) o;
    return Double.compare(relativeTolerance, r.relativeTolerance) == 0
        && Double.compare(absoluteTolerance, r.absoluteTolerance) == 0
        && maxIterations == r.maxIterations
        && keepHistory == r.keepHistory;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(relativeTolerance, absoluteTolerance, maxIterations, keepHistory);
  }

  @Override
  public String toString() {
    return "StoppingRule[relativeTolerance="
        + relativeTolerance
        + ", absoluteTolerance="
        + absoluteTolerance
        + ", maxIterations="
        + maxIterations
        + ", keepHistory="
        + keepHistory
        + "]";
  }
}
