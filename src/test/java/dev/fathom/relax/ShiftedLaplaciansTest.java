package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ShiftedLaplaciansTest {
  @Test
  void betaSamplerHasTheRightMoments() {
    RandomGenerator rng = Rng.create(1);
    double[][] shapes = {{0.5, 1.5}, {2, 6}, {1, 1}};
    int n = 40_000;
    for (double[] ab : shapes) {
      double a = ab[0];
      double b = ab[1];
      double s = 0;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double x = Rng.beta(rng, a, b);
        assertTrue(x >= 0 && x <= 1);
        s += x;
        ss += x * x;
      }
      double mean = s / n;
      double var = ss / n - mean * mean;
      double trueMean = a / (a + b);
      double trueVar = a * b / ((a + b) * (a + b) * (a + b + 1));
      // 5 standard errors of the mean, and 5 % on the variance.
      assertEquals(trueMean, mean, 5 * Math.sqrt(trueVar / n), "mean " + a + "," + b);
      assertEquals(trueVar, var, 0.05 * trueVar, "var " + a + "," + b);
    }
  }

  @Test
  void instancesAreShiftedLaplaciansWithBoundedRightHandSides() {
    ShiftedLaplacians seq = ShiftedLaplacians.highVariance(3);
    CsrMatrix base = seq.base();
    List<Instance> list = seq.take(200);
    for (Instance in : list) {
      double c = in.context();
      assertTrue(c >= -0.15 && c <= 0.45, "shift " + c);
      assertEquals(4 + c, in.matrix().diagonal(17), 1e-15);
      assertEquals(base.get(17, 18), in.matrix().get(17, 18), 0);
      assertTrue(Vectors.norm2(in.rhs()) <= 10.0);
      assertNull(in.initialGuess());
    }
    assertArrayEquals(new double[] {-0.15, 0.45}, seq.contextRange(), 1e-15);
  }

  @Test
  void sameSeedSameSequence() {
    Instance a = ShiftedLaplacians.lowVariance(5).take(3).get(2);
    Instance b = ShiftedLaplacians.lowVariance(5).take(3).get(2);
    assertEquals(a.context(), b.context(), 0);
    assertArrayEquals(a.rhs(), b.rhs(), 0);
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ShiftedLaplacians.builder()
                    .gridSide(10)
                    .lowestShift(-0.2)
                    .shiftWidth(0.6)
                    .betaA(1)
                    .betaB(1)
                    .build(1));
    assertTrue(e.getMessage().startsWith("lo = -0.2: expected a shift above"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ShiftedLaplacians.builder()
                    .gridSide(10)
                    .lowestShift(0)
                    .shiftWidth(0.6)
                    .betaA(0)
                    .betaB(1)
                    .build(1));
    assertEquals("betaA = 0.0: expected a finite positive number", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ShiftedLaplacians.builder()
                    .gridSide(1)
                    .lowestShift(0)
                    .shiftWidth(0.6)
                    .betaA(1)
                    .betaB(1)
                    .build(1));
    assertEquals("m = 1: expected an integer in [2, 10000]", e.getMessage());
  }
}
