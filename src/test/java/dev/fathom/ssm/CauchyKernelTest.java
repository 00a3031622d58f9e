package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Fft;
import dev.fathom.linalg.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CauchyKernelTest {

  @ParameterizedTest
  @ValueSource(ints = {16, 64, 256})
  void g3CauchyKernelEqualsDenseBilinearKrylov(int n) {
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, n);
    double[] c = Rng.gaussian(Rng.create(n), n);
    double dt = 0.01;
    int len = 1024;
    double[] k = CauchyKernel.compute(nplr, c, dt, len);
    DenseSsm.Discrete disc = DenseSsm.discretize(nplr.a(), nplr.b(), dt, Discretization.BILINEAR);
    double[] ref = DenseSsm.krylov(disc.abar(), disc.bbar(), c, len);
    double err = Vectors.relativeMaxError(k, ref);
    assertTrue(err <= 1e-10, "N = " + n + ": " + err);
  }

  @ParameterizedTest
  @EnumSource(
      value = Hippo.Measure.class,
      names = {"LMU", "GLAGT"},
      mode = EnumSource.Mode.EXCLUDE)
  void rankOneAndTwoMeasuresMatchKrylov(Hippo.Measure measure) {
    int n = 24;
    Nplr nplr = Hippo.nplr(measure, n);
    double[] c = Rng.gaussian(Rng.create(3), n);
    double dt = 0.05;
    int len = 256;
    double[] k = CauchyKernel.compute(nplr, c, dt, len);
    DenseSsm.Discrete disc = DenseSsm.discretize(nplr.a(), nplr.b(), dt, Discretization.BILINEAR);
    double[] ref = DenseSsm.krylov(disc.abar(), disc.bbar(), c, len);
    assertTrue(Vectors.relativeMaxError(k, ref) <= 1e-10, measure.toString());
  }

  @Test
  void g5GeneratingFunctionMatchesResolventAtRootsOfUnity() {
    S4dInit.Modes modes = S4dInit.inv(16);
    double dt = 0.03;
    int len = 128;
    double[] c = S4dInit.gaussianC(1, 8, true, 2);
    DiagonalSsm cont = DiagonalSsm.shared(modes, c, new double[] {dt}, new double[] {0});
    for (Discretization disc : new Discretization[] {Discretization.ZOH, Discretization.BILINEAR}) {
      DiscreteSsm sys = cont.discretize(disc);
      double[] spec = Fft.realSpectrum(VandermondeKernel.compute(sys, len));
      double scale = Vectors.normInf(spec);
      for (int k = 0; k <= len / 2; k++) {
        double th = -2 * Math.PI * k / len;
        double[] w = {Math.cos(th), Math.sin(th)};
        double[] resolvent = new double[2];
        double[] bilinear = new double[2];
        for (int n = 0; n < 8; n++) {
          for (int conj = 0; conj < 2; conj++) {
            double s = conj == 0 ? 1 : -1;
            double[] ab = {sys.abar()[2 * n], s * sys.abar()[2 * n + 1]};
            double[] bb = {sys.bbar()[2 * n], s * sys.bbar()[2 * n + 1]};
            double[] cc = {c[2 * n], s * c[2 * n + 1]};
            double[] a = {modes.a()[2 * n], s * modes.a()[2 * n + 1]};
            double[] pw = {
              Math.exp(len * sys.logAbar()[2 * n]) * Math.cos(len * sys.logAbar()[2 * n + 1]),
              s * Math.exp(len * sys.logAbar()[2 * n]) * Math.sin(len * sys.logAbar()[2 * n + 1])
            };
            double[] ct = mul(cc, new double[] {1 - pw[0], -pw[1]});
            double[] num = mul(ct, bb);
            double[] den = {1 - mul(ab, w)[0], -mul(ab, w)[1]};
            add(resolvent, DiagonalSsm.divide(num[0], num[1], den[0], den[1]));
            if (disc == Discretization.BILINEAR && 2 * k != len) {
              // (2/(1+w)) C~ (g - A)^{-1} B with g = (2/dt)(1 - w)/(1 + w), B = 1
              double[] g = DiagonalSsm.divide(2 / dt * (1 - w[0]), -2 / dt * w[1], 1 + w[0], w[1]);
              double[] t = DiagonalSsm.divide(ct[0], ct[1], g[0] - a[0], g[1] - a[1]);
              add(bilinear, mul(DiagonalSsm.divide(2, 0, 1 + w[0], w[1]), t));
            }
          }
        }
        assertEquals(resolvent[0], spec[2 * k], 1e-12 * scale);
        assertEquals(resolvent[1], spec[2 * k + 1], 1e-12 * scale);
        if (disc == Discretization.BILINEAR && 2 * k != len) {
          assertEquals(bilinear[0], spec[2 * k], 1e-12 * scale);
          assertEquals(bilinear[1], spec[2 * k + 1], 1e-12 * scale);
        }
      }
    }
  }

  @Test
  void complexSolveMatchesKnownSystem() {
    // [[1, i], [2, 3]] x = [1 + i, 5] has x = [1, 1]
    double[] a = {1, 0, 0, 1, 2, 0, 3, 0};
    double[] x = CauchyKernel.solveComplex(a, new double[] {1, 1, 5, 0}, 2);
    assertEquals(1, x[0], 1e-15);
    assertEquals(0, x[1], 1e-15);
    assertEquals(1, x[2], 1e-15);
    assertEquals(0, x[3], 1e-15);
  }

  @Test
  void badInput() {
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, 8);
    double[] c = new double[8];
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CauchyKernel.compute(nplr, c, 0.1, 7));
    assertEquals("length = 7: expected an even kernel length >= 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CauchyKernel.compute(nplr, c, -1, 8));
    assertThrows(
        IllegalArgumentException.class, () -> CauchyKernel.compute(nplr, new double[5], 0.1, 8));
    double[] l = nplr.lambda();
    assertThrows(
        IllegalArgumentException.class,
        () -> CauchyKernel.compute(l, new double[3], nplr.bTilde(), nplr.bTilde(), 0.1, 8));
  }

  static double[] mul(double[] a, double[] b) {
    return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
  }

  static void add(double[] acc, double[] x) {
    acc[0] += x[0];
    acc[1] += x[1];
  }
}
