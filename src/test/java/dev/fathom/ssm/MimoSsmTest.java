package dev.fathom.ssm;

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
    MimoSsm layer = MimoSsm.hippo(b, c, h, p, dts, d);
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
  void badInput() {
    double[] two = {-1, 0};
    double[] one = {1, 0};
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MimoSsm(1, 1, new double[] {0.5, 0}, one, one, new double[] {0.1}, new double[1]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MimoSsm(1, 1, two, one, one, new double[] {0}, new double[1]));
    assertThrows(
        IllegalArgumentException.class,
        () -> MimoSsm.hippo(new double[5], new double[8], 1, 7, new double[3], new double[1]));
    MimoSsm m =
        new MimoSsm(2, 1, two, new double[4], new double[4], new double[] {0.1}, new double[2]);
    assertThrows(IllegalArgumentException.class, () -> m.run(new double[3]));
  }
}
