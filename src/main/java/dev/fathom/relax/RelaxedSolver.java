package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.StoppingRule;

/**
 * A solver with a relaxation parameter, as the tuning loop sees it: solve one instance at a given
 * omega and report the result (whose iteration count is the cost).
 *
 * @since 1.0
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
   * SOR ({@link Sor#solve}), its relative tolerance against {@code ||b - A x0||}.
   *
   * @param rule when to stop
   * @return the solver
   */
  static RelaxedSolver sor(StoppingRule rule) {
    return sor(rule, ResidualReference.INITIAL_RESIDUAL);
  }

  /**
   * SOR ({@link Sor#solve}), its relative tolerance against the given reference of each system.
   *
   * @param rule when to stop
   * @param reference what the relative tolerance reads against
   * @return the solver
   */
  static RelaxedSolver sor(StoppingRule rule, ResidualReference reference) {
    Args.notNull("rule", rule);
    Args.notNull("reference", reference);
    return (in, omega) ->
        Sor.solve(
            in.matrix(), in.rhs(), in.initialGuess(), omega, reference.ruleFor(rule, in.rhs()));
  }

  /**
   * SSOR-preconditioned CG ({@link ConjugateGradient#solveSsor}), its relative tolerance against
   * {@code ||b - A x0||}.
   *
   * @param rule when to stop
   * @return the solver
   */
  static RelaxedSolver ssorPcg(StoppingRule rule) {
    return ssorPcg(rule, ResidualReference.INITIAL_RESIDUAL);
  }

  /**
   * SSOR-preconditioned CG ({@link ConjugateGradient#solveSsor}), its relative tolerance against
   * the given reference of each system.
   *
   * @param rule when to stop
   * @param reference what the relative tolerance reads against
   * @return the solver
   */
  static RelaxedSolver ssorPcg(StoppingRule rule, ResidualReference reference) {
    Args.notNull("rule", rule);
    Args.notNull("reference", reference);
    return (in, omega) ->
        ConjugateGradient.solveSsor(
            in.matrix(), in.rhs(), in.initialGuess(), omega, reference.ruleFor(rule, in.rhs()));
  }
}
