package dev.fathom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Sizes beyond what an array can hold, and Beta samples at extreme shapes (issue 15). */
class RngLimitsTest {
  @Test
  void sizesBeyondAnArrayAreRefusedByNameBeforeAllocating() {
    RandomGenerator g = Rng.create(1);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Rng.gaussian(g, Integer.MAX_VALUE))
            .getMessage()
            .startsWith("n = 2147483647"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Rng.permutation(g, Integer.MAX_VALUE))
            .getMessage()
            .startsWith("n = "));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Rng.split(1, Integer.MAX_VALUE))
            .getMessage()
            .startsWith("count = "));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> Rng.sampleWithoutReplacement(g, Integer.MAX_VALUE, Integer.MAX_VALUE))
            .getMessage()
            .startsWith("k = "));
    assertEquals(
        "n = null: expected a non-null value",
        assertThrows(NullPointerException.class, () -> Args.notNull("n", null)).getMessage());
    assertThrows(NullPointerException.class, () -> Rng.permutation(null, 3), "rng");
  }

  @Test
  void betaWithTinyShapesIsAFiniteSampleWithTheRightMean() {
    // Beta(a, a) for a -> 0 tends to Bernoulli(1/2) on {0, 1}; X / (X + Y) used to give 0/0.
    RandomGenerator g = Rng.create(5);
    int n = 4000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = Rng.beta(g, 1e-300, 1e-300);
      assertTrue(x >= 0 && x <= 1, "sample " + x);
      sum += x;
    }
    assertEquals(0.5, sum / n, 4 * Math.sqrt(0.25 / n));
    // unequal tiny shapes: mean a / (a + b) = 0.2
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      s2 += Rng.beta(g, 1e-300, 4e-300);
    }
    assertEquals(0.2, s2 / n, 4 * Math.sqrt(0.16 / n));
  }
}
