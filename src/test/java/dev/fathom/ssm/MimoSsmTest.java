package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MimoSsmTest {

  @Test
  void hippoLayerEqualsTheDenseRealSystem() {
    int p = 16;
    int h = 3;
    int len = 400;
    double dt = 0.03;
    RandomGenerator rng = Rng.create(17);
    double[] b = Rng.gaussian(rng, p * h);
    double[] c = Rng.gaussian(rng, h * p);
    double[] d = {0.2, -0.4, 1};
    double[] dts = new double[p / 2];
    Arrays.fill(dts, dt);
    MimoSsm layer = MimoSsm.builder(h).hippo(p).b(b).c(c).dt(dts).d(d).build();
    double[] u = Rng.gaussian(rng, h * len);
    double[] y = layer.run(u);
    // dense reference: x' = A_N x + B u with A_N the normal part of LegS, ZOH per input column
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, p);
    DMatrixRMaj normal = nplr.a().copy();
    org.ejml.dense.row.CommonOps_DDRM.multAddTransB(nplr.p(), nplr.p(), normal);
    DMatrixRMaj abar = null;
    double[][] bbar = new double[h][];
    for (int j = 0; j < h; j++) {
      double[] col = new double[p];
      for (int i = 0; i < p; i++) {
        col[i] = b[i * h + j];
      }
      DenseSsm.Discrete disc = DenseSsm.discretize(normal, col, dt, Discretization.ZOH);
      abar = disc.abar();
      bbar[j] = disc.bbar();
    }
    double[] x = new double[p];
    double[] ref = new double[h * len];
    for (int t = 0; t < len; t++) {
      double[] next = new double[p];
      for (int i = 0; i < p; i++) {
        double s = 0;
        for (int k = 0; k < p; k++) {
          s += abar.get(i, k) * x[k];
        }
        for (int j = 0; j < h; j++) {
          s += bbar[j][i] * u[j * len + t];
        }
        next[i] = s;
      }
      x = next;
      for (int j = 0; j < h; j++) {
        double s = d[j] * u[j * len + t];
        for (int i = 0; i < p; i++) {
          s += c[j * p + i] * x[i];
        }
        ref[j * len + t] = s;
      }
    }
    assertTrue(Vectors.relativeMaxError(y, ref) <= 1e-11);
  }

  @Test
  void builderEqualsTheHippoFactory() {
    int h = 2;
    int p = 8;
    RandomGenerator rng = Rng.create(21);
    double[] b = Rng.gaussian(rng, p * h);
    double[] c = Rng.gaussian(rng, h * p);
    double[] dts = S4dInit.logSpacedDt(p / 2, 0.01, 0.1);
    double[] d = {0.25, -1};
    MimoSsm hippo = MimoSsm.builder(h).hippo(p).b(b).c(c).dt(dts).d(d).build();
    MimoSsm named =
        MimoSsm.builder(h)
            .lambda(hippo.lambda())
            .bTilde(hippo.bTilde())
            .cTilde(hippo.cTilde())
            .dt(dts)
            .d(d)
            .build();
    assertEquals(p / 2, named.modes());
    double[] u = Rng.gaussian(rng, h * 30);
    assertArrayEquals(hippo.run(u), named.run(u), 0);
    // d defaults to zero: the outputs differ from the layer with d by exactly d u
    MimoSsm noSkip =
        MimoSsm.builder(h)
            .lambda(hippo.lambda())
            .bTilde(hippo.bTilde())
            .cTilde(hippo.cTilde())
            .dt(dts)
            .build();
    double[] y0 = noSkip.run(u);
    double[] y = named.run(u);
    for (int i = 0; i < u.length; i++) {
      assertEquals(y[i], y0[i] + d[i / 30] * u[i], 1e-12);
    }
  }

  @Test
  void badInput() {
    double[] two = {-1, 0};
    double[] one = {1, 0};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MimoSsm.builder(1)
                    .lambda(new double[] {0.5, 0})
                    .bTilde(one)
                    .cTilde(one)
                    .dt(new double[] {0.1})
                    .build());
    assertEquals("Re lambda[0] = 0.5: expected <= 0 (stable)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MimoSsm.builder(1)
                    .lambda(two)
                    .bTilde(one)
                    .cTilde(one)
                    .dt(new double[] {0})
                    .build());
    assertEquals("dt[0] = 0.0: expected a finite positive number", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MimoSsm.builder(2)
                    .lambda(two)
                    .bTilde(one)
                    .cTilde(new double[4])
                    .dt(new double[] {0.1})
                    .build());
    assertEquals("bTilde.length = 2: expected 4", e.getMessage());
    NullPointerException missing =
        assertThrows(
            NullPointerException.class,
            () -> MimoSsm.builder(1).lambda(two).bTilde(one).dt(new double[] {0.1}).build());
    assertEquals("cTilde = null: expected a non-null value", missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MimoSsm.builder(0));
    assertEquals(
        "stateSize = 7: expected an even state size >= 2 (conjugate pairs)",
        assertThrows(IllegalArgumentException.class, () -> MimoSsm.builder(1).hippo(7))
            .getMessage());
    // b and c are checked against their own shapes: 2M x H and H x 2M
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MimoSsm.builder(2)
                    .hippo(4)
                    .b(new double[8])
                    .c(new double[6])
                    .dt(new double[2])
                    .build());
    assertEquals("c.length = 6: expected 8", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MimoSsm.builder(1)
                    .hippo(4)
                    .b(new double[4])
                    .c(new double[4])
                    .lambda(two)
                    .dt(new double[2])
                    .build());
    assertTrue(e.getMessage().startsWith("hippo = 4: expected no explicit lambda"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MimoSsm.builder(1).lambda(two).b(one).cTilde(one).dt(new double[1]).build());
    assertTrue(
        e.getMessage().startsWith("b = set: expected hippo(stateSize) first"), e.getMessage());
    MimoSsm m =
        MimoSsm.builder(2)
            .lambda(two)
            .bTilde(new double[4])
            .cTilde(new double[4])
            .dt(new double[] {0.1})
            .build();
    assertThrows(IllegalArgumentException.class, () -> m.run(new double[3]));
  }
}
