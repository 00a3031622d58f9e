package dev.fathom.submodular.function;

import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.Similarity;
import java.util.Arrays;

/**
 * submodlib's disparity-sum, the max-sum dispersion objective {@code f(S) = sum_{i < j in S} d(i,
 * j)} over symmetric non-negative distances (from a similarity in {@code [0, 1]}: {@code d = 1 -
 * s}, as submodlib's {@code DisparitySumFunction}). <b>Not submodular</b>: its gains {@code sum_{j
 * in S} d(e, j)} grow with S (it is supermodular), so the lazy and stochastic greedy methods, which
 * rely on falling gains, have no meaning for it. Use the naive greedy, {@code Greedy.naive(f, c,
 * Until.FULL)} (the first gain is 0 for every element). Started from the {@link #farthestPair()
 * farthest pair}, {@code Greedy.naive(f.startingFrom(f.farthestPair()), new Cardinality(k),
 * Until.FULL)} is the greedy of Ravi, Rosenkrantz and Tayi (Oper. Res. 1994), which Birnbaum and
 * Goldman (Algorithmica 2009) proved a 1/2-approximation of max-sum dispersion when d is a metric
 * (triangle inequality); for a non-metric d there is no guarantee. Monotone (gains are
 * non-negative). Caches {@code sum_{j in S} d(j, i)} for every i: a gain costs O(1), an addition
 * O(n). Not thread-safe.
 *
 * @since 1.0
 */
public final class DisparitySum extends SetFunction {
  private final double[][] d;
  private final double[] sums;

  private DisparitySum(double[][] d) {
    super(d.length);
    this.d = d;
    this.sums = new double[d.length];
  }

  private DisparitySum(DisparitySum o) {
    super(o);
    this.d = o.d;
    this.sums = o.sums.clone();
  }

  /**
   * Disparity-sum over distances.
   *
   * @param distances a square, exactly symmetric matrix of finite non-negative off-diagonal
   *     distances (the diagonal is not read); copied
   * @return the function
   */
  public static DisparitySum fromDistances(double[][] distances) {
    return new DisparitySum(Pairwise.distances("distances", distances));
  }

  /**
   * submodlib's disparity-sum over a similarity, {@code d(i, j) = 1 - s(i, j)}.
   *
   * @param sim a square, exactly symmetric similarity with off-diagonal entries in {@code [0, 1]}
   *     (the diagonal is not read)
   * @return the function
   */
  public static DisparitySum fromSimilarity(Similarity sim) {
    return new DisparitySum(Pairwise.distances("sim", sim));
  }

  /**
   * The pair of largest distance, the start of the greedy with the 1/2 guarantee (see the class
   * comment).
   *
   * @return {@code {i, j}} with {@code i < j}
   * @throws IllegalStateException if the ground set has fewer than 2 elements
   */
  public int[] farthestPair() {
    return Pairwise.farthestPair(d);
  }

  @Override
  public boolean monotone() {
    return true;
  }

  @Override
  public DisparitySum copy() {
    return new DisparitySum(this);
  }

  @Override
  protected double marginal(int e) {
    return sums[e];
  }

  @Override
  protected void include(int e) {
    double[] r = d[e];
    for (int i = 0; i < sums.length; i++) {
      sums[i] += r[i];
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(sums, 0.0);
  }
}
