package dev.fathom.lsa;

import dev.fathom.core.Args;

/** An i.i.d. stream of dense estimates, O(d²) per step. */
final class DenseStream extends SeededStream {
  private final DenseSampler sampler;
  private final double[] a;
  private final double[] b;
  private final double[] g;

  DenseStream(int d, DenseSampler sampler, LinearSystem mean) {
    super(Args.positive("d", d), mean);
    this.sampler = Args.notNull("sampler", sampler);
    this.a = new double[d * d];
    this.b = new double[d];
    this.g = new double[d];
  }

  @Override
  public void update(double alpha, double[] theta) {
    sampler.sample(rng, a, b);
    int d = b.length;
    for (int i = 0; i < d; i++) {
      double s = -b[i];
      int row = i * d;
      for (int j = 0; j < d; j++) {
        s += a[row + j] * theta[j];
      }
      g[i] = s;
    }
    for (int i = 0; i < d; i++) {
      theta[i] -= alpha * g[i];
    }
  }
}
