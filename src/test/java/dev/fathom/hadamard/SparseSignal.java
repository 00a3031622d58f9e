package dev.fathom.hadamard;

import dev.fathom.linalg.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * A random K-sparse spectrum on n bits and its time-domain oracle, evaluated by direct summation
 * f(m) = sum_k F(k) (-1)^popcount(k & m) (plus optional Gaussian noise that is a fixed function of
 * m). Independent of the transform under test.
 */
final class SparseSignal implements BatchOracle {
  final int n;
  final long[] support;
  final double[] amplitude;
  private final double noiseSd;
  private final long noiseSeed;

  SparseSignal(long[] support, double[] amplitude, int n, double noiseSd, long noiseSeed) {
    this.n = n;
    this.support = support;
    this.amplitude = amplitude;
    this.noiseSd = noiseSd;
    this.noiseSeed = noiseSeed;
  }

  /** K distinct uniform indices with amplitudes +-U[1, 500], sorted by index. */
  static SparseSignal random(int n, int k, long seed) {
    RandomGenerator rng = Rng.create(seed);
    long mask = n == 63 ? Long.MAX_VALUE : (1L << n) - 1;
    Set<Long> seen = new HashSet<>();
    while (seen.size() < k) {
      seen.add(rng.nextLong() & mask);
    }
    long[] s = seen.stream().mapToLong(Long::longValue).sorted().toArray();
    double[] a = new double[k];
    for (int i = 0; i < k; i++) {
      a[i] = (rng.nextBoolean() ? 1 : -1) * rng.nextDouble(1, 500);
    }
    return new SparseSignal(s, a, n, 0, 0);
  }

  /** The same spectrum with every amplitude +-1 (random signs) and N(0, sigma^2) noise. */
  SparseSignal unitWithNoise(double snrDb, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[] a = new double[support.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextBoolean() ? 1 : -1;
    }
    double sigma2 = a.length / Math.pow(10, snrDb / 10);
    return new SparseSignal(support, a, n, Math.sqrt(sigma2), seed);
  }

  /** The same support with every amplitude multiplied by c. */
  SparseSignal scaled(double c) {
    double[] a = amplitude.clone();
    for (int i = 0; i < a.length; i++) {
      a[i] *= c;
    }
    return new SparseSignal(support, a, n, noiseSd * Math.abs(c), noiseSeed);
  }

  double noiseVariance() {
    return noiseSd * noiseSd;
  }

  double value(long m) {
    double s = 0;
    for (int i = 0; i < support.length; i++) {
      s += (Long.bitCount(support[i] & m) & 1) == 0 ? amplitude[i] : -amplitude[i];
    }
    if (noiseSd > 0) {
      // Box-Muller on two hashes of (seed, m): the noise is a function of m.
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

  /** The dense time-domain vector (n <= 26). */
  double[] dense() {
    double[] x = new double[1 << n];
    for (int i = 0; i < support.length; i++) {
      x[(int) support[i]] = amplitude[i];
    }
    WalshHadamard.transform(x, Normalization.UNNORMALIZED);
    return x;
  }

  /** Whether r has exactly this support. */
  boolean sameSupport(SparseResult r) {
    return Arrays.equals(support, r.indices());
  }

  /** Exact support and every amplitude within relTol. */
  boolean exact(SparseResult r, double relTol) {
    if (!sameSupport(r)) {
      return false;
    }
    double[] v = r.values();
    for (int i = 0; i < v.length; i++) {
      if (Math.abs(v[i] - amplitude[i]) > relTol * Math.abs(amplitude[i])) {
        return false;
      }
    }
    return true;
  }

  /** Normalized mean squared error of r's spectrum against the true one. */
  double nmse(SparseResult r) {
    double err = 0;
    double energy = 0;
    for (int i = 0; i < support.length; i++) {
      double d = r.valueAt(support[i]) - amplitude[i];
      err += d * d;
      energy += amplitude[i] * amplitude[i];
    }
    long[] idx = r.indices();
    double[] v = r.values();
    for (int i = 0; i < idx.length; i++) {
      if (Arrays.binarySearch(support, idx[i]) < 0) {
        err += v[i] * v[i];
      }
    }
    return err / energy;
  }
}
