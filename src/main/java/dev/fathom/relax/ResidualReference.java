package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;

/**
 * What the relative tolerance of a {@link StoppingRule} is measured against in a linear solve. The
 * solvers measure it against {@code ||b - A x0||}; a loop over many systems that should use {@code
 * ||b||} (MATLAB's {@code pcg} rule, which suits warm starts) turns the rule into an absolute one
 * per system with {@link #ruleFor}.
 *
 * @since 1.0
 */
public enum ResidualReference {
  /** {@code ||r0|| = ||b - A x0||}, the paper's rule and the solvers' own. */
  INITIAL_RESIDUAL,
  /** {@code ||b||}; falls back to {@code ||r0||} when {@code b = 0}. */
  RIGHT_HAND_SIDE;

  /**
   * The rule to pass to a solver of {@code A x = b} so that its relative tolerance reads against
   * this reference.
   *
   * @param rule the rule, its relative tolerance read against this reference
   * @param b the right-hand side
   * @return {@code rule} itself for {@link #INITIAL_RESIDUAL} (or {@code b = 0}); for {@link
   *     #RIGHT_HAND_SIDE} an absolute rule with tolerance {@code max(absoluteTolerance,
   *     relativeTolerance * ||b||)}, same budget and history setting
   */
  public StoppingRule ruleFor(StoppingRule rule, double[] b) {
    Args.notNull("rule", rule);
    Args.notNull("b", b);
    double bNorm = Vectors.norm2(b);
    if (this == INITIAL_RESIDUAL || bNorm == 0) {
      return rule;
    }
    StoppingRule r = StoppingRule.absolute(rule.threshold(bNorm), rule.maxIterations());
    return rule.keepHistory() ? r.withHistory() : r;
  }
}
