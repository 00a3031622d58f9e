package dev.fathom.bench.hadamard;

import dev.fathom.hadamard.BatchOracle;
import dev.fathom.hadamard.Normalization;
import dev.fathom.hadamard.SparseResult;
import dev.fathom.hadamard.WalshHadamard;
import dev.fathom.linalg.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/** Random sparse spectra and their oracles (direct summation), for benchmarks and figures. */
public final class SparseSignals {
  private SparseSignals() {}

  /**
   * A sparse spectrum with optional Gaussian noise in the time domain (a fixed function of m).
   *
   * @param n bits
   * @param support sorted frequencies
   * @param amplitude their coefficients (FOURIER convention)
   * @param noiseSd noise standard deviation per sample
   * @param noiseSeed noise seed
   */
  public record Signal(int n, long[] support, double[] amplitude, double noiseSd, long noiseSeed)
      implements BatchOracle {
    /**
     * f(m) by direct summation plus noise.
     *
     * @param m the index
     * @return the value
     */
    public double value(long m) {
      double s = 0;
      for (int i = 0; i < support.length; i++) {
        s += (Long.bitCount(support[i] & m) & 1) == 0 ? amplitude[i] : -amplitude[i];
      }
      if (noiseSd > 0) {
        long h1 = Rng.mix64(m ^ Rng.mix64(noiseSeed));
        long h2 = Rng.mix64(h1 + 0x9E3779B97F4A7C15L);
        double u1 = ((h1 >>> 11) + 1) * 0x1.0p-53;
        double u2 = (h2 >>> 11) * 0x1.0p-53;
        s += noiseSd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      }
      return s;
    }

    @Override
    public void values(long[] indices, double[] out) {
      IntStream.range(0, indices.length).parallel().forEach(i -> out[i] = value(indices[i]));
    }

    /**
     * The dense time-domain vector (noise-free), n at most 26.
     *
     * @return the vector
     */
    public double[] dense() {
      double[] x = new double[1 << n];
      for (int i = 0; i < support.length; i++) {
        x[(int) support[i]] = amplitude[i];
      }
      WalshHadamard.transform(x, Normalization.UNNORMALIZED);
      return x;
    }

    /**
     * The same support with +-1 amplitudes and noise at the given SNR (sum F^2 / sigma^2).
     *
     * @param snrDb the SNR in dB
     * @param seed the seed of the signs and the noise
     * @return the noisy signal
     */
    public Signal unitWithNoise(double snrDb, long seed) {
      RandomGenerator rng = Rng.create(seed);
      double[] a = new double[support.length];
      for (int i = 0; i < a.length; i++) {
        a[i] = rng.nextBoolean() ? 1 : -1;
      }
      return new Signal(n, support, a, Math.sqrt(a.length / Math.pow(10, snrDb / 10)), seed);
    }
  }

  /**
   * K distinct uniform frequencies with amplitudes +-U[1, 500].
   *
   * @param n bits
   * @param k sparsity
   * @param seed seed
   * @return the signal
   */
  public static Signal random(int n, int k, long seed) {
    RandomGenerator rng = Rng.create(seed);
    long mask = (1L << n) - 1;
    Set<Long> seen = new HashSet<>();
    while (seen.size() < k) {
      seen.add(rng.nextLong() & mask);
    }
    long[] s = seen.stream().mapToLong(Long::longValue).sorted().toArray();
    double[] a = new double[k];
    for (int i = 0; i < k; i++) {
      a[i] = (rng.nextBoolean() ? 1 : -1) * rng.nextDouble(1, 500);
    }
    return new Signal(n, s, a, 0, 0);
  }

  /**
   * Whether r has exactly the support of s.
   *
   * @param s the signal
   * @param r the result
   * @return true if the supports agree
   */
  public static boolean sameSupport(Signal s, SparseResult r) {
    return Arrays.equals(s.support(), r.indices());
  }

  /**
   * Throws unless r recovers s exactly (support, and amplitudes within 1e-9 relative).
   *
   * @param s the signal
   * @param r the result
   */
  public static void requireExact(Signal s, SparseResult r) {
    boolean ok = sameSupport(s, r);
    for (int i = 0; ok && i < s.support().length; i++) {
      ok = Math.abs(r.values()[i] - s.amplitude()[i]) <= 1e-9 * Math.abs(s.amplitude()[i]);
    }
    if (!ok) {
      throw new IllegalStateException("sparse recovery failed: " + r);
    }
  }

  /** An open-addressing long to double table (keys are non-negative). */
  public static final class Table {
    private final long[] keys;
    private final double[] vals;

    /**
     * Creates a table of fixed capacity.
     *
     * @param capacity a power of two, larger than twice the entries
     */
    public Table(int capacity) {
      keys = new long[capacity];
      vals = new double[capacity];
      Arrays.fill(keys, -1L);
    }

    /**
     * Stores a value.
     *
     * @param k the key
     * @param v the value
     */
    public void put(long k, double v) {
      int i = slot(k);
      keys[i] = k;
      vals[i] = v;
    }

    /**
     * Reads a stored value.
     *
     * @param k the key, which must be present
     * @return the value
     */
    public double get(long k) {
      int i = slot(k);
      if (keys[i] != k) {
        throw new IllegalStateException("not stored: " + k);
      }
      return vals[i];
    }

    private int slot(long k) {
      int mask = keys.length - 1;
      int i = (int) Rng.mix64(k) & mask;
      while (keys[i] != -1L && keys[i] != k) {
        i = (i + 1) & mask;
      }
      return i;
    }
  }
}
