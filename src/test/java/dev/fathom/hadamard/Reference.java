package dev.fathom.hadamard;

/** Independent references for the tests: the O(N^2) definition and the textbook triple loop. */
final class Reference {
  private Reference() {}

  /** y[k] = sum_m (-1)^popcount(k & m) x[m], straight from the definition. */
  static double[] quadratic(double[] x) {
    int size = x.length;
    double[] y = new double[size];
    for (int k = 0; k < size; k++) {
      double s = 0;
      for (int m = 0; m < size; m++) {
        s += (Integer.bitCount(k & m) & 1) == 0 ? x[m] : -x[m];
      }
      y[k] = s;
    }
    return y;
  }

  /** The textbook in-place triple loop, unnormalized. */
  static void tripleLoop(double[] a) {
    for (int h = 1; h < a.length; h *= 2) {
      for (int i = 0; i < a.length; i += 2 * h) {
        for (int j = i; j < i + h; j++) {
          double u = a[j];
          double v = a[j + h];
          a[j] = u + v;
          a[j + h] = u - v;
        }
      }
    }
  }

  /** The textbook in-place triple loop, unnormalized, single precision. */
  static void tripleLoop(float[] a) {
    for (int h = 1; h < a.length; h *= 2) {
      for (int i = 0; i < a.length; i += 2 * h) {
        for (int j = i; j < i + h; j++) {
          float u = a[j];
          float v = a[j + h];
          a[j] = u + v;
          a[j + h] = u - v;
        }
      }
    }
  }

  /** max |x - y| / max |y|. */
  static double relErr(double[] x, double[] y) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < x.length; i++) {
      num = Math.max(num, Math.abs(x[i] - y[i]));
      den = Math.max(den, Math.abs(y[i]));
    }
    return den == 0 ? num : num / den;
  }
}
