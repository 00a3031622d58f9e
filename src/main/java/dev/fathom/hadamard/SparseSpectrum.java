package dev.fathom.hadamard;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * A function on {@code n}-bit indices given by a sparse Walsh spectrum in the {@link
 * Normalization#FOURIER} convention, {@code f(m) = sum_i c_i (-1)^popcount(k_i & m)}, optionally
 * plus Gaussian noise that is a fixed function of {@code m}. It is evaluated by direct summation
 * ({@code O(K)} per query), independently of any transform, which makes it the test signal of
 * {@link SparseWalshHadamard}: examples, tests, benchmarks and the tour use it. Immutable and
 * thread-safe.
 *
 * @since 1.0
 */
public final class SparseSpectrum implements QueryOracle {
  private final int n;
  private final long[] frequencies;
  private final double[] coefficients;
  private final double noiseSd;
  private final long noiseSeed;

  /**
   * Creates a noise-free sparse function.
   *
   * @param n the number of bits, in {@code [1, 62]}
   * @param frequencies the frequencies {@code k_i}, strictly increasing, each in {@code [0, 2^n)}
   * @param coefficients their finite coefficients {@code c_i}
   * @throws IllegalArgumentException if a frequency is out of range or repeated, or the lengths
   *     differ
   */
  public SparseSpectrum(int n, long[] frequencies, double[] coefficients) {
    this(
        n,
        Args.notNull("frequencies", frequencies).clone(),
        Args.finite("coefficients", coefficients).clone(),
        0.0,
        0L);
    Args.inRange("n", n, 1, 62);
    if (coefficients.length != frequencies.length) {
      throw Args.fail(
          "coefficients.length", coefficients.length, "frequencies.length = " + frequencies.length);
    }
    for (int i = 0; i < frequencies.length; i++) {
      if (frequencies[i] < 0 || frequencies[i] >= 1L << n) {
        throw Args.fail("frequencies[" + i + "]", frequencies[i], "an index in [0, 2^" + n + ")");
      }
      if (i > 0 && frequencies[i] <= frequencies[i - 1]) {
        throw Args.fail(
            "frequencies[" + i + "]", frequencies[i], "more than " + frequencies[i - 1]);
      }
    }
  }

  private SparseSpectrum(
      int n, long[] frequencies, double[] coefficients, double noiseSd, long noiseSeed) {
    this.n = n;
    this.frequencies = frequencies;
    this.coefficients = coefficients;
    this.noiseSd = noiseSd;
    this.noiseSeed = noiseSeed;
  }

  /**
   * A random function with {@code k} distinct uniform frequencies and coefficients of random sign
   * and magnitude uniform in {@code [minAbs, maxAbs]}.
   *
   * @param n the number of bits, in {@code [1, 62]}
   * @param k the number of coefficients, in {@code [0, min(2^n, 2^24)]}
   * @param minAbs the smallest magnitude, positive
   * @param maxAbs the largest magnitude, at least {@code minAbs}
   * @param seed the seed; the same function as {@code Rng.create(seed)}
   * @return the function
   */
  public static SparseSpectrum random(int n, int k, double minAbs, double maxAbs, long seed) {
    return random(n, k, minAbs, maxAbs, Rng.create(seed));
  }

  /**
   * A random function with {@code k} distinct uniform frequencies and coefficients of random sign
   * and magnitude uniform in {@code [minAbs, maxAbs]}.
   *
   * @param n the number of bits, in {@code [1, 62]}
   * @param k the number of coefficients, in {@code [0, min(2^n, 2^24)]}
   * @param minAbs the smallest magnitude, positive
   * @param maxAbs the largest magnitude, at least {@code minAbs}
   * @param rng the source of randomness (advanced by the call)
   * @return the function
   */
  public static SparseSpectrum random(
      int n, int k, double minAbs, double maxAbs, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.inRange("n", n, 1, 62);
    Args.inRange("k", k, 0, (int) Math.min(1L << n, 1 << 24));
    Args.positive("minAbs", minAbs);
    Args.positive("maxAbs", maxAbs);
    if (maxAbs < minAbs) {
      throw Args.fail("maxAbs", maxAbs, "at least minAbs = " + minAbs);
    }
    long mask = (1L << n) - 1;
    TreeSet<Long> support = new TreeSet<>();
    while (support.size() < k) {
      support.add(rng.nextLong() & mask);
    }
    double[] c = new double[k];
    for (int i = 0; i < k; i++) {
      double mag = maxAbs > minAbs ? rng.nextDouble(minAbs, maxAbs) : minAbs;
      c[i] = rng.nextBoolean() ? mag : -mag;
    }
    return new SparseSpectrum(n, support.stream().mapToLong(Long::longValue).toArray(), c);
  }

  /**
   * The same function plus i.i.d. Gaussian noise {@code N(0, sigma^2)} per index; the noise at
   * {@code m} is a fixed function of {@code (seed, m)}, so repeated queries agree (a hash of the
   * seed, not a stream of draws, so there is no {@code RandomGenerator} form).
   *
   * @param sigma the noise standard deviation, finite and non-negative
   * @param seed the noise seed
   * @return the noisy function
   */
  public SparseSpectrum withNoise(double sigma, long seed) {
    return new SparseSpectrum(n, frequencies, coefficients, Args.nonNegative("sigma", sigma), seed);
  }

  /**
   * The same function plus Gaussian noise at a signal-to-noise ratio {@code SNR = energy() /
   * sigma^2} (per sample; see {@code docs/hadamard.md} for the conversion to per-coefficient SNR).
   *
   * @param snrDb the SNR in decibels, finite
   * @param seed the noise seed
   * @return the noisy function
   */
  public SparseSpectrum withSnr(double snrDb, long seed) {
    Args.finite("snrDb", snrDb);
    return withNoise(Math.sqrt(energy() / Math.pow(10, snrDb / 10)), seed);
  }

  /**
   * The same frequencies with other coefficients (and the same noise).
   *
   * @param newCoefficients the coefficients, one per frequency, finite
   * @return the new function
   */
  public SparseSpectrum withCoefficients(double[] newCoefficients) {
    Args.length("newCoefficients", newCoefficients, frequencies.length);
    Args.finite("newCoefficients", newCoefficients);
    return new SparseSpectrum(n, frequencies, newCoefficients.clone(), noiseSd, noiseSeed);
  }

  /**
   * The number of bits.
   *
   * @return {@code n}
   */
  public int n() {
    return n;
  }

  /**
   * The frequencies.
   *
   * @return a copy, strictly increasing
   */
  public long[] frequencies() {
    return frequencies.clone();
  }

  /**
   * The coefficients (FOURIER convention).
   *
   * @return a copy, aligned with {@link #frequencies()}
   */
  public double[] coefficients() {
    return coefficients.clone();
  }

  /**
   * The noise variance per query.
   *
   * @return {@code sigma^2}
   */
  public double noiseVariance() {
    return noiseSd * noiseSd;
  }

  /**
   * The signal energy {@code sum_i c_i^2}, which is also the mean of {@code f(m)^2} over all {@code
   * m} without noise (Parseval).
   *
   * @return the energy
   */
  public double energy() {
    double e = 0;
    for (double c : coefficients) {
      e += c * c;
    }
    return e;
  }

  /**
   * The number of bits, which {@link SparseWalshHadamard} checks against its options.
   *
   * @return {@code n}
   */
  @Override
  public OptionalInt bits() {
    return OptionalInt.of(n);
  }

  @Override
  public double value(long m) {
    double s = 0;
    for (int i = 0; i < frequencies.length; i++) {
      s += (Long.bitCount(frequencies[i] & m) & 1) == 0 ? coefficients[i] : -coefficients[i];
    }
    if (noiseSd > 0) {
      // Box-Muller on two hashes of (seed, m).
      long h1 = Rng.mix64(m ^ Rng.mix64(noiseSeed));
      long h2 = Rng.mix64(h1 + 0x9E3779B97F4A7C15L);
      double u1 = ((h1 >>> 11) + 1) * 0x1.0p-53;
      double u2 = (h2 >>> 11) * 0x1.0p-53;
      s += noiseSd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
    return s;
  }

  /**
   * Every value {@code f(0), ..., f(2^n - 1)}, computed by one dense transform (plus the noise).
   *
   * @return the dense vector
   * @throws IllegalArgumentException if {@code n > 30}
   */
  public double[] dense() {
    Args.inRange("n", n, 1, WalshHadamard.MAX_LOG2);
    double[] x = new double[1 << n];
    for (int i = 0; i < frequencies.length; i++) {
      x[(int) frequencies[i]] = coefficients[i];
    }
    WalshHadamard.transform(x, Normalization.UNNORMALIZED);
    if (noiseSd > 0) {
      SparseSpectrum noise = new SparseSpectrum(n, new long[0], new double[0], noiseSd, noiseSeed);
      for (int m = 0; m < x.length; m++) {
        x[m] += noise.value(m);
      }
    }
    return x;
  }

  /**
   * Whether a result has exactly these frequencies.
   *
   * @param r the result
   * @return true if the supports are equal
   */
  public boolean sameSupport(SparseResult r) {
    return Arrays.equals(frequencies, Args.notNull("r", r).indices());
  }

  /**
   * The normalized squared error {@code sum_k (r(k) - c(k))^2 / sum_k c(k)^2} over the union of
   * both supports.
   *
   * @param r the result
   * @return the error, {@code NaN} for an empty spectrum
   */
  public double nmse(SparseResult r) {
    Args.notNull("r", r);
    double err = 0;
    for (int i = 0; i < frequencies.length; i++) {
      double d = r.valueAt(frequencies[i]) - coefficients[i];
      err += d * d;
    }
    long[] idx = r.indices();
    double[] v = r.values();
    for (int i = 0; i < idx.length; i++) {
      if (Arrays.binarySearch(frequencies, idx[i]) < 0) {
        err += v[i] * v[i];
      }
    }
    return err / energy();
  }
}
