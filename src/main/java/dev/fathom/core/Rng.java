package dev.fathom.core;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

/**
 * Seeding helpers on {@link RandomGenerator}: reproducible generators from a {@code long} seed,
 * independent streams for parallel work, and a few sampling utilities every package needs.
 *
 * <p>Reproducibility across threads: {@link #stream(long, long)} derives the generator for task
 * {@code i} from {@code (seed, i)} alone, so work split over any number of threads draws the same
 * numbers as a serial run, whatever the scheduling. {@link #split(long, int)} gives the same
 * guarantee for a fixed count of streams. Generators are {@link SplittableRandom}, which is in
 * {@code java.base} on every JDK 17 runtime.
 *
 * @since 1.0
 */
public final class Rng {
  private Rng() {}

  /**
   * Returns a splittable generator seeded with {@code seed}; the same seed gives the same sequence.
   *
   * @param seed the seed
   * @return a new generator (not thread-safe; split it for other threads)
   */
  public static SplittableGenerator create(long seed) {
    return new SplittableRandom(seed);
  }

  /**
   * Returns the generator of the {@code index}-th independent stream of {@code seed}. It depends
   * only on {@code (seed, index)}, so parallel tasks that each take their own index reproduce a
   * serial run exactly.
   *
   * @param seed the master seed
   * @param index the stream index (any value)
   * @return a new generator
   */
  public static SplittableGenerator stream(long seed, long index) {
    return new SplittableRandom(mix64(seed ^ mix64(index + 0x9E3779B97F4A7C15L)));
  }

  /**
   * Returns {@code count} independent generators derived from {@code seed}: element {@code i} is
   * {@link #stream(long, long) stream(seed, i)}.
   *
   * @param seed the master seed
   * @param count the number of streams, at least 0
   * @return the generators
   */
  public static SplittableGenerator[] split(long seed, int count) {
    Args.size("count", count);
    SplittableGenerator[] out = new SplittableGenerator[count];
    for (int i = 0; i < count; i++) {
      out[i] = stream(seed, i);
    }
    return out;
  }

  /**
   * The SplitMix64 finalizer (Stafford variant 13): a bijective 64-bit mixing function.
   *
   * @param z the input
   * @return the mixed value
   */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Fills {@code out} with independent standard normal samples.
   *
   * @param rng the generator
   * @param out the array to fill
   */
  public static void gaussian(RandomGenerator rng, double[] out) {
    Args.notNull("rng", rng);
    Args.notNull("out", out);
    for (int i = 0; i < out.length; i++) {
      out[i] = rng.nextGaussian();
    }
  }

  /**
   * Returns {@code n} independent standard normal samples.
   *
   * @param rng the generator
   * @param n the count
   * @return the samples
   */
  public static double[] gaussian(RandomGenerator rng, int n) {
    Args.notNull("rng", rng);
    double[] out = new double[Args.size("n", n)];
    gaussian(rng, out);
    return out;
  }

  /**
   * Fills {@code out} with independent samples uniform on {@code [lo, hi)}.
   *
   * @param rng the generator
   * @param lo the lower bound
   * @param hi the upper bound, greater than {@code lo}
   * @param out the array to fill
   */
  public static void uniform(RandomGenerator rng, double lo, double hi, double[] out) {
    Args.notNull("rng", rng);
    Args.finite("lo", lo);
    Args.finite("hi", hi);
    if (!(hi > lo)) {
      throw Args.fail("hi", hi, "a number greater than lo = " + lo);
    }
    Args.notNull("out", out);
    for (int i = 0; i < out.length; i++) {
      out[i] = rng.nextDouble(lo, hi);
    }
  }

  /**
   * Returns a Gamma(shape, 1) sample (Marsaglia and Tsang's squeeze method; for {@code shape < 1}
   * the boost {@code Gamma(shape + 1) * U^(1/shape)}, drawing {@code U} first).
   *
   * @param rng the generator
   * @param shape the shape, finite and positive
   * @return the sample, with mean {@code shape} and variance {@code shape}
   */
  public static double gamma(RandomGenerator rng, double shape) {
    Args.notNull("rng", rng);
    Args.positive("shape", shape);
    return gammaUnchecked(rng, shape);
  }

  /**
   * Returns a Beta(a, b) sample as {@code X / (X + Y)} with {@code X ~ Gamma(a)}, {@code Y ~
   * Gamma(b)}.
   *
   * @param rng the generator
   * @param a the first shape, finite and positive
   * @param b the second shape, finite and positive
   * @return the sample, in {@code [0, 1]}, with mean {@code a / (a + b)}
   */
  public static double beta(RandomGenerator rng, double a, double b) {
    Args.notNull("rng", rng);
    Args.positive("a", a);
    Args.positive("b", b);
    double logX = logGamma(rng, a);
    double logY = logGamma(rng, b);
    if (logX == Double.NEGATIVE_INFINITY && logY == Double.NEGATIVE_INFINITY) {
      // Both draws are below e^-1e308 (only for shapes near 1e-300): Beta(a, b) is then, to
      // double precision, a Bernoulli(a / (a + b)) on {0, 1}. The ratio, not u * (a + b) < a:
      // that product of a subnormal rounds to a multiple of Double.MIN_VALUE.
      return rng.nextDouble() < a / (a + b) ? 1 : 0;
    }
    // X / (X + Y) = 1 / (1 + exp(log Y - log X)), without the under- or overflow of X and Y.
    return 1 / (1 + Math.exp(logY - logX));
  }

  /** The log of a Gamma(shape, 1) sample, kept in log space for tiny shapes. */
  private static double logGamma(RandomGenerator rng, double shape) {
    if (shape < 1) {
      double u = rng.nextDouble();
      return Math.log(gammaUnchecked(rng, shape + 1)) + Math.log(u) / shape;
    }
    return Math.log(gammaUnchecked(rng, shape));
  }

  private static double gammaUnchecked(RandomGenerator rng, double shape) {
    if (shape < 1) {
      double u = rng.nextDouble();
      return gammaUnchecked(rng, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /**
   * Shuffles {@code a} in place (Fisher-Yates).
   *
   * @param rng the generator
   * @param a the array, permuted in place
   */
  public static void shuffle(RandomGenerator rng, int[] a) {
    Args.notNull("rng", rng);
    Args.notNull("a", a);
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * Returns a uniformly random permutation of {@code 0..n-1}.
   *
   * @param rng the generator
   * @param n the size, at least 0
   * @return the permutation
   */
  public static int[] permutation(RandomGenerator rng, int n) {
    Args.notNull("rng", rng);
    int[] p = new int[Args.size("n", n)];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(rng, p);
    return p;
  }

  /**
   * Returns {@code k} distinct indices drawn uniformly from {@code 0..n-1}, in the order drawn.
   * Costs {@code O(k)} expected time and memory when {@code k} is small against {@code n}, and
   * {@code O(n)} otherwise.
   *
   * @param rng the generator
   * @param n the population size, at least 0
   * @param k the sample size, in {@code [0, n]}
   * @return the sample
   */
  public static int[] sampleWithoutReplacement(RandomGenerator rng, int n, int k) {
    Args.notNull("rng", rng);
    Args.nonNegative("n", n);
    Args.inRange("k", k, 0, n);
    int[] out = new int[Args.size("k", k)];
    if ((long) k * 4 < n) {
      java.util.HashSet<Integer> seen = new java.util.HashSet<>(k * 2);
      int c = 0;
      while (c < k) {
        int v = rng.nextInt(n);
        if (seen.add(v)) {
          out[c++] = v;
        }
      }
      return out;
    }
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
      out[i] = p[i];
    }
    return out;
  }
}
