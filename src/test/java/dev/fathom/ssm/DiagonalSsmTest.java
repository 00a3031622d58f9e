package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Vectors;
import org.junit.jupiter.api.Test;

class DiagonalSsmTest {

  @Test
  void initsMatchTheirClosedForms() {
    S4dInit.Modes lin = S4dInit.lin(8);
    assertEquals(4, lin.count());
    assertEquals(-0.5, lin.a()[6], 0);
    assertEquals(-3 * Math.PI, lin.a()[7], 1e-15);
    S4dInit.Modes inv = S4dInit.inv(8);
    assertEquals(-(8 / Math.PI) * (8 / 5.0 - 1), inv.a()[5], 1e-14);
    assertEquals(-(8 / Math.PI) * (8 / 3.0 - 1), S4dInit.inv2(8).a()[5], 1e-14);
    assertEquals(-25 / Math.PI, S4dInit.quad(8).a()[5], 1e-14);
    S4dInit.Modes rand = S4dInit.random(8, 3);
    assertArrayEquals(rand.a(), S4dInit.random(8, 3).a());
    for (int k = 0; k < 4; k++) {
      assertEquals(-0.5, rand.a()[2 * k], 0);
      assertTrue(rand.a()[2 * k + 1] < 0);
    }
    S4dInit.Modes real = S4dInit.real(5);
    assertEquals(DiagonalSsm.Storage.FULL, real.storage());
    assertEquals(-5, real.a()[8], 0);
    assertEquals(0, real.a()[9], 0);
    // S4D-LegS: the normal part's spectrum, B = V^* B_LegS / 2
    S4dInit.Modes legs = S4dInit.legs(16);
    S4dInit.Modes legsFull = S4dInit.legs(16, false);
    for (int k = 0; k < legs.b().length; k++) {
      assertEquals(legsFull.b()[k] / 2, legs.b()[k], 1e-15);
    }
  }

  @Test
  void timescaleInits() {
    double[] dt = S4dInit.logSpacedDt(5, 0.001, 0.1);
    assertEquals(0.001, dt[0], 1e-15);
    assertEquals(0.01, dt[2], 1e-15);
    assertEquals(0.1, dt[4], 1e-15);
    double[] r1 = S4dInit.logUniformDt(1000, 0.001, 0.1, 3);
    assertArrayEquals(r1, S4dInit.logUniformDt(1000, 0.001, 0.1, 3));
    int below = 0;
    for (double v : r1) {
      assertTrue(v >= 0.001 && v <= 0.1);
      below += v < 0.01 ? 1 : 0;
    }
    // log-uniform: half the mass below the geometric midpoint 0.01 (binomial sd ~ 16)
    assertTrue(Math.abs(below - 500) < 80, "below = " + below);
    double[] c = S4dInit.gaussianC(50, 40, true, 5);
    double var = 0;
    for (double v : c) {
      var += v * v;
    }
    assertEquals(0.5, var / c.length, 0.05);
  }

  @Test
  void discretizationsMatchScalarFormulas() {
    double ar = -0.3;
    double ai = -2.0;
    double dt = 0.1;
    double[] out = new double[6];
    Discretization.ZOH.apply(ar, ai, dt, out);
    assertEquals(Math.exp(ar * dt) * Math.cos(ai * dt), out[0], 1e-16);
    // Bbar factor = (e^a - 1)/A computed naively in complex arithmetic
    double er = Math.exp(ar * dt) * Math.cos(ai * dt) - 1;
    double ei = Math.exp(ar * dt) * Math.sin(ai * dt);
    double[] q = DiagonalSsm.divide(er, ei, ar, ai);
    assertEquals(q[0], out[2], 1e-15);
    assertEquals(q[1], out[3], 1e-15);
    // bilinear == GBT(1/2); GBT(0) is forward Euler
    double[] bil = new double[6];
    Discretization.BILINEAR.apply(ar, ai, dt, bil);
    double[] fe = new double[6];
    Discretization.gbt(0).apply(ar, ai, dt, fe);
    assertEquals(1 + ar * dt, fe[0], 1e-16);
    assertEquals(ai * dt, fe[1], 1e-16);
    assertEquals(dt, fe[2], 0);
    double[] num = DiagonalSsm.divide(1 + ar * dt / 2, ai * dt / 2, 1 - ar * dt / 2, -ai * dt / 2);
    assertEquals(num[0], bil[0], 1e-15);
    assertEquals(num[1], bil[1], 1e-15);
    // expm1 branch near zero agrees with the series
    double[] tiny = Discretization.expm1Over(1e-7, -2e-7);
    assertEquals(1 + 0.5e-7 - 0.5e-14, tiny[0], 1e-16);
    double[] eb = new double[6];
    Discretization.EULER_B.apply(ar, ai, dt, eb);
    assertEquals(out[0], eb[0], 0);
    assertEquals(dt, eb[2], 0);
  }

  @Test
  void g4ZohAndBilinearKernelsAgreeToSecondOrder() {
    S4dInit.Modes modes = S4dInit.lin(64);
    double[] c = S4dInit.gaussianC(1, 32, true, 3);
    double horizon = 2;
    double[] diffs = new double[6];
    for (int i = 0; i < diffs.length; i++) {
      double dt = 0.01 / (1 << i);
      int len = (int) Math.round(horizon / dt);
      DiagonalSsm sys = DiagonalSsm.shared(modes, c, new double[] {dt}, new double[] {0});
      double[] kz = VandermondeKernel.compute(sys.discretize(Discretization.ZOH), len);
      double[] kb = VandermondeKernel.compute(sys.discretize(Discretization.BILINEAR), len);
      diffs[i] = Vectors.relativeMaxError(kb, kz);
    }
    double order1 = Math.log(diffs[3] / diffs[4]) / Math.log(2);
    double order2 = Math.log(diffs[4] / diffs[5]) / Math.log(2);
    assertTrue(order1 >= 1.8 && order1 <= 2.2, "order " + order1);
    assertTrue(order2 >= 1.8 && order2 <= 2.2, "order " + order2);
  }

  @Test
  void transferFunctionOfConjugatePairsIsThatOfTheRealSystem() {
    // one pair with A = -1 -2i, B = 1, C = 1: G(s) = 2 Re-part pair = 2 (s+1) / ((s+1)^2 + 4)
    DiagonalSsm sys =
        new DiagonalSsm(
            1,
            1,
            DiagonalSsm.Storage.CONJUGATE_PAIRS,
            new double[] {-1, -2},
            new double[] {1, 0},
            new double[] {1, 0},
            new double[] {0.1},
            new double[] {0},
            false);
    double[] g = sys.transfer(0, 0, 3);
    double[] expected = DiagonalSsm.divide(2, 6, 1 - 9 + 4, 6);
    assertEquals(expected[0], g[0], 1e-15);
    assertEquals(expected[1], g[1], 1e-15);
  }

  @Test
  void rateChangeSamplesTheSameContinuousKernel() {
    S4dInit.Modes modes = S4dInit.inv(16);
    double[] c = S4dInit.gaussianC(1, 8, true, 4);
    DiagonalSsm fine = DiagonalSsm.shared(modes, c, new double[] {0.01}, new double[] {0});
    DiagonalSsm coarse = fine.withRate(2);
    assertEquals(0.02, coarse.dt()[0], 1e-17);
    // the Euler-B kernel / dt samples C e^{tA} B at t = l dt exactly, so matching times agree
    double[] kf = VandermondeKernel.compute(fine.discretize(Discretization.EULER_B), 400);
    double[] kc = VandermondeKernel.compute(coarse.discretize(Discretization.EULER_B), 200);
    for (int l = 0; l < 200; l++) {
      assertEquals(kf[2 * l] / 0.01, kc[l] / 0.02, 1e-12 * Vectors.normInf(kf) / 0.01);
    }
    // S4D-Lin: dt |Im A_n| / (2 pi) = 0.05 n at dt = 0.1, cut at limit / 2 = 0.25, i.e. n >= 5
    DiagonalSsm lin =
        DiagonalSsm.shared(
            S4dInit.lin(16), S4dInit.gaussianC(1, 8, true, 1), new double[] {0.1}, new double[1]);
    DiagonalSsm limited = lin.bandlimit(0.5);
    for (int n = 0; n < 8; n++) {
      boolean kept = n < 5;
      assertEquals(kept ? lin.c()[2 * n] : 0, limited.c()[2 * n], 0);
      assertEquals(kept ? lin.c()[2 * n + 1] : 0, limited.c()[2 * n + 1], 0);
    }
    assertThrows(IllegalArgumentException.class, () -> lin.bandlimit(0));
    S4dInit.Modes clipped = S4dInit.clipImaginaryB(S4dInit.legs(32, false), 2);
    double maxIm = 0;
    for (int k = 1; k < clipped.b().length; k += 2) {
      maxIm = Math.max(maxIm, Math.abs(clipped.b()[k]));
    }
    assertTrue(maxIm <= 2);
  }

  private static DiagonalSsm make(int modes, double[] a, double[] c, double dt, boolean unstable) {
    return new DiagonalSsm(
        1,
        modes,
        DiagonalSsm.Storage.FULL,
        a,
        new double[] {1, 0},
        c,
        new double[] {dt},
        new double[] {0},
        unstable);
  }

  @Test
  void badInput() {
    double[] a = {-1, 0};
    double[] one = {1, 0};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> make(1, a, one, 0, false));
    assertEquals("dt[0] = 0.0: expected a finite positive number", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> make(1, a, one, -0.1, false));
    double[] unstable = {0.5, 0};
    e = assertThrows(IllegalArgumentException.class, () -> make(1, unstable, one, 0.1, false));
    assertTrue(e.getMessage().startsWith("Re a[0] = 0.5: expected <= 0"));
    // opting in accepts the unstable mode
    assertEquals(0.5, make(1, unstable, one, 0.1, true).a()[0], 0);
    assertThrows(
        IllegalArgumentException.class, () -> make(1, a, new double[] {Double.NaN, 0}, 0.1, false));
    assertThrows(IllegalArgumentException.class, () -> make(2, a, one, 0.1, false));
    assertThrows(IllegalArgumentException.class, () -> S4dInit.lin(7));
    assertThrows(IllegalArgumentException.class, () -> S4dInit.inv(0));
    assertThrows(IllegalArgumentException.class, () -> S4dInit.logSpacedDt(3, 0.1, 0.01));
    assertThrows(IllegalArgumentException.class, () -> Discretization.gbt(1.5));
    assertThrows(IllegalArgumentException.class, () -> Discretization.gbt(Double.NaN));
  }
}
