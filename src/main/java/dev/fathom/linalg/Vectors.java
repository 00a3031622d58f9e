package dev.fathom.linalg;

import dev.fathom.core.Args;

/**
 * Dense real vector kernels on {@code double[]}, written so that the JIT can vectorize them.
 *
 * <p>Element-wise loops ({@link #axpy}, {@link #scale}, {@link #add}) are plain counted loops that
 * C2 turns into SIMD code. Reductions ({@link #dot}, {@link #sum}, {@link #norm2}) use four
 * independent accumulators, which roughly halves their cost but sums in a different order than a
 * left-to-right loop: results agree with it to rounding, not bit for bit. The order is fixed, so
 * the same input always gives the same result.
 *
 * <p>Methods taking two arrays require equal lengths; the {@code (offset, length)} overloads work
 * on ranges. All methods are static and thread-safe; only the documented output is modified.
 *
 * @since 1.0
 */
public final class Vectors {
  private Vectors() {}

  /**
   * Returns {@code sum_i x[i] * y[i]}.
   *
   * @param x first vector (not modified)
   * @param y second vector, same length (not modified)
   * @return the dot product
   */
  public static double dot(double[] x, double[] y) {
    Args.sameLength("x", x, "y", y);
    return dot(x, 0, y, 0, x.length);
  }

  /**
   * Returns {@code sum_{i<n} x[xOff + i] * y[yOff + i]}.
   *
   * @param x first vector (not modified)
   * @param xOff first index in {@code x}
   * @param y second vector (not modified)
   * @param yOff first index in {@code y}
   * @param n number of terms
   * @return the dot product of the two ranges
   */
  public static double dot(double[] x, int xOff, double[] y, int yOff, int n) {
    Args.notNull("x", x);
    Args.notNull("y", y);
    Args.range("x", x.length, "xOff", xOff, "n", n);
    Args.range("y", y.length, "yOff", yOff, "n", n);
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += x[xOff + i] * y[yOff + i];
      s1 += x[xOff + i + 1] * y[yOff + i + 1];
      s2 += x[xOff + i + 2] * y[yOff + i + 2];
      s3 += x[xOff + i + 3] * y[yOff + i + 3];
    }
    for (; i < n; i++) {
      s0 += x[xOff + i] * y[yOff + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Returns {@code sum_i x[i]}.
   *
   * @param x the vector (not modified)
   * @return the sum
   */
  public static double sum(double[] x) {
    Args.notNull("x", x);
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int n = x.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < n; i++) {
      s0 += x[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * {@code y += a * x}.
   *
   * @param a the scalar
   * @param x the vector added (not modified)
   * @param y the vector updated in place
   */
  public static void axpy(double a, double[] x, double[] y) {
    Args.sameLength("x", x, "y", y);
    axpy(a, x, 0, y, 0, x.length);
  }

  /**
   * {@code y[yOff + i] += a * x[xOff + i]} for {@code i < n}.
   *
   * @param a the scalar
   * @param x the vector added (not modified)
   * @param xOff first index in {@code x}
   * @param y the vector updated in place
   * @param yOff first index in {@code y}
   * @param n number of entries
   */
  public static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
    Args.notNull("x", x);
    Args.notNull("y", y);
    Args.range("x", x.length, "xOff", xOff, "n", n);
    Args.range("y", y.length, "yOff", yOff, "n", n);
    for (int i = 0; i < n; i++) {
      y[yOff + i] += a * x[xOff + i];
    }
  }

  /**
   * {@code x *= a}, in place.
   *
   * @param a the scalar
   * @param x the vector, modified
   */
  public static void scale(double a, double[] x) {
    Args.notNull("x", x);
    for (int i = 0; i < x.length; i++) {
      x[i] *= a;
    }
  }

  /**
   * {@code out = x + y}; {@code out} may alias either input.
   *
   * @param x first vector (not modified unless it is {@code out})
   * @param y second vector (not modified unless it is {@code out})
   * @param out the output, same length
   */
  public static void add(double[] x, double[] y, double[] out) {
    Args.sameLength("x", x, "y", y);
    Args.sameLength("x", x, "out", out);
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + y[i];
    }
  }

  /**
   * {@code out = x - y}; {@code out} may alias either input.
   *
   * @param x first vector (not modified unless it is {@code out})
   * @param y second vector (not modified unless it is {@code out})
   * @param out the output, same length
   */
  public static void subtract(double[] x, double[] y, double[] out) {
    Args.sameLength("x", x, "y", y);
    Args.sameLength("x", x, "out", out);
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] - y[i];
    }
  }

  /**
   * Returns the Euclidean norm {@code sqrt(sum x[i]^2)}, without overflow or underflow for entries
   * of any finite magnitude.
   *
   * @param x the vector (not modified)
   * @return the 2-norm
   */
  public static double norm2(double[] x) {
    Args.notNull("x", x);
    double scale = normInf(x);
    if (scale == 0 || !Double.isFinite(scale)) {
      return scale;
    }
    if (scale > 1e-150 && scale < 1e150) {
      return Math.sqrt(dot(x, x));
    }
    // Scale by a power of two (exact): 1 / scale would overflow for a subnormal scale.
    int e = Math.getExponent(scale);
    double inv = Math.scalb(1.0, -e);
    double s0 = 0;
    double s1 = 0;
    int n = x.length;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      double a = x[i] * inv;
      double b = x[i + 1] * inv;
      s0 += a * a;
      s1 += b * b;
    }
    for (; i < n; i++) {
      double a = x[i] * inv;
      s0 += a * a;
    }
    return Math.scalb(Math.sqrt(s0 + s1), e);
  }

  /**
   * Returns {@code sum |x[i]|}.
   *
   * @param x the vector (not modified)
   * @return the 1-norm
   */
  public static double norm1(double[] x) {
    Args.notNull("x", x);
    double s0 = 0;
    double s1 = 0;
    int n = x.length;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      s0 += Math.abs(x[i]);
      s1 += Math.abs(x[i + 1]);
    }
    for (; i < n; i++) {
      s0 += Math.abs(x[i]);
    }
    return s0 + s1;
  }

  /**
   * Returns {@code max |x[i]|}, or 0 for an empty vector; NaN if any entry is NaN.
   *
   * @param x the vector (not modified)
   * @return the max-norm
   */
  public static double normInf(double[] x) {
    Args.notNull("x", x);
    double m = 0;
    for (double v : x) {
      double a = Math.abs(v);
      if (a > m || a != a) {
        m = a;
        if (a != a) {
          return Double.NaN;
        }
      }
    }
    return m;
  }

  /**
   * Returns {@code ||x - y||_2^2}.
   *
   * @param x first vector (not modified)
   * @param y second vector, same length (not modified)
   * @return the squared Euclidean distance
   */
  public static double distanceSquared(double[] x, double[] y) {
    Args.sameLength("x", x, "y", y);
    double s0 = 0;
    double s1 = 0;
    int n = x.length;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      double a = x[i] - y[i];
      double b = x[i + 1] - y[i + 1];
      s0 += a * a;
      s1 += b * b;
    }
    for (; i < n; i++) {
      double a = x[i] - y[i];
      s0 += a * a;
    }
    return s0 + s1;
  }

  /**
   * Returns {@code max_i |x[i] - y[i]| / max(max_i |y[i]|, tiny)}: the max-norm error of {@code x}
   * relative to the reference {@code y}'s max-norm. Used throughout the tests and the tour.
   *
   * @param x the approximation (not modified)
   * @param y the reference, same length (not modified)
   * @return the relative max-norm error; the absolute error if {@code y} is zero
   */
  public static double relativeMaxError(double[] x, double[] y) {
    Args.sameLength("x", x, "y", y);
    double err = 0;
    for (int i = 0; i < x.length; i++) {
      double e = Math.abs(x[i] - y[i]);
      if (e > err || e != e) {
        err = e;
      }
    }
    double ref = normInf(y);
    return ref > 0 ? err / ref : err;
  }
}
