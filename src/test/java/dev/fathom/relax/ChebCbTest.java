package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.linalg.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ChebCbTest {
  @Test
  void chebyshevBasisIsCosOfMultipleAngles() {
    double[] f = new double[7];
    for (double z = -1; z <= 1; z += 0.125) {
      ChebCb.chebyshev(z, f);
      for (int j = 0; j < 7; j++) {
        assertEquals(Math.cos(j * Math.acos(z)), f[j], 1e-12);
      }
    }
  }

  @Test
  void regressionRecoversASmoothCostCurve() {
    // One arm, noise-free cost 100 + 40 z^2 over context c in [2, 4] (z = c - 3): the fit must
    // reproduce it everywhere, not only where it was sampled.
    ChebCb bandit = new ChebCb(new double[] {1.5}, 6, 2, 4, 1);
    RandomGenerator rng = Rng.create(2);
    for (int t = 0; t < 300; t++) {
      double c = rng.nextDouble(2, 4);
      bandit.selectArm(c);
      bandit.update(100 + 40 * (c - 3) * (c - 3));
    }
    for (double c = 2; c <= 4; c += 0.1) {
      assertEquals(100 + 40 * (c - 3) * (c - 3), bandit.predictedCost(0, c), 1e-6, "c " + c);
    }
  }

  @Test
  void sameSeedSameChoices() {
    int[] a = play(new ChebCb(GridBandit.paperGrid(), 6, 0, 1, 9));
    assertArrayEquals(a, play(new ChebCb(GridBandit.paperGrid(), 6, 0, 1, 9)));
  }

  private static int[] play(ChebCb bandit) {
    int[] arms = new int[200];
    for (int t = 0; t < arms.length; t++) {
      double c = (t * 0.37) % 1;
      arms[t] = bandit.selectArm(c);
      bandit.update(20 + Math.abs(arms[t] - 20 * c) * 4);
    }
    return arms;
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new ChebCb(GridBandit.paperGrid(), 0, 0, 1, 1));
    assertEquals("degree = 0: expected an integer in [1, 20]", e.getMessage());
    ChebCb b = new ChebCb(GridBandit.paperGrid(), 6, -0.15, 0.45, 1);
    e = assertThrows(IllegalArgumentException.class, () -> b.selectArm(0.5));
    assertEquals("context = 0.5: expected a number in [-0.15, 0.45]", e.getMessage());
  }
}
