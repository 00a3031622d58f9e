package dev.fathom.linalg;

import java.util.Arrays;

/**
 * Bluestein's (chirp-z) FFT of any length {@code n} over {@link PowerOfTwoFft}: with {@code c_j =
 * exp(-pi i j^2 / n)}, {@code X_k = c_k sum_j (x_j c_j) conj(c_{k-j})}, a circular convolution of
 * length {@code M >= 2n - 1}, a power of two, done as two transforms of length {@code M} (the
 * chirp's transform is precomputed). The exponent {@code j^2 mod 2n} is reduced exactly, so the
 * chirp is accurate for every {@code j}. Holds a work array of {@code 2M} doubles: not thread-safe.
 */
final class BluesteinFft {
  private final int n;
  private final PowerOfTwoFft fft;

  /** {@code c_j} interleaved, {@code j < n}. */
  private final double[] chirp;

  /** The transform of the conjugate chirp, wrapped circularly to length M. */
  private final double[] kernel;

  private final double[] work;

  BluesteinFft(int n, PowerOfTwoFft fft) {
    this.n = n;
    this.fft = fft;
    int m = fft.size();
    chirp = new double[2 * n];
    for (int j = 0; j < n; j++) {
      long e = (long) j * j % (2L * n);
      double a = Math.PI * e / n;
      chirp[2 * j] = Math.cos(a);
      chirp[2 * j + 1] = -Math.sin(a);
    }
    kernel = new double[2 * m];
    for (int j = 0; j < n; j++) {
      kernel[2 * j] = chirp[2 * j];
      kernel[2 * j + 1] = -chirp[2 * j + 1];
      if (j > 0) {
        kernel[2 * (m - j)] = chirp[2 * j];
        kernel[2 * (m - j) + 1] = -chirp[2 * j + 1];
      }
    }
    fft.forward(kernel, 1);
    work = new double[2 * m];
  }

  /** The work length {@code M} for a transform of length {@code n}: at least {@code 2n - 1}. */
  static int workLog(int n) {
    int m = Integer.highestOneBit(Math.max(1, 2 * n - 2)) << 1;
    return Integer.numberOfTrailingZeros(m);
  }

  /** Forward transform of {@code z[0, 2n)} in place; with {@code inverse}, the inverse. */
  void transform(double[] z, boolean inverse, int threads) {
    double sign = inverse ? -1 : 1; // the inverse is conj(F(conj z)) / n
    double[] w = work;
    Arrays.fill(w, 2 * n, w.length, 0);
    for (int j = 0; j < n; j++) {
      double xr = z[2 * j];
      double xi = sign * z[2 * j + 1];
      double cr = chirp[2 * j];
      double ci = chirp[2 * j + 1];
      w[2 * j] = xr * cr - xi * ci;
      w[2 * j + 1] = xr * ci + xi * cr;
    }
    fft.forward(w, threads);
    ComplexArrays.multiply(w, kernel, w);
    fft.inverse(w, threads);
    double scale = inverse ? 1.0 / n : 1.0;
    for (int k = 0; k < n; k++) {
      double yr = w[2 * k];
      double yi = w[2 * k + 1];
      double cr = chirp[2 * k];
      double ci = chirp[2 * k + 1];
      z[2 * k] = scale * (yr * cr - yi * ci);
      z[2 * k + 1] = scale * sign * (yr * ci + yi * cr);
    }
  }
}
