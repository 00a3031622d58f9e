package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.function.IntToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Generic sensitivity sampling (Feldman-Langberg; Braverman et al.): given upper bounds {@code s_i
 * >= sup_q f_i(q) / sum_j f_j(q)} on the sensitivities, draw {@code m} points i.i.d. with {@code
 * p_i = s_i / S} ({@code S = sum s_i}) and give each draw the weight {@code 1/(m p_i)}. Repeated
 * draws are merged (their weights add), so the coreset has at most {@code m} distinct points and is
 * an unbiased estimator of every sum {@code sum_i f_i(q)}.
 *
 * <p>All methods are static and thread-safe; same seed, same coreset.
 *
 * @since 1.0
 */
public final class SensitivitySampling {
  private SensitivitySampling() {}

  /**
   * As {@link #sample(double[], int, RandomGenerator)} with the generator {@code Rng.create(seed)}.
   *
   * @param bounds the sensitivity upper bounds, finite, non-negative, not all zero (not modified)
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset (at most {@code m} distinct points)
   */
  public static Coreset sample(double[] bounds, int m, long seed) {
    return sample(bounds, m, Rng.create(seed));
  }

  /**
   * Samples a coreset of {@code m} draws with probabilities proportional to {@code bounds}.
   *
   * @param bounds the sensitivity upper bounds, finite, non-negative, not all zero (not modified)
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset (at most {@code m} distinct points)
   */
  public static Coreset sample(double[] bounds, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.nonNegative("bounds", bounds);
    Args.positive("bounds.length", bounds.length);
    checkSize(m, bounds.length);
    Coreset c = sample(i -> bounds[i], bounds.length, m, rng);
    if (c == null) {
      throw Args.fail("sum(bounds)", Vectors.sum(bounds), "a positive total");
    }
    return c;
  }

  /** Points per block of the recorded running sums in {@link #sample(IntToDoubleFunction, ...)}. */
  private static final int SPAN = 64;

  /**
   * The draws of {@link #sample(double[], int, RandomGenerator)} for the bounds {@code
   * bound(0..n-1)}, computed on the fly instead of stored. The running sum of the bounds is kept at
   * every {@value #SPAN}-th index only: a draw {@code u} finds its block by binary search in those
   * sums and the first index whose running sum exceeds {@code u} by resuming the sum inside the
   * block, so the draws (and, from the same values, the weights) are bitwise those of a full
   * cumulative array. {@code bound} must return the same value for the same index on every call.
   *
   * @return the coreset, or null if a bound is negative or not finite or the total is not positive
   *     (the caller then reports the error)
   */
  static Coreset sample(IntToDoubleFunction bound, int n, int m, RandomGenerator rng) {
    double[] ends = new double[(n + SPAN - 1) / SPAN];
    double total = 0;
    for (int b = 0, i = 0; b < ends.length; b++) {
      for (int end = Math.min(n, i + SPAN); i < end; i++) {
        double s = bound.applyAsDouble(i);
        if (!(s >= 0) || s == Double.POSITIVE_INFINITY) {
          return null;
        }
        total += s;
      }
      ends[b] = total;
    }
    if (!(total > 0)) {
      return null;
    }
    int[] draws = new int[m];
    double[] w = new double[m];
    for (int j = 0; j < m; j++) {
      double u = rng.nextDouble() * total;
      // the first index whose running sum exceeds u (the last index if none)
      int b = upperBound(ends, u);
      int i = b * SPAN;
      int end = Math.min(n, i + SPAN);
      double acc = b == 0 ? 0 : ends[b - 1];
      while (i < end - 1 && !((acc += bound.applyAsDouble(i)) > u)) {
        i++;
      }
      while (bound.applyAsDouble(i) == 0) {
        i++; // u landed exactly on a cumulative value; move to the next point with mass
      }
      draws[j] = i;
      w[j] = total / (m * bound.applyAsDouble(i));
    }
    return Coreset.merge(draws, w);
  }

  /**
   * As {@link #uniform(int, int, RandomGenerator)} with the generator {@code Rng.create(seed)}.
   *
   * @param n the number of points, positive
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset uniform(int n, int m, long seed) {
    return uniform(n, m, Rng.create(seed));
  }

  /**
   * Uniform sampling: {@code m} draws with replacement, each with weight {@code n/m} (the baseline
   * every construction is compared with).
   *
   * @param n the number of points, positive
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset uniform(int n, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.positive("n", n);
    checkSize(m, n);
    int[] draws = new int[m];
    double[] w = new double[m];
    for (int j = 0; j < m; j++) {
      draws[j] = rng.nextInt(n);
      w[j] = (double) n / m;
    }
    return Coreset.merge(draws, w);
  }

  /**
   * As {@link #sample(double[], double, double, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param bounds the sensitivity upper bounds
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param dimension the dimension (VC or pseudo-dimension) of the query space, positive
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset sample(
      double[] bounds, double eps, double delta, int dimension, long seed) {
    return sample(bounds, eps, delta, dimension, Rng.create(seed));
  }

  /**
   * Samples with the size chosen from a target error: {@link CoresetSize#sensitivity} draws, or the
   * whole input with unit weights when that many draws would be at least {@code n}.
   *
   * @param bounds the sensitivity upper bounds
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param dimension the dimension (VC or pseudo-dimension) of the query space, positive
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset sample(
      double[] bounds, double eps, double delta, int dimension, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.nonNegative("bounds", bounds);
    Args.positive("bounds.length", bounds.length);
    double total = 0;
    for (double b : bounds) {
      total += b;
    }
    long m = CoresetSize.sensitivity(eps, delta, total, dimension);
    return m >= bounds.length ? Coreset.all(bounds.length) : sample(bounds, (int) m, rng);
  }

  static void checkSize(int m, int n) {
    if (m <= 0 || m > n) {
      throw Args.fail("m", m, "a coreset size in [1, n = " + n + "]");
    }
  }

  /** The first index with {@code cdf[i] > u} (the last index if none). */
  static int upperBound(double[] cdf, double u) {
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
