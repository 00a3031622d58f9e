package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.submodular.Instances;
import dev.fathom.submodular.KSetFunction;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.dynamic.BanihashemDynamic;
import dev.fathom.submodular.dynamic.LattanziDynamic;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.streaming.SieveStreaming;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Budgets above the ground set size behave as the ground set size, and eps below the stated bound
 * is refused (issue 15).
 */
@SuppressWarnings("deprecation") // BanihashemDynamic keeps its eps floor tested
class LargeParametersTest {
  private static final int HUGE = Integer.MAX_VALUE;

  @Test
  void upperBoundWithABudgetAboveNIsTheBoundForN() {
    FacilityLocation f = Instances.facility(3, 12);
    Selection s = Greedy.lazy(f, dev.fathom.submodular.constraint.Constraint.cardinality(12));
    assertEquals(
        Greedy.upperBound(f, s.elements(), 12), Greedy.upperBound(f, s.elements(), HUGE), 0);
  }

  @Test
  void randomGreedyWithABudgetAboveNFinishesWithAValidSelection() {
    SetFunction f = Instances.coverage(4, 10, 30, 0.2);
    Selection s = NonMonotone.randomGreedy(f, HUGE, 9);
    int[] e = s.elements().clone();
    Arrays.sort(e);
    for (int i = 1; i < e.length; i++) {
      assertTrue(e[i] > e[i - 1], "distinct elements");
    }
    assertEquals(f.copy().evaluate(s.elements()), s.value(), 1e-9);
    assertTrue(s.elements().length <= 10);
  }

  @Test
  void distortedGreedyWithABudgetAboveNMatchesTheRoundByRoundRun() {
    SetFunction g = Instances.coverage(5, 8, 20, 0.3);
    double[] cost = new double[8];
    for (int i = 0; i < cost.length; i++) {
      cost[i] = 0.05 * (i + 1);
    }
    // m = 5000 > n = 8: the skipped rounds pick nothing, so the result equals the full run,
    // which is what a run of m = 5000 rounds computes (checked against the slow loop below).
    int m = 5000;
    Selection fast = DistortedGreedy.run(g, cost, m);
    Selection slow = slowDistorted(g, cost, m);
    assertArrayEquals(slow.elements(), fast.elements());
    assertEquals(slow.value(), fast.value(), 1e-12);
    Selection huge = DistortedGreedy.run(g, cost, HUGE);
    assertTrue(huge.elements().length <= 8);
  }

  /** The algorithm's definition, every round scanned. */
  private static Selection slowDistorted(SetFunction g0, double[] cost, int m) {
    SetFunction g = g0.copy();
    int n = g.groundSize();
    int[] picked = new int[n];
    double[] gains = new double[n];
    int size = 0;
    double value = 0;
    for (int i = 0; i < m; i++) {
      double factor = Math.pow(1 - 1.0 / m, m - i - 1);
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int e = 0; e < n; e++) {
        if (!g.contains(e)) {
          double score = factor * g.gain(e) - cost[e];
          if (score > bestScore) {
            bestScore = score;
            best = e;
          }
        }
      }
      if (best >= 0 && bestScore > 0) {
        double gain = g.add(best) - cost[best];
        picked[size] = best;
        gains[size++] = gain;
        value += gain;
      }
    }
    return new Selection(Arrays.copyOf(picked, size), Arrays.copyOf(gains, size), value, 0);
  }

  @Test
  void kSubmodularTotalSizeWithABudgetAboveNIsTheBudgetN() {
    KSetFunction f = KSubmodularGreedyTest.coverage(2, 7, 3, 10);
    KSubmodularGreedy.KSelection a = KSubmodularGreedy.totalSize(f, 7);
    KSubmodularGreedy.KSelection b = KSubmodularGreedy.totalSize(f, HUGE);
    assertArrayEquals(a.elements(), b.elements());
    assertArrayEquals(a.types(), b.types());
    KSubmodularGreedy.KSelection c =
        KSubmodularGreedy.individualSizes(f, new int[] {HUGE, HUGE, HUGE});
    assertArrayEquals(a.elements(), c.elements());
  }

  @Test
  void epsBelowTheStatedBoundIsRefused() {
    FacilityLocation f = Instances.facility(1, 10);
    String m =
        assertThrows(IllegalArgumentException.class, () -> Greedy.threshold(f, 3, 1e-12))
            .getMessage();
    assertTrue(m.startsWith("eps = 1.0E-12"), m);
    assertThrows(IllegalArgumentException.class, () -> new SieveStreaming(f, 3, 1e-9));
    assertThrows(IllegalArgumentException.class, () -> new LattanziDynamic(f, 3, 1e-9, 1));
    assertThrows(IllegalArgumentException.class, () -> new BanihashemDynamic(f, 3, 1e-9, 1));
    assertTrue(Greedy.threshold(f, 3, 0.01).elements().length <= 3);
  }
}
