package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.IterationListener;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stopping rules, residual references, listeners and cancellation of the linear solvers. */
class SolveControlTest {

  /** A solver under test: the four listener-taking entry points. */
  private interface Solver {
    SolveResult solve(CsrMatrix a, double[] b, StoppingRule rule, IterationListener listener);
  }

  private static final String[] NAMES = {"SOR", "SSOR", "CG", "SSOR-PCG"};
  private static final Solver[] SOLVERS = {
    (a, b, rule, l) -> Sor.solve(a, b, null, 1.5, rule, l),
    (a, b, rule, l) -> Sor.solveSymmetric(a, b, null, 1.3, rule, l),
    (a, b, rule, l) -> ConjugateGradient.solve(a, b, null, rule, l),
    (a, b, rule, l) -> ConjugateGradient.solveSsor(a, b, null, 1.5, rule, l)
  };

  @Test
  void theListenerSeesEveryCheckedIterateWithItsTrueResidual() {
    CsrMatrix a = CsrMatrix.laplacian2d(10).plusDiagonal(0.05);
    double[] b = TestSystems.rhs(100, 5);
    StoppingRule rule = StoppingRule.relative(1e-8, 10_000).withHistory();
    double[] work = new double[100];
    for (int s = 0; s < SOLVERS.length; s++) {
      List<Double> seen = new ArrayList<>();
      List<Long> at = new ArrayList<>();
      double[] worst = {0};
      SolveResult r =
          SOLVERS[s].solve(
              a,
              b,
              rule,
              p -> {
                seen.add(p.residual());
                at.add(p.iteration());
                // the residual reported is that of the iterate handed over (recomputed here)
                double truth = a.residual(b, p.iterate(), work);
                worst[0] = Math.max(worst[0], Math.abs(truth - p.residual()) / Vectors.norm2(b));
              });
      assertEquals(Status.CONVERGED, r.status(), NAMES[s]);
      assertTrue(worst[0] < 1e-10, NAMES[s] + " " + worst[0]);
      double[] h = r.residualHistory();
      assertEquals(r.iterations() + 1, h.length, NAMES[s]);
      assertEquals(r.iterations(), seen.size(), NAMES[s]);
      for (int k = 0; k < seen.size(); k++) {
        assertEquals(k + 1, at.get(k), NAMES[s]);
        assertEquals(h[k + 1], seen.get(k), 1e-12 * h[0], NAMES[s]);
      }
      assertTrue(r.residual() <= rule.threshold(r.initialResidual()), NAMES[s]);
      assertEquals(a.residual(b, r.solution(), work), r.residual(), 1e-12 * h[0], NAMES[s]);
    }
  }

  @Test
  void aCancelledSolveReturnsTheIterateTheListenerSaw() {
    CsrMatrix a = CsrMatrix.laplacian2d(10).plusDiagonal(0.05);
    double[] b = TestSystems.rhs(100, 6);
    double[] work = new double[100];
    for (int s = 0; s < SOLVERS.length; s++) {
      double[][] kept = new double[1][];
      int[] calls = {0};
      SolveResult r =
          SOLVERS[s].solve(
              a,
              b,
              StoppingRule.relative(1e-12, 10_000).withHistory(),
              p -> {
                if (++calls[0] == 3) {
                  kept[0] = p.iterate().clone();
                  p.cancel();
                }
              });
      assertEquals(Status.CANCELLED, r.status(), NAMES[s]);
      assertFalse(r.converged(), NAMES[s]);
      assertEquals(3, calls[0], NAMES[s] + ": no check after the cancel");
      assertEquals(3, r.iterations(), NAMES[s]);
      assertEquals(4, r.residualHistory().length, NAMES[s]);
      assertArrayEquals(kept[0], r.solution(), 0.0, NAMES[s]);
      assertEquals(a.residual(b, r.solution(), work), r.residual(), 1e-10 * Vectors.norm2(b));
    }
  }

  @Test
  void theReferenceTurnsTheRelativeRuleIntoAnAbsoluteOnePerSystem() {
    double[] b = {3, 4};
    StoppingRule rule = StoppingRule.relative(1e-6, 50).withHistory();
    assertSame(rule, ResidualReference.INITIAL_RESIDUAL.ruleFor(rule, b));
    assertSame(rule, ResidualReference.RIGHT_HAND_SIDE.ruleFor(rule, new double[2]), "b = 0");
    StoppingRule rhs = ResidualReference.RIGHT_HAND_SIDE.ruleFor(rule, b);
    assertEquals(0, rhs.relativeTolerance());
    assertEquals(5e-6, rhs.absoluteTolerance(), 1e-20);
    assertEquals(50, rhs.maxIterations());
    assertTrue(rhs.keepHistory());
    StoppingRule floored = rule.withAbsoluteTolerance(1e-3);
    assertEquals(
        1e-3, ResidualReference.RIGHT_HAND_SIDE.ruleFor(floored, b).absoluteTolerance(), 0);
    assertThrows(
        NullPointerException.class, () -> ResidualReference.RIGHT_HAND_SIDE.ruleFor(rule, null));
  }

  @Test
  void rightHandSideReferenceStopsEarlierOnWarmStarts() {
    // From a warm start with ||r0|| << ||b||, measuring against ||b|| needs fewer sweeps.
    CsrMatrix a = CsrMatrix.laplacian2d(10);
    double[] b = TestSystems.rhs(100, 3);
    double[] warm = Sor.solve(a, b, null, 1.5, StoppingRule.relative(1e-3, 1000)).solution();
    StoppingRule r0 = StoppingRule.relative(1e-8, 10_000);
    SolveResult fromR0 = Sor.solve(a, b, warm, 1.5, r0);
    SolveResult fromB =
        Sor.solve(a, b, warm, 1.5, ResidualReference.RIGHT_HAND_SIDE.ruleFor(r0, b));
    assertTrue(fromB.iterations() < fromR0.iterations(), fromB + " vs " + fromR0);
    assertTrue(fromB.residual() <= 1e-8 * Vectors.norm2(b));
    assertTrue(fromR0.relativeResidual() <= 1e-8);
    // the same through the tuning interface
    Instance in = Instance.of(a.toCsc(), b).withInitialGuess(warm);
    assertEquals(
        fromB.iterations(),
        RelaxedSolver.sor(r0, ResidualReference.RIGHT_HAND_SIDE).solve(in, 1.5).iterations());
    assertEquals(fromR0.iterations(), RelaxedSolver.sor(r0).solve(in, 1.5).iterations());
  }

  @Test
  void anAbsoluteRuleMetAtTheStartRunsNothingAndNullsAreRefused() {
    CsrMatrix a = CsrMatrix.laplacian2d(4);
    double[] b = TestSystems.rhs(16, 1);
    int[] calls = {0};
    for (Solver s : SOLVERS) {
      SolveResult r = s.solve(a, b, StoppingRule.absolute(1e6, 10), p -> calls[0]++);
      assertEquals(Status.CONVERGED, r.status());
      assertEquals(0, r.iterations());
      NullPointerException e =
          assertThrows(
              NullPointerException.class, () -> s.solve(a, b, StoppingRule.absolute(1, 5), null));
      assertTrue(e.getMessage().startsWith("listener = null"), e.getMessage());
    }
    assertEquals(0, calls[0]);
  }
}
