package dev.fathom.linalg;

import dev.fathom.core.Args;

/**
 * Linear (acyclic) convolution of real sequences: {@code c[k] = sum_j a[j] b[k - j]}, of length
 * {@code a.length + b.length - 1}.
 *
 * <p>{@link #linear} picks the cheaper of direct summation ({@code O(n m)}) and FFT convolution
 * ({@code O((n + m) log(n + m))}, zero-padded to a power of two so there is no wrap-around). Both
 * are exposed so callers and benchmarks can choose. The FFT result agrees with direct summation to
 * about {@code 1e-15 * max|a| * max|b| * sqrt(min(n, m))} per entry (absolute, not relative:
 * entries much smaller than that bound lose relative accuracy, as with any FFT convolution). All
 * methods are static and thread-safe; inputs are not modified.
 *
 * @since 1.0
 */
public final class Convolution {
  /** Below this shorter-operand length direct summation is used by {@link #linear}. */
  static final int DIRECT_THRESHOLD = 48;

  private Convolution() {}

  /**
   * Linear convolution, choosing direct or FFT evaluation by size.
   *
   * @param a first sequence, non-empty, finite
   * @param b second sequence, non-empty, finite
   * @return {@code c} of length {@code a.length + b.length - 1}
   */
  public static double[] linear(double[] a, double[] b) {
    check(a, b);
    if (Math.min(a.length, b.length) <= DIRECT_THRESHOLD) {
      return directUnchecked(a, b);
    }
    return fftUnchecked(a, b);
  }

  /**
   * Linear convolution by direct summation.
   *
   * @param a first sequence, non-empty, finite
   * @param b second sequence, non-empty, finite
   * @return {@code c} of length {@code a.length + b.length - 1}
   */
  public static double[] direct(double[] a, double[] b) {
    check(a, b);
    return directUnchecked(a, b);
  }

  /**
   * Linear convolution through real FFTs of the zero-padded inputs. A call allocates the output
   * plus about five arrays of the padded length {@code N} (the next power of two of {@code a.length
   * + b.length - 1}, below twice the output's length); for many convolutions with one operand
   * fixed, reuse an {@link Fft} plan and its spectra instead.
   *
   * @param a first sequence, non-empty, finite
   * @param b second sequence, non-empty, finite
   * @return {@code c} of length {@code a.length + b.length - 1}
   */
  public static double[] fft(double[] a, double[] b) {
    check(a, b);
    return fftUnchecked(a, b);
  }

  private static void check(double[] a, double[] b) {
    Args.finite("a", a);
    Args.finite("b", b);
    if (a.length == 0) {
      throw Args.fail("a.length", 0, "a non-empty sequence");
    }
    if (b.length == 0) {
      throw Args.fail("b.length", 0, "a non-empty sequence");
    }
  }

  private static double[] directUnchecked(double[] a, double[] b) {
    if (a.length < b.length) {
      double[] t = a;
      a = b;
      b = t;
    }
    int n = a.length;
    double[] c = new double[n + b.length - 1];
    // axpy form: for each tap of the shorter sequence, add a shifted, scaled copy of the longer.
    for (int j = 0; j < b.length; j++) {
      double w = b[j];
      for (int i = 0; i < n; i++) {
        c[i + j] += w * a[i];
      }
    }
    return c;
  }

  private static double[] fftUnchecked(double[] a, double[] b) {
    int m = a.length + b.length - 1;
    int size = Fft.nextPowerOfTwo(m);
    Fft plan = Fft.of(size);
    double[] pa = new double[size];
    double[] pb = new double[size];
    System.arraycopy(a, 0, pa, 0, a.length);
    System.arraycopy(b, 0, pb, 0, b.length);
    double[] sa = new double[2 * (size / 2 + 1)];
    double[] sb = new double[sa.length];
    plan.realForward(pa, sa);
    plan.realForward(pb, sb);
    ComplexArrays.multiply(sa, sb, sa);
    plan.realInverse(sa, pa);
    double[] c = new double[m];
    System.arraycopy(pa, 0, c, 0, m);
    return c;
  }
}
