package dev.fathom.monotone;

import java.util.random.RandomGenerator;

/** Small vector kernels shared by the solvers. Package-private. */
final class Kernels {
  private Kernels() {}

  /** {@code out = λ·anchor + (1 − λ)·x − η·f}. {@code out} may alias {@code x}. */
  static void anchoredStep(
      double lambda, double[] anchor, double[] x, double eta, double[] f, double[] out) {
    double mu = 1.0 - lambda;
    for (int j = 0; j < out.length; j++) {
      out[j] = lambda * anchor[j] + mu * x[j] - eta * f[j];
    }
  }

  /** {@code out = a·x + (1 − a)·y}. {@code out} may alias either. */
  static void mix(double a, double[] x, double[] y, double[] out) {
    double b = 1.0 - a;
    for (int j = 0; j < out.length; j++) {
      out[j] = a * x[j] + b * y[j];
    }
  }

  /** {@code out = x − η·f}. {@code out} may alias {@code x}. */
  static void forward(double[] x, double eta, double[] f, double[] out) {
    for (int j = 0; j < out.length; j++) {
      out[j] = x[j] - eta * f[j];
    }
  }

  /**
   * The forward-reflected step {@code out = x − η·(2·fNew − fOld)} of the optimistic gradient /
   * forward-reflected-backward method. {@code out} may alias any argument.
   */
  static void reflected(double[] x, double eta, double[] fNew, double[] fOld, double[] out) {
    for (int j = 0; j < out.length; j++) {
      double dir = 2 * fNew[j] - fOld[j];
      out[j] = x[j] - eta * dir;
    }
  }

  /** {@code out = J_{ηG}(x − η·f)}: a forward-backward step. {@code out} may alias {@code x}. */
  static void forwardBackward(Resolvent g, double[] x, double eta, double[] f, double[] out) {
    forward(x, eta, f, out);
    resolve(g, eta, out, out);
  }

  /** Applies the resolvent unless it is the identity (then {@code out = z}). */
  static void resolve(Resolvent g, double step, double[] z, double[] out) {
    if (g.isIdentity()) {
      if (out != z) {
        System.arraycopy(z, 0, out, 0, z.length);
      }
    } else {
      g.apply(step, z, out);
    }
  }

  /**
   * Uniform samples of {@code b} distinct indices of {@code [0, n)} by Floyd's algorithm, in {@code
   * O(b)} time without boxing.
   */
  static final class Sampler {
    private final int n;
    private final int[] stamp;
    private int mark;

    Sampler(int n) {
      this.n = n;
      this.stamp = new int[n];
    }

    /** Fills {@code out[0..b)} with distinct indices. */
    void sample(RandomGenerator rng, int b, int[] out) {
      if (++mark == Integer.MAX_VALUE) {
        java.util.Arrays.fill(stamp, 0);
        mark = 1;
      }
      int c = 0;
      for (int j = n - b; j < n; j++) {
        int t = rng.nextInt(j + 1);
        int pick = stamp[t] == mark ? j : t;
        stamp[pick] = mark;
        out[c++] = pick;
      }
    }
  }
}
