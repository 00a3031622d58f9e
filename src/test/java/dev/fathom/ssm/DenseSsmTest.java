package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DenseSsmTest {

  @Test
  void expmOfRotationGeneratorIsRotation() {
    DMatrixRMaj a = new DMatrixRMaj(new double[][] {{-0.5, -3}, {3, -0.5}});
    DMatrixRMaj e = DenseSsm.expm(a);
    double s = Math.exp(-0.5);
    assertEquals(s * Math.cos(3), e.get(0, 0), 1e-15);
    assertEquals(-s * Math.sin(3), e.get(0, 1), 1e-15);
    assertEquals(s * Math.sin(3), e.get(1, 0), 1e-15);
  }

  @Test
  void g4DiagonalZohEqualsDenseExpmOfTheUnhalvedSystem() {
    // S4D-LegS as a dense real matrix: the normal part 2 Re(V Lambda V^*) with B/2
    int n = 32;
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, n);
    DMatrixRMaj normal = nplr.a().copy();
    org.ejml.dense.row.CommonOps_DDRM.multAddTransB(nplr.p(), nplr.p(), normal);
    double[] bHalf = nplr.b().clone();
    Vectors.scale(0.5, bHalf);
    double[] c = Rng.gaussian(Rng.create(9), n);
    double dt = 0.02;
    int len = 600;
    S4dInit.Modes modes = S4dInit.legs(n);
    DiagonalSsm diag =
        DiagonalSsm.shared(modes, nplr.outputCoefficients(c), new double[] {dt}, new double[] {0});
    for (Discretization disc :
        new Discretization[] {
          Discretization.ZOH, Discretization.BILINEAR, Discretization.gbt(0.3)
        }) {
      DenseSsm.Discrete dense = DenseSsm.discretize(normal, bHalf, dt, disc);
      double[] ref = DenseSsm.krylov(dense.abar(), dense.bbar(), c, len);
      double[] k = VandermondeKernel.compute(diag.discretize(disc), len);
      double err = Vectors.relativeMaxError(k, ref);
      assertTrue(err <= 1e-11, disc + ": " + err);
    }
  }

  @Test
  void bilinearIsGbtHalfAndEulerBUsesExpm() {
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGT, 6);
    double[] b = Hippo.input(Hippo.Measure.LEGT, 6);
    DenseSsm.Discrete bil = DenseSsm.discretize(a, b, 0.1, Discretization.BILINEAR);
    DenseSsm.Discrete g = DenseSsm.discretize(a, b, 0.1, Discretization.gbt(0.5));
    assertEquals(0, Hippo.normFDiff(bil.abar(), g.abar()), 0);
    DenseSsm.Discrete eb = DenseSsm.discretize(a, b, 0.1, Discretization.EULER_B);
    DenseSsm.Discrete zoh = DenseSsm.discretize(a, b, 0.1, Discretization.ZOH);
    assertTrue(Hippo.normFDiff(eb.abar(), zoh.abar()) <= 1e-14);
    assertEquals(0.1 * b[3], eb.bbar()[3], 1e-16);
    // ZOH Bbar = A^{-1}(Abar - I) B, checked by A Bbar = (Abar - I) B
    double[] lhs = new double[6];
    double[] rhs = new double[6];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        lhs[i] += a.get(i, j) * zoh.bbar()[j];
        rhs[i] += (zoh.abar().get(i, j) - (i == j ? 1 : 0)) * b[j];
      }
    }
    assertTrue(Vectors.relativeMaxError(lhs, rhs) <= 1e-13);
  }

  @Test
  void transferFunctionMatchesDiagonalForm() {
    S4dInit.Modes modes = S4dInit.lin(8);
    double[] c = S4dInit.gaussianC(1, 4, true, 1);
    DiagonalSsm d = DiagonalSsm.shared(modes, c, new double[] {0.1}, new double[] {0});
    // dense real 2x2 blocks of each pair: state (Re x, Im x), output 2 Re(c x)
    DMatrixRMaj a = new DMatrixRMaj(8, 8);
    double[] b = new double[8];
    double[] cc = new double[8];
    for (int n = 0; n < 4; n++) {
      double ar = modes.a()[2 * n];
      double ai = modes.a()[2 * n + 1];
      a.set(2 * n, 2 * n, ar);
      a.set(2 * n, 2 * n + 1, -ai);
      a.set(2 * n + 1, 2 * n, ai);
      a.set(2 * n + 1, 2 * n + 1, ar);
      b[2 * n] = 1;
      cc[2 * n] = 2 * c[2 * n];
      cc[2 * n + 1] = -2 * c[2 * n + 1];
    }
    for (double w : new double[] {0, 0.7, 5, 40}) {
      double[] g1 = DenseSsm.transfer(a, b, cc, 0, w);
      double[] g2 = d.transfer(0, 0, w);
      assertEquals(g1[0], g2[0], 1e-13);
      assertEquals(g1[1], g2[1], 1e-13);
    }
  }

  @Test
  void g10S4dLegsConvergesWeaklyButNotPointwise() {
    // basis functions e^{tA_N} B/2 (normal part, S4D-LegS) vs e^{tA} B (LegS), t in [0, 5]
    int n = 64;
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, n);
    DMatrixRMaj normal = nplr.a().copy();
    org.ejml.dense.row.CommonOps_DDRM.multAddTransB(nplr.p(), nplr.p(), normal);
    double h = 0.002;
    int steps = 2500;
    DMatrixRMaj stepA = nplr.a().copy();
    org.ejml.dense.row.CommonOps_DDRM.scale(h, stepA);
    DMatrixRMaj stepN = normal.copy();
    org.ejml.dense.row.CommonOps_DDRM.scale(h, stepN);
    DMatrixRMaj ea = DenseSsm.expm(stepA);
    DMatrixRMaj en = DenseSsm.expm(stepN);
    DMatrixRMaj x = new DMatrixRMaj(n, 1, true, nplr.b().clone());
    double[] halfB = nplr.b().clone();
    Vectors.scale(0.5, halfB);
    DMatrixRMaj z = new DMatrixRMaj(n, 1, true, halfB);
    DMatrixRMaj t1 = new DMatrixRMaj(n, 1);
    double[] weak = new double[4];
    double pointwise = 0;
    for (int k = 0; k <= steps; k++) {
      double t = k * h;
      double phi = Math.exp(-t) * Math.sin(3 * t);
      double w = (k == 0 || k == steps) ? h / 2 : h;
      for (int i = 0; i < 4; i++) {
        double d = z.get(i, 0) - x.get(i, 0);
        weak[i] += w * phi * d;
        pointwise = Math.max(pointwise, Math.abs(d));
      }
      org.ejml.dense.row.CommonOps_DDRM.mult(ea, x, t1);
      x.setTo(t1);
      org.ejml.dense.row.CommonOps_DDRM.mult(en, z, t1);
      z.setTo(t1);
    }
    assertTrue(pointwise > 0.5, "pointwise " + pointwise);
    for (double v : weak) {
      assertTrue(Math.abs(v) < 1e-2, "weak " + v);
    }
  }

  @Test
  void badInput() {
    DMatrixRMaj a = new DMatrixRMaj(2, 3);
    assertThrows(IllegalArgumentException.class, () -> DenseSsm.expm(a));
    DMatrixRMaj sq = new DMatrixRMaj(2, 2);
    assertThrows(
        IllegalArgumentException.class,
        () -> DenseSsm.discretize(sq, new double[2], 0, Discretization.ZOH));
    assertThrows(
        IllegalArgumentException.class, () -> DenseSsm.krylov(sq, new double[3], new double[2], 4));
    sq.set(0, 0, Double.NaN);
    assertThrows(IllegalArgumentException.class, () -> DenseSsm.power(sq, 2));
  }
}
