package dev.fathom.lsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MarkovRewardProcessTest {
  @Test
  void stationaryDistributionMatchesPowerIteration() {
    MarkovRewardProcess m = MarkovRewardProcess.random(30, 4, 2);
    assertEquals(120, m.transitions());
    double[] mu = m.stationaryDistribution();
    DMatrixRMaj p = m.transitionMatrix();
    double[] x = new double[30];
    x[0] = 1;
    for (int it = 0; it < 5000; it++) {
      double[] y = new double[30];
      for (int s = 0; s < 30; s++) {
        for (int t = 0; t < 30; t++) {
          y[t] += x[s] * p.get(s, t);
        }
      }
      x = y;
    }
    assertArrayEquals(x, mu, 1e-12);
  }

  @Test
  void sparsePowerIterationAgreesWithTheDenseSolve() {
    MarkovRewardProcess m = MarkovRewardProcess.random(300, 3, 9);
    assertArrayEquals(m.stationaryDense(), m.stationaryPower(1_000_000), 1e-12);
    // A periodic chain (a 2-cycle): the lazy chain still converges, to (1/2, 1/2).
    MarkovRewardProcess cycle =
        MarkovRewardProcess.of(new double[][] {{0, 1}, {1, 0}}, new double[2]);
    assertArrayEquals(new double[] {0.5, 0.5}, cycle.stationaryPower(100), 1e-15);
    // Above the dense limit the public method takes the sparse path.
    MarkovRewardProcess big =
        MarkovRewardProcess.random(MarkovRewardProcess.DENSE_LIMIT + 500, 4, 3);
    double[] mu = big.stationaryDistribution();
    double[] again = new double[mu.length];
    big.forEachTransition((s, t, p) -> again[t] += mu[s] * p);
    assertArrayEquals(mu, again, 1e-13);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> big.stationaryPower(3));
    assertEquals(
        "P = slowly mixing: expected power iteration to settle within 3 sweeps", e.getMessage());
  }

  @Test
  void samplingFrequenciesMatchTheTransitionRow() {
    double[][] p = {{0.2, 0.5, 0.3}, {1, 0, 0}, {0, 0.25, 0.75}};
    MarkovRewardProcess m = MarkovRewardProcess.of(p, new double[] {1, 2, 3});
    assertArrayEquals(p[0], row(m, 0), 0);
    assertEquals(6, m.transitions());
    assertEquals(2, m.reward(1));
    RandomGenerator rng = Rng.create(1);
    int n = 200_000;
    for (int s = 0; s < 3; s++) {
      int[] count = new int[3];
      for (int k = 0; k < n; k++) {
        count[m.next(s, rng)]++;
      }
      for (int t = 0; t < 3; t++) {
        // Binomial sd √(n p (1 − p)) ≤ 224; 5 sd.
        double sd = Math.sqrt(n * p[s][t] * (1 - p[s][t]));
        assertEquals(n * p[s][t], count[t], 5 * sd + 1e-9, "P(" + s + "," + t + ")");
      }
    }
  }

  private static double[] row(MarkovRewardProcess m, int s) {
    DMatrixRMaj p = m.transitionMatrix();
    double[] r = new double[p.numCols];
    for (int t = 0; t < r.length; t++) {
      r[t] = p.get(s, t);
    }
    return r;
  }

  @Test
  void reducibleChainHasNoUniqueStationaryLaw() {
    double[][] p = {{1, 0}, {0, 1}};
    MarkovRewardProcess m = MarkovRewardProcess.of(p, new double[2]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, m::stationaryDistribution);
    assertTrue(e.getMessage().startsWith("P = reducible: expected"), e.getMessage());
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MarkovRewardProcess.of(new double[][] {{0.5, 0.4}, {0, 1}}, new double[2]));
    assertEquals("row 0 sum = 0.9: expected 1 (a stochastic row)", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> MarkovRewardProcess.of(new double[][] {{1.5, -0.5}, {0, 1}}, new double[2]));
    assertThrows(
        IllegalArgumentException.class,
        () -> MarkovRewardProcess.of(new double[][] {{1, 0}, {0, 1}}, new double[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> MarkovRewardProcess.of(new double[][] {{1, 0}}, new double[1]));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MarkovRewardProcess.of(new double[][] {{1, 0}, {0, 1}}, new double[] {0, Double.NaN}));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MarkovRewardProcess.sparse(
                    new int[] {0, 1, 2}, new int[] {1, 2}, new double[] {1, 1}, new double[2]));
    assertEquals("next[1] = 2: expected a state in [0, 2)", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MarkovRewardProcess.sparse(
                new int[] {0, 0, 2}, new int[] {1, 0}, new double[] {0.5, 0.5}, new double[2]));
    assertThrows(IllegalArgumentException.class, () -> MarkovRewardProcess.random(1, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> MarkovRewardProcess.random(5, 6, 0));
  }
}
