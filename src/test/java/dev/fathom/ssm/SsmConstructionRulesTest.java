package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The documented construction rules of {@link DiagonalSsm}, {@link Discretization} and {@link
 * DiscreteSsm}: which parameters are accepted, and that a refusal names the offending entry.
 */
class SsmConstructionRulesTest {

  private static DiagonalSsm.Builder twoModes(double reSecond) {
    return DiagonalSsm.builder(DiagonalSsm.Storage.FULL)
        .a(new double[] {-1, 2, reSecond, -3})
        .b(new double[] {1, 0, 1, 0})
        .c(new double[] {1, 0, 0.5, 0.5})
        .dt(new double[] {0.1});
  }

  @Test
  void zeroRealPartIsStableAndAPositiveOneIsNamedByItsModeIndex() {
    // Re A = 0 (an undamped mode) is not unstable
    assertEquals(0, twoModes(0).build().a()[2]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> twoModes(0.5).build());
    assertTrue(e.getMessage().startsWith("Re a[1] = 0.5: expected <= 0"), e.getMessage());
    assertTrue(twoModes(0.5).allowUnstable().build().allowUnstable());
  }

  @Test
  void alphaIsFreeForGbtOnlyAndZeroForTheOthers() {
    assertEquals(Discretization.ZOH, new Discretization(Discretization.Method.ZOH, 0));
    assertEquals(Discretization.EULER_B, new Discretization(Discretization.Method.EULER_B, 0));
    assertEquals(Discretization.BILINEAR, new Discretization(Discretization.Method.GBT, 0.5));
    assertEquals(0.25, Discretization.gbt(0.25).alpha());
    assertEquals(0, Discretization.gbt(0).alpha());
    for (Discretization.Method m :
        new Discretization.Method[] {Discretization.Method.ZOH, Discretization.Method.EULER_B}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new Discretization(m, 0.5));
      assertEquals("alpha = 0.5: expected 0 for " + m, e.getMessage());
    }
  }

  @Test
  void discreteStateLengthIsWhatTheRecurrenceCarries() {
    DiscreteSsm sys = twoModes(-0.5).d(new double[] {0.3}).build().discretize(Discretization.ZOH);
    assertEquals(4, sys.stateLength());
    Recurrence.Result r = Recurrence.run(sys, new double[] {1, 2, 3}, null);
    assertEquals(sys.channels() * sys.stateLength(), r.state().length);
    assertEquals("DiscreteSsm[channels=1, modes=2, storage=FULL]", sys.toString());
  }
}
