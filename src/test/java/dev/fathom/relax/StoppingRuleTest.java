package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoppingRuleTest {
  @Test
  void factoriesAndCopies() {
    StoppingRule paper = StoppingRule.paper();
    assertEquals(1e-8, paper.tolerance());
    assertEquals(10_000, paper.maxIterations());
    assertEquals(StoppingRule.Reference.INITIAL_RESIDUAL, paper.reference());
    assertFalse(paper.keepHistory());
    StoppingRule h = paper.withHistory().relativeTo(StoppingRule.Reference.RIGHT_HAND_SIDE);
    assertTrue(h.keepHistory());
    assertEquals(StoppingRule.Reference.RIGHT_HAND_SIDE, h.reference());
    assertEquals(3.0, h.referenceNorm(3.0, 5.0));
    assertEquals(5.0, paper.referenceNorm(3.0, 5.0));
    assertEquals(5.0, h.referenceNorm(0.0, 5.0), "b = 0 falls back to ||r0||");
  }

  @Test
  void rightHandSideReferenceStopsEarlierOnWarmStarts() {
    // From a warm start with ||r0|| << ||b||, measuring against ||b|| needs fewer sweeps.
    CsrMatrix a = CsrMatrix.laplacian2d(10);
    double[] b = TestSystems.rhs(100, 3);
    double[] warm = Sor.solve(a, b, null, 1.5, StoppingRule.of(1e-3, 1000)).x();
    StoppingRule r0 = StoppingRule.of(1e-8, 10_000);
    int fromR0 = Sor.solve(a, b, warm, 1.5, r0).iterations();
    int fromB =
        Sor.solve(a, b, warm, 1.5, r0.relativeTo(StoppingRule.Reference.RIGHT_HAND_SIDE))
            .iterations();
    assertTrue(fromB < fromR0, fromB + " vs " + fromR0);
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.of(1.0, 10));
    assertEquals("tolerance = 1.0: expected a number in (0.0, 1.0)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StoppingRule.of(Double.NaN, 10));
    assertEquals("tolerance = NaN: expected a number in (0.0, 1.0)", e.getMessage());
    assertThrows(NullPointerException.class, () -> new StoppingRule(1e-8, 10, null, false));
  }
}
