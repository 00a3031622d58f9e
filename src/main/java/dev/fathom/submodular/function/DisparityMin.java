package dev.fathom.submodular.function;

import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.Similarity;
import java.util.Arrays;

/**
 * submodlib's disparity-min, the max-min dispersion objective {@code f(S) = min_{i != j in S} d(i,
 * j)} for {@code |S| >= 2} and {@code f(S) = 0} for {@code |S| <= 1}, over symmetric non-negative
 * distances (from a similarity in {@code [0, 1]}: {@code d = 1 - s}, as submodlib's {@code
 * DisparityMinFunction}). <b>Neither submodular nor monotone</b>: the second element's gain is a
 * distance, later gains are {@code <= 0}. Use the naive greedy with {@code Until.FULL}, {@code
 * Greedy.naive(f, new Cardinality(k), Until.FULL)}: each step adds an element e of largest {@code
 * f(S + e) = min(f(S), min_{j in S} d(e, j))}, a farthest-point greedy, which is a
 * 1/2-approximation of max-min dispersion when d is a metric (Ravi, Rosenkrantz and Tayi, Oper.
 * Res. 1994; the argument needs no particular start: while |S| &lt; k some element of an optimal
 * set lies at distance at least OPT/2 from all of S), from any first element and with any
 * tie-breaking among elements of equal gain; for a non-metric d there is no guarantee. Caches
 * {@code min_{j in S} d(j, i)} for every i: a gain costs O(1), an addition O(n). Not thread-safe.
 *
 * @since 1.0
 */
public final class DisparityMin extends SetFunction {
  private final double[][] d;
  private final double[] nearest;
  private int count;
  private double min;

  private DisparityMin(double[][] d) {
    super(d.length);
    this.d = d;
    this.nearest = new double[d.length];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
  }

  private DisparityMin(DisparityMin o) {
    super(o);
    this.d = o.d;
    this.nearest = o.nearest.clone();
    this.count = o.count;
    this.min = o.min;
  }

  /**
   * Disparity-min over distances.
   *
   * @param distances a square, exactly symmetric matrix of finite non-negative off-diagonal
   *     distances (the diagonal is not read); copied
   * @return the function
   */
  public static DisparityMin fromDistances(double[][] distances) {
    return new DisparityMin(Pairwise.distances("distances", distances));
  }

  /**
   * submodlib's disparity-min over a similarity, {@code d(i, j) = 1 - s(i, j)}.
   *
   * @param sim a square, exactly symmetric similarity with off-diagonal entries in {@code [0, 1]}
   *     (the diagonal is not read)
   * @return the function
   */
  public static DisparityMin fromSimilarity(Similarity sim) {
    return new DisparityMin(Pairwise.distances("sim", sim));
  }

  /**
   * The pair of largest distance, the best 2-element set.
   *
   * @return {@code {i, j}} with {@code i < j}
   * @throws IllegalStateException if the ground set has fewer than 2 elements
   */
  public int[] farthestPair() {
    return Pairwise.farthestPair(d);
  }

  @Override
  public boolean monotone() {
    return false;
  }

  @Override
  public DisparityMin copy() {
    return new DisparityMin(this);
  }

  @Override
  protected double marginal(int e) {
    if (count == 0) {
      return 0;
    }
    if (count == 1) {
      return nearest[e];
    }
    return Math.min(min, nearest[e]) - min;
  }

  @Override
  protected void include(int e) {
    if (count == 1) {
      min = nearest[e];
    } else if (count > 1) {
      min = Math.min(min, nearest[e]);
    }
    count++;
    double[] r = d[e];
    for (int i = 0; i < nearest.length; i++) {
      nearest[i] = Math.min(nearest[i], r[i]);
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    count = 0;
    min = 0;
  }
}
