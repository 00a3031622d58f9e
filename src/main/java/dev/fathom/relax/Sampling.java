package dev.fathom.relax;

import dev.fathom.core.Args;
import java.util.random.RandomGenerator;

/** Random variates the built-in sequences need. */
final class Sampling {
  private Sampling() {}

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
