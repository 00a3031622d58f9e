package dev.fathom.core;

/**
 * Watches a long run: called at each check of an iterative routine (each residual evaluation,
 * checkpoint or round, as the routine documents), on the thread that runs it. It may stop the run
 * early with {@link Progress#cancel()}; the routine then returns its current answer with {@link
 * Status#CANCELLED}. The one progress interface of every Fathom package.
 *
 * <pre>{@code
 * solver.solve(problem, rule, p -> {
 *   System.out.printf("%d %.3e%n", p.iteration(), p.residual());
 *   if (p.residual() < 1e-3 && p.oracleCalls() > 1_000_000) p.cancel();
 * });
 * }</pre>
 *
 * @since 1.0
 */
@FunctionalInterface
public interface IterationListener {
  /** A listener that does nothing. */
  IterationListener NONE = p -> {};

  /**
   * One check of the run.
   *
   * @param progress the state at this check; valid only during the call
   */
  void onIteration(Progress progress);
}
