package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MmdTest {
  @Test
  void matchesTheBruteForceDoubleSum() {
    double[][] x = KernelThinningTest.gaussianPoints(60, 2);
    Kernel k = Kernel.matern(1.5, 1);
    int[] idx = {3, 10, 10, 41};
    // brute force: embeddings of P_n (1/n each) and Q (1/4 per occurrence)
    double[] w = new double[60];
    for (int i = 0; i < 60; i++) {
      w[i] = 1.0 / 60;
    }
    for (int i : idx) {
      w[i] -= 0.25;
    }
    double s = 0;
    for (int i = 0; i < 60; i++) {
      for (int j = 0; j < 60; j++) {
        s += w[i] * w[j] * k.eval(x[i], x[j]);
      }
    }
    assertEquals(Math.sqrt(s), Mmd.of(x, k, idx), 1e-12);
    assertEquals(0, Mmd.of(x, k, Coreset.all(60), Mmd.selfTerm(x, k)), 1e-7);
  }

  @Test
  void badInput() {
    double[][] x = {{0}, {1}};
    assertEquals(
        "indices[0] = 5: expected an index in [0, 2)",
        msg(() -> Mmd.of(x, Kernel.gaussian(1), new int[] {5})));
    assertEquals(
        "coreset.totalWeight() = 0.0: expected a positive total weight",
        msg(() -> Mmd.of(x, Kernel.gaussian(1), new Coreset(new int[] {0}, new double[] {0}), 1)));
  }
}
