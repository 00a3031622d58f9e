package dev.fathom.hadamard;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Test signals: a {@link SparseSpectrum} (direct summation, independent of the transform) with a
 * parallel batch form for speed and the test's own exactness check.
 */
final class SparseSignal implements BatchOracle {
  final SparseSpectrum spectrum;
  final int n;
  final long[] support;
  final double[] amplitude;

  SparseSignal(SparseSpectrum spectrum) {
    this.spectrum = spectrum;
    this.n = spectrum.n();
    this.support = spectrum.frequencies();
    this.amplitude = spectrum.coefficients();
  }

  SparseSignal(long[] support, double[] amplitude, int n) {
    this(new SparseSpectrum(n, support, amplitude));
  }

  /** K distinct uniform frequencies with amplitudes +-U[1, 500]. */
  static SparseSignal random(int n, int k, long seed) {
    return new SparseSignal(SparseSpectrum.random(n, k, 1, 500, seed));
  }

  /** The same support with +-1 amplitudes and noise at the given SNR = sum F^2 / sigma^2. */
  SparseSignal unitWithNoise(double snrDb, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[] a = new double[support.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextBoolean() ? 1 : -1;
    }
    return new SparseSignal(spectrum.withCoefficients(a).withSnr(snrDb, seed));
  }

  /** Every amplitude (and the noise) multiplied by c > 0. */
  SparseSignal scaled(double c) {
    double[] a = amplitude.clone();
    for (int i = 0; i < a.length; i++) {
      a[i] *= c;
    }
    return new SparseSignal(
        spectrum.withCoefficients(a).withNoise(Math.sqrt(spectrum.noiseVariance()) * c, 0));
  }

  double noiseVariance() {
    return spectrum.noiseVariance();
  }

  double value(long m) {
    return spectrum.value(m);
  }

  @Override
  public void values(long[] indices, double[] out) {
    IntStream.range(0, indices.length).parallel().forEach(i -> out[i] = spectrum.value(indices[i]));
  }

  double[] dense() {
    return spectrum.dense();
  }

  boolean sameSupport(SparseResult r) {
    return spectrum.sameSupport(r);
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

  double nmse(SparseResult r) {
    return spectrum.nmse(r);
  }
}
