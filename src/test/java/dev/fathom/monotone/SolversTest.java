package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.IterationListener;
import dev.fathom.core.Progress;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class SolversTest {

  /** A budget-only rule: the run stops only on an exactly zero residual. */
  static StoppingRule budget(long epochs) {
    return StoppingRule.budget(epochs);
  }

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
    return Problem.of("nan", f, Resolvents.identity(2), new double[] {1, 1})
        .withLipschitz(1)
        .withMeanSquareLipschitz(1);
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
      MonotoneSolver s, Problem p, double relTol, long maxEpochs) {
    double tol = relTol * p.residual(p.start());
    InclusionResult r = s.solve(p, StoppingRule.relative(relTol, maxEpochs));
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
      new VrExtraGradient(seed),
      SingleCallExtraGradient.popov(),
      SingleCallExtraGradient.optimistic(),
      new SingleCallStochasticExtraGradient(seed)
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
        if (s instanceof SingleCallStochasticExtraGradient) {
          continue; // O(1/t) with decreasing steps: SingleCallTest checks its accuracy
        }
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
    StoppingRule rule = SolversTest.budget(200);
    InclusionResult proven = ExtraGradient.eagProven().solve(p, rule);
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
      if (s instanceof SingleCallStochasticExtraGradient) {
        continue; // O(1/t) with decreasing steps: SingleCallTest checks its accuracy
      }
      if (s instanceof Halpern || s instanceof VrHalpern) {
        continue;
      }
      InclusionResult r = s.solve(p, StoppingRule.absolute(1e-3, 50_000));
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
      StoppingRule rule = StoppingRule.relative(1e-3, 3000);
      InclusionResult det = new Halpern().solve(p, rule);
      InclusionResult vr = new VrHalpern(seed).solve(p, rule);
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
    StoppingRule rule = SolversTest.budget(30);
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
        InclusionResult ra = a[k].solve(q, rule);
        InclusionResult rb = b[k].solve(q, rule);
        InclusionResult rc = c[k].solve(q, rule);
        assertArrayEquals(ra.solution(), rb.solution(), 0.0);
        assertArrayEquals(ra.history().residuals(), rb.history().residuals(), 0.0);
        assertEquals(ra.oracleCalls(), rb.oracleCalls());
        assertFalse(Arrays.equals(ra.solution(), rc.solution()), a[k].name());
      }
    }
  }

  @Test
  void aGeneratorBuiltFromTheSeedGivesTheSeededRunAndLaterRunsContinueIt() {
    Problem p = Problems.regularizedBilinear(10, 10, 20, 0.5, true, 1);
    StoppingRule rule = SolversTest.budget(20);
    for (long seed : new long[] {3, 4}) {
      MonotoneSolver[] seeded = {
        new VrHalpern(seed), InexactHalpern.varianceReduced(seed), new VrExtraGradient(seed)
      };
      java.util.random.RandomGenerator[] g = {
        dev.fathom.core.Rng.create(seed),
        dev.fathom.core.Rng.create(seed),
        dev.fathom.core.Rng.create(seed)
      };
      MonotoneSolver[] drawing = {
        new VrHalpern(g[0]), InexactHalpern.varianceReduced(g[1]), new VrExtraGradient(g[2])
      };
      for (int k = 0; k < seeded.length; k++) {
        InclusionResult a = seeded[k].solve(p, rule);
        InclusionResult b = drawing[k].solve(p, rule);
        assertArrayEquals(a.solution(), b.solution(), 0.0, seeded[k].name());
        assertArrayEquals(a.residualHistory(), b.residualHistory(), 0.0, seeded[k].name());
        // a seeded solver repeats itself; a generator-driven one draws on
        assertArrayEquals(a.solution(), seeded[k].solve(p, rule).solution(), 0.0);
        assertFalse(
            Arrays.equals(b.solution(), drawing[k].solve(p, rule).solution()), seeded[k].name());
      }
    }
    // the random problem factories and estimators: seed and Rng.create(seed) draw the same
    assertArrayEquals(
        Problems.leastSquares(50, 3, 8).solution(),
        Problems.leastSquares(50, 3, dev.fathom.core.Rng.create(8)).solution(),
        0.0);
    assertArrayEquals(
        Problems.regularizedBilinear(4, 3, 5, 0.5, false, 8).solution(),
        Problems.regularizedBilinear(4, 3, 5, 0.5, false, dev.fathom.core.Rng.create(8)).solution(),
        0.0);
    assertEquals(
        MatrixGame.policemanBurglar(20, 8).frobeniusNorm(),
        MatrixGame.policemanBurglar(20, dev.fathom.core.Rng.create(8)).frobeniusNorm(),
        0.0);
    double[] x = p.start();
    assertEquals(
        Lipschitz.operator(p.operator(), x, 5, 8),
        Lipschitz.operator(p.operator(), x, 5, dev.fathom.core.Rng.create(8)),
        0.0);
    assertEquals(
        Lipschitz.meanSquare(p.operator(), x, 3, 8),
        Lipschitz.meanSquare(p.operator(), x, 3, dev.fathom.core.Rng.create(8)),
        0.0);
  }

  @Test
  void budgetsAreRespectedAndHistoriesAreOrdered() {
    Problem p = Problems.leastSquares(300, 4, 2);
    for (MonotoneSolver s : allMethods(3)) {
      InclusionResult r = s.solve(p, SolversTest.budget(40));
      assertEquals(Status.MAX_ITERATIONS, r.status(), s.name());
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
      InclusionResult r =
          s.solve(
              p,
              SolversTest.budget(20),
              progress -> {
                seen.add(progress.residual());
                calls.add(progress.oracleCalls());
                assertEquals(4, progress.iterate().length);
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
  void aListenerCancelsEveryMethodAndGetsTheIterateItSawBack() {
    Problem p = Problems.leastSquares(300, 4, 2);
    for (MonotoneSolver s : allMethods(4)) {
      double[][] seen = new double[1][];
      long[] at = new long[1];
      int[] checks = new int[1];
      IterationListener cancelAtThirdCheck =
          progress -> {
            if (++checks[0] == 3) {
              seen[0] = progress.iterate().clone();
              at[0] = progress.oracleCalls();
              progress.cancel();
            }
          };
      InclusionResult r = s.solve(p, budget(1000), cancelAtThirdCheck);
      assertEquals(Status.CANCELLED, r.status(), s.name());
      assertFalse(r.converged(), s.name());
      assertEquals(3, checks[0], s.name() + ": no check after the cancel");
      assertArrayEquals(seen[0], r.solution(), 0.0, s.name());
      assertEquals(at[0], r.oracleCalls(), s.name());
      assertEquals(p.residual(r.solution()), r.residual(), 1e-12, s.name());
      assertEquals(3, r.residualHistory().length, s.name());
    }
    // a cancel at the starting check: nothing runs
    InclusionResult r0 = new Halpern().solve(p, budget(10), Progress::cancel);
    assertEquals(Status.CANCELLED, r0.status());
    assertEquals(0, r0.iterations());
    assertArrayEquals(p.start(), r0.solution(), 0.0);
  }

  /** Least squares with the targets scaled by {@code scale}: the solution scales with it. */
  static Problem scaledLeastSquares(double scale) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
    int n = 200;
    int d = 4;
    double[][] rows = new double[n][d];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        rows[i][j] = rng.nextGaussian();
      }
      b[i] = scale * rng.nextGaussian();
    }
    LeastSquares op = new LeastSquares(rows, b);
    return Problem.of("scaled", op, Resolvents.identity(d), new double[d])
        .withLipschitz(op.lipschitz())
        .withMeanSquareLipschitz(op.meanSquareLipschitz());
  }

  @Test
  void theRelativeRuleIsScaleInvariantAndTheAbsoluteOneIsNot() {
    Problem unit = scaledLeastSquares(1);
    StoppingRule rule = StoppingRule.relative(1e-3, 20_000);
    for (MonotoneSolver s : allMethods(6)) {
      if (s instanceof SingleCallStochasticExtraGradient) {
        continue; // noise at x* (b is not Ax*): O(1/t); SingleCallTest checks its scale invariance
      }
      InclusionResult r1 = s.solve(unit, rule);
      assertEquals(Status.CONVERGED, r1.status(), s.name());
      assertTrue(r1.iterations() > 0, s.name());
      for (double scale : new double[] {1e-12, 1e12}) {
        InclusionResult rs = s.solve(scaledLeastSquares(scale), rule);
        String what = s.name() + " at scale " + scale;
        assertEquals(Status.CONVERGED, rs.status(), what);
        assertEquals(r1.iterations(), rs.iterations(), what);
        assertEquals(r1.oracleCalls(), rs.oracleCalls(), what);
        for (int j = 0; j < 4; j++) {
          assertEquals(scale * r1.solution()[j], rs.solution()[j], 1e-9 * scale, what);
        }
        assertEquals(scale * r1.residual(), rs.residual(), 1e-6 * scale * r1.residual(), what);
      }
    }
    // an absolute target that suits the unit problem is met at the start of the tiny one
    InclusionResult tiny =
        new Halpern().solve(scaledLeastSquares(1e-12), StoppingRule.absolute(1e-6, 5000));
    assertEquals(Status.CONVERGED, tiny.status());
    assertEquals(0, tiny.iterations());
  }

  @Test
  void badInputIsRejectedWithTheParameterNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new VrHalpern(1).withStep(-1));
    assertTrue(e.getMessage().startsWith("step = -1.0"));
    e = assertThrows(IllegalArgumentException.class, () -> new VrHalpern(1).withBatch(-2));
    assertTrue(e.getMessage().startsWith("batch = -2"));
    assertThrows(IllegalArgumentException.class, () -> ExtraGradient.eg(0));
    assertThrows(IllegalArgumentException.class, () -> ExtraGradient.eag(Double.NaN));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new VrExtraGradient(1).withProbability(1.5));
    assertTrue(e.getMessage().startsWith("probability = 1.5"));
    assertThrows(
        IllegalArgumentException.class,
        () -> InexactHalpern.varianceReduced(1).withResolventStep(0.0));
    assertThrows(
        IllegalArgumentException.class, () -> InexactHalpern.deterministic().withInnerFactor(-1));
    assertThrows(
        IllegalArgumentException.class, () -> InexactHalpern.deterministic().withInnerStep(0));
    assertThrows(
        NullPointerException.class, () -> new VrHalpern((java.util.random.RandomGenerator) null));
    Problem nan = nanOperator();
    for (MonotoneSolver s : allMethods(1)) {
      e = assertThrows(IllegalArgumentException.class, () -> s.solve(nan, SolversTest.budget(3)));
      assertTrue(e.getMessage().startsWith("F(x0)[0] = NaN"), s.name());
      assertThrows(NullPointerException.class, () -> s.solve(null, SolversTest.budget(3)));
    }
  }
}
