package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SensitivitySamplingTest {
  @Test
  void isUnbiasedAndReproducible() {
    double[] bounds = {1, 0, 3, 0.5, 2, 0.25};
    double[] values = {2, 7, 1, 9, 4, 6};
    double exact = 0;
    for (double v : values) {
      exact += v;
    }
    double mean = 0;
    int trials = 20000;
    for (int t = 0; t < trials; t++) {
      Coreset c = SensitivitySampling.sample(bounds, 3, t);
      for (int j = 0; j < c.size(); j++) {
        assertTrue(bounds[c.index(j)] > 0, "zero-bound points are never drawn");
      }
      mean += c.weightedSum(values) / trials;
    }
    // point 1 has bound 0 but value 7: the estimator is unbiased for sum over supported points
    assertEquals(exact - 7, mean, 0.02 * exact);
    assertEquals(
        SensitivitySampling.sample(bounds, 4, 5), SensitivitySampling.sample(bounds, 4, 5));
  }

  @Test
  void weightsAreInverseProbabilities() {
    double[] bounds = {1, 3};
    Coreset c = SensitivitySampling.sample(bounds, 1, 3);
    int i = c.index(0);
    assertEquals(4 / bounds[i], c.weight(0), 1e-15);
    Coreset u = SensitivitySampling.uniform(10, 2, 1);
    assertEquals(10, u.totalWeight(), 1e-12);
  }

  @Test
  void sizeFromEpsilonGivesTheExactCoresetWhenLarger() {
    double[] bounds = new double[50];
    java.util.Arrays.fill(bounds, 1);
    assertEquals(Coreset.all(50), SensitivitySampling.sample(bounds, 0.1, 0.1, 3, 1));
    double[] many = new double[1_000_000];
    java.util.Arrays.fill(many, 1e-5); // total sensitivity 10
    Coreset c = SensitivitySampling.sample(many, 0.5, 0.1, 1, 2);
    long m = CoresetSize.sensitivity(0.5, 0.1, 10, 1);
    assertTrue(c.size() <= m && c.size() > m / 2);
  }

  @Test
  void badInput() {
    double[] b = {1, 2, 3};
    assertEquals(
        "m = 4: expected a coreset size in [1, n = 3]",
        msg(() -> SensitivitySampling.sample(b, 4, 1)));
    assertEquals(
        "m = 0: expected a coreset size in [1, n = 3]",
        msg(() -> SensitivitySampling.sample(b, 0, 1)));
    assertEquals(
        "bounds[1] = -2.0: expected a finite non-negative number",
        msg(() -> SensitivitySampling.sample(new double[] {1, -2}, 1, 1)));
    assertEquals(
        "bounds[0] = NaN: expected a finite non-negative number",
        msg(() -> SensitivitySampling.sample(new double[] {Double.NaN}, 1, 1)));
    assertEquals(
        "sum(bounds) = 0.0: expected a positive total",
        msg(() -> SensitivitySampling.sample(new double[2], 1, 1)));
    assertEquals(
        "eps = 1.5: expected a number in (0.0, 1.0)", msg(() -> CoresetSize.leverage(1.5, 0.1, 2)));
    assertEquals(
        "m = -1: expected a coreset size in [1, n = 5]",
        msg(() -> SensitivitySampling.uniform(5, -1, 1)));
  }
}
