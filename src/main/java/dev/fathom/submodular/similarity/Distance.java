package dev.fathom.submodular.similarity;

import dev.fathom.linalg.Vectors;

/**
 * A distance between two points, for the similarity builders of {@link PointSimilarity}: any
 * function of two rows that returns a finite non-negative number (it need not be a metric; the
 * builders check each value). Implementations must be stateless or thread-safe.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface Distance {
  /**
   * The distance between two points of the same dimension.
   *
   * @param a a point (not modified)
   * @param b a point (not modified)
   * @return the distance, finite and non-negative
   */
  double between(double[] a, double[] b);

  /** The Euclidean distance {@code sqrt(sum (a_t - b_t)^2)}. */
  Distance EUCLIDEAN = (a, b) -> Math.sqrt(Vectors.distanceSquared(a, b));

  /** The squared Euclidean distance {@code sum (a_t - b_t)^2}. */
  Distance SQUARED_EUCLIDEAN = Vectors::distanceSquared;

  /** The Manhattan (city-block) distance {@code sum |a_t - b_t|}. */
  Distance MANHATTAN =
      (a, b) -> {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
          s += Math.abs(a[t] - b[t]);
        }
        return s;
      };
}
