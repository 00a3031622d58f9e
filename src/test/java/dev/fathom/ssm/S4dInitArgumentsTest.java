package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

/** {@link S4dInit}'s clipping, real and complex C, and its parameter checks. */
class S4dInitArgumentsTest {

  @Test
  void clippingClampsOnlyTheImaginaryParts() {
    S4dInit.Modes legs = S4dInit.legs(32, false);
    double bound = 2;
    S4dInit.Modes clipped = S4dInit.clipImaginaryB(legs, bound);
    int changed = 0;
    for (int k = 0; k < legs.b().length; k++) {
      double b = legs.b()[k];
      double expected = k % 2 == 1 ? Math.max(-bound, Math.min(bound, b)) : b;
      assertEquals(expected, clipped.b()[k], 0, "entry " + k);
      changed += expected != b ? 1 : 0;
    }
    // some entries lie beyond the bound and some within
    assertTrue(changed > 0 && changed < legs.b().length / 2, "changed " + changed);
    assertEquals(legs.a().length, clipped.a().length);
  }

  @Test
  void realCHasZeroImaginaryParts() {
    double[] real = S4dInit.gaussianC(2, 5, false, 3);
    double[] complex = S4dInit.gaussianC(2, 5, true, 3);
    double im = 0;
    for (int k = 1; k < real.length; k += 2) {
      assertEquals(0, real[k], 0);
      im += Math.abs(complex[k]);
    }
    assertNotEquals(0, im);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> S4dInit.gaussianC(1 << 16, 1 << 16, true, 1));
    assertTrue(e.getMessage().startsWith("2 * channels * modes = 8589934592"), e.getMessage());
  }

  @Test
  void stepRangeMustBeIncreasing() {
    for (double[] range : new double[][] {{0.1, 0.01}, {0.1, 0.1}}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> S4dInit.logUniformDt(3, range[0], range[1], Rng.create(1)));
      assertTrue(e.getMessage().startsWith("dtMax = " + range[1]), e.getMessage());
    }
    double[] dt = S4dInit.logUniformDt(3, 0.01, 0.1, Rng.create(1));
    for (double v : dt) {
      assertTrue(v >= 0.01 && v <= 0.1, "dt " + v);
    }
  }

  @Test
  void smallestStateSizeIsOnePair() {
    S4dInit.Modes lin = S4dInit.lin(2);
    assertEquals(1, lin.count());
    assertThrows(IllegalArgumentException.class, () -> S4dInit.lin(1));
  }
}
