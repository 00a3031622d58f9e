package dev.fathom.monotone;

import dev.fathom.core.Args;

/**
 * When a solver stops: on a computable residual, on a budget of oracle calls, or both.
 *
 * <p>The residual (natural-map residual, {@code ‖F(x)‖} when unconstrained) needs a full pass of
 * {@code F}. Solvers use the exact {@code F(x_k)} whenever their own iteration computes it; between
 * such free checks they evaluate the residual once every {@code checkEveryEpochs} epochs of their
 * own oracle calls. These monitoring evaluations are reported apart ({@link
 * SolverResult#monitorCalls()}) and are not counted as the method's oracle calls.
 *
 * @param tolerance stop when the residual is at most this; {@code 0} means run to the budget
 * @param maxEpochs the budget, in epochs ({@code n} oracle calls each), positive
 * @param checkEveryEpochs how often (in epochs) to evaluate the residual when no free check came
 */
public record StoppingRule(double tolerance, double maxEpochs, double checkEveryEpochs) {
  /**
   * Validates the rule.
   *
   * @param tolerance non-negative and finite
   * @param maxEpochs finite and positive
   * @param checkEveryEpochs finite and positive
   */
  public StoppingRule {
    Args.nonNegative("tolerance", tolerance);
    Args.positive("maxEpochs", maxEpochs);
    Args.positive("checkEveryEpochs", checkEveryEpochs);
  }

  /**
   * A rule that checks the residual every epoch.
   *
   * @param tolerance the residual tolerance, non-negative ({@code 0}: budget only)
   * @param maxEpochs the budget in epochs, positive
   * @return the rule
   */
  public static StoppingRule of(double tolerance, double maxEpochs) {
    return new StoppingRule(tolerance, maxEpochs, 1.0);
  }

  /**
   * The same rule with another check interval.
   *
   * @param epochs the interval in epochs, positive
   * @return the new rule
   */
  public StoppingRule checkingEvery(double epochs) {
    return new StoppingRule(tolerance, maxEpochs, epochs);
  }
}
