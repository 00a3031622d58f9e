package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
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
    checkGradient(a, e, Diagonalization::condition, g, new int[] {0, 9, 30, 63}, 1e-4);
  }

  /** Central differences of f(perturbed(a, e)) in the given entries of E against g. */
  private static void checkGradient(
      DMatrixRMaj a,
      DMatrixRMaj e,
      ToDoubleFunction<Diagonalization> f,
      double[] g,
      int[] entries,
      double tol) {
    for (int k : entries) {
      double h = 1e-6;
      DMatrixRMaj ep = e.copy();
      ep.data[k] += h;
      DMatrixRMaj em = e.copy();
      em.data[k] -= h;
      double fd =
          (f.applyAsDouble(Diagonalization.perturbed(a, ep))
                  - f.applyAsDouble(Diagonalization.perturbed(a, em)))
              / (2 * h);
      assertEquals(fd, g[k], tol * (1 + Math.abs(fd)), "entry " + k);
    }
  }

  @Test
  void g9OptimizedPerturbationReachesKappaBelowTen() {
    int n = 16;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
    PtdOptimizer.Result r = PtdOptimizer.optimize(a, PtdOptimizer.Options.defaults(), 1);
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
  void stabilityGradientMatchesFiniteDifferences() {
    int n = 8;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
    DMatrixRMaj e = new DMatrixRMaj(n, n);
    Rng.gaussian(Rng.create(5), e.data);
    CommonOps_DDRM.scale(5e-2 * Diagonalization.norm2(a) / Diagonalization.norm2(e), e);
    // a margin of 6 makes several eigenvalues (-1..-5 perturbed) active in the penalty
    double margin = 6;
    Diagonalization d = Diagonalization.perturbed(a, e);
    assertTrue(PtdOptimizer.stabilityPenalty(d, margin) > 1);
    double[] g = PtdOptimizer.gradientStability(d, margin);
    checkGradient(
        a, e, x -> PtdOptimizer.stabilityPenalty(x, margin), g, new int[] {0, 7, 27, 63}, 1e-5);
  }

  @Test
  void stabilityPenaltyKeepsTheSpectrumInTheLeftHalfPlane() {
    int n = 16;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
    // without the penalty an eigenvalue of A + E crosses into Re > 0 from this seed
    PtdOptimizer.Result free = PtdOptimizer.optimize(a, PtdOptimizer.Options.defaults(), 1);
    assertTrue(PtdOptimizer.maxRealPart(free.best()) > 0);
    PtdOptimizer.Result r =
        PtdOptimizer.optimize(
            a, PtdOptimizer.Options.defaults().withStabilityWeight(1).withStabilityMargin(1), 1);
    Diagonalization best = r.best();
    assertTrue(PtdOptimizer.maxRealPart(best) < 0, "max Re " + PtdOptimizer.maxRealPart(best));
    assertTrue(best.condition() <= 10, "kappa " + best.condition());
    assertTrue(best.perturbation() <= 0.1, "||E||/||A|| " + best.perturbation());
    // stable as it is: no reflection needed, and the transfer error against the dense LegS system
    // is measured relative to sup |G| (0.30 here; 0.32 for the reflected unpenalized optimum)
    double[] b = Hippo.input(Hippo.Measure.LEGS, n);
    double[] c = new double[n];
    Arrays.fill(c, 1 / Math.sqrt(n));
    DiagonalSsm ptd = best.toSystem(b, c, 1, Diagonalization.Stability.NONE);
    double err = 0;
    double sup = 0;
    for (int i = 0; i < 200; i++) {
      double w = i == 0 ? 0 : Math.pow(10, -3 + 7.0 * i / 199);
      double[] g = DenseSsm.transfer(a, b, c, 0, w);
      double[] g1 = ptd.transfer(0, 0, w);
      err = Math.max(err, Math.hypot(g1[0] - g[0], g1[1] - g[1]));
      sup = Math.max(sup, Math.hypot(g[0], g[1]));
    }
    assertTrue(err / sup < 0.35, "relative transfer error " + err / sup);
  }

  @Test
  void badInput() {
    PtdOptimizer.Options ok = PtdOptimizer.Options.defaults();
    assertEquals(
        "lambda = -1.0: expected a finite non-negative number",
        assertThrows(IllegalArgumentException.class, () -> ok.withLambda(-1)).getMessage());
    assertEquals(
        "steps = -1: expected a non-negative integer",
        assertThrows(IllegalArgumentException.class, () -> ok.withSteps(-1)).getMessage());
    assertEquals(
        "learningRate = 0.0: expected a finite positive number",
        assertThrows(IllegalArgumentException.class, () -> ok.withLearningRate(0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ok.withInitialEpsilon(0));
    assertThrows(IllegalArgumentException.class, () -> ok.withInitialEpsilon(1.5));
    assertEquals(
        "stabilityWeight = -1.0: expected a finite non-negative number",
        assertThrows(IllegalArgumentException.class, () -> ok.withStabilityWeight(-1))
            .getMessage());
    assertEquals(
        "stabilityMargin = -1.0: expected a finite non-negative number",
        assertThrows(IllegalArgumentException.class, () -> ok.withStabilityMargin(-1))
            .getMessage());
    // each wither changes its own setting only
    PtdOptimizer.Options o =
        ok.withLambda(2)
            .withSteps(7)
            .withLearningRate(0.1)
            .withInitialEpsilon(0.5)
            .withStabilityWeight(3)
            .withStabilityMargin(4);
    assertEquals(
        "Options[lambda=2.0, steps=7, learningRate=0.1, initialEpsilon=0.5, stabilityWeight=3.0,"
            + " stabilityMargin=4.0]",
        o.toString());
    assertEquals(
        o,
        ok.withStabilityMargin(4)
            .withStabilityWeight(3)
            .withInitialEpsilon(0.5)
            .withLearningRate(0.1)
            .withSteps(7)
            .withLambda(2));
    assertThrows(
        IllegalArgumentException.class,
        () -> PtdOptimizer.optimize(new DMatrixRMaj(2, 3), ok.withSteps(1), 1));
    assertThrows(
        NullPointerException.class,
        () ->
            PtdOptimizer.optimize(
                Hippo.transition(Hippo.Measure.LEGS, 4),
                ok,
                (java.util.random.RandomGenerator) null));
  }

  @Test
  void seedAndGeneratorOverloadsDrawTheSameStart() {
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, 6);
    PtdOptimizer.Options o = PtdOptimizer.Options.defaults().withSteps(3);
    PtdOptimizer.Result bySeed = PtdOptimizer.optimize(a, o, 5);
    PtdOptimizer.Result byRng = PtdOptimizer.optimize(a, o, Rng.create(5));
    assertArrayEquals(bySeed.objective(), byRng.objective(), 0);
    assertArrayEquals(bySeed.perturbation().data, byRng.perturbation().data, 0);
    PtdOptimizer.Result other = PtdOptimizer.optimize(a, o, 6);
    assertTrue(other.objective()[0] != bySeed.objective()[0]);
  }

  @Test
  void refineFromAGivenStartIsTheSameDescent() {
    int n = 8;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
    PtdOptimizer.Options o = PtdOptimizer.Options.defaults().withSteps(20);
    // the start optimize(a, o, 3) draws: Gaussian, scaled to ||E||_2 = initialEpsilon ||A||_2
    DMatrixRMaj start = new DMatrixRMaj(n, n);
    Rng.gaussian(Rng.create(3), start.data);
    CommonOps_DDRM.scale(
        o.initialEpsilon() * Diagonalization.norm2(a) / Diagonalization.norm2(start), start);
    DMatrixRMaj kept = start.copy();
    PtdOptimizer.Result refined = PtdOptimizer.refine(a, start, o);
    PtdOptimizer.Result drawn = PtdOptimizer.optimize(a, o, 3);
    assertArrayEquals(drawn.objective(), refined.objective(), 0);
    assertArrayEquals(drawn.perturbation().data, refined.perturbation().data, 0);
    assertArrayEquals(kept.data, start.data, 0); // the start is copied
    // zero steps: the objective of the start, kappa^2 + lambda ||E||_F / ||A||_2
    PtdOptimizer.Result none = PtdOptimizer.refine(a, start, o.withSteps(0));
    Diagonalization d = Diagonalization.perturbed(a, start);
    double normF = Math.sqrt(CommonOps_DDRM.elementSumAbs(squares(start)));
    assertEquals(
        d.condition() * d.condition() + normF / Diagonalization.norm2(a),
        none.objective()[0],
        1e-9 * none.objective()[0]);
    assertArrayEquals(start.data, none.perturbation().data, 0);
    // bad input is named
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> PtdOptimizer.refine(a, new DMatrixRMaj(n, n + 1), o))
            .getMessage()
            .contains("start"));
    DMatrixRMaj nan = start.copy();
    nan.set(1, 2, Double.NaN);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> PtdOptimizer.refine(a, nan, o))
            .getMessage()
            .contains("start"));
    assertThrows(NullPointerException.class, () -> PtdOptimizer.refine(a, null, o));
  }

  private static DMatrixRMaj squares(DMatrixRMaj m) {
    DMatrixRMaj s = m.copy();
    for (int k = 0; k < s.data.length; k++) {
      s.data[k] *= s.data[k];
    }
    return s;
  }
}
