package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

  @Test
  void stepByStepEqualsRunAndAdvanceGivesTheFinalState() {
    DiscreteSsm sys = VandermondeKernelTest.system(S4dInit.lin(8), 3, 0.1, Discretization.ZOH);
    int len = 50;
    double[] u = Rng.gaussian(Rng.create(6), 3 * len);
    Recurrence.Result run = Recurrence.run(sys, u, null);
    double[] state = new double[2 * 3 * 4];
    double[] uk = new double[3];
    double[] yk = new double[3];
    for (int k = 0; k < len; k++) {
      for (int h = 0; h < 3; h++) {
        uk[h] = u[h * len + k];
      }
      Recurrence.step(sys, state, uk, yk);
      for (int h = 0; h < 3; h++) {
        assertEquals(run.y()[h * len + k], yk[h], 1e-14);
      }
    }
    assertTrue(Vectors.relativeMaxError(state, run.state()) <= 1e-15);
    double[] adv = Recurrence.advance(sys, new double[state.length], u);
    assertTrue(Vectors.relativeMaxError(adv, run.state()) <= 1e-13);
  }

  @Test
  void scalarRecurrenceByHand() {
    // one real mode, full storage: x_k = 0.5 x_{k-1} + 2 u_k, y_k = 3 x_k + u_k
    DiscreteSsm sys =
        DiscreteSsm.builder(DiagonalSsm.Storage.FULL, 1)
            .abar(new double[] {0.5, 0})
            .bbar(new double[] {2, 0})
            .c(new double[] {3, 0})
            .d(new double[] {1})
            .build();
    double[] y = Recurrence.run(sys, new double[] {1, 0, 1}, null).y();
    assertEquals(7, y[0], 0);
    assertEquals(3, y[1], 0);
    assertEquals(8.5, y[2], 0);
  }

  @Test
  void s5BidirectionalEqualsTheTwoSidedKernelWithLagZeroMovedToD() {
    DiscreteSsm fwd = VandermondeKernelTest.system(S4dInit.lin(8), 1, 0.1, Discretization.ZOH);
    DiscreteSsm bwd = VandermondeKernelTest.system(S4dInit.inv(8), 1, 0.05, Discretization.ZOH);
    int len = 300;
    double[] u = Rng.gaussian(Rng.create(10), len);
    double[] y = Recurrence.runBidirectional(fwd, bwd, u);
    // y_t = sum_{s<=t} K1[t-s] u_s + sum_{s>=t} K2[s-t] u_s + D u_t: the S4 two-sided form with
    // k1[j] = K2[j+1] and K2[0] added to D
    double[] k1 = VandermondeKernel.compute(fwd, len);
    double[] k2 = VandermondeKernel.compute(bwd, len + 1);
    double[] shifted = java.util.Arrays.copyOfRange(k2, 1, len + 1);
    double[] ref = SsmConvolution.bidirectional(k1, shifted, u, fwd.d()[0] + k2[0]);
    assertTrue(Vectors.relativeMaxError(y, ref) <= 1e-12);
  }

  @Test
  void batchRunEqualsOneRunPerSequenceWithItsOwnInitialState() {
    DiscreteSsm sys = VandermondeKernelTest.system(S4dInit.inv(8), 3, 0.05, Discretization.ZOH);
    int batch = 4;
    int len = 37;
    int per = 3 * len;
    int stateLength = 2 * 3 * sys.modes();
    double[] u = Rng.gaussian(Rng.create(11), batch * per);
    double[] init = Rng.gaussian(Rng.create(12), batch * stateLength);
    Recurrence.Result all = Recurrence.run(sys, u, batch, init);
    Recurrence.Result zero = Recurrence.run(sys, u, batch, null);
    for (int b = 0; b < batch; b++) {
      double[] ub = java.util.Arrays.copyOfRange(u, b * per, (b + 1) * per);
      Recurrence.Result one =
          Recurrence.run(
              sys, ub, java.util.Arrays.copyOfRange(init, b * stateLength, (b + 1) * stateLength));
      assertArrayEquals(one.y(), java.util.Arrays.copyOfRange(all.y(), b * per, (b + 1) * per), 0);
      assertArrayEquals(
          one.state(),
          java.util.Arrays.copyOfRange(all.state(), b * stateLength, (b + 1) * stateLength),
          0);
      // zero initial states: the impulse-response convolution of each sequence, channel by channel
      double[] k = VandermondeKernel.compute(sys, len);
      double[] ref = SsmConvolution.batch(k, 3, ub, 1, sys.d());
      assertTrue(
          Vectors.relativeMaxError(
                  java.util.Arrays.copyOfRange(zero.y(), b * per, (b + 1) * per), ref)
              <= 1e-12);
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Recurrence.run(sys, u, 0, null));
    assertEquals("batch = 0: expected a positive integer", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Recurrence.run(sys, new double[15], 2, null));
    assertEquals(
        "u.length = 15: expected a positive multiple of batch * channels = 6", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Recurrence.run(sys, u, batch, new double[stateLength]));
    assertEquals(
        "initialState.length = " + stateLength + ": expected " + batch * stateLength,
        e.getMessage());
  }

  @Test
  void badInput() {
    DiscreteSsm sys = VandermondeKernelTest.system(S4dInit.lin(8), 2, 0.1, Discretization.ZOH);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Recurrence.run(sys, new double[5], null));
    assertEquals("u.length = 5: expected a positive multiple of channels = 2", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Recurrence.run(sys, new double[4], new double[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Recurrence.run(sys, new double[] {1, Double.NaN}, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> Recurrence.step(sys, new double[16], new double[1], new double[2]));
  }
}
