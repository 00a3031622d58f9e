package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import java.util.Arrays;

/**
 * Weighted coverage {@code f(S) = sum_u w_u [u covered by some j in S]}: element {@code j} covers
 * the items {@code sets[j]} (monotone submodular). Caches which items are covered, so a gain costs
 * {@code O(|sets[e]|)}. Not thread-safe.
 *
 * @since 1.0
 */
public final class WeightedCoverage extends SetFunction {
  private final int[][] sets;
  private final double[] weights;
  private final boolean[] covered;

  /**
   * Creates the function.
   *
   * @param sets {@code sets[j]} = the distinct item ids in {@code [0, weights.length)} covered by
   *     element {@code j}; copied
   * @param weights finite non-negative item weights; copied
   */
  public WeightedCoverage(int[][] sets, double[] weights) {
    super(Args.positive("sets.length", Args.notNull("sets", sets).length));
    this.weights = Args.nonNegative("weights", weights).clone();
    this.sets = Coverages.checkItems("sets", sets, weights.length);
    this.covered = new boolean[weights.length];
  }

  private WeightedCoverage(WeightedCoverage o) {
    super(o);
    this.sets = o.sets;
    this.weights = o.weights;
    this.covered = o.covered.clone();
  }

  @Override
  public boolean monotone() {
    return true;
  }

  /** {@inheritDoc} Reads the covered flags only. */
  @Override
  public boolean concurrentGains() {
    return true;
  }

  @Override
  public WeightedCoverage copy() {
    return new WeightedCoverage(this);
  }

  @Override
  protected double marginal(int e) {
    double g = 0;
    for (int u : sets[e]) {
      if (!covered[u]) {
        g += weights[u];
      }
    }
    return g;
  }

  @Override
  protected void include(int e) {
    for (int u : sets[e]) {
      covered[u] = true;
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(covered, false);
  }
}
