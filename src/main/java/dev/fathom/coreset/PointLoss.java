package dev.fathom.coreset;

/**
 * A loss that is a sum of per-point terms over a fixed input of {@link #size()} points: {@code
 * f(query) = sum_i loss(i, query)}. Coresets approximate this sum for every query. Implementations
 * hold the data; they must not modify the query. Ready ones are in {@link Losses}.
 *
 * @param <Q> the query type: a parameter vector ({@code double[]}) for regression and
 *     classification, a set of centers ({@code double[][]}) for clustering
 * @since 1.0
 */
public interface PointLoss<Q> {
  /**
   * The number of points {@code n}.
   *
   * @return the number of per-point terms
   */
  int size();

  /**
   * The loss of point {@code i} under {@code query}, non-negative.
   *
   * @param i the point, in {@code [0, size())}
   * @param query the query
   * @return the per-point loss
   */
  double loss(int i, Q query);

  /**
   * The per-point loss vector of a query: {@code out[i] = loss(i, query)}.
   *
   * @param query the query
   * @return a new array of {@link #size()} losses
   */
  default double[] losses(Q query) {
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = loss(i, query);
    }
    return out;
  }

  /**
   * The full loss {@code sum_i loss(i, query)}.
   *
   * @param query the query
   * @return the sum of the per-point losses
   */
  default double total(Q query) {
    double s = 0;
    int n = size();
    for (int i = 0; i < n; i++) {
      s += loss(i, query);
    }
    return s;
  }
}
