package dev.fathom.monotone;

/**
 * A method for {@code 0 ∈ F(x) + G(x)}. Implementations are immutable configurations; {@link
 * #solve} allocates its own workspace, so one configuration can serve several threads, but a {@link
 * Problem} whose resolvent holds workspace must not be shared across threads.
 */
public interface MonotoneSolver {
  /**
   * The method's name for reports, e.g. {@code "Halpern"}.
   *
   * @return the name
   */
  String name();

  /**
   * Runs the method from {@code problem.start()} until {@code rule} says stop.
   *
   * @param problem the problem
   * @param rule the stopping rule
   * @return the last iterate with its residual history and status
   * @throws IllegalArgumentException if {@code F(x0)} is not finite
   */
  default SolverResult solve(Problem problem, StoppingRule rule) {
    return solve(problem, rule, null);
  }

  /**
   * Runs the method and reports every residual evaluation to {@code listener}.
   *
   * @param problem the problem
   * @param rule the stopping rule
   * @param listener the observer, or {@code null} for none
   * @return the last iterate with its residual history and status
   * @throws IllegalArgumentException if {@code F(x0)} is not finite
   */
  SolverResult solve(Problem problem, StoppingRule rule, IterationListener listener);
}
