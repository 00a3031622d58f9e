package dev.fathom.submodular.information;

import dev.fathom.core.Args;
import dev.fathom.submodular.function.ProbabilisticCoverage;
import dev.fathom.submodular.function.WeightedCoverage;

/**
 * The set-cover information measures (submodlib's SCMI, SCCG, SCCMI and their probabilistic
 * versions PSCMI, PSCCG, PSCCMI; Iyer et al., ALT 2021; Kothawade et al., PRISM, AAAI 2022) over a
 * {@link ConceptCoverage}. For set cover {@code f(A) = w(gamma(A))} on V extended by a query set Q
 * and a private set P:
 *
 * <pre>
 * SCMI(A; Q)      = f(A) + f(Q) - f(A u Q)                  = w(gamma(A) n gamma(Q))
 * SCCG(A | P)     = f(A u P) - f(P)                         = w(gamma(A) - gamma(P))
 * SCCMI(A; Q | P) = f(A u P) + f(Q u P) - f(A u Q u P) - f(P) = w(gamma(A) n gamma(Q) - gamma(P))
 * </pre>
 *
 * and for probabilistic set cover, with {@code P_u(X) = prod_{x in X} (1 - p_xu)} the chance that X
 * misses concept u (Q and P disjoint from V, as in submodlib):
 *
 * <pre>
 * PSCMI(A; Q)      = sum_u w_u (1 - P_u(A)) (1 - P_u(Q))
 * PSCCG(A | P)     = sum_u w_u (1 - P_u(A)) P_u(P)
 * PSCCMI(A; Q | P) = sum_u w_u (1 - P_u(A)) (1 - P_u(Q)) P_u(P)
 * </pre>
 *
 * Each is the base function with the concept weights {@code w_u} multiplied by the query coverage
 * {@code 1 - P_u(Q)} and/or the private miss {@code P_u(P)}, so each is returned as a {@link
 * WeightedCoverage} or {@link ProbabilisticCoverage} over V: monotone and submodular, with O(|cover
 * of e|) gains, and every maximizer applies. submodlib gives Q and P as concept sets covered for
 * sure ({@link ConceptCoverage#queryConcepts}); {@link ConceptCoverage#queryCoverage} takes the
 * general per-concept probabilities.
 *
 * @since 1.0
 */
public final class SetCoverInformation {
  private SetCoverInformation() {}

  /**
   * SCMI, submodlib's {@code SetCoverMutualInformationFunction}: {@code w(gamma(A) n gamma(Q))}.
   *
   * @param coverage a set-cover holder ({@link ConceptCoverage#sets}) with its query set
   * @return the function
   */
  public static WeightedCoverage mutualInformation(ConceptCoverage coverage) {
    return sets(coverage, true, false);
  }

  /**
   * SCCG, submodlib's {@code SetCoverConditionalGainFunction}: {@code w(gamma(A) - gamma(P))}.
   *
   * @param coverage a set-cover holder with its private set
   * @return the function
   */
  public static WeightedCoverage conditionalGain(ConceptCoverage coverage) {
    return sets(coverage, false, true);
  }

  /**
   * SCCMI, submodlib's {@code SetCoverConditionalMutualInformationFunction}: {@code w(gamma(A) n
   * gamma(Q) - gamma(P))}.
   *
   * @param coverage a set-cover holder with its query and private sets
   * @return the function
   */
  public static WeightedCoverage conditionalMutualInformation(ConceptCoverage coverage) {
    return sets(coverage, true, true);
  }

  /**
   * PSCMI, submodlib's {@code ProbabilisticSetCoverMutualInformationFunction}: {@code sum_u w_u (1
   * - P_u(A)) (1 - P_u(Q))}.
   *
   * @param coverage a probabilistic holder ({@link ConceptCoverage#probabilities}) with its query
   *     set
   * @return the function
   */
  public static ProbabilisticCoverage probabilisticMutualInformation(ConceptCoverage coverage) {
    return probabilistic(coverage, true, false);
  }

  /**
   * PSCCG, submodlib's {@code ProbabilisticSetCoverConditionalGainFunction}: {@code sum_u w_u (1 -
   * P_u(A)) P_u(P)}.
   *
   * @param coverage a probabilistic holder with its private set
   * @return the function
   */
  public static ProbabilisticCoverage probabilisticConditionalGain(ConceptCoverage coverage) {
    return probabilistic(coverage, false, true);
  }

  /**
   * PSCCMI, submodlib's {@code ProbabilisticSetCoverConditionalMutualInformationFunction}: {@code
   * sum_u w_u (1 - P_u(A)) (1 - P_u(Q)) P_u(P)}.
   *
   * @param coverage a probabilistic holder with its query and private sets
   * @return the function
   */
  public static ProbabilisticCoverage probabilisticConditionalMutualInformation(
      ConceptCoverage coverage) {
    return probabilistic(coverage, true, true);
  }

  private static WeightedCoverage sets(ConceptCoverage c, boolean query, boolean privates) {
    Args.notNull("coverage", c);
    return new WeightedCoverage(c.items(), c.measureWeights(false, query, privates));
  }

  private static ProbabilisticCoverage probabilistic(
      ConceptCoverage c, boolean query, boolean privates) {
    Args.notNull("coverage", c);
    return new ProbabilisticCoverage(c.items(), c.probs(), c.measureWeights(true, query, privates));
  }
}
