package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
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
  void seedAndGeneratorOverloadsDrawTheSame() {
    assertArrayEquals(
        S4dInit.logUniformDt(7, 0.001, 0.1, 3),
        S4dInit.logUniformDt(7, 0.001, 0.1, Rng.create(3)),
        0);
    assertArrayEquals(
        S4dInit.gaussianC(3, 4, true, 5), S4dInit.gaussianC(3, 4, true, Rng.create(5)), 0);
    assertArrayEquals(S4dInit.random(16, 8).a(), S4dInit.random(16, Rng.create(8)).a(), 0);
    // one generator carries on: two draws from it differ
    java.util.random.RandomGenerator rng = Rng.create(8);
    double[] first = S4dInit.random(16, rng).a();
    assertNotEquals(first[1], S4dInit.random(16, rng).a()[1]);
    assertThrows(
        NullPointerException.class,
        () -> S4dInit.gaussianC(1, 1, true, (java.util.random.RandomGenerator) null));
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
        DiagonalSsm.builder(DiagonalSsm.Storage.CONJUGATE_PAIRS)
            .a(new double[] {-1, -2})
            .b(new double[] {1, 0})
            .c(new double[] {1, 0})
            .dt(new double[] {0.1})
            .build();
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

  private static DiagonalSsm make(double[] a, double[] c, double dt, boolean unstable) {
    DiagonalSsm.Builder builder =
        DiagonalSsm.builder(DiagonalSsm.Storage.FULL)
            .a(a)
            .b(new double[] {1, 0})
            .c(c)
            .dt(new double[] {dt})
            .d(new double[] {0});
    return unstable ? builder.allowUnstable().build() : builder.build();
  }

  @Test
  void buildersNameEveryArrayAndTheBadOne() {
    S4dInit.Modes legs = S4dInit.legs(8);
    double[] c = S4dInit.gaussianC(2, legs.count(), true, 5);
    double[] dt = {0.01, 0.1};
    double[] d = {0.5, -1};
    DiagonalSsm shared = DiagonalSsm.shared(legs, c, dt, d);
    // the shared form is the builder with per-channel copies of A and B
    double[] a = new double[2 * 2 * legs.count()];
    double[] b = new double[a.length];
    for (int h = 0; h < 2; h++) {
      System.arraycopy(legs.a(), 0, a, h * a.length / 2, a.length / 2);
      System.arraycopy(legs.b(), 0, b, h * b.length / 2, b.length / 2);
    }
    DiagonalSsm named =
        DiagonalSsm.builder(DiagonalSsm.Storage.CONJUGATE_PAIRS).a(a).b(b).c(c).dt(dt).d(d).build();
    assertEquals(2, named.channels());
    assertEquals(legs.count(), named.modes());
    for (DiagonalSsm s : new DiagonalSsm[] {named, shared.toBuilder().build()}) {
      assertArrayEquals(shared.a(), s.a(), 0);
      assertArrayEquals(shared.b(), s.b(), 0);
      assertArrayEquals(shared.c(), s.c(), 0);
      assertArrayEquals(shared.dt(), s.dt(), 0);
      assertArrayEquals(shared.d(), s.d(), 0);
    }
    // the builder copies: changing the caller's array afterwards changes nothing
    c[0] = 99;
    assertNotEquals(99, named.c()[0]);
    // d defaults to zero
    assertArrayEquals(
        new double[2],
        DiagonalSsm.builder(DiagonalSsm.Storage.CONJUGATE_PAIRS)
            .modes(legs)
            .c(named.c())
            .dt(dt)
            .build()
            .d(),
        0);
    NullPointerException missing =
        assertThrows(
            NullPointerException.class,
            () -> DiagonalSsm.builder(DiagonalSsm.Storage.FULL).a(a).b(b).dt(dt).build());
    assertEquals("c = null: expected a non-null value", missing.getMessage());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DiagonalSsm.builder(DiagonalSsm.Storage.FULL).modes(legs));
    assertEquals(
        "modes.storage = CONJUGATE_PAIRS: expected the builder's storage FULL", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DiagonalSsm.builder(DiagonalSsm.Storage.FULL)
                    .a(new double[6])
                    .b(new double[6])
                    .c(new double[6])
                    .dt(dt)
                    .build());
    assertEquals(
        "a.length = 6: expected a positive multiple of 2 * channels = 4 (channels = dt.length)",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DiagonalSsm.builder(DiagonalSsm.Storage.CONJUGATE_PAIRS)
                    .a(a)
                    .b(b)
                    .c(named.c())
                    .dt(dt)
                    .d(new double[3])
                    .build());
    assertEquals("d.length = 3: expected 2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DiscreteSsm.builder(DiagonalSsm.Storage.FULL, 2)
                    .abar(new double[6])
                    .bbar(new double[6])
                    .c(new double[6])
                    .build());
    assertEquals(
        "abar.length = 6: expected a positive multiple of 2 * channels = 4", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DiscreteSsm.builder(DiagonalSsm.Storage.FULL, 2)
                    .abar(new double[4])
                    .bbar(new double[4])
                    .c(new double[4])
                    .d(new double[3])
                    .build());
    assertEquals("d.length = 3: expected 2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> DiscreteSsm.builder(DiagonalSsm.Storage.FULL, 0));
    assertEquals("channels = 0: expected a positive integer", e.getMessage());
    NullPointerException noBbar =
        assertThrows(
            NullPointerException.class,
            () ->
                DiscreteSsm.builder(DiagonalSsm.Storage.FULL, 1)
                    .abar(new double[2])
                    .c(new double[2])
                    .build());
    assertEquals("bbar = null: expected a non-null value", noBbar.getMessage());
  }

  @Test
  void discreteBuilderRebuildsADiscretizedSystem() {
    S4dInit.Modes inv = S4dInit.inv(16);
    DiagonalSsm sys =
        DiagonalSsm.shared(
            inv,
            S4dInit.gaussianC(3, inv.count(), true, 4),
            S4dInit.logSpacedDt(3, 0.01, 0.1),
            new double[] {0.5, 0, -2});
    DiscreteSsm zoh = sys.discretize(Discretization.ZOH);
    DiscreteSsm rebuilt =
        DiscreteSsm.builder(zoh.storage(), zoh.channels())
            .abar(zoh.abar())
            .bbar(zoh.bbar())
            .c(zoh.c())
            .d(zoh.d())
            .build();
    assertEquals(zoh.modes(), rebuilt.modes());
    // log Abar recomputed from Abar: the same powers (the Vandermonde kernel uses the logarithms)
    int len = 300;
    double[] reference = Recurrence.impulseResponse(zoh, len);
    assertTrue(
        Vectors.relativeMaxError(VandermondeKernel.compute(rebuilt, len), reference) <= 1e-12);
    double[] u = Rng.gaussian(Rng.create(9), 3 * len);
    assertArrayEquals(Recurrence.run(zoh, u, null).y(), Recurrence.run(rebuilt, u, null).y(), 0);
  }

  @Test
  void badInput() {
    double[] a = {-1, 0};
    double[] one = {1, 0};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> make(a, one, 0, false));
    assertEquals("dt[0] = 0.0: expected a finite positive number", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> make(a, one, -0.1, false));
    double[] unstable = {0.5, 0};
    e = assertThrows(IllegalArgumentException.class, () -> make(unstable, one, 0.1, false));
    assertTrue(e.getMessage().startsWith("Re a[0] = 0.5: expected <= 0"));
    // opting in accepts the unstable mode
    assertEquals(0.5, make(unstable, one, 0.1, true).a()[0], 0);
    assertThrows(
        IllegalArgumentException.class, () -> make(a, new double[] {Double.NaN, 0}, 0.1, false));
    // two modes in a but one in c: the builder names the array whose length is wrong
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> make(new double[] {-1, 0, -2, 0}, one, 0.1, false));
    assertEquals("b.length = 2: expected 4", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> S4dInit.lin(7));
    assertThrows(IllegalArgumentException.class, () -> S4dInit.inv(0));
    assertThrows(IllegalArgumentException.class, () -> S4dInit.logSpacedDt(3, 0.1, 0.01));
    assertThrows(IllegalArgumentException.class, () -> Discretization.gbt(1.5));
    assertThrows(IllegalArgumentException.class, () -> Discretization.gbt(Double.NaN));
  }
}
