package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

class LewisWeightsTest {
  private static final double[][] A = TestData.heavyTailed(Rng.create(7), 400, 5, 2.5);

  @Test
  void satisfyTheirFixedPointAndSumToD() {
    for (double p : new double[] {1, 1.5, 3, 3.5}) {
      LewisWeights.Result r = LewisWeights.compute(A, p);
      assertEquals(Status.CONVERGED, r.status(), "p = " + p);
      double[] again = LewisWeights.step(A, r.weights(), p);
      double sum = 0;
      for (int i = 0; i < A.length; i++) {
        assertEquals(r.weights()[i], again[i], 1e-8 * r.weights()[i] + 1e-14, "p = " + p);
        sum += r.weights()[i];
      }
      assertEquals(5, sum, 1e-6, "p = " + p);
    }
  }

  @Test
  void pTwoGivesLeverageScores() {
    double[] w = LewisWeights.compute(A, 2).weights();
    double[] tau = LeverageScores.of(A);
    for (int i = 0; i < A.length; i++) {
      assertEquals(tau[i], w[i], 1e-10);
    }
  }

  @Test
  void badInput() {
    assertEquals("p = 4.0: expected a number in (0.0, 4.0)", msg(() -> LewisWeights.compute(A, 4)));
    assertEquals(
        "p = NaN: expected a number in (0.0, 4.0)", msg(() -> LewisWeights.compute(A, Double.NaN)));
    assertEquals(
        "w[0] = -1.0: expected a positive weight",
        msg(() -> LewisWeights.step(new double[][] {{1}}, new double[] {-1}, 1)));
  }
}
