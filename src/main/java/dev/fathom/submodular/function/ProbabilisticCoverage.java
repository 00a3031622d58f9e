package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import java.util.Arrays;

/**
 * Probabilistic coverage {@code f(S) = sum_u w_u (1 - prod_{j in S} (1 - p_ju))}: element {@code j}
 * covers item {@code items[j][t]} independently with probability {@code probs[j][t]} (monotone
 * submodular). Caches {@code q_u = prod_{j in S} (1 - p_ju)}, so a gain costs {@code
 * O(|items[e]|)}. Not thread-safe.
 *
 * @since 1.0
 */
public final class ProbabilisticCoverage extends SetFunction {
  private final int[][] items;
  private final double[][] probs;
  private final double[] weights;
  private final double[] q;

  /**
   * Creates the function.
   *
   * @param items {@code items[j]} = the distinct item ids element {@code j} may cover; copied
   * @param probs {@code probs[j][t]} in [0, 1], the probability that {@code j} covers {@code
   *     items[j][t]}; copied
   * @param weights finite non-negative item weights; copied
   */
  public ProbabilisticCoverage(int[][] items, double[][] probs, double[] weights) {
    super(Args.positive("items.length", Args.notNull("items", items).length));
    this.weights = Args.nonNegative("weights", weights).clone();
    this.items = Coverages.checkItems("items", items, weights.length);
    Args.notNull("probs", probs);
    if (probs.length != items.length) {
      throw Args.fail("probs.length", probs.length, String.valueOf(items.length));
    }
    this.probs = new double[items.length][];
    for (int j = 0; j < items.length; j++) {
      Args.length("probs[" + j + "]", probs[j], items[j].length);
      for (int t = 0; t < items[j].length; t++) {
        Args.inRange("probs[" + j + "][" + t + "]", probs[j][t], 0.0, 1.0);
      }
      this.probs[j] = probs[j].clone();
    }
    this.q = new double[weights.length];
    Arrays.fill(q, 1.0);
  }

  private ProbabilisticCoverage(ProbabilisticCoverage o) {
    super(o);
    this.items = o.items;
    this.probs = o.probs;
    this.weights = o.weights;
    this.q = o.q.clone();
  }

  @Override
  public boolean monotone() {
    return true;
  }

  /** {@inheritDoc} Reads the miss probabilities only. */
  @Override
  public boolean concurrentGains() {
    return true;
  }

  @Override
  public ProbabilisticCoverage copy() {
    return new ProbabilisticCoverage(this);
  }

  @Override
  protected double marginal(int e) {
    int[] it = items[e];
    double[] p = probs[e];
    double g = 0;
    for (int t = 0; t < it.length; t++) {
      g += weights[it[t]] * q[it[t]] * p[t];
    }
    return g;
  }

  @Override
  protected void include(int e) {
    int[] it = items[e];
    double[] p = probs[e];
    for (int t = 0; t < it.length; t++) {
      q[it[t]] *= 1 - p[t];
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(q, 1.0);
  }
}
