package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.Similarity;
import java.util.Arrays;

/**
 * apricot's sum redundancy {@code f(S) = -sum_{i in S} sum_{j in S} s(i, j)} over a square
 * symmetric non-negative similarity, the diagonal included (apricot's {@code
 * SumRedundancySelection}: its {@code sum_V - sum_S} without the constant {@code sum_V}, so that
 * {@code f(empty set) = 0}). The gain {@code f(S + e) - f(S) = -(s(e, e) + 2 sum_{j in S} s(e, j))}
 * is apricot's gain, never positive and falling as S grows: f is submodular and monotone
 * decreasing, so select with {@code Greedy.naive/lazy(f, c, Until.FULL)} (apricot picks exactly k
 * elements through non-positive gains). Caches {@code sum_{j in S} s(j, i)} for every i: a gain
 * costs O(1), an addition one row. Not thread-safe.
 *
 * @since 1.0
 */
public final class SumRedundancy extends SetFunction {
  private final Similarity sim;
  private final double[] sums;

  private SumRedundancy(Similarity sim) {
    super(sim.candidates());
    this.sim = sim;
    this.sums = new double[sim.candidates()];
  }

  private SumRedundancy(SumRedundancy o) {
    super(o);
    this.sim = o.sim;
    this.sums = o.sums.clone();
  }

  /**
   * Sum redundancy over a similarity storage.
   *
   * @param sim a square ({@code clients() == candidates()}), exactly symmetric similarity (its
   *     entries are non-negative by construction of every storage)
   * @return the function
   */
  public static SumRedundancy of(Similarity sim) {
    return new SumRedundancy(Pairwise.symmetric("sim", sim));
  }

  /**
   * Sum redundancy over dense rows {@code rows[i][j] = s(i, j)}.
   *
   * @param rows a square, exactly symmetric matrix of finite non-negative entries (used, not
   *     copied)
   * @return the function
   */
  public static SumRedundancy dense(double[][] rows) {
    int cols = Args.rectangular("rows", rows);
    if (cols != rows.length) {
      throw Args.fail("rows[0].length", cols, "a square matrix (" + rows.length + " columns)");
    }
    return new SumRedundancy(Pairwise.symmetric("rows", Similarity.dense(rows)));
  }

  @Override
  public boolean monotone() {
    return false;
  }

  @Override
  public SumRedundancy copy() {
    return new SumRedundancy(this);
  }

  @Override
  protected double marginal(int e) {
    return -(sim.get(e, e) + 2 * sums[e]);
  }

  @Override
  protected void include(int e) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] += sim.get(e, i);
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(sums, 0.0);
  }
}
