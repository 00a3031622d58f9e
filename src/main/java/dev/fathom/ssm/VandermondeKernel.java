package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * The diagonal (S4D) convolution kernel {@code K_l = factor * Re sum_n C_n Bbar_n Abar_n^l}, {@code
 * l = 0..L-1}, for each channel: a Vandermonde product.
 *
 * <p>{@link #compute} streams: it keeps one running power per mode and adds each term straight into
 * the kernel, so its memory is {@code O(N + L)} per channel (just the output), and its work is one
 * complex multiply-add per (mode, lag). Repeated multiplication drifts by about one rounding per
 * step, so the powers are re-anchored every {@value #ANCHOR} lags from {@code exp(l log Abar)},
 * which keeps the error at the level of a single exponential (about 1e-13 relative at L = 1e5).
 * {@link #naive} evaluates one complex exponential per entry, the baseline of the benchmarks.
 *
 * <p>All methods are static and thread-safe; inputs are not modified.
 */
public final class VandermondeKernel {
  /** Lags between re-anchored powers. */
  static final int ANCHOR = 256;

  private VandermondeKernel() {}

  /**
   * Computes the kernels of all channels, streaming.
   *
   * @param sys the discrete system
   * @param length the kernel length L, at least 1
   * @return H L doubles, channel-major: {@code K_h[l]} at {@code h L + l}
   */
  public static double[] compute(DiscreteSsm sys, int length) {
    Args.notNull("sys", sys);
    Args.positive("length", length);
    double[] out = new double[sys.channels() * length];
    int m = sys.modes();
    double[] w = new double[2 * m];
    for (int h = 0; h < sys.channels(); h++) {
      coefficients(sys, h, null, w);
      accumulate(w, sys.abar(), sys.logAbar(), 2 * h * m, m, sys.factor(), out, h * length, length);
    }
    return out;
  }

  /**
   * Computes the kernels of all channels with one complex exponential per entry, materializing
   * nothing but the output: {@code K_l = factor * Re sum_n w_n exp(l log Abar_n)}. The slow
   * baseline.
   *
   * @param sys the discrete system
   * @param length the kernel length L, at least 1
   * @return H L doubles, channel-major
   */
  public static double[] naive(DiscreteSsm sys, int length) {
    Args.notNull("sys", sys);
    Args.positive("length", length);
    int m = sys.modes();
    double[] out = new double[sys.channels() * length];
    double[] w = new double[2 * m];
    double[] log = sys.logAbar();
    for (int h = 0; h < sys.channels(); h++) {
      coefficients(sys, h, null, w);
      for (int l = 0; l < length; l++) {
        double s = 0;
        for (int n = 0; n < m; n++) {
          int k = 2 * (h * m + n);
          double e = Math.exp(l * log[k]);
          double th = l * log[k + 1];
          s += w[2 * n] * e * Math.cos(th) - w[2 * n + 1] * e * Math.sin(th);
        }
        out[h * length + l] = sys.factor() * s;
      }
    }
    return out;
  }

  /**
   * The response of the outputs to an initial state {@code x_{-1} = s} with zero input: {@code y_k
   * = factor * Re sum_n C_n Abar_n^(k+1) s_n}, for state forwarding across chunks.
   *
   * @param sys the discrete system
   * @param state the initial state, 2 H M doubles (interleaved, channel-major)
   * @param length the number of outputs L, at least 1
   * @return H L doubles, channel-major
   */
  public static double[] stateResponse(DiscreteSsm sys, double[] state, int length) {
    Args.notNull("sys", sys);
    Args.finite("state", Args.length("state", state, 2 * sys.channels() * sys.modes()));
    Args.positive("length", length);
    int m = sys.modes();
    double[] out = new double[sys.channels() * length];
    double[] w = new double[2 * m];
    for (int h = 0; h < sys.channels(); h++) {
      coefficients(sys, h, state, w);
      accumulate(w, sys.abar(), sys.logAbar(), 2 * h * m, m, sys.factor(), out, h * length, length);
    }
    return out;
  }

  /** w_n = C_n Bbar_n, or C_n Abar_n s_n when a state is given. */
  private static void coefficients(DiscreteSsm sys, int h, double[] state, double[] w) {
    int m = sys.modes();
    double[] c = sys.c();
    double[] b = sys.bbar();
    double[] a = sys.abar();
    for (int n = 0; n < m; n++) {
      int k = 2 * (h * m + n);
      double xr;
      double xi;
      if (state == null) {
        xr = b[k];
        xi = b[k + 1];
      } else {
        xr = a[k] * state[k] - a[k + 1] * state[k + 1];
        xi = a[k] * state[k + 1] + a[k + 1] * state[k];
      }
      w[2 * n] = c[k] * xr - c[k + 1] * xi;
      w[2 * n + 1] = c[k] * xi + c[k + 1] * xr;
    }
  }

  /**
   * out[off + l] += factor * Re sum_n w_n z_n^l, streaming in blocks of ANCHOR lags; each block
   * starts from an exact power exp(l0 log z_n) and runs four modes at a time.
   */
  static void accumulate(
      double[] w,
      double[] z,
      double[] logz,
      int zOff,
      int m,
      double factor,
      double[] out,
      int off,
      int length) {
    for (int l0 = 0; l0 < length; l0 += ANCHOR) {
      int end = Math.min(length, l0 + ANCHOR);
      int n = 0;
      // four independent power chains at a time hide the multiply latency
      for (; n + 3 < m; n += 4) {
        int k1 = zOff + 2 * n;
        double z1r = z[k1];
        double z1i = z[k1 + 1];
        double z2r = z[k1 + 2];
        double z2i = z[k1 + 3];
        double z3r = z[k1 + 4];
        double z3i = z[k1 + 5];
        double z4r = z[k1 + 6];
        double z4i = z[k1 + 7];
        double[] p1 = start(w, n, logz, k1, l0, factor);
        double[] p2 = start(w, n + 1, logz, k1 + 2, l0, factor);
        double[] p3 = start(w, n + 2, logz, k1 + 4, l0, factor);
        double[] p4 = start(w, n + 3, logz, k1 + 6, l0, factor);
        double p1r = p1[0];
        double p1i = p1[1];
        double p2r = p2[0];
        double p2i = p2[1];
        double p3r = p3[0];
        double p3i = p3[1];
        double p4r = p4[0];
        double p4i = p4[1];
        for (int l = l0; l < end; l++) {
          out[off + l] += (p1r + p2r) + (p3r + p4r);
          double t1 = p1r * z1r - p1i * z1i;
          p1i = p1r * z1i + p1i * z1r;
          p1r = t1;
          double t2 = p2r * z2r - p2i * z2i;
          p2i = p2r * z2i + p2i * z2r;
          p2r = t2;
          double t3 = p3r * z3r - p3i * z3i;
          p3i = p3r * z3i + p3i * z3r;
          p3r = t3;
          double t4 = p4r * z4r - p4i * z4i;
          p4i = p4r * z4i + p4i * z4r;
          p4r = t4;
        }
      }
      for (; n < m; n++) {
        int k = zOff + 2 * n;
        double zr = z[k];
        double zi = z[k + 1];
        double[] p = start(w, n, logz, k, l0, factor);
        double pr = p[0];
        double pi = p[1];
        for (int l = l0; l < end; l++) {
          out[off + l] += pr;
          double t = pr * zr - pi * zi;
          pi = pr * zi + pi * zr;
          pr = t;
        }
      }
    }
  }

  /** factor * w_n * z_n^l0 from the logarithm (z = 0 gives w at l0 = 0 and 0 after). */
  private static double[] start(double[] w, int n, double[] logz, int k, int l0, double factor) {
    double wr = factor * w[2 * n];
    double wi = factor * w[2 * n + 1];
    if (l0 == 0) {
      return new double[] {wr, wi};
    }
    double lr = logz[k];
    if (lr == Double.NEGATIVE_INFINITY) {
      return new double[] {0, 0};
    }
    double e = Math.exp(l0 * lr);
    double th = l0 * logz[k + 1];
    double cr = e * Math.cos(th);
    double ci = e * Math.sin(th);
    return new double[] {wr * cr - wi * ci, wr * ci + wi * cr};
  }
}
