package dev.fathom.tour;

/**
 * One line of the tour: a package solving its built-in problem, judged against an independent
 * reference.
 *
 * @since 1.0
 */
public interface TourStep {
  /**
   * The package this step exercises, without the {@code dev.fathom.} prefix.
   *
   * @return the package name
   */
  String packageName();

  /**
   * Runs the built-in problem and reports its quality figure. Timing is done by the caller.
   *
   * @return the outcome
   */
  Outcome run();

  /**
   * What a step found.
   *
   * @param problem a short description of the problem solved
   * @param quality the quality figure, e.g. {@code "max rel err 3.1e-16 vs direct sum"}
   * @param ok whether the figure meets the step's own acceptance bound
   */
  record Outcome(String problem, String quality, boolean ok) {}
}
