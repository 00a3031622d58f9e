package dev.fathom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoppingRuleTest {

  @Test
  void thresholdIsTheLargerOfTheTwoTolerances() {
    StoppingRule both = StoppingRule.relative(1e-3, 10).withAbsoluteTolerance(1e-6);
    assertEquals(1e-3 * 5, both.threshold(5), 0);
    assertEquals(1e-6, both.threshold(1e-5), 0);
    assertTrue(both.isMet(5e-3, 5));
    assertFalse(both.isMet(5.0001e-3, 5));
  }

  @Test
  void relativeRuleIsScaleInvariantAndAbsoluteRuleIsNot() {
    StoppingRule rel = StoppingRule.relative(1e-6, 100);
    StoppingRule abs = StoppingRule.absolute(1e-6, 100);
    for (double scale : new double[] {1e-12, 1, 1e12}) {
      assertTrue(rel.isMet(0.9e-6 * scale, scale));
      assertFalse(rel.isMet(1.1e-6 * scale, scale));
    }
    assertTrue(abs.isMet(0.9e-6, 1e12));
    assertFalse(abs.isMet(1.1e-6, 1e-12));
  }

  @Test
  void budgetStopsOnlyOnAnExactZeroResidual() {
    StoppingRule budget = StoppingRule.budget(7);
    assertEquals(7, budget.maxIterations());
    assertTrue(budget.isMet(0, 1));
    assertFalse(budget.isMet(Double.MIN_NORMAL, 0));
    assertFalse(budget.keepHistory());
  }

  @Test
  void withersCopyAndChangeOneField() {
    StoppingRule r = StoppingRule.relative(1e-4, 50);
    assertRule(r.withHistory(), 1e-4, 0, 50, true);
    assertRule(r.withMaxIterations(9), 1e-4, 0, 9, false);
    assertRule(r.withAbsoluteTolerance(2e-9), 1e-4, 2e-9, 50, false);
    assertRule(StoppingRule.absolute(1e-7, 5).withRelativeTolerance(0.25), 0.25, 1e-7, 5, false);
    assertEquals(r, StoppingRule.relative(1e-4, 50));
    assertEquals(r.hashCode(), StoppingRule.relative(1e-4, 50).hashCode());
    assertFalse(r.equals(r.withHistory()));
    assertFalse(r.equals(StoppingRule.absolute(1e-4, 50)));
    assertTrue(r.toString().contains("relativeTolerance=1.0E-4"), r.toString());
  }

  @Test
  void badParametersAreNamed() {
    StoppingRule r = StoppingRule.relative(0.5, 10);
    assertMessage(() -> r.withRelativeTolerance(1), "relativeTolerance = 1.0", "[0, 1)");
    assertMessage(() -> r.withRelativeTolerance(Double.NaN), "relativeTolerance = NaN", "[0, 1)");
    assertMessage(
        () -> r.withAbsoluteTolerance(Double.POSITIVE_INFINITY),
        "absoluteTolerance = Infinity",
        "finite");
    assertMessage(() -> r.withAbsoluteTolerance(-1), "absoluteTolerance = -1.0", ">= 0");
    assertMessage(() -> r.withMaxIterations(0), "maxIterations = 0", "positive");
    assertMessage(() -> r.withRelativeTolerance(0), "relativeTolerance = 0.0", "positive");
    assertMessage(() -> StoppingRule.relative(0, 3), "tolerance = 0.0", "(0, 1)");
    assertMessage(() -> StoppingRule.absolute(-1e-3, 3), "tolerance = -0.001", "positive");
    assertMessage(() -> StoppingRule.budget(-2), "maxIterations = -2", "positive");
  }

  private static void assertRule(
      StoppingRule r, double relative, double absolute, long max, boolean history) {
    assertEquals(relative, r.relativeTolerance(), 0);
    assertEquals(absolute, r.absoluteTolerance(), 0);
    assertEquals(max, r.maxIterations());
    assertEquals(history, r.keepHistory());
  }

  @Test
  void progressCarriesTheLatestUpdateAndTheCancellation() {
    Progress p = new Progress();
    assertTrue(Double.isNaN(p.residual()));
    double[] x = {1, 2};
    assertTrue(p == p.update(3, 40, 0.5, x));
    assertEquals(3, p.iteration());
    assertEquals(40, p.oracleCalls());
    assertEquals(0.5, p.residual(), 0);
    assertTrue(p.iterate() == x);
    assertFalse(p.isCancelled());
    p.cancel();
    assertTrue(p.isCancelled());
  }

  private static void assertMessage(Runnable r, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage() + " lacks " + part);
    }
  }

  @Test
  void factoryBoundariesGiveTheirOwnMessages() {
    assertEquals(
        "tolerance = 0.0: expected a relative tolerance in (0, 1)",
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.relative(0, 3))
            .getMessage());
    assertEquals(
        "tolerance = 1.0: expected a relative tolerance in (0, 1)",
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.relative(1, 3))
            .getMessage());
    assertEquals(
        "tolerance = 0.0: expected a positive finite absolute tolerance",
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.absolute(0, 3))
            .getMessage());
    assertEquals(
        "tolerance = Infinity: expected a positive finite absolute tolerance",
        assertThrows(
                IllegalArgumentException.class,
                () -> StoppingRule.absolute(Double.POSITIVE_INFINITY, 3))
            .getMessage());
    assertEquals(Double.MIN_VALUE, StoppingRule.absolute(Double.MIN_VALUE, 3).absoluteTolerance());
    assertEquals(Double.MIN_VALUE, StoppingRule.relative(Double.MIN_VALUE, 3).relativeTolerance());
  }

  @Test
  void equalityAndHashFollowAllFourFields() {
    StoppingRule a = StoppingRule.relative(1e-3, 10);
    StoppingRule same = StoppingRule.relative(1e-3, 10);
    assertEquals(a, same);
    assertEquals(a.hashCode(), same.hashCode());
    StoppingRule[] different = {
      StoppingRule.relative(2e-3, 10),
      a.withAbsoluteTolerance(1e-9),
      a.withMaxIterations(11),
      a.withHistory()
    };
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    hashes.add(a.hashCode());
    for (StoppingRule d : different) {
      assertFalse(a.equals(d), d.toString());
      assertFalse(d.equals(a), d.toString());
      hashes.add(d.hashCode());
    }
    // each field enters the hash: five rules, five hashes
    assertEquals(5, hashes.size());
    assertFalse(a.equals(null));
    assertFalse(a.equals("rule"));
  }

  @Test
  void onlyConvergedAndCompletedAreSuccesses() {
    for (Status s : Status.values()) {
      boolean success = s == Status.CONVERGED || s == Status.COMPLETED;
      assertEquals(success, s.isSuccess(), s.name());
      IterativeResult<double[]> r =
          new IterativeResult<>() {
            @Override
            public double[] solution() {
              return new double[0];
            }

            @Override
            public Status status() {
              return s;
            }

            @Override
            public long iterations() {
              return 0;
            }

            @Override
            public double residual() {
              return 0;
            }

            @Override
            public double[] residualHistory() {
              return new double[0];
            }
          };
      assertEquals(success, r.converged(), s.name());
    }
  }
}
