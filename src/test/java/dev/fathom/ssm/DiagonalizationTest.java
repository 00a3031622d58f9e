package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiagonalizationTest {

  @ParameterizedTest
  @ValueSource(ints = {8, 32, 64})
  void g7LegsEigenvaluesAreMinusOneToMinusN(int n) {
    Diagonalization d = Diagonalization.naive(Hippo.transition(Hippo.Measure.LEGS, n));
    double[] re = new double[n];
    for (int i = 0; i < n; i++) {
      re[i] = d.eigenvalues()[2 * i];
      assertEquals(0, d.eigenvalues()[2 * i + 1], 0);
    }
    Arrays.sort(re);
    for (int i = 0; i < n; i++) {
      assertEquals(-(n - i), re[i], 1e-12);
    }
  }

  @Test
  void normalMatrixIsPerfectlyConditioned() {
    DMatrixRMaj a = new DMatrixRMaj(new double[][] {{-1, -2, 0}, {2, -1, 0}, {0, 0, -3}});
    Diagonalization d = Diagonalization.naive(a);
    assertEquals(1, d.condition(), 1e-10);
    assertTrue(d.backwardError() <= 1e-14, "backward " + d.backwardError());
    assertEquals(0, d.perturbation(), 0);
    // eigenvalues -1 +- 2i and -3, conjugate pair adjacent with +Im first
    double[] ev = d.eigenvalues();
    boolean found = false;
    for (int k = 0; k + 1 < 3; k++) {
      if (Math.abs(ev[2 * k + 1] - 2) < 1e-12) {
        assertEquals(-1, ev[2 * k], 1e-12);
        assertEquals(-2, ev[2 * k + 3], 1e-12);
        found = true;
      }
    }
    assertTrue(found);
  }

  @Test
  void luSolveMatchesEjml() {
    DMatrixRMaj a = new DMatrixRMaj(7, 7);
    dev.fathom.core.Rng.gaussian(dev.fathom.core.Rng.create(3), a.data);
    double[] b = dev.fathom.core.Rng.gaussian(dev.fathom.core.Rng.create(4), 7);
    double[] x = new Diagonalization.Lu(a).solve(b);
    DMatrixRMaj ref = new DMatrixRMaj(7, 1);
    org.ejml.dense.row.CommonOps_DDRM.solve(a, new DMatrixRMaj(7, 1, true, b), ref);
    for (int i = 0; i < 7; i++) {
      assertEquals(ref.get(i, 0), x[i], 1e-12 * (1 + Math.abs(ref.get(i, 0))));
    }
  }

  @Test
  void g8NaiveLegsIsIllConditioned() {
    Diagonalization d8 = Diagonalization.naive(Hippo.transition(Hippo.Measure.LEGS, 8));
    Diagonalization d16 = Diagonalization.naive(Hippo.transition(Hippo.Measure.LEGS, 16));
    Diagonalization d32 = Diagonalization.naive(Hippo.transition(Hippo.Measure.LEGS, 32));
    assertEquals(7.7e4, d8.condition(), 0.1 * 7.7e4);
    assertEquals(8.3e10, d16.condition(), 0.5 * 8.3e10);
    assertTrue(d32.condition() >= 1e17, "kappa " + d32.condition());
    assertTrue(d32.backwardError() > 1, "backward " + d32.backwardError());
    assertTrue(d8.backwardError() < 1e-6);
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 32, 64, 128})
  void g9PerturbThenDiagonalizeIsBackwardStableAndWellConditioned(int n) {
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
    Diagonalization p4 = Diagonalization.perturbed(a, 1e-4, 1);
    Diagonalization p2 = Diagonalization.perturbed(a, 1e-2, 1);
    assertEquals(1e-4, p4.perturbation(), 1e-12);
    assertEquals(1e-4, p4.backwardError(), 1e-6);
    assertEquals(1e-2, p2.backwardError(), 1e-4);
    assertTrue(p4.condition() <= 1e5, "kappa(1e-4) = " + p4.condition());
    assertTrue(p2.condition() <= 5e2, "kappa(1e-2) = " + p2.condition());
  }

  @Test
  void decompositionReproducesThePerturbedMatrix() {
    // independent check: V diag(lambda) V^{-1} rebuilt entry-wise equals A + E with the same seed
    int n = 12;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
    Diagonalization p = Diagonalization.perturbed(a, 1e-3, 5);
    double[] v = p.v();
    double[] w = p.vInverse();
    double[] l = p.eigenvalues();
    double maxDiff = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double re = 0;
        double im = 0;
        for (int k = 0; k < n; k++) {
          double[] vl =
              CauchyKernelTest.mul(
                  new double[] {v[2 * (i * n + k)], v[2 * (i * n + k) + 1]},
                  new double[] {l[2 * k], l[2 * k + 1]});
          double[] t =
              CauchyKernelTest.mul(vl, new double[] {w[2 * (k * n + j)], w[2 * (k * n + j) + 1]});
          re += t[0];
          im += t[1];
        }
        assertEquals(0, im, 1e-13 * p.condition() * p.condition() * Diagonalization.norm2(a));
        maxDiff = Math.max(maxDiff, Math.abs(re - a.get(i, j)));
      }
    }
    double normA = Diagonalization.norm2(a);
    // the reconstruction differs from A by E: about 1e-3 ||A||, never more than ||E||_F
    assertTrue(maxDiff <= 1e-3 * normA && maxDiff >= 1e-6 * normA, "diff " + maxDiff);
  }

  @Test
  void seedAndGeneratorGiveTheSamePerturbation() {
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, 8);
    Diagonalization bySeed = Diagonalization.perturbed(a, 1e-3, 5);
    Diagonalization byRng = Diagonalization.perturbed(a, 1e-3, Rng.create(5));
    assertArrayEquals(bySeed.eigenvalues(), byRng.eigenvalues(), 0);
    assertEquals(bySeed.perturbation(), byRng.perturbation(), 0);
    assertEquals(Status.COMPLETED, bySeed.status());
  }

  @Test
  void aDefectiveMatrixIsABreakdownNotADiagonalSystem() {
    // LagT is lower triangular with -1/2 on the whole diagonal and a single eigenvector
    int n = 6;
    Diagonalization d = Diagonalization.naive(Hippo.transition(Hippo.Measure.LAGT, n));
    assertEquals(Status.BREAKDOWN, d.status());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> d.toSystem(new double[n], new double[n], 0.1, Diagonalization.Stability.REFLECT));
    assertTrue(e.getMessage().startsWith("status = BREAKDOWN"), e.getMessage());
    // a small perturbation splits the eigenvalue and the decomposition exists again
    Diagonalization p = Diagonalization.perturbed(Hippo.transition(Hippo.Measure.LAGT, n), 1e-3, 1);
    assertEquals(Status.COMPLETED, p.status());
  }

  @Test
  void g9PtdTransferFunctionBeatsS4dLegs() {
    for (int n : new int[] {16, 32}) {
      DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
      double[] b = Hippo.input(Hippo.Measure.LEGS, n);
      double[] c = new double[n];
      Arrays.fill(c, 1 / Math.sqrt(n));
      Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, n);
      DiagonalSsm s4d =
          DiagonalSsm.shared(
              S4dInit.legs(n), nplr.outputCoefficients(c), new double[] {1}, new double[] {0});
      DiagonalSsm ptd =
          Diagonalization.perturbed(a, 1e-3, 1)
              .toSystem(b, c, 1, Diagonalization.Stability.REFLECT);
      double sup = 0;
      double errS4d = 0;
      double errPtd = 0;
      for (int i = 0; i < 120; i++) {
        double w = i == 0 ? 0 : Math.pow(10, -2 + 6.0 * i / 119);
        double[] g = DenseSsm.transfer(a, b, c, 0, w);
        double[] g1 = s4d.transfer(0, 0, w);
        double[] g2 = ptd.transfer(0, 0, w);
        sup = Math.max(sup, Math.hypot(g[0], g[1]));
        errS4d = Math.max(errS4d, Math.hypot(g1[0] - g[0], g1[1] - g[1]));
        errPtd = Math.max(errPtd, Math.hypot(g2[0] - g[0], g2[1] - g[1]));
      }
      assertTrue(errPtd / sup < 0.1, "PTD " + errPtd / sup);
      assertTrue(errS4d / sup > 1, "S4D-LegS " + errS4d / sup);
    }
  }

  @Test
  void towardNormalReachesKappaTenWithTransferErrorBelowTenPercent() {
    // E = c P P^T (P_n = sqrt(n + 1/2)), N = 32: kappa <= 10 and sup |G~ - G| <= 0.1 sup |G| for
    // C = ones/sqrt(N) (the PTD paper's published file: kappa 8.3, 0.06), also for Gaussian C
    // (where that file has 0.3-2), with every eigenvalue stable, so nothing is reflected
    int n = 32;
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, n);
    DMatrixRMaj a = nplr.a();
    Diagonalization d = Diagonalization.towardNormal(nplr, 0.175);
    assertTrue(d.condition() <= 10, "kappa " + d.condition());
    // ||P P^T||_2 = ||P||^2 = sum (k + 1/2) = N^2 / 2
    assertEquals(0.175 * n * n / 2 / Diagonalization.norm2(a), d.perturbation(), 1e-12);
    assertTrue(PtdOptimizer.maxRealPart(d) < -0.5);
    double[] ones = new double[n];
    Arrays.fill(ones, 1 / Math.sqrt(n));
    assertTrue(transferError(d, nplr, ones) <= 0.1);
    for (int seed = 0; seed < 3; seed++) {
      double[] c = Rng.gaussian(Rng.create(seed), n);
      assertTrue(transferError(d, nplr, c) <= 0.2, "seed " + seed);
    }
    // strong convergence: the error shrinks linearly with the fraction while kappa grows as 1/c
    Diagonalization small = Diagonalization.towardNormal(nplr, 0.05);
    double ratio = transferError(small, nplr, ones) / transferError(d, nplr, ones);
    assertTrue(ratio > 0.2 && ratio < 0.35, "ratio " + ratio);
    assertTrue(small.condition() > 25 && small.condition() < 45, "kappa " + small.condition());
    assertEquals(
        "fraction = 0.0: expected a number in (0, 1]",
        assertThrows(IllegalArgumentException.class, () -> Diagonalization.towardNormal(nplr, 0))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> Diagonalization.towardNormal(nplr, 1.5));
  }

  /** sup over {0} and 1e-3..1e4 of |G~(iw) - G(iw)| / sup |G(iw)|, G~ the diagonal system. */
  private static double transferError(Diagonalization d, Nplr nplr, double[] c) {
    DiagonalSsm sys = d.toSystem(nplr.b(), c, 1, Diagonalization.Stability.NONE);
    double err = 0;
    double sup = 0;
    for (int i = 0; i < 200; i++) {
      double w = i == 0 ? 0 : Math.pow(10, -3 + 7.0 * (i - 1) / 198);
      double[] g = DenseSsm.transfer(nplr.a(), nplr.b(), c, 0, w);
      double[] g1 = sys.transfer(0, 0, w);
      err = Math.max(err, Math.hypot(g1[0] - g[0], g1[1] - g[1]));
      sup = Math.max(sup, Math.hypot(g[0], g[1]));
    }
    return err / sup;
  }

  @Test
  void stabilityRules() {
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, 32);
    Diagonalization p = Diagonalization.perturbed(a, 1e-2, 1);
    double[] b = Hippo.input(Hippo.Measure.LEGS, 32);
    double[] c = b.clone();
    double maxRe = -1;
    for (int k = 0; k < 64; k += 2) {
      maxRe = Math.max(maxRe, p.eigenvalues()[k]);
    }
    assertTrue(maxRe > 0, "this seed crosses into Re > 0");
    assertThrows(
        IllegalArgumentException.class,
        () -> p.toSystem(b, c, 0.1, Diagonalization.Stability.NONE));
    DiagonalSsm r = p.toSystem(b, c, 0.1, Diagonalization.Stability.REFLECT);
    DiagonalSsm cl = p.toSystem(b, c, 0.1, Diagonalization.Stability.CLIP);
    for (int k = 0; k < 64; k += 2) {
      assertEquals(-Math.abs(p.eigenvalues()[k]), r.a()[k], 0);
      assertTrue(cl.a()[k] <= -1e-4);
    }
  }

  @Test
  void badInput() {
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, 4);
    assertThrows(IllegalArgumentException.class, () -> Diagonalization.perturbed(a, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Diagonalization.perturbed(a, 2, 1));
    assertThrows(
        IllegalArgumentException.class, () -> Diagonalization.perturbed(a, new DMatrixRMaj(3, 3)));
    assertThrows(
        IllegalArgumentException.class, () -> Diagonalization.naive(new DMatrixRMaj(2, 3)));
    Diagonalization d = Diagonalization.naive(a);
    assertThrows(
        IllegalArgumentException.class,
        () -> d.toSystem(new double[3], new double[4], 0.1, Diagonalization.Stability.REFLECT));
  }
}
