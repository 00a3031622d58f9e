package dev.fathom.relax;

import dev.fathom.core.Args;

/**
 * A solver with a relaxation parameter, as the tuning loop sees it: solve one instance at a given
 * omega and report the result (whose iteration count is the cost).
 */
public interface RelaxedSolver {
  /**
   * Solves the instance.
   *
   * @param instance the system and its initial guess
   * @param omega the relaxation parameter, in (0, 2)
   * @return the result
   */
  SolveResult solve(Instance instance, double omega);

  /**
   * SOR ({@link Sor#solve}).
   *
   * @param rule when to stop
   * @return the solver
   */
  static RelaxedSolver sor(StoppingRule rule) {
    Args.notNull("rule", rule);
    return (in, omega) -> Sor.solve(in.matrix(), in.rhs(), in.initialGuess(), omega, rule);
  }

  /**
   * SSOR-preconditioned CG ({@link ConjugateGradient#solveSsor}).
   *
   * @param rule when to stop
   * @return the solver
   */
  static RelaxedSolver ssorPcg(StoppingRule rule) {
    Args.notNull("rule", rule);
    return (in, omega) ->
        ConjugateGradient.solveSsor(in.matrix(), in.rhs(), in.initialGuess(), omega, rule);
  }
}
