package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class HalpernTest {

  /**
   * The least-squares problem with b scaled by c has the solution c x* and F_c(y) = c F(y / c):
   * with the Lipschitz constant estimated and a relative tolerance, every method must give the
   * scaled answer after about the same number of iterations at c = 1e-12, 1 and 1e12.
   */
  @Test
  void scaledProblemsGiveTheScaledSolution() {
    RandomGenerator rng = Rng.create(7);
    int n = 60;
    int d = 4;
    double[][] rows = new double[n][];
    double[] xs = Rng.gaussian(rng, d);
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i] = Rng.gaussian(rng, d);
      b[i] = Vectors.dot(rows[i], xs);
    }
    for (MonotoneSolver solver : new MonotoneSolver[] {new Halpern(), new VrHalpern(3)}) {
      long[] iterations = new long[3];
      double[] scales = {1e-12, 1, 1e12};
      for (int s = 0; s < scales.length; s++) {
        double c = scales[s];
        double[] bc = b.clone();
        Vectors.scale(c, bc);
        Problem p =
            Problem.of("scaled", new LeastSquares(rows, bc), Resolvents.identity(d), new double[d]);
        InclusionResult r = solver.solve(p, StoppingRule.relative(1e-4, 100_000));
        String what = solver.name() + " at scale " + c;
        assertEquals(Status.CONVERGED, r.status(), what);
        assertTrue(r.iterations() > 0, what);
        for (int j = 0; j < d; j++) {
          assertEquals(c * xs[j], r.solution()[j], 1e-3 * c * Vectors.norm2(xs), what);
        }
        iterations[s] = r.iterations();
      }
      for (long k : iterations) {
        assertTrue(
            Math.abs(k - iterations[1]) <= 0.05 * iterations[1] + 2,
            solver.name() + " iterations " + Arrays.toString(iterations));
      }
    }
  }

  @Test
  void lastIterateBoundHoldsAtEveryIteration() {
    for (long seed = 1; seed <= 3; seed++) {
      Problem p = Problems.leastSquares(200, 5, seed);
      double bound0 = p.lipschitz() * Math.sqrt(Vectors.distanceSquared(p.start(), p.solution()));
      InclusionResult r = new Halpern().solve(p, SolversTest.budget(3000));
      OracleHistory h = r.history();
      assertEquals(Status.MAX_ITERATIONS, r.status());
      assertTrue(h.size() >= 2999, "one free check per iteration");
      double tightest = 0;
      for (int k = 0; k < 2999; k++) {
        double bound = bound0 / (k + 1);
        assertTrue(h.residuals()[k] <= bound * (1 + 1e-9), "k = " + k);
        tightest = Math.max(tightest, h.residuals()[k] / bound);
      }
      // the bound is not vacuous on this problem: some iterate comes within a factor 10 of it
      assertTrue(tightest > 0.1, "tightest ratio " + tightest);
    }
  }

  @Test
  void stopsOnTheResidualAndReportsTheTrueResidualOfTheReturnedPoint() {
    Problem p = Problems.leastSquares(300, 4, 7);
    double tol = 1e-3 * p.residual(p.start());
    InclusionResult r = new Halpern().solve(p, StoppingRule.absolute(tol, 10_000));
    assertEquals(Status.CONVERGED, r.status());
    assertTrue(r.residual() <= tol);
    assertEquals(r.oracleCalls(), r.history().callsToReach(tol));
    assertEquals(-1, r.history().callsToReach(0.0));
    assertEquals(p.residual(r.solution()), r.residual(), 1e-12);
    assertEquals(r.oracleCalls(), r.history().oracleCalls()[r.history().size() - 1]);
    assertEquals(r.iterations() + 1, r.oracleCalls() / 300);
    assertTrue(Math.sqrt(Vectors.distanceSquared(r.solution(), p.solution())) < 10 * tol);
  }

  @Test
  void budgetExhaustionAndDivergenceAreStatusesNotExceptions() {
    Problem p = Problems.leastSquares(100, 4, 2);
    InclusionResult r = new Halpern().solve(p, StoppingRule.absolute(1e-14, 50));
    assertEquals(Status.MAX_ITERATIONS, r.status());
    assertEquals(50 * 100, r.oracleCalls());
    InclusionResult bad =
        new Halpern(5.0 / p.lipschitz()).solve(p, StoppingRule.absolute(1e-8, 10_000));
    assertEquals(Status.DIVERGED, bad.status());
    assertTrue(bad.epochs() < 10_000);
  }

  @Test
  void estimatesAnUnknownLipschitzConstantAndChargesItsCalls() {
    Problem known = Problems.leastSquares(200, 5, 3);
    Problem unknown = known.withoutConstants();
    double tol = 1e-2 * known.residual(known.start());
    InclusionResult r = new Halpern().solve(unknown, StoppingRule.absolute(tol, 10_000));
    assertEquals(Status.CONVERGED, r.status());
    assertTrue(r.history().oracleCalls()[1] >= 30 * 200, "estimation is charged");
  }

  @Test
  void aConstrainedCocoerciveProblemConvergesToItsNaturalMapZero() {
    // least squares restricted to a box that cuts the unconstrained solution: the answer is
    // checked against projected gradient's fixed point condition, computed independently
    Problem ls = Problems.leastSquares(200, 4, 5);
    Problem boxed =
        Problem.of("boxed ls", ls.operator(), Resolvents.box(4, -0.2, 0.2), new double[4])
            .withLipschitz(ls.lipschitz())
            .withMeanSquareLipschitz(ls.meanSquareLipschitz());
    for (MonotoneSolver s : new MonotoneSolver[] {new Halpern(), new VrHalpern(3)}) {
      InclusionResult r = s.solve(boxed, StoppingRule.absolute(1e-5, 50_000));
      assertEquals(Status.CONVERGED, r.status(), s.name());
      assertKkt(ls, r.solution());
    }
  }

  private static void assertKkt(Problem ls, double[] x) {
    double[] f = new double[4];
    ls.operator().apply(x, f);
    int atBound = 0;
    for (int j = 0; j < 4; j++) {
      atBound += Math.abs(x[j]) >= 0.2 - 1e-3 ? 1 : 0;
      // KKT of min over the box: at an interior coordinate F_j = 0, at a bound F_j points out
      if (x[j] > -0.2 + 1e-3 && x[j] < 0.2 - 1e-3) {
        assertEquals(0.0, f[j], 1e-4);
      } else if (x[j] >= 0.2 - 1e-3) {
        assertTrue(f[j] <= 1e-4);
      } else {
        assertTrue(f[j] >= -1e-4);
      }
    }
    assertTrue(atBound > 0, "the box must cut the unconstrained solution");
  }

  @Test
  void badInputIsRejectedWithTheParameterNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Halpern(0.0));
    assertTrue(e.getMessage().startsWith("step = 0.0: expected"));
    assertThrows(IllegalArgumentException.class, () -> new Halpern(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> StoppingRule.absolute(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> StoppingRule.absolute(1e-3, 0));
    e = assertThrows(IllegalArgumentException.class, () -> new VrHalpern(1).withCheckEvery(0));
    assertTrue(e.getMessage().startsWith("epochs = 0.0"), e.getMessage());
    assertThrows(
        NullPointerException.class,
        () -> new Halpern().solve(Problems.leastSquares(5, 2, 1), SolversTest.budget(1), null));
    assertThrows(
        NullPointerException.class, () -> new Halpern().solve(null, SolversTest.budget(1)));
    Problem nan = SolversTest.nanOperator();
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new Halpern().solve(nan, SolversTest.budget(5)));
    assertTrue(e.getMessage().startsWith("F(x0)[0] = NaN"), e.getMessage());
  }
}
