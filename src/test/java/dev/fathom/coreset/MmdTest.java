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
  void weightedCoresetMatchesTheBruteForceDoubleSum() {
    double[][] x = KernelThinningTest.gaussianPoints(30, 5);
    Kernel k = Kernel.laplace(0.7);
    // Q puts weight 1, 3, 0.5 / 4.5 on rows 2, 17, 29; P_n puts 1/30 on each row
    Coreset c = new Coreset(new int[] {2, 17, 29}, new double[] {1, 3, 0.5});
    double[] w = new double[30];
    java.util.Arrays.fill(w, 1.0 / 30);
    w[2] -= 1 / 4.5;
    w[17] -= 3 / 4.5;
    w[29] -= 0.5 / 4.5;
    double s = 0;
    double self = 0;
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) {
        s += w[i] * w[j] * k.eval(x[i], x[j]);
        self += k.eval(x[i], x[j]) / (30.0 * 30);
      }
    }
    assertEquals(self, Mmd.selfTerm(x, k), 1e-14);
    assertEquals(Math.sqrt(s), Mmd.of(x, k, c, Mmd.selfTerm(x, k)), 1e-12);
  }

  @Test
  void badInput() {
    assertEquals(
        "coreset.index(1) = 7: expected an index below x.length = 3",
        msg(
            () ->
                Mmd.of(
                    new double[][] {{0}, {1}, {2}},
                    Kernel.gaussian(1),
                    new Coreset(new int[] {0, 7}, new double[] {1, 1}),
                    1)));
    double[][] x = {{0}, {1}};
    assertEquals(
        "indices[0] = 5: expected an index in [0, 2)",
        msg(() -> Mmd.of(x, Kernel.gaussian(1), new int[] {5})));
    assertEquals(
        "coreset.totalWeight() = 0.0: expected a positive total weight",
        msg(() -> Mmd.of(x, Kernel.gaussian(1), new Coreset(new int[] {0}, new double[] {0}), 1)));
  }
}
