package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import org.junit.jupiter.api.Test;

/**
 * A budget-only rule stops only on an exactly zero residual, and that residual does stop it: every
 * solver started at the zero of {@code F(x) = x} (residual exactly 0) returns at once, converged.
 */
class ZeroResidualStopTest {
  @Test
  void anExactlyZeroResidualStopsEverySolverAtTheStart() {
    FiniteSumOperator identity = new LeastSquares(new double[][] {{1, 0}, {0, 1}}, new double[2]);
    Problem p = Problem.of("x = 0", identity, Resolvents.identity(2), new double[2]);
    MonotoneSolver[] solvers = {
      new Halpern(), new VrHalpern(1), InexactHalpern.deterministic(), ExtraGradient.eg()
    };
    for (MonotoneSolver s : solvers) {
      InclusionResult r = s.solve(p, StoppingRule.budget(50));
      assertEquals(Status.CONVERGED, r.status(), s.name());
      assertEquals(0, r.iterations(), s.name());
      assertEquals(0.0, r.residual(), s.name());
      assertEquals(0, r.oracleCalls(), s.name());
    }
  }
}
