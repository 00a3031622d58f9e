package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Vectors;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class SolversTest {

  /** A one-component operator whose value is NaN. */
  static Problem nanOperator() {
    FiniteSumOperator f =
        new FiniteSumOperator() {
          @Override
          public int dimension() {
            return 2;
          }

          @Override
          public int size() {
            return 1;
          }

          @Override
          public void addComponent(int i, double scale, double[] x, double[] acc) {
            acc[0] += Double.NaN;
            acc[1] += scale * x[1];
          }
        };
    return new Problem("nan", f, Resolvents.identity(2), new double[] {1, 1}, 1, 1, null);
  }

  /**
   * Strong-monotonicity modulus μ = λ_min((M + Mᵀ)/2) of a linear operator, built column by column
   * from F(e_j) − F(0) and decomposed densely: independent of the solvers.
   */
  static double strongMonotonicity(FiniteSumOperator f) {
    int d = f.dimension();
    double[] f0 = new double[d];
    f.apply(new double[d], f0);
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    double[] e = new double[d];
    double[] fe = new double[d];
    for (int j = 0; j < d; j++) {
      Arrays.fill(e, 0);
      e[j] = 1;
      f.apply(e, fe);
      for (int r = 0; r < d; r++) {
        m.add(r, j, 0.5 * (fe[r] - f0[r]));
        m.add(j, r, 0.5 * (fe[r] - f0[r]));
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
    assertTrue(eig.decompose(m));
    double min = Double.POSITIVE_INFINITY;
    for (int k = 0; k < d; k++) {
      min = Math.min(min, eig.getEigenvalue(k).getReal());
    }
    return min;
  }

  private static void assertReachesSolution(
      MonotoneSolver s, Problem p, double relTol, double maxEpochs) {
    double tol = relTol * p.residual(p.start());
    SolverResult r = s.solve(p, StoppingRule.of(tol, maxEpochs));
    String what = s.name() + " on " + p.name();
    assertEquals(Status.CONVERGED, r.status(), what + ": residual " + r.residual());
    assertTrue(r.residual() <= tol, what);
    assertEquals(p.residual(r.solution()), r.residual(), 1e-9 * (1 + r.residual()), what);
    // error bound of the natural map for a μ-strongly monotone, L-Lipschitz F:
    // ‖x − x*‖ ≤ (1 + L)/μ · residual (‖F(x)‖/μ when unconstrained)
    double mu = strongMonotonicity(p.operator());
    double factor = p.resolvent().isIdentity() ? 1 / mu : (1 + p.lipschitz()) / mu;
    double err = Math.sqrt(Vectors.distanceSquared(r.solution(), p.solution()));
    assertTrue(err <= factor * r.residual() * (1 + 1e-6), what + ": error " + err);
    assertTrue(err > 0, what);
  }

  static MonotoneSolver[] allMethods(long seed) {
    return new MonotoneSolver[] {
      new Halpern(),
      new VrHalpern(seed),
      InexactHalpern.varianceReduced(seed),
      InexactHalpern.deterministic(),
      ExtraGradient.eg(),
      ExtraGradient.eag(),
      new VrExtraGradient(seed)
    };
  }

  @Test
  void everyMethodReachesTheKnownLeastSquaresSolution() {
    Problem p = Problems.leastSquares(400, 5, 3);
    for (MonotoneSolver s : allMethods(1)) {
      assertReachesSolution(s, p, 1e-3, 20_000);
    }
  }

  @Test
  void monotoneMethodsReachTheKnownBilinearSolutionWithAndWithoutTheBox() {
    for (boolean boxed : new boolean[] {false, true}) {
      Problem p = Problems.regularizedBilinear(30, 30, 60, 1.0, boxed, 4);
      for (MonotoneSolver s : allMethods(2)) {
        if (s instanceof Halpern || s instanceof VrHalpern) {
          continue; // F is only μ/L²-cocoercive; the cocoercive methods need smaller steps
        }
        assertReachesSolution(s, p, 2e-3, 20_000);
      }
      // with a step below 2μ/L² the forward-backward map is nonexpansive: Halpern converges
      double step = 1.9 / (p.lipschitz() * p.lipschitz());
      assertReachesSolution(new Halpern(step), p, 2e-3, 20_000);
    }
  }

  @Test
  void eagWithTheProvenStepReachesTheBilinearSolutionAndTakesSmallerSteps() {
    Problem p = Problems.regularizedBilinear(30, 30, 60, 1.0, false, 4);
    assertReachesSolution(ExtraGradient.eagProven(), p, 2e-3, 40_000);
    // the same iteration with η = 1/(8L_F) explicitly gives the same run, bit for bit
    StoppingRule rule = StoppingRule.of(0.0, 200);
    SolverResult proven = ExtraGradient.eagProven().solve(p, rule);
    double eta = ExtraGradient.PROVEN_EAG_STEP_FACTOR / p.lipschitz();
    assertArrayEquals(proven.solution(), ExtraGradient.eag(eta).solve(p, rule).solution(), 0.0);
    assertFalse(
        Arrays.equals(proven.solution(), ExtraGradient.eag().solve(p, rule).solution()),
        "the default step differs from the proven one");
  }

  @Test
  void monotoneMethodsSolveASmallMatrixGameCertifiedByTheDualityGap() {
    MatrixGame g = MatrixGame.policemanBurglar(20, 1);
    Problem p = g.problem();
    for (MonotoneSolver s : allMethods(5)) {
      if (s instanceof Halpern || s instanceof VrHalpern) {
        continue;
      }
      SolverResult r = s.solve(p, StoppingRule.of(1e-3, 50_000));
      assertEquals(Status.CONVERGED, r.status(), s.name());
      double gap = g.dualityGap(r.solution());
      assertTrue(gap >= -1e-12 && gap < 0.02, s.name() + " gap " + gap);
      assertEquals(1.0, Vectors.sum(Arrays.copyOf(r.solution(), 20)), 1e-9);
    }
  }

  /** Median over three seeds of det. Halpern's oracle calls over VR-Halpern's, to 1e-3. */
  private static double medianGain(int n) {
    double[] ratios = new double[3];
    for (int seed = 1; seed <= 3; seed++) {
      Problem p = Problems.leastSquares(n, 5, seed);
      StoppingRule rule = StoppingRule.of(1e-3 * p.residual(p.start()), 3000);
      SolverResult det = new Halpern().solve(p, rule);
      SolverResult vr = new VrHalpern(seed).solve(p, rule);
      assertTrue(det.converged() && vr.converged());
      ratios[seed - 1] = det.oracleCalls() / (double) vr.oracleCalls();
    }
    Arrays.sort(ratios);
    return ratios[1];
  }

  @Test
  void varianceReductionGainGrowsWithNAndExceedsTwoAndAHalfAtTenThousand() {
    double small = medianGain(1000);
    double large = medianGain(10_000);
    assertTrue(large >= 2.5, "gain at n = 1e4: " + large);
    assertTrue(large > 1.5 * small, "gain " + small + " at n = 1e3 vs " + large + " at 1e4");
  }

  @Test
  void seedsReproduceRunsExactly() {
    Problem p = Problems.regularizedBilinear(10, 10, 20, 0.5, true, 1);
    Problem ls = Problems.leastSquares(300, 4, 1);
    StoppingRule rule = StoppingRule.of(0, 30);
    for (long seed : new long[] {1, 2}) {
      MonotoneSolver[] a = {
        new VrHalpern(seed), InexactHalpern.varianceReduced(seed), new VrExtraGradient(seed)
      };
      MonotoneSolver[] b = {
        new VrHalpern(seed), InexactHalpern.varianceReduced(seed), new VrExtraGradient(seed)
      };
      MonotoneSolver[] c = {
        new VrHalpern(seed + 10),
        InexactHalpern.varianceReduced(seed + 10),
        new VrExtraGradient(seed + 10)
      };
      for (int k = 0; k < a.length; k++) {
        Problem q = k == 0 ? ls : p;
        SolverResult ra = a[k].solve(q, rule);
        SolverResult rb = b[k].solve(q, rule);
        SolverResult rc = c[k].solve(q, rule);
        assertArrayEquals(ra.solution(), rb.solution(), 0.0);
        assertArrayEquals(ra.history().residuals(), rb.history().residuals(), 0.0);
        assertEquals(ra.oracleCalls(), rb.oracleCalls());
        assertFalse(Arrays.equals(ra.solution(), rc.solution()), a[k].name());
      }
    }
  }

  @Test
  void budgetsAreRespectedAndHistoriesAreOrdered() {
    Problem p = Problems.leastSquares(300, 4, 2);
    for (MonotoneSolver s : allMethods(3)) {
      SolverResult r = s.solve(p, StoppingRule.of(0, 40));
      assertEquals(Status.BUDGET_EXHAUSTED, r.status(), s.name());
      // a method may finish the step it is in: at most one extra epoch plus a batch
      assertTrue(r.epochs() >= 40 && r.epochs() <= 42, s.name() + " " + r.epochs());
      long[] calls = r.history().oracleCalls();
      for (int k = 1; k < calls.length; k++) {
        assertTrue(calls[k] >= calls[k - 1], s.name());
      }
      assertEquals(r.oracleCalls(), calls[calls.length - 1], s.name());
      assertEquals(0, calls[0]);
    }
  }

  @Test
  void theListenerSeesEveryResidualOfTheHistoryInOrder() {
    Problem p = Problems.leastSquares(300, 4, 2);
    for (MonotoneSolver s : allMethods(4)) {
      java.util.List<Double> seen = new java.util.ArrayList<>();
      java.util.List<Long> calls = new java.util.ArrayList<>();
      SolverResult r =
          s.solve(
              p,
              StoppingRule.of(0, 20),
              (c, res, x) -> {
                seen.add(res);
                calls.add(c);
                assertEquals(4, x.length);
              });
      double[] expected = r.history().residuals();
      assertEquals(expected.length, seen.size(), s.name());
      for (int k = 0; k < expected.length; k++) {
        assertEquals(expected[k], seen.get(k), 0.0);
        assertEquals(r.history().oracleCalls()[k], calls.get(k));
      }
    }
  }

  @Test
  void badInputIsRejectedWithTheParameterNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new VrHalpern(-1, 0, 1));
    assertTrue(e.getMessage().startsWith("step = -1.0"));
    e = assertThrows(IllegalArgumentException.class, () -> new VrHalpern(Double.NaN, -2, 1));
    assertTrue(e.getMessage().startsWith("batch = -2"));
    assertThrows(IllegalArgumentException.class, () -> ExtraGradient.eg(0));
    assertThrows(IllegalArgumentException.class, () -> ExtraGradient.eag(Double.NaN));
    e = assertThrows(IllegalArgumentException.class, () -> new VrExtraGradient(Double.NaN, 1.5, 1));
    assertTrue(e.getMessage().startsWith("probability = 1.5"));
    assertThrows(
        IllegalArgumentException.class,
        () -> InexactHalpern.varianceReduced(0.0, Double.NaN, 0.05, 1));
    assertThrows(IllegalArgumentException.class, () -> InexactHalpern.deterministic(1.0, 1.0, -1));
    Problem nan = nanOperator();
    for (MonotoneSolver s : allMethods(1)) {
      e = assertThrows(IllegalArgumentException.class, () -> s.solve(nan, StoppingRule.of(0, 3)));
      assertTrue(e.getMessage().startsWith("F(x0)[0] = NaN"), s.name());
      assertThrows(NullPointerException.class, () -> s.solve(null, StoppingRule.of(0, 3)));
    }
  }
}
