package dev.fathom.submodular.similarity;

import dev.fathom.core.Args;
import dev.fathom.linalg.SquaredEuclidean;

/**
 * Similarity builders from raw points with apricot's definitions (apricot's {@code metric} and
 * {@code n_neighbors} arguments): squared cosine and squared correlation, {@code max D - D} for any
 * {@link Distance}, and k-nearest-neighbour graphs on any of these. Candidates and clients are both
 * the points. The dense cosine and correlation builders take the Gram matrix of the unit rows from
 * the tiled kernel of {@link SquaredEuclidean#gram(double[][], int)} (the same kernel as the
 * squared-Euclidean build); {@link #fromDistance(double[][], Distance)} costs {@code n(n+1)/2}
 * distance evaluations (the upper triangle and the diagonal, mirrored), kNN builders {@code n^2}
 * (exact brute force; for the Gaussian Euclidean kNN graph in low dimension {@link
 * SparseSimilarity#knn(double[][], int)} searches a k-d tree instead). For apricot's
 * squared-Euclidean dense similarity see {@link Similarity#squaredEuclidean(double[][], int,
 * Similarity.Precision)}.
 *
 * @since 1.0
 */
public final class PointSimilarity {
  private PointSimilarity() {}

  /**
   * apricot's {@code metric='cosine'}: {@code s(i, j) = cos(x_i, x_j)^2}, that is {@code 1 - D} for
   * apricot's distance {@code D = 1 - (1 - d)^2} on scikit-learn's cosine distance {@code d = 1 -
   * cos}. As in scikit-learn, {@code d} is clipped to {@code [0, 2]}, a zero point has cosine 0
   * with every other point, and the diagonal distance is 0, so {@code s(i, i) = 1} for every point.
   *
   * @param points the points, one row each (finite, rectangular)
   * @return the dense storage
   */
  public static Similarity cosine(double[][] points) {
    return cosine(points, 1);
  }

  /**
   * {@link #cosine(double[][])} with the Gram matrix spread over {@code threads} threads (the
   * values are bitwise the same for every thread count).
   *
   * @param points the points, one row each (finite, rectangular)
   * @param threads the number of threads, at least 1 (1 = the calling thread only)
   * @return the dense storage
   */
  public static Similarity cosine(double[][] points, int threads) {
    Args.rectangular("points", points);
    Args.positive("threads", threads);
    return dense(points.length, unitRows(points, false, "points"), threads);
  }

  /**
   * apricot's {@code metric='correlation'} (or {@code 'corr'}): {@code s(i, j) = r(x_i, x_j)^2}
   * with {@code r} the Pearson correlation of the two rows (the cosine of the rows minus their
   * means), scipy's correlation distance {@code 1 - r} clipped to {@code [0, 2]} and a zero
   * diagonal, so {@code s(i, i) = 1}.
   *
   * @param points the points, one row each (finite, rectangular, at least two coordinates, no
   *     constant row: its correlation is undefined)
   * @return the dense storage
   */
  public static Similarity correlation(double[][] points) {
    return correlation(points, 1);
  }

  /**
   * {@link #correlation(double[][])} with the Gram matrix spread over {@code threads} threads (the
   * values are bitwise the same for every thread count).
   *
   * @param points the points, one row each (finite, rectangular, at least two coordinates, no
   *     constant row)
   * @param threads the number of threads, at least 1 (1 = the calling thread only)
   * @return the dense storage
   */
  public static Similarity correlation(double[][] points, int threads) {
    Args.rectangular("points", points);
    Args.positive("threads", threads);
    return dense(points.length, unitRows(points, true, "points"), threads);
  }

  /**
   * submodlib's {@code create_kernel(X, mode='dense', metric='euclidean')}: {@code s(i, j) =
   * exp(-||x_i - x_j|| / d)} with the Euclidean distance (not its square) and {@code gamma = 1/d},
   * {@code d} the number of coordinates. As in scikit-learn's {@code euclidean_distances}, the
   * squared distances come from the Gram matrix ({@code |x_i|^2 + |x_j|^2 - 2 x_i . x_j}, clipped
   * at 0) and the diagonal is exactly 0, so {@code s(i, i) = 1}.
   *
   * @param points the points, one row each (finite, rectangular, each of squared norm at most
   *     1e307)
   * @param threads the number of threads for the Gram matrix, at least 1 (values are bitwise the
   *     same for every count)
   * @return the dense storage
   */
  public static Similarity submodlibEuclidean(double[][] points, int threads) {
    int d = Args.rectangular("points", points);
    Args.positive("threads", threads);
    double[][] s = SquaredEuclidean.gram(points, threads);
    int n = points.length;
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = s[i][i];
    }
    double gamma = 1.0 / d;
    for (int i = 0; i < n; i++) {
      double[] r = s[i];
      for (int j = 0; j < n; j++) {
        double sq = Math.max(0, norms[i] + norms[j] - 2 * r[j]);
        r[j] = Math.exp(-Math.sqrt(sq) * gamma);
      }
      r[i] = 1;
    }
    return new DenseSimilarity(s);
  }

  /**
   * submodlib's {@code create_kernel(X, mode='dense', metric='cosine')}: scikit-learn's {@code
   * cosine_similarity}, {@code s(i, j) = cos(x_i, x_j)} in {@code [-1, 1]} (not squared, unlike
   * apricot's {@link #cosine(double[][])}); a zero row has similarity 0 with every point, itself
   * included, as in scikit-learn. Negative entries make facility location non-monotone: submodlib
   * leaves that to the user, and so does this builder.
   *
   * @param points the points, one row each (finite, rectangular)
   * @param threads the number of threads for the Gram matrix, at least 1
   * @return the dense storage
   */
  public static Similarity submodlibCosine(double[][] points, int threads) {
    Args.rectangular("points", points);
    Args.positive("threads", threads);
    double[][] s = SquaredEuclidean.gram(unitRows(points, false, "points"), threads);
    for (double[] r : s) {
      for (int j = 0; j < r.length; j++) {
        r[j] = Math.max(-1, Math.min(1, r[j]));
      }
    }
    return new DenseSimilarity(s);
  }

  /**
   * apricot's transform for any other metric: {@code s(i, j) = max D - D(i, j)} with {@code D(i, j)
   * = distance(x_i, x_j)} and the maximum over all pairs, the diagonal included. As in
   * scikit-learn's {@code pairwise_distances} with a callable, only {@code i < j} and {@code i = j}
   * are evaluated and the rest mirrored, so the result is symmetric.
   *
   * @param points the points, one row each (finite, rectangular)
   * @param distance the distance; each value must be finite and non-negative
   * @return the dense storage
   */
  public static Similarity fromDistance(double[][] points, Distance distance) {
    Args.rectangular("points", points);
    Args.notNull("distance", distance);
    int n = points.length;
    double[][] d = new double[n][n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double v = checked(distance.between(points[i], points[j]), i, j);
        d[i][j] = v;
        d[j][i] = v;
        max = Math.max(max, v);
      }
    }
    for (double[] row : d) {
      for (int j = 0; j < n; j++) {
        row[j] = max - row[j];
      }
    }
    return new DenseSimilarity(d);
  }

  /**
   * The k-nearest-neighbour graph under {@code distance} with apricot's {@code max D - D} values:
   * row {@code j} holds the {@code k} points nearest to {@code x_j} (ties to the lower id), {@code
   * j} itself included when {@code distance(x_j, x_j)} is smallest, as in scikit-learn's {@code
   * KNeighborsTransformer} (whose {@code n_neighbors} counts the point itself on top: apricot's
   * {@code n_neighbors = k - 1}); each stored entry is {@code max - D(j, i)}, the maximum taken
   * over the stored distances.
   *
   * @param points the points, one row each (finite, rectangular)
   * @param k the neighbours per point, in {@code [1, n]}
   * @param distance the distance; each value must be finite and non-negative
   * @return the sparse storage
   */
  public static SparseSimilarity knn(double[][] points, int k, Distance distance) {
    Args.rectangular("points", points);
    Args.inRange("k", k, 1, points.length);
    Args.notNull("distance", distance);
    Graph g =
        nearest(points.length, k, (i, j) -> checked(distance.between(points[i], points[j]), i, j));
    double max = 0;
    for (double v : g.dist) {
      max = Math.max(max, v);
    }
    for (int p = 0; p < g.dist.length; p++) {
      g.dist[p] = max - g.dist[p];
    }
    return g.storage();
  }

  /**
   * The k-nearest-neighbour graph under apricot's cosine distance {@code 1 - cos^2} with values
   * {@code cos^2} (see {@link #cosine(double[][])} and {@link #knn(double[][], int, Distance)}; the
   * point itself has distance 0).
   *
   * @param points the points, one row each (finite, rectangular)
   * @param k the neighbours per point, in {@code [1, n]}
   * @return the sparse storage
   */
  public static SparseSimilarity knnCosine(double[][] points, int k) {
    Args.rectangular("points", points);
    Args.inRange("k", k, 1, points.length);
    return knnSquared(unitRows(points, false, "points"), k);
  }

  /**
   * The k-nearest-neighbour graph under apricot's correlation distance {@code 1 - r^2} with values
   * {@code r^2} (see {@link #correlation(double[][])}).
   *
   * @param points the points, one row each (finite, rectangular, at least two coordinates, no
   *     constant row)
   * @param k the neighbours per point, in {@code [1, n]}
   * @return the sparse storage
   */
  public static SparseSimilarity knnCorrelation(double[][] points, int k) {
    Args.rectangular("points", points);
    Args.inRange("k", k, 1, points.length);
    return knnSquared(unitRows(points, true, "points"), k);
  }

  private static SparseSimilarity knnSquared(double[][] unit, int k) {
    Graph g = nearest(unit.length, k, (i, j) -> 1 - squaredCosine(unit, i, j));
    for (int p = 0; p < g.dist.length; p++) {
      g.dist[p] = 1 - g.dist[p];
    }
    return g.storage();
  }

  /** Rows scaled to unit length, after subtracting each row's mean when {@code centre}. */
  private static double[][] unitRows(double[][] points, boolean centre, String name) {
    int d = points[0].length;
    if (centre && d < 2) {
      throw Args.fail(name + "[0].length", d, "at least 2 coordinates for a correlation");
    }
    double[][] u = new double[points.length][d];
    for (int i = 0; i < points.length; i++) {
      double mean = 0;
      if (centre) {
        for (double v : points[i]) {
          mean += v;
        }
        mean /= d;
      }
      double norm = 0;
      for (int t = 0; t < d; t++) {
        u[i][t] = points[i][t] - mean;
        norm += u[i][t] * u[i][t];
      }
      if (norm > 0) {
        double inv = 1 / Math.sqrt(norm);
        for (int t = 0; t < d; t++) {
          u[i][t] *= inv;
        }
      } else if (centre) {
        throw Args.fail(
            name + "[" + i + "]", "a constant row", "a non-constant row for a correlation");
      }
    }
    return u;
  }

  /** cos^2 of two unit rows, the cosine clipped to [-1, 1]; 1 on the diagonal. */
  private static double squaredCosine(double[][] unit, int i, int j) {
    if (i == j) {
      return 1;
    }
    double c = 0;
    double[] a = unit[i];
    double[] b = unit[j];
    for (int t = 0; t < a.length; t++) {
      c += a[t] * b[t];
    }
    c = Math.max(-1, Math.min(1, c));
    return c * c;
  }

  /**
   * cos^2 of every pair of unit rows from their Gram matrix (the linear algebra package's tiled
   * kernel, about as fast as the squared-Euclidean build), the cosine clipped to [-1, 1] and the
   * diagonal 1, in place.
   */
  private static Similarity dense(int n, double[][] unit, int threads) {
    double[][] s = SquaredEuclidean.gram(unit, threads);
    for (int i = 0; i < n; i++) {
      double[] r = s[i];
      for (int j = 0; j < n; j++) {
        double c = Math.max(-1, Math.min(1, r[j]));
        r[j] = c * c;
      }
      r[i] = 1;
    }
    return new DenseSimilarity(s);
  }

  private static double checked(double v, int i, int j) {
    if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
      throw Args.fail(
          "distance(points[" + i + "], points[" + j + "])", v, "a finite non-negative number");
    }
    return v;
  }

  /** A distance between points i and j. */
  private interface PairDistance {
    double at(int i, int j);
  }

  /**
   * The k nearest points of every point by brute force: row j at [j k, (j+1) k), nearest first,
   * ties to the lower id (the ids are scanned in increasing order and an equal distance never
   * displaces a kept one). O(n k) comparisons per row at worst.
   */
  private static Graph nearest(int n, int k, PairDistance distance) {
    int[] idx = new int[n * k];
    double[] dist = new double[n * k];
    for (int j = 0; j < n; j++) {
      int off = j * k;
      int kept = 0;
      for (int i = 0; i < n; i++) {
        double d = distance.at(j, i);
        if (kept == k && !(d < dist[off + k - 1])) {
          continue;
        }
        int p = Math.min(kept, k - 1);
        while (p > 0 && d < dist[off + p - 1]) {
          dist[off + p] = dist[off + p - 1];
          idx[off + p] = idx[off + p - 1];
          p--;
        }
        dist[off + p] = d;
        idx[off + p] = i;
        kept = Math.min(kept + 1, k);
      }
    }
    return new Graph(n, k, idx, dist);
  }

  private record Graph(int n, int k, int[] idx, double[] dist) {
    SparseSimilarity storage() {
      int[] ptr = new int[n + 1];
      for (int j = 0; j <= n; j++) {
        ptr[j] = j * k;
      }
      return SparseSimilarity.of(n, ptr, idx, dist);
    }
  }
}
