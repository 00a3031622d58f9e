package dev.fathom.coreset;

/** Gamma and modified Bessel functions for the Matérn kernel (package-private). */
final class SpecialFunctions {
  private SpecialFunctions() {}

  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  /** log Gamma(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double a = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < 9; i++) {
      a += LANCZOS[i] / (z + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /**
   * The modified Bessel function of the second kind, {@code K_nu(x) = int_0^inf exp(-x cosh t)
   * cosh(nu t) dt}, by the trapezoidal rule, which converges geometrically for this
   * double-exponentially decaying integrand. Returns {@code log K_nu(x)} to avoid underflow.
   */
  static double logBesselK(double nu, double x) {
    // the integrand's width near t = 0 is about 1/sqrt(x); keep several steps inside it
    double h = Math.min(0.05, 0.25 / Math.sqrt(x));
    // terms are scaled by exp(x) so that they stay near 1 for large x
    double sum = 0;
    double t = 0;
    double last = 1;
    for (int i = 0; i < 100_000; i++) {
      double v = Math.exp(-x * (Math.cosh(t) - 1) + nu * t) * 0.5 * (1 + Math.exp(-2 * nu * t));
      if (i == 0) {
        v *= 0.5;
      }
      sum += v;
      if (v < 1e-18 * sum && v < last) {
        break;
      }
      last = v;
      t += h;
    }
    return Math.log(sum * h) - x;
  }

  /** The Matérn kernel at scaled distance s: exp(logNorm) s^nu K_nu(s), equal to 1 at s = 0. */
  static double maternGeneral(double nu, double s, double logNorm) {
    if (s < 1e-12) {
      return 1;
    }
    double v = Math.exp(logNorm + nu * Math.log(s) + logBesselK(nu, s));
    return Math.min(v, 1);
  }
}
