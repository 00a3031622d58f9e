package dev.fathom.coreset;

import dev.fathom.core.Args;

/**
 * Kernel evaluations between points of a data set, by index: computed on the fly (O(nd) memory) or
 * read from a stored matrix (O(n^2) memory, for small n). Package-private.
 */
abstract class Gram {
  /** The largest n for which the stored-matrix path is allowed (128 MiB of doubles). */
  static final int MAX_STORED = 4096;

  final double[][] x;
  final Kernel kernel;

  Gram(double[][] x, Kernel kernel) {
    this.x = x;
    this.kernel = kernel;
  }

  abstract double k(int i, int j);

  double diag(int i) {
    return kernel.eval(x[i], x[i]);
  }

  int size() {
    return x.length;
  }

  /** meanK[i] = (1/n) sum_l k(x_i, x_l), using symmetry (n^2/2 evaluations). */
  double[] rowMeans() {
    int n = x.length;
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] += diag(i);
      for (int j = i + 1; j < n; j++) {
        double v = k(i, j);
        s[i] += v;
        s[j] += v;
      }
    }
    for (int i = 0; i < n; i++) {
      s[i] /= n;
    }
    return s;
  }

  static Gram of(double[][] x, Kernel kernel, boolean store) {
    return store ? new Stored(x, kernel) : new OnTheFly(x, kernel);
  }

  static final class OnTheFly extends Gram {
    OnTheFly(double[][] x, Kernel kernel) {
      super(x, kernel);
    }

    @Override
    double k(int i, int j) {
      return kernel.eval(x[i], x[j]);
    }
  }

  static final class Stored extends Gram {
    private final double[] m;
    private final int n;

    Stored(double[][] x, Kernel kernel) {
      super(x, kernel);
      n = x.length;
      if (n > MAX_STORED) {
        throw Args.fail("n", n, "at most " + MAX_STORED + " to store the kernel matrix");
      }
      m = new double[n * n];
      for (int i = 0; i < n; i++) {
        m[i * n + i] = kernel.eval(x[i], x[i]);
        for (int j = i + 1; j < n; j++) {
          double v = kernel.eval(x[i], x[j]);
          m[i * n + j] = v;
          m[j * n + i] = v;
        }
      }
    }

    @Override
    double k(int i, int j) {
      return m[i * n + j];
    }
  }
}
