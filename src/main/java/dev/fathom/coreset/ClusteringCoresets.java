package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.function.IntToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Coresets for k-means ({@code z = 2}) and k-median ({@code z = 1}) by sensitivity sampling from a
 * k-means++ bicriteria solution {@code B}: for a point {@code x} in cluster {@code P_b} of {@code
 * B}, {@code s(x) = d(x, B)^z / cost(P, B) + 1/|P_b|}, which bounds the sensitivity up to a
 * constant factor (Feldman-Langberg; Bachem, Lucic, Krause). The lightweight variant (Bachem,
 * Lucic, Krause, KDD'18) needs only the mean {@code mu}: {@code q(x) = 1/(2n) + d(x, mu)^2 / (2 sum
 * d(., mu)^2)}, with an additive-error guarantee.
 *
 * <p>Static and thread-safe; same seed, same coreset. The sampled coresets take one pass over the
 * rows per center of the seeding (the first also validates the rows, the last also assigns the
 * points for the bounds) and draw the next center and the coreset points from running sums recorded
 * per block of points, without {@code n}-sized arrays of bounds or cumulative sums; the result is
 * bitwise that of the textbook order of operations (seeding, bounds, cumulative search). Because
 * the rows are validated in that first pass, a bad row (null, ragged, not finite) is reported after
 * the first center was drawn: with the {@code RandomGenerator} overloads of the sampled coresets
 * the caller's generator has then advanced by one draw; no other work is done.
 *
 * @since 1.0
 */
public final class ClusteringCoresets {
  private ClusteringCoresets() {}

  /**
   * As {@link #kMeansPlusPlus(double[][], int, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of centers, in {@code [1, n]}
   * @param z the distance power, 1 (k-median) or 2 (k-means)
   * @param seed the seed
   * @return the indices of the {@code k} chosen centers
   */
  public static int[] kMeansPlusPlus(double[][] x, int k, int z, long seed) {
    return kMeansPlusPlus(x, k, z, Rng.create(seed));
  }

  /**
   * k-means++ seeding ({@code D^z} sampling): the first center uniformly, each next one with
   * probability proportional to the {@code z}-th power of the distance to the nearest chosen one.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of centers, in {@code [1, n]}
   * @param z the distance power, 1 (k-median) or 2 (k-means)
   * @param rng the source of randomness
   * @return the indices of the {@code k} chosen centers
   */
  public static int[] kMeansPlusPlus(double[][] x, int k, int z, RandomGenerator rng) {
    Args.notNull("rng", rng);
    shape(x);
    Args.inRange("k", k, 1, x.length);
    Args.inRange("z", z, 1, 2);
    return seed(x, k, z, rng);
  }

  static int[] seed(double[][] x, int k, int z, RandomGenerator rng) {
    return new Seeding(x, null, k, z, rng).centers;
  }

  /**
   * Weighted k-means++ seeding that also keeps, for every point, the first nearest chosen center
   * (in pick order, by squared distance, as {@link #sensitivities} assigns) and its distance to the
   * power z: the last update pass of the seeding is then the assignment pass of the sensitivities,
   * which need no second pass over the points. The first center is drawn with probability {@code ∝
   * w_i} (uniformly when {@code w} is null), each next one {@code ∝ w_i d(x_i, B)^z}: the seeding
   * of the instance in which point {@code i} appears {@code w_i} times.
   *
   * <p>The running sums of the masses {@code w_i d_i} are recorded at every {@value #BLOCK}-th
   * point, so a draw searches those and then one block, with the same sums in the same order.
   *
   * <p>The first pass also validates the rows (as {@code Args.rectangular}, which it calls to
   * report the first bad row): a row of the right length whose distance to the first center is
   * finite is finite.
   */
  private static final class Seeding {
    private static final int BLOCK = 1024;

    final int[] centers;
    final int[] assign;

    /** d(x_i, B)^2. */
    final double[] sq;

    /** d(x_i, B)^z (the array sq when z = 2). */
    final double[] dist;

    /** The number of points assigned to each center. */
    final int[] count;

    /** sum of w_i dist_i in point order. */
    double total;

    private final double[] w;

    /** total after each block of BLOCK points, in the last pass. */
    private final double[] ends;

    Seeding(double[][] x, double[] w, int k, int z, RandomGenerator rng) {
      int n = x.length;
      int d = x[0].length;
      this.w = w;
      centers = new int[k];
      assign = new int[n];
      count = new int[k];
      sq = new double[n];
      dist = z == 2 ? sq : new double[n];
      ends = new double[(n + BLOCK - 1) / BLOCK];
      centers[0] = w == null ? rng.nextInt(n) : scan(w, null, Vectors.sum(w), rng);
      double[] p = x[centers[0]];
      if (p == null || p.length != d || !finite(p)) {
        Args.rectangular("x", x);
      }
      for (int b = 0, i = 0; b < ends.length; b++) {
        for (int end = Math.min(n, i + BLOCK); i < end; i++) {
          double[] r = x[i];
          if (r == null || r.length != d) {
            Args.rectangular("x", x);
          }
          double s = squared(r, p);
          if (!(s < Double.POSITIVE_INFINITY) && !finite(r)) {
            Args.rectangular("x", x);
          }
          sq[i] = s;
          dist[i] = power(s, z);
          total += mass(i);
        }
        ends[b] = total;
      }
      count[0] = n;
      for (int c = 1; c < k; c++) {
        int pick = total > 0 ? draw(rng) : rng.nextInt(n);
        centers[c] = pick;
        p = x[pick];
        total = 0;
        for (int b = 0, i = 0; b < ends.length; b++) {
          for (int end = Math.min(n, i + BLOCK); i < end; i++) {
            double s = squared(x[i], p);
            if (s < sq[i]) {
              // the power is monotone: the minimum of the powers is the power of the minimum
              sq[i] = s;
              dist[i] = power(s, z);
              count[assign[i]]--;
              count[c]++;
              assign[i] = c;
            }
            total += mass(i);
          }
          ends[b] = total;
        }
      }
    }

    /** w_i dist_i (dist_i when w is null). */
    private double mass(int i) {
      return w == null ? dist[i] : w[i] * dist[i];
    }

    /**
     * The first index whose running sum of masses exceeds {@code u * total} ({@code u} the next
     * uniform draw) and which has mass, else the last index: the block from the recorded sums, then
     * the same running sum resumed in it.
     */
    private int draw(RandomGenerator rng) {
      double u = rng.nextDouble() * total;
      int b = 0;
      while (b < ends.length && ends[b] <= u) {
        b++;
      }
      int n = sq.length;
      return b == ends.length ? n - 1 : scan(w, dist, b * BLOCK, b == 0 ? 0 : ends[b - 1], u);
    }

    /** As {@link #scan(double[], double[], int, double, double)} from the start, u = r * total. */
    private static int scan(double[] w, double[] d, double total, RandomGenerator rng) {
      return scan(w, d, 0, 0, rng.nextDouble() * total);
    }

    /**
     * The first index from {@code from} on whose running mass ({@code w_i d_i}; {@code d_i} or
     * {@code w_i} when the other is null), started at {@code acc}, exceeds {@code u} and which has
     * mass, else the last index.
     */
    private static int scan(double[] w, double[] d, int from, double acc, double u) {
      int n = w == null ? d.length : w.length;
      for (int i = from; i < n; i++) {
        double m = w == null ? d[i] : d == null ? w[i] : w[i] * d[i];
        acc += m;
        if (acc > u && m > 0) {
          return i;
        }
      }
      return n - 1;
    }
  }

  private static boolean finite(double[] r) {
    for (double v : r) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The sensitivity bounds {@code s(x) = d(x, B)^z / cost(P, B) + 1/|P_b|} for a given solution.
   *
   * @param x the points, {@code n x d}, finite
   * @param centers the solution {@code B}, at least one center of dimension {@code d}
   * @param z the distance power, 1 or 2
   * @return the {@code n} bounds (total {@code 1 + number of non-empty clusters})
   */
  public static double[] sensitivities(double[][] x, double[][] centers, int z) {
    return bounds(x, null, centers, z);
  }

  /**
   * The sensitivity bounds of weighted points, {@code s_i = w_i d(x_i, B)^z / cost_w(P, B) + w_i /
   * W(P_b)} with {@code cost_w(P, B) = sum_j w_j d(x_j, B)^z} and {@code W(P_b)} the weight of
   * point {@code i}'s cluster: for integer weights, the sum of {@link #sensitivities(double[][],
   * double[][], int) the unweighted bounds} over the {@code w_i} copies of point {@code i}.
   *
   * @param x the points, {@code n x d}, finite
   * @param weights the points' weights, {@code n} finite non-negative numbers, positive total
   * @param centers the solution {@code B}, at least one center of dimension {@code d}
   * @param z the distance power, 1 or 2
   * @return the {@code n} bounds (total {@code 1 + number of clusters of positive weight})
   */
  public static double[] sensitivities(double[][] x, double[] weights, double[][] centers, int z) {
    Args.notNull("weights", weights);
    return bounds(x, weights, centers, z);
  }

  /** The bounds of the weighted {@code sensitivities}, with unit weights when w is null. */
  private static double[] bounds(double[][] x, double[] weights, double[][] centers, int z) {
    int d = Args.rectangular("x", x);
    if (weights != null) {
      checkWeights(weights, x.length);
    }
    Args.inRange("z", z, 1, 2);
    int dc = Args.rectangular("centers", centers);
    if (dc != d) {
      throw Args.fail("centers[0].length", dc, String.valueOf(d));
    }
    int n = x.length;
    int[] assign = new int[n];
    double[] cost = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < centers.length; c++) {
        double s = squared(x[i], centers[c]);
        if (s < best) {
          best = s;
          assign[i] = c;
        }
      }
      cost[i] = power(best, z);
      total += weights == null ? cost[i] : weights[i] * cost[i];
    }
    return bounds(cost, weights, total, assign, centers.length);
  }

  /**
   * s_i = w_i cost_i / total + w_i / W(cluster of i) (w_i = 1 when w is null; the first term 0 when
   * the total is 0, the second when the cluster weighs 0).
   */
  private static double[] bounds(double[] cost, double[] w, double total, int[] assign, int k) {
    double[] clusterWeight = new double[k];
    for (int i = 0; i < cost.length; i++) {
      clusterWeight[assign[i]] += w == null ? 1 : w[i];
    }
    double[] s = new double[cost.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = bound(cost[i], w == null ? 1 : w[i], total, clusterWeight[assign[i]]);
    }
    return s;
  }

  /** w cost / total + w / clusterWeight, each term 0 when its denominator is 0. */
  private static double bound(double cost, double w, double total, double clusterWeight) {
    return (total > 0 ? w * cost / total : 0) + (clusterWeight > 0 ? w / clusterWeight : 0);
  }

  private static void checkWeights(double[] weights, int n) {
    Args.length("weights", weights, n);
    Args.nonNegative("weights", weights);
    double total = Vectors.sum(weights);
    if (!(total > 0 && total < Double.POSITIVE_INFINITY)) {
      throw Args.fail("sum(weights)", total, "a finite positive total");
    }
  }

  /**
   * As {@link #kMeans(double[][], int, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of clusters, in {@code [1, n]}
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset kMeans(double[][] x, int k, int m, long seed) {
    return kMeans(x, k, m, Rng.create(seed));
  }

  /**
   * A k-means coreset of {@code m} draws from a k-means++ solution with {@code k} centers.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of clusters, in {@code [1, n]}
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset kMeans(double[][] x, int k, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    return sensitivity(x, k, 2, m, rng);
  }

  /**
   * As {@link #kMedian(double[][], int, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of clusters, in {@code [1, n]}
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset kMedian(double[][] x, int k, int m, long seed) {
    return kMedian(x, k, m, Rng.create(seed));
  }

  /**
   * A k-median coreset of {@code m} draws from a {@code D^1}-seeded solution with {@code k}
   * centers.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of clusters, in {@code [1, n]}
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset kMedian(double[][] x, int k, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    return sensitivity(x, k, 1, m, rng);
  }

  /**
   * As {@link #kMeans(double[][], int, double, double, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of clusters, in {@code [1, n]}
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset kMeans(double[][] x, int k, double eps, double delta, long seed) {
    return kMeans(x, k, eps, delta, Rng.create(seed));
  }

  /**
   * A k-means coreset with the size from a target error, {@link CoresetSize#clustering} (the whole
   * input when that is at least {@code n}).
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of clusters, in {@code [1, n]}
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset kMeans(double[][] x, int k, double eps, double delta, RandomGenerator rng) {
    Args.notNull("rng", rng);
    return sized(x, k, 2, eps, delta, rng);
  }

  /**
   * As {@link #kMedian(double[][], int, double, double, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of clusters, in {@code [1, n]}
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset kMedian(double[][] x, int k, double eps, double delta, long seed) {
    return kMedian(x, k, eps, delta, Rng.create(seed));
  }

  /**
   * A k-median coreset with the size from a target error, {@link CoresetSize#clustering} (the whole
   * input when that is at least {@code n}).
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of clusters, in {@code [1, n]}
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset kMedian(
      double[][] x, int k, double eps, double delta, RandomGenerator rng) {
    Args.notNull("rng", rng);
    return sized(x, k, 1, eps, delta, rng);
  }

  private static Coreset sized(
      double[][] x, int k, int z, double eps, double delta, RandomGenerator rng) {
    int d = Args.rectangular("x", x);
    long m = CoresetSize.clustering(eps, delta, k, d);
    return m >= x.length ? Coreset.all(x.length) : sensitivity(x, k, z, (int) m, rng);
  }

  private static Coreset sensitivity(double[][] x, int k, int z, int m, RandomGenerator rng) {
    return sensitivity(x, null, k, z, m, rng);
  }

  private static Coreset sensitivity(
      double[][] x, double[] w, int k, int z, int m, RandomGenerator rng) {
    shape(x);
    if (w != null) {
      checkWeights(w, x.length);
    }
    Args.inRange("k", k, 1, x.length);
    SensitivitySampling.checkSize(m, x.length);
    // the seeding validates the rows and its last pass already assigns every point: the bounds of
    // sensitivities(x, w, B, z), computed while they are drawn from
    Seeding b = new Seeding(x, w, k, z, rng);
    double[] cw = new double[k];
    if (w == null) {
      for (int c = 0; c < k; c++) {
        cw[c] = b.count[c];
      }
    } else {
      for (int i = 0; i < w.length; i++) {
        cw[b.assign[i]] += w[i];
      }
    }
    double[] dist = b.dist;
    int[] assign = b.assign;
    double total = b.total;
    long seed = rng.nextLong();
    IntToDoubleFunction bound;
    if (w == null) {
      // w_i / W = 1 / W per cluster, as bound(...) computes it with w_i = 1
      double[] inv = new double[k];
      for (int a = 0; a < k; a++) {
        inv[a] = bound(0, 1, 0, cw[a]);
      }
      bound = total > 0 ? i -> dist[i] / total + inv[assign[i]] : i -> 0 + inv[assign[i]];
    } else {
      bound = i -> bound(dist[i], w[i], total, cw[assign[i]]);
    }
    Coreset c = SensitivitySampling.sample(bound, x.length, m, Rng.create(seed));
    if (c == null) {
      // a bound is not finite: the sampler's own report
      c = SensitivitySampling.sample(bounds(dist, w, total, assign, k), m, seed);
    }
    if (w == null) {
      return c;
    }
    double[] cw2 = c.weights();
    for (int j = 0; j < cw2.length; j++) {
      cw2[j] *= w[c.index(j)];
    }
    return new Coreset(c.indices(), cw2);
  }

  /**
   * The checks of {@code x} that need no pass over its rows (not null, at least one row, row 0 not
   * null), as {@code Args.rectangular} reports them; the rows are checked in the seeding's first
   * pass.
   */
  private static void shape(double[][] x) {
    Args.notNull("x", x);
    if (x.length == 0 || x[0] == null) {
      Args.rectangular("x", x);
    }
  }

  /**
   * As {@link #kMeans(double[][], double[], int, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param weights the points' weights, {@code n} finite non-negative numbers, positive total
   * @param k the number of clusters, in {@code [1, n]}
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset kMeans(double[][] x, double[] weights, int k, int m, long seed) {
    return kMeans(x, weights, k, m, Rng.create(seed));
  }

  /**
   * A k-means coreset of weighted points (a coreset of coresets, as in merge-and-reduce): the
   * weighted {@code D^2} seeding draws point {@code i} with probability {@code ∝ w_i d(x_i, B)^2},
   * the bounds are {@link #sensitivities(double[][], double[], double[][], int) the weighted ones},
   * and a drawn point's coreset weight is {@code w_i} times its sampling weight, so {@code c.loss}
   * estimates {@code sum_i w_i d(x_i, C)^2} without bias. For integer weights it has the
   * distribution of the unweighted coreset of the instance in which point {@code i} appears {@code
   * w_i} times (copies merged); points of weight 0 are never drawn.
   *
   * @param x the points, {@code n x d}, finite
   * @param weights the points' weights, {@code n} finite non-negative numbers, positive total
   * @param k the number of clusters, in {@code [1, n]}
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset (indices into {@code x}, weights estimating the weighted cost)
   */
  public static Coreset kMeans(double[][] x, double[] weights, int k, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.notNull("weights", weights);
    return sensitivity(x, weights, k, 2, m, rng);
  }

  /**
   * As {@link #kMedian(double[][], double[], int, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param weights the points' weights, {@code n} finite non-negative numbers, positive total
   * @param k the number of clusters, in {@code [1, n]}
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset kMedian(double[][] x, double[] weights, int k, int m, long seed) {
    return kMedian(x, weights, k, m, Rng.create(seed));
  }

  /**
   * A k-median coreset of weighted points, as {@link #kMeans(double[][], double[], int, int,
   * RandomGenerator)} with distances to the power 1.
   *
   * @param x the points, {@code n x d}, finite
   * @param weights the points' weights, {@code n} finite non-negative numbers, positive total
   * @param k the number of clusters, in {@code [1, n]}
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset (indices into {@code x}, weights estimating the weighted cost)
   */
  public static Coreset kMedian(double[][] x, double[] weights, int k, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.notNull("weights", weights);
    return sensitivity(x, weights, k, 1, m, rng);
  }

  /**
   * As {@link #lightweight(double[][], int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset lightweight(double[][] x, int m, long seed) {
    return lightweight(x, m, Rng.create(seed));
  }

  /**
   * The lightweight k-means coreset: {@code q(x) = 1/(2n) + d(x, mu)^2 / (2 sum d(., mu)^2)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset lightweight(double[][] x, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    int d = Args.rectangular("x", x);
    int n = x.length;
    SensitivitySampling.checkSize(m, n);
    double[] mu = new double[d];
    for (double[] r : x) {
      for (int j = 0; j < d; j++) {
        mu[j] += r[j] / n;
      }
    }
    double[] q = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      q[i] = squared(x[i], mu);
      total += q[i];
    }
    for (int i = 0; i < n; i++) {
      q[i] = 0.5 / n + (total > 0 ? 0.5 * q[i] / total : 0.5 / n);
    }
    return SensitivitySampling.sample(q, m, rng);
  }

  static double squared(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }

  private static double power(double squared, int z) {
    return z == 2 ? squared : Math.sqrt(squared);
  }
}
