package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * The DSS kernel (Gupta et al. 2022, "Diagonal State Spaces are as Effective as Structured State
 * Spaces"; the {@code "dss"} discretization of the S4 diagonal kernel): with {@code a = Δ A_n} and
 * {@code W_n = C_n B_n},
 *
 * <pre>
 * K_l = factor Re sum_n (W_n / A_n) e^{a l} / sum_{j&lt;L} e^{a j}
 *     = factor Re sum_n W_n (e^a - 1) / (A_n (e^{a L} - 1)) e^{a l},   l = 0..L-1,
 * </pre>
 *
 * a softmax over the positions l of the kernel (DSS-softmax). Unlike the ZOH kernel it is finite
 * for {@code Re A > 0}: such modes are evaluated as {@code e^{a (l - (L-1))} (e^{-a} - 1) / (e^{-a
 * L} - 1)}, the same value with the largest exponent subtracted. The kernel depends on L. A mode
 * with {@code e^{a L} = 1}, {@code a != 0} (the softmax denominator vanishes) gives a non-finite
 * kernel, and so does {@code A_n = 0} (the factor {@code 1 / A_n}).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class DssKernel {
  private DssKernel() {}

  /**
   * Computes the DSS kernels of every channel.
   *
   * @param sys the continuous diagonal system (Re A &gt; 0 allowed if the system allows it)
   * @param length the kernel length L, at least 1
   * @return H L doubles, channel-major
   */
  public static double[] compute(DiagonalSsm sys, int length) {
    Args.notNull("sys", sys);
    int len = Args.positive("length", length);
    int m = sys.modes();
    double factor = sys.storage().factor();
    double[] k = new double[sys.channels() * len];
    for (int h = 0; h < sys.channels(); h++) {
      double dt = sys.dt()[h];
      for (int n = 0; n < m; n++) {
        int i = 2 * (h * m + n);
        double ar = sys.a()[i];
        double ai = sys.a()[i + 1];
        double wr = sys.c()[i] * sys.b()[i] - sys.c()[i + 1] * sys.b()[i + 1];
        double wi = sys.c()[i] * sys.b()[i + 1] + sys.c()[i + 1] * sys.b()[i];
        boolean positive = ar > 0;
        double sign = positive ? -1 : 1;
        // s = +-a; T = (e^s - 1)/(A (e^{sL} - 1)) = g(s) / (A L g(sL)), g(z) = (e^z - 1)/z
        double sr = sign * dt * ar;
        double si = sign * dt * ai;
        double[] g1 = g(sr, si);
        double[] gl = g(sr * len, si * len);
        double den = gl[0] * gl[0] + gl[1] * gl[1];
        double qr = (g1[0] * gl[0] + g1[1] * gl[1]) / den;
        double qi = (g1[1] * gl[0] - g1[0] * gl[1]) / den;
        double da = len * (ar * ar + ai * ai);
        double tr = (qr * ar + qi * ai) / da;
        double ti = (qi * ar - qr * ai) / da;
        // coefficient W T, then times e^{a (l - shift)}
        double cr = wr * tr - wi * ti;
        double ci = wr * ti + wi * tr;
        int shift = positive ? len - 1 : 0;
        for (int l = 0; l < len; l++) {
          double mag = Math.exp(dt * ar * (l - shift));
          double ph = dt * ai * (l - shift);
          k[h * len + l] += factor * mag * (cr * Math.cos(ph) - ci * Math.sin(ph));
        }
      }
    }
    return k;
  }

  /** g(z) = (e^z - 1) / z for complex z, accurate near 0. */
  private static double[] g(double x, double y) {
    if (Math.hypot(x, y) < 1e-5) {
      // 1 + z/2 + z^2/6
      return new double[] {1 + x / 2 + (x * x - y * y) / 6, y / 2 + x * y / 3};
    }
    // e^z - 1 = expm1(x) cos y - 2 sin^2(y/2) + i e^x sin y
    double s = Math.sin(y / 2);
    double er = Math.expm1(x) * Math.cos(y) - 2 * s * s;
    double ei = Math.exp(x) * Math.sin(y);
    double d = x * x + y * y;
    return new double[] {(er * x + ei * y) / d, (ei * x - er * y) / d};
  }
}
