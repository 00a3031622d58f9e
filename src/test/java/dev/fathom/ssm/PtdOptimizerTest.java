package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Rng;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class PtdOptimizerTest {

  @Test
  void kappaGradientMatchesFiniteDifferences() {
    int n = 8;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
    DMatrixRMaj e = new DMatrixRMaj(n, n);
    Rng.gaussian(Rng.create(3), e.data);
    CommonOps_DDRM.scale(1e-2 * Diagonalization.norm2(a) / Diagonalization.norm2(e), e);
    double[] g = PtdOptimizer.gradientKappa(Diagonalization.perturbed(a, e));
    for (int k : new int[] {0, 9, 30, 63}) {
      double h = 1e-6;
      DMatrixRMaj ep = e.copy();
      ep.data[k] += h;
      DMatrixRMaj em = e.copy();
      em.data[k] -= h;
      double fd =
          (Diagonalization.perturbed(a, ep).condition()
                  - Diagonalization.perturbed(a, em).condition())
              / (2 * h);
      assertEquals(fd, g[k], 1e-4 * (1 + Math.abs(fd)), "entry " + k);
    }
  }

  @Test
  void g9OptimizedPerturbationReachesKappaBelowTen() {
    int n = 16;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
    PtdOptimizer.Result r =
        PtdOptimizer.optimize(a, new PtdOptimizer.Options(1, 150, 0.02, 1e-2), 1);
    Diagonalization best = r.best();
    assertTrue(best.condition() <= 10, "kappa " + best.condition());
    assertTrue(best.perturbation() <= 0.1, "||E||/||A|| " + best.perturbation());
    // the reported perturbation is that of the returned E
    assertEquals(
        Diagonalization.norm2(r.perturbation()) / Diagonalization.norm2(a),
        best.perturbation(),
        1e-12);
    assertEquals(151, r.objective().length);
    assertTrue(r.objective()[150] < r.objective()[0] / 100);
    // and the reflected system's transfer function is closer to LegS than S4D-LegS's
    double[] b = Hippo.input(Hippo.Measure.LEGS, n);
    double[] c = new double[n];
    Arrays.fill(c, 1 / Math.sqrt(n));
    DiagonalSsm ptd = best.toSystem(b, c, 1, Diagonalization.Stability.REFLECT);
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, n);
    DiagonalSsm s4d =
        DiagonalSsm.shared(
            S4dInit.legs(n), nplr.outputCoefficients(c), new double[] {1}, new double[] {0});
    double errPtd = 0;
    double errS4d = 0;
    for (int i = 0; i < 100; i++) {
      double w = Math.pow(10, -2 + 6.0 * i / 99);
      double[] g = DenseSsm.transfer(a, b, c, 0, w);
      double[] g1 = ptd.transfer(0, 0, w);
      double[] g2 = s4d.transfer(0, 0, w);
      errPtd = Math.max(errPtd, Math.hypot(g1[0] - g[0], g1[1] - g[1]));
      errS4d = Math.max(errS4d, Math.hypot(g2[0] - g[0], g2[1] - g[1]));
    }
    assertTrue(errPtd < errS4d / 5, errPtd + " vs " + errS4d);
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class, () -> new PtdOptimizer.Options(-1, 10, 0.1, 0.01));
    assertThrows(IllegalArgumentException.class, () -> new PtdOptimizer.Options(1, -1, 0.1, 0.01));
    assertThrows(IllegalArgumentException.class, () -> new PtdOptimizer.Options(1, 10, 0, 0.01));
    assertThrows(IllegalArgumentException.class, () -> new PtdOptimizer.Options(1, 10, 0.1, 0));
    PtdOptimizer.Options ok = new PtdOptimizer.Options(1, 1, 0.1, 0.01);
    assertThrows(
        IllegalArgumentException.class, () -> PtdOptimizer.optimize(new DMatrixRMaj(2, 3), ok, 1));
  }
}
