package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.IterationListener;
import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SingleCallTest {

  /** The iterates a run shows its listener, in order (the first is {@code x0}). */
  private static List<double[]> iterates(MonotoneSolver s, Problem p, long epochs) {
    List<double[]> seen = new ArrayList<>();
    s.solve(p, StoppingRule.budget(epochs), progress -> seen.add(progress.iterate().clone()));
    return seen;
  }

  private static double[] apply(Problem p, double[] x) {
    double[] f = new double[x.length];
    p.operator().apply(x, f);
    return f;
  }

  /** {@code J_{γG}(x − γ f)}, written out. */
  private static double[] step(Problem p, double[] x, double gamma, double[] f) {
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = x[j] - gamma * f[j];
    }
    p.resolvent().apply(gamma, out, out);
    return out;
  }

  @Test
  void popovFollowsTheTextbookRecursionBitForBit() {
    for (boolean boxed : new boolean[] {false, true}) {
      Problem p = Problems.regularizedBilinear(6, 5, 11, 0.3, boxed, 2);
      double gamma = 0.4 / p.lipschitz();
      List<double[]> seen = iterates(SingleCallExtraGradient.popov(gamma), p, 8);
      // x_{t+½} = J(x_t − γF(x_{t−½})), x_{t+1} = J(x_t − γF(x_{t+½})), x_{−½} = x_0
      double[] x = p.start();
      double[] fPast = apply(p, x);
      for (int t = 0; t < 6; t++) {
        double[] half = step(p, x, gamma, fPast);
        fPast = apply(p, half);
        x = step(p, x, gamma, fPast);
        assertArrayEquals(half, seen.get(t + 1), 0.0, "t = " + t);
      }
    }
  }

  @Test
  void optimisticGradientFollowsTheReflectedRecursionBitForBit() {
    MatrixGame game = MatrixGame.policemanBurglar(7, 3);
    for (Problem p :
        new Problem[] {game.problem(), Problems.regularizedBilinear(6, 5, 11, 0.3, true, 2)}) {
      double gamma = 0.4 / p.lipschitz();
      List<double[]> seen = iterates(SingleCallExtraGradient.optimistic(gamma), p, 8);
      // z_{k+1} = J(z_k − γ(2F(z_k) − F(z_{k−1}))), z_{−1} = z_0
      double[] z = p.start();
      double[] fPrev = apply(p, z);
      for (int k = 0; k < 6; k++) {
        double[] f = apply(p, z);
        double[] dir = new double[z.length];
        for (int j = 0; j < z.length; j++) {
          dir[j] = 2 * f[j] - fPrev[j];
        }
        z = step(p, z, gamma, dir);
        fPrev = f;
        assertArrayEquals(z, seen.get(k + 1), 0.0, p.name() + ", k = " + k);
      }
    }
  }

  @Test
  void withoutAConstraintPopovsLeadingPointsAreTheOptimisticIterates() {
    Problem[] unconstrained = {
      Problems.regularizedBilinear(10, 8, 18, 0.2, false, 5), Problems.ouyangXu(12)
    };
    for (Problem p : unconstrained) {
      InclusionResult popov = SingleCallExtraGradient.popov().solve(p, StoppingRule.budget(300));
      InclusionResult og = SingleCallExtraGradient.optimistic().solve(p, StoppingRule.budget(300));
      List<double[]> a = iterates(SingleCallExtraGradient.popov(), p, 300);
      List<double[]> b = iterates(SingleCallExtraGradient.optimistic(), p, 300);
      assertEquals(a.size(), b.size());
      double scale = Vectors.normInf(p.start()) + Vectors.normInf(a.get(a.size() - 1));
      for (int k = 0; k < a.size(); k++) {
        assertArrayEquals(a.get(k), b.get(k), 1e-12 * scale, p.name() + ", check " + k);
      }
      assertArrayEquals(popov.history().oracleCalls(), og.history().oracleCalls());
      assertEquals(popov.oracleCalls(), og.oracleCalls());
    }
    // with a box that cuts the solution the projection is active and the two methods differ
    Problem free = unconstrained[0];
    double[] lo = new double[free.dimension()];
    double[] hi = new double[free.dimension()];
    Arrays.fill(lo, -1.0);
    Arrays.fill(hi, 1.0);
    Problem cut =
        Problem.of("cut", free.operator(), Resolvents.box(lo, hi), free.start())
            .withLipschitz(free.lipschitz());
    double[] pa = SingleCallExtraGradient.popov().solve(cut, StoppingRule.budget(50)).solution();
    double[] oa =
        SingleCallExtraGradient.optimistic().solve(cut, StoppingRule.budget(50)).solution();
    assertTrue(Math.sqrt(Vectors.distanceSquared(pa, oa)) > 1e-6);
  }

  /** Counts every component evaluation itself: full passes go through {@code addComponent}. */
  private static final class Tally implements FiniteSumOperator {
    private final FiniteSumOperator inner;
    long evaluations;

    Tally(FiniteSumOperator inner) {
      this.inner = inner;
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public int size() {
      return inner.size();
    }

    @Override
    public void addComponent(int i, double scale, double[] x, double[] acc) {
      evaluations++;
      inner.addComponent(i, scale, x, acc);
    }
  }

  @Test
  void everyIterationMakesOneOracleCall() {
    Problem base = Problems.regularizedBilinear(8, 7, 15, 0.5, true, 1);
    int n = base.size();
    for (MonotoneSolver s :
        new MonotoneSolver[] {
          SingleCallExtraGradient.popov(), SingleCallExtraGradient.optimistic(), ExtraGradient.eg()
        }) {
      Tally tally = new Tally(base.operator());
      Problem p =
          Problem.of("tallied", tally, base.resolvent(), base.start())
              .withLipschitz(base.lipschitz());
      InclusionResult r = s.solve(p, StoppingRule.budget(60));
      assertEquals(tally.evaluations, r.oracleCalls() + r.monitorCalls(), s.name());
      long perIteration = s instanceof ExtraGradient ? 2L * n : n;
      long initial = s instanceof ExtraGradient ? 0 : n; // F(x_0) before the first step
      assertEquals(initial + perIteration * r.iterations(), r.oracleCalls(), s.name());
      assertEquals(s instanceof ExtraGradient ? 30 : 59, r.iterations(), s.name());
    }
    for (int batch : new int[] {1, 4, 15}) {
      Tally tally = new Tally(base.operator());
      Problem p =
          Problem.of("tallied", tally, base.resolvent(), base.start())
              .withMeanSquareLipschitz(base.meanSquareLipschitz());
      InclusionResult r =
          new SingleCallStochasticExtraGradient(3)
              .withBatch(batch)
              .solve(p, StoppingRule.budget(20));
      assertEquals(tally.evaluations, r.oracleCalls() + r.monitorCalls());
      assertEquals(batch * (r.iterations() + 1), r.oracleCalls(), "batch " + batch);
      assertTrue(r.epochs() >= 20 && r.epochs() < 21 + batch / (double) n);
    }
  }

  @Test
  void popovAndOptimisticReachThePlantedSolution() {
    for (boolean boxed : new boolean[] {false, true}) {
      Problem p = Problems.regularizedBilinear(20, 15, 35, 0.5, boxed, 7);
      double[] zs = p.solution(); // planted, independent of any solver
      for (MonotoneSolver s :
          new MonotoneSolver[] {
            SingleCallExtraGradient.popov(), SingleCallExtraGradient.optimistic()
          }) {
        InclusionResult r = s.solve(p, StoppingRule.relative(1e-10, 50_000));
        assertEquals(Status.CONVERGED, r.status(), s.name());
        double err = Math.sqrt(Vectors.distanceSquared(r.solution(), zs));
        assertTrue(err <= 1e-7 * Vectors.norm2(zs), s.name() + " error " + err);
      }
    }
  }

  @Test
  void onTheMatrixGameTheyAgreeWithAnAccurateExtragradientSolution() {
    MatrixGame g = MatrixGame.policemanBurglar(20, 1);
    InclusionResult ref = ExtraGradient.eg().solve(g.problem(), StoppingRule.budget(200_000));
    assertTrue(g.dualityGap(ref.solution()) < 1e-4, "reference gap");
    for (MonotoneSolver s :
        new MonotoneSolver[] {
          SingleCallExtraGradient.popov(), SingleCallExtraGradient.optimistic()
        }) {
      InclusionResult r = s.solve(g.problem(), StoppingRule.budget(200_000));
      double gap = g.dualityGap(r.solution());
      assertTrue(gap >= -1e-12 && gap < 1e-4, s.name() + " gap " + gap);
      double dist = Math.sqrt(Vectors.distanceSquared(r.solution(), ref.solution()));
      assertTrue(dist < 1e-2, s.name() + " distance to EG " + dist);
      assertEquals(1.0, Vectors.sum(Arrays.copyOf(r.solution(), 20)), 1e-9);
    }
  }

  @Test
  void stochasticVersionFollowsItsRecursionBitForBit() {
    Problem p = Problems.regularizedBilinear(6, 5, 11, 0.3, true, 2);
    int n = p.size();
    double gamma0 = 0.2 / p.meanSquareLipschitz();
    for (double a : new double[] {1.0, 0.6, 0.0}) {
      SingleCallStochasticExtraGradient s =
          new SingleCallStochasticExtraGradient(9)
              .withStep(gamma0)
              .withSchedule(7, a)
              .withCheckEvery(1.0 / n); // a check after every iteration
      List<double[]> seen = iterates(s, p, 4);
      RandomGenerator rng = Rng.create(9);
      double[] x = p.start();
      double[] v = new double[x.length];
      p.operator().addComponent(rng.nextInt(n), 1.0, x, v);
      for (int t = 0; t < 3 * n; t++) {
        double gamma = gamma0 / Math.pow(1 + t / 7.0, a);
        double[] half = step(p, x, gamma, v);
        v = new double[x.length];
        p.operator().addComponent(rng.nextInt(n), 1.0, half, v);
        x = step(p, x, gamma, v);
        assertArrayEquals(x, seen.get(t + 1), 0.0, "a = " + a + ", t = " + t);
      }
    }
  }

  @Test
  void stochasticWithTheFullBatchAndAConstantStepIsPopov() {
    Problem p = Problems.regularizedBilinear(6, 5, 11, 0.3, true, 2);
    double gamma = 0.4 / p.lipschitz();
    List<double[]> popov = iterates(SingleCallExtraGradient.popov(gamma), p, 30);
    InclusionResult full =
        new SingleCallStochasticExtraGradient(1)
            .withBatch(p.size())
            .withStep(gamma)
            .withSchedule(1, 0)
            .solve(p, StoppingRule.budget(30));
    // Popov returns its leading point x_{t+½}, the stochastic run its base point x_{t+1}:
    // both converge to the same solution at the same linear rate
    double[] zs = p.solution();
    double e1 = Math.sqrt(Vectors.distanceSquared(popov.get(popov.size() - 1), zs));
    double e2 = Math.sqrt(Vectors.distanceSquared(full.solution(), zs));
    assertTrue(e2 < 2 * e1 + 1e-12 && e1 < 2 * e2 + 1e-12, e1 + " vs " + e2);
    assertEquals(29, full.iterations());
  }

  @Test
  void stochasticVersionSolvesConsistentLeastSquaresAndDecaysAsOneOverTOnNoisyProblems() {
    // interpolation (b = Ax*): the sampled operators vanish at x*, so the noise does too
    Problem ls = Problems.leastSquares(400, 5, 3);
    InclusionResult r =
        new SingleCallStochasticExtraGradient(1).solve(ls, StoppingRule.relative(1e-9, 1000));
    assertEquals(Status.CONVERGED, r.status());
    assertTrue(Math.sqrt(Vectors.distanceSquared(r.solution(), ls.solution())) < 1e-8);
    // strongly monotone with noise at z*: E‖x_t − z*‖² = O(1/t) with γ_t ∝ 1/t (10x the epochs:
    // measured 8.0, 11.1 and 10.1 times smaller for seeds 1 to 3)
    Problem q = Problems.regularizedBilinear(30, 30, 60, 1.0, false, 4);
    double[] zs = q.solution();
    for (long seed = 1; seed <= 3; seed++) {
      double[] err = new double[2];
      for (int k = 0; k < 2; k++) {
        SingleCallStochasticExtraGradient s = new SingleCallStochasticExtraGradient(seed);
        double[] x = s.solve(q, StoppingRule.budget(k == 0 ? 200 : 2000)).solution();
        err[k] = Vectors.distanceSquared(x, zs);
      }
      double e1 = err[0];
      double e2 = err[1];
      assertTrue(e1 / e2 > 5 && e1 / e2 < 20, "seed " + seed + ": " + e1 / e2);
    }
  }

  @Test
  void stochasticRunsScaleWithTheProblem() {
    // F scales with b while L_F and L_Q do not: the iterates and residuals scale alike
    InclusionResult unit =
        new SingleCallStochasticExtraGradient(5)
            .solve(SolversTest.scaledLeastSquares(1), StoppingRule.budget(30));
    for (double scale : new double[] {1e-12, 1e12}) {
      InclusionResult r =
          new SingleCallStochasticExtraGradient(5)
              .solve(SolversTest.scaledLeastSquares(scale), StoppingRule.budget(30));
      assertEquals(unit.iterations(), r.iterations());
      for (int j = 0; j < 4; j++) {
        assertEquals(scale * unit.solution()[j], r.solution()[j], 1e-9 * scale);
      }
      double[] h = unit.residualHistory();
      double[] hs = r.residualHistory();
      assertEquals(h.length, hs.length);
      for (int k = 0; k < h.length; k++) {
        assertEquals(scale * h[k], hs[k], 1e-9 * scale * h[k]);
      }
    }
  }

  @Test
  void aSeedAndItsGeneratorGiveTheSameRunAndAGeneratorDrawsOn() {
    Problem p = Problems.regularizedBilinear(10, 10, 20, 0.5, true, 1);
    StoppingRule rule = StoppingRule.budget(15);
    for (long seed : new long[] {3, 4}) {
      SingleCallStochasticExtraGradient seeded = new SingleCallStochasticExtraGradient(seed);
      SingleCallStochasticExtraGradient drawing =
          new SingleCallStochasticExtraGradient(Rng.create(seed));
      InclusionResult a = seeded.solve(p, rule);
      InclusionResult b = drawing.solve(p, rule);
      assertArrayEquals(a.solution(), b.solution(), 0.0);
      assertArrayEquals(a.residualHistory(), b.residualHistory(), 0.0);
      assertArrayEquals(a.solution(), seeded.solve(p, rule).solution(), 0.0);
      assertFalse(Arrays.equals(b.solution(), drawing.solve(p, rule).solution()));
      assertFalse(
          Arrays.equals(
              a.solution(),
              new SingleCallStochasticExtraGradient(seed + 1).solve(p, rule).solution()));
      // the withers keep the randomness
      assertArrayEquals(
          a.solution(), seeded.withCheckEvery(2).withBatch(1).solve(p, rule).solution(), 0.0);
    }
  }

  @Test
  void badInputIsRejectedWithTheParameterNamed() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SingleCallExtraGradient.popov(0))
            .getMessage()
            .startsWith("step = 0.0"));
    assertThrows(
        IllegalArgumentException.class, () -> SingleCallExtraGradient.optimistic(Double.NaN));
    SingleCallStochasticExtraGradient s = new SingleCallStochasticExtraGradient(1);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> s.withStep(-1))
            .getMessage()
            .startsWith("step = -1.0"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> s.withSchedule(0, 1))
            .getMessage()
            .startsWith("t0 = 0.0"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> s.withSchedule(5, 1.5))
            .getMessage()
            .startsWith("a = 1.5"));
    assertThrows(IllegalArgumentException.class, () -> s.withBatch(0));
    assertThrows(IllegalArgumentException.class, () -> s.withCheckEvery(Double.NaN));
    assertThrows(
        NullPointerException.class,
        () -> new SingleCallStochasticExtraGradient((RandomGenerator) null));
    Problem small = Problems.leastSquares(5, 2, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> s.withBatch(6).solve(small, StoppingRule.budget(2)));
    assertTrue(e.getMessage().startsWith("batch = 6"), e.getMessage());
    assertThrows(NullPointerException.class, () -> s.solve(null, StoppingRule.budget(2)));
    assertThrows(
        NullPointerException.class,
        () -> SingleCallExtraGradient.popov().solve(small, StoppingRule.budget(2), null));
    IterationListener none = IterationListener.NONE;
    Problem nan = SolversTest.nanOperator();
    for (MonotoneSolver m :
        new MonotoneSolver[] {
          SingleCallExtraGradient.popov(), SingleCallExtraGradient.optimistic(), s
        }) {
      e =
          assertThrows(
              IllegalArgumentException.class, () -> m.solve(nan, StoppingRule.budget(3), none));
      assertTrue(e.getMessage().startsWith("F(x0)[0] = NaN"), m.name());
    }
  }
}
