package dev.fathom.monotone;

import dev.fathom.core.IterationListener;
import dev.fathom.core.StoppingRule;

/**
 * A method for {@code 0 ∈ F(x) + G(x)}. Implementations are immutable configurations; {@link
 * #solve} allocates its own workspace, so one configuration can serve several threads (unless it
 * was given a {@link java.util.random.RandomGenerator}, which its runs share), but a {@link
 * Problem} whose resolvent holds workspace must not be shared across threads.
 *
 * <p>The stopping rule reads the natural-map residual {@code ‖x − J_G(x − F(x))‖} ({@code ‖F(x)‖}
 * when {@code G = 0}) against the residual at the start as its reference: a run stops with {@link
 * dev.fathom.core.Status#CONVERGED} at the first check with {@code residual <= max(absolute,
 * relative * residual(x0))}. Its budget {@link StoppingRule#maxIterations()} counts epochs ({@code
 * n} oracle calls each). {@link StoppingRule#relative} is scale invariant; {@link
 * StoppingRule#absolute} keeps an absolute target.
 *
 * @since 1.0
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
   * @param rule the stopping rule; its budget counts epochs
   * @return the last iterate with its residual history and status
   * @throws IllegalArgumentException if {@code F(x0)} is not finite
   */
  default InclusionResult solve(Problem problem, StoppingRule rule) {
    return solve(problem, rule, IterationListener.NONE);
  }

  /**
   * Runs the method and reports every residual evaluation to {@code listener}, which may cancel the
   * run ({@link dev.fathom.core.Status#CANCELLED}, the iterate of that check returned). The
   * listener's {@link dev.fathom.core.Progress#iteration()} is the method's iteration count, its
   * {@link dev.fathom.core.Progress#oracleCalls()} the method's oracle calls.
   *
   * @param problem the problem
   * @param rule the stopping rule; its budget counts epochs
   * @param listener the observer ({@link IterationListener#NONE} for none)
   * @return the last iterate with its residual history and status
   * @throws IllegalArgumentException if {@code F(x0)} is not finite
   */
  InclusionResult solve(Problem problem, StoppingRule rule, IterationListener listener);
}
