package dev.fathom.relax;

import dev.fathom.linalg.Args;
import java.util.random.RandomGenerator;

/** Random variates the built-in sequences need. */
final class Sampling {
  private Sampling() {}

  /** Gamma(shape, 1) by Marsaglia and Tsang, with the u^(1/shape) boost for shape < 1. */
  static double gamma(RandomGenerator rng, double shape) {
    if (shape < 1) {
      double u = rng.nextDouble();
      return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  static double beta(RandomGenerator rng, double a, double b) {
    double x = gamma(rng, a);
    double y = gamma(rng, b);
    return x / (x + y);
  }

  /** A standard normal vector conditioned on norm at most sqrt(n), by rejection. */
  static double[] truncatedNormal(RandomGenerator rng, int n) {
    Args.positive("n", n);
    double[] v = new double[n];
    while (true) {
      double ss = 0;
      for (int i = 0; i < n; i++) {
        v[i] = rng.nextGaussian();
        ss += v[i] * v[i];
      }
      if (ss <= n) {
        return v;
      }
    }
  }
}
