package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * The diagonal (S4D) convolution kernel {@code K_l = factor * Re sum_n C_n Bbar_n Abar_n^l}, {@code
 * l = 0..L-1}, for each channel: a Vandermonde product.
 *
 * <p>{@link #compute} factors the lag as {@code l = a B + b} with {@code B = }{@value #COLS}
 * columns: {@code K_{aB+b} = Re sum_n (factor w_n Abar_n^(aB)) Abar_n^b}, so each channel's kernel
 * is one real matrix product of a {@code (L/B) x 2M} table of row factors by a {@code 2M x B} table
 * of powers (real and imaginary parts stacked), two multiply-adds per (mode, lag), against four for
 * a running complex power. The tables are built by repeated multiplication from exact anchors
 * {@code exp(l log Abar)} (the row factors are re-anchored every {@value #ROW_BLOCK} rows, the
 * columns need none), which keeps the error at the level of a few dozen roundings (about 1e-14
 * relative; 1e-13 at L = 1e5). Memory: the output plus two tables of {@code 2M B} doubles reused
 * across channels, so {@code O(N + L)} per channel. {@link #naive} evaluates one complex
 * exponential per entry, the baseline of the benchmarks.
 *
 * <p>All methods are static and thread-safe; inputs are not modified.
 *
 * @since 1.0
 */
public final class VandermondeKernel {
  /** Lags between re-anchored powers of the streaming loop. */
  static final int ANCHOR = 256;

  /** Columns B of the factored product: lag {@code l = a B + b}. */
  static final int COLS = 64;

  /** Rows of row factors between exact anchors (and per table fill). */
  static final int ROW_BLOCK = 64;

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
    return kernels(sys, null, length);
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
          // Abar^0 = 1 also for Abar = 0, whose log modulus is -infinity (0 * -inf would be NaN)
          double e = l == 0 ? 1 : Math.exp(l * log[k]);
          double th = l == 0 ? 0 : l * log[k + 1];
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
    return kernels(sys, state, length);
  }

  /** Every channel's Vandermonde sum, from Bbar (state null) or from a state; one workspace. */
  private static double[] kernels(DiscreteSsm sys, double[] state, int length) {
    int m = sys.modes();
    double[] out = new double[sys.channels() * length];
    double[] w = new double[2 * m];
    Factored work = new Factored(m, length);
    for (int h = 0; h < sys.channels(); h++) {
      coefficients(sys, h, state, w);
      work.accumulate(w, sys.abar(), sys.logAbar(), 2 * h * m, sys.factor(), out, h * length);
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
   * out[off + l] += factor * Re sum_n w_n z_n^l for l < length: the factored product for lengths of
   * at least two rows, the streaming loop below that.
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
    if (length >= 2 * COLS) {
      new Factored(m, length).accumulate(w, z, logz, zOff, factor, out, off);
    } else {
      stream(w, z, logz, zOff, m, factor, out, off, length);
    }
  }

  /**
   * The factored evaluation for one length and mode count, with its two tables (reused from channel
   * to channel; not thread-safe).
   */
  static final class Factored {
    private final int m;
    private final int length;
    private final int cols;
    private final int rows;

    /** Powers: v[n cols + b] = Re z_n^b, v[(m + n) cols + b] = Im z_n^b. */
    private final double[] v;

    /** Row factors of one block: u[r 2m + n] = Re c_n z_n^(aB), u[r 2m + m + n] = -Im of it. */
    private final double[] u;

    /** The SIMD micro-kernel, or null for the scalar loops. */
    private final ProductKernel simd;

    Factored(int m, int length) {
      this(m, length, ProductKernel.SELECTED);
    }

    Factored(int m, int length, ProductKernel simd) {
      this.simd = simd;
      this.m = m;
      this.length = length;
      this.cols = Math.min(COLS, length);
      this.rows = (length + cols - 1) / cols;
      this.v = new double[2 * m * cols];
      this.u = new double[Math.min(ROW_BLOCK, rows) * 2 * m];
    }

    /** out[off + l] += factor * Re sum_n w_n z_n^l, l < length, z_n = z[zOff + 2n] + i ... . */
    void accumulate(
        double[] w, double[] z, double[] logz, int zOff, double factor, double[] out, int off) {
      for (int n = 0; n < m; n++) {
        double zr = z[zOff + 2 * n];
        double zi = z[zOff + 2 * n + 1];
        double pr = 1;
        double pi = 0;
        for (int b = 0; b < cols; b++) {
          v[n * cols + b] = pr;
          v[(m + n) * cols + b] = pi;
          double t = pr * zr - pi * zi;
          pi = pr * zi + pi * zr;
          pr = t;
        }
      }
      int k2 = 2 * m;
      for (int a0 = 0; a0 < rows; a0 += ROW_BLOCK) {
        int a1 = Math.min(rows, a0 + ROW_BLOCK);
        for (int n = 0; n < m; n++) {
          int k = zOff + 2 * n;
          double[] c = start(w, n, logz, k, a0 * cols, factor);
          double[] step = power(logz, k, cols);
          double cr = c[0];
          double ci = c[1];
          for (int r = 0; r < a1 - a0; r++) {
            u[r * k2 + n] = cr;
            u[r * k2 + m + n] = -ci;
            double t = cr * step[0] - ci * step[1];
            ci = cr * step[1] + ci * step[0];
            cr = t;
          }
        }
        int a = a0;
        if (simd != null && cols == COLS) {
          // whole rows, four at a time
          int full = Math.min(a1, length / cols) - a0;
          full -= full % ProductKernel.ROWS;
          simd.addProduct(u, k2, v, cols, out, off + a0 * cols, full);
          a += full;
        }
        for (; a < a1; a++) {
          row(u, (a - a0) * k2, out, off + a * cols, Math.min(cols, length - a * cols));
        }
      }
    }

    /**
     * out[o + b] += sum_j u[uo + j] v[j cols + b], b < width, eight table rows per pass, as fused
     * multiply-adds (which C2 vectorizes).
     */
    private void row(double[] u, int uo, double[] out, int o, int width) {
      int k2 = 2 * m;
      int j = 0;
      for (; j + 7 < k2; j += 8) {
        double u0 = u[uo + j];
        double u1 = u[uo + j + 1];
        double u2 = u[uo + j + 2];
        double u3 = u[uo + j + 3];
        double u4 = u[uo + j + 4];
        double u5 = u[uo + j + 5];
        double u6 = u[uo + j + 6];
        double u7 = u[uo + j + 7];
        int v0 = j * cols;
        int v1 = v0 + cols;
        int v2 = v1 + cols;
        int v3 = v2 + cols;
        int v4 = v3 + cols;
        int v5 = v4 + cols;
        int v6 = v5 + cols;
        int v7 = v6 + cols;
        for (int b = 0; b < width; b++) {
          double s = Math.fma(u0, v[v0 + b], out[o + b]);
          s = Math.fma(u1, v[v1 + b], s);
          s = Math.fma(u2, v[v2 + b], s);
          s = Math.fma(u3, v[v3 + b], s);
          s = Math.fma(u4, v[v4 + b], s);
          s = Math.fma(u5, v[v5 + b], s);
          s = Math.fma(u6, v[v6 + b], s);
          out[o + b] = Math.fma(u7, v[v7 + b], s);
        }
      }
      for (; j < k2; j++) {
        double uj = u[uo + j];
        int vj = j * cols;
        for (int b = 0; b < width; b++) {
          out[o + b] = Math.fma(uj, v[vj + b], out[o + b]);
        }
      }
    }
  }

  /**
   * z_n^p = exp(p log z_n) with the products {@code p log z} carried to twice the working precision
   * (their rounding error would otherwise be {@code p |log z|} ulps of the phase, 1e-12 at a phase
   * of 1e4), so the result is within a few roundings of the exact power (0 for z = 0).
   */
  static double[] power(double[] logz, int k, int p) {
    double lr = logz[k];
    if (lr == Double.NEGATIVE_INFINITY) {
      return new double[] {0, 0};
    }
    double x = p * lr;
    double e = Math.exp(x) * (1 + Math.fma(p, lr, -x));
    double th = p * logz[k + 1];
    double dth = Math.fma(p, logz[k + 1], -th);
    double c = Math.cos(th);
    double s = Math.sin(th);
    return new double[] {e * (c - s * dth), e * (s + c * dth)};
  }

  /**
   * out[off + l] += factor * Re sum_n w_n z_n^l, streaming in blocks of ANCHOR lags; each block
   * starts from an exact power exp(l0 log z_n) and runs four modes at a time.
   */
  static void stream(
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
    double[] z = power(logz, k, l0);
    double cr = z[0];
    double ci = z[1];
    return new double[] {wr * cr - wi * ci, wr * ci + wi * cr};
  }
}
