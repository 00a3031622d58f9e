package dev.fathom.linalg;

import dev.fathom.core.Args;

/**
 * Element-wise kernels on interleaved complex arrays {@code (re0, im0, re1, im1, ...)}.
 *
 * <p>An interleaved array of {@code 2n} doubles holds {@code n} complex numbers. Outputs may alias
 * inputs (every kernel reads an element's parts before it writes them). All methods are static and
 * thread-safe; only the documented output is modified.
 *
 * @since 1.0
 */
public final class ComplexArrays {
  private ComplexArrays() {}

  /**
   * Returns an interleaved array from separate real and imaginary parts.
   *
   * @param re real parts (not modified)
   * @param im imaginary parts, same length (not modified)
   * @return a new interleaved array of length {@code 2 * re.length}
   */
  public static double[] interleave(double[] re, double[] im) {
    Args.sameLength("re", re, "im", im);
    double[] z = new double[2 * re.length];
    for (int i = 0; i < re.length; i++) {
      z[2 * i] = re[i];
      z[2 * i + 1] = im[i];
    }
    return z;
  }

  /**
   * Returns the real parts of an interleaved array.
   *
   * @param z interleaved array (not modified)
   * @return a new array of {@code z.length / 2} real parts
   */
  public static double[] real(double[] z) {
    Args.interleaved("z", z);
    double[] re = new double[z.length / 2];
    for (int i = 0; i < re.length; i++) {
      re[i] = z[2 * i];
    }
    return re;
  }

  /**
   * Returns the imaginary parts of an interleaved array.
   *
   * @param z interleaved array (not modified)
   * @return a new array of {@code z.length / 2} imaginary parts
   */
  public static double[] imaginary(double[] z) {
    Args.interleaved("z", z);
    double[] im = new double[z.length / 2];
    for (int i = 0; i < im.length; i++) {
      im[i] = z[2 * i + 1];
    }
    return im;
  }

  /**
   * {@code out[k] = a[k] * b[k]}, element-wise complex product.
   *
   * @param a interleaved factor (not modified unless it is {@code out})
   * @param b interleaved factor, same length (not modified unless it is {@code out})
   * @param out interleaved output, same length; may alias {@code a} or {@code b}
   */
  public static void multiply(double[] a, double[] b, double[] out) {
    checkThree(a, b, "out", out);
    for (int i = 0; i < a.length; i += 2) {
      double ar = a[i];
      double ai = a[i + 1];
      double br = b[i];
      double bi = b[i + 1];
      out[i] = ar * br - ai * bi;
      out[i + 1] = ar * bi + ai * br;
    }
  }

  /**
   * {@code out[k] = a[k] * conj(b[k])}, element-wise product with the conjugate of {@code b}.
   *
   * @param a interleaved factor (not modified unless it is {@code out})
   * @param b interleaved factor, same length (not modified unless it is {@code out})
   * @param out interleaved output, same length; may alias {@code a} or {@code b}
   */
  public static void multiplyConjugate(double[] a, double[] b, double[] out) {
    checkThree(a, b, "out", out);
    for (int i = 0; i < a.length; i += 2) {
      double ar = a[i];
      double ai = a[i + 1];
      double br = b[i];
      double bi = b[i + 1];
      out[i] = ar * br + ai * bi;
      out[i + 1] = ai * br - ar * bi;
    }
  }

  /**
   * {@code acc[k] += a[k] * b[k]}, element-wise complex multiply-accumulate.
   *
   * @param a interleaved factor (not modified)
   * @param b interleaved factor, same length (not modified)
   * @param acc interleaved accumulator, same length, updated in place
   */
  public static void multiplyAccumulate(double[] a, double[] b, double[] acc) {
    checkThree(a, b, "acc", acc);
    for (int i = 0; i < a.length; i += 2) {
      double ar = a[i];
      double ai = a[i + 1];
      double br = b[i];
      double bi = b[i + 1];
      acc[i] += ar * br - ai * bi;
      acc[i + 1] += ar * bi + ai * br;
    }
  }

  /**
   * {@code out[k] = conj(a[k])}.
   *
   * @param a interleaved input (not modified unless it is {@code out})
   * @param out interleaved output, same length; may be {@code a}
   */
  public static void conjugate(double[] a, double[] out) {
    Args.interleaved("a", a);
    Args.sameLength("a", a, "out", out);
    for (int i = 0; i < a.length; i += 2) {
      out[i] = a[i];
      out[i + 1] = -a[i + 1];
    }
  }

  /**
   * {@code out[k] = |a[k]|}, computed with {@link Math#hypot} so it neither overflows nor
   * underflows.
   *
   * @param a interleaved input of {@code 2n} doubles (not modified)
   * @param out output of {@code n} magnitudes
   */
  public static void magnitude(double[] a, double[] out) {
    Args.interleaved("a", a);
    Args.length("out", out, a.length / 2);
    for (int k = 0; k < out.length; k++) {
      out[k] = Math.hypot(a[2 * k], a[2 * k + 1]);
    }
  }

  /**
   * {@code out[k] = |a[k]|^2}.
   *
   * @param a interleaved input of {@code 2n} doubles (not modified)
   * @param out output of {@code n} squared magnitudes
   */
  public static void magnitudeSquared(double[] a, double[] out) {
    Args.interleaved("a", a);
    Args.length("out", out, a.length / 2);
    for (int k = 0; k < out.length; k++) {
      double re = a[2 * k];
      double im = a[2 * k + 1];
      out[k] = re * re + im * im;
    }
  }

  /**
   * {@code a[k] *= s} for a real scalar {@code s}, in place.
   *
   * @param s the scalar
   * @param a interleaved array, modified
   */
  public static void scale(double s, double[] a) {
    Args.interleaved("a", a);
    Vectors.scale(s, a);
  }

  /**
   * Returns {@code sum_k a[k] * b[k]} (no conjugation) as a new two-element array {@code {re, im}}.
   *
   * @param a interleaved vector (not modified)
   * @param b interleaved vector, same length (not modified)
   * @return {@code {re, im}} of the sum of products
   */
  public static double[] dot(double[] a, double[] b) {
    Args.interleaved("a", a);
    Args.sameLength("a", a, "b", b);
    double re = 0;
    double im = 0;
    for (int i = 0; i < a.length; i += 2) {
      re += a[i] * b[i] - a[i + 1] * b[i + 1];
      im += a[i] * b[i + 1] + a[i + 1] * b[i];
    }
    return new double[] {re, im};
  }

  private static void checkThree(double[] a, double[] b, String outName, double[] out) {
    Args.interleaved("a", a);
    Args.sameLength("a", a, "b", b);
    Args.sameLength("a", a, outName, out);
  }
}
