package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Knapsack;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Greedy from an initial subset given as ids (apricot's initial_subset). */
class StartSetTest {
  private static final double ONE_MINUS_INV_E = 1 - Math.exp(-1);

  private static SetFunction instance(long seed, int n) {
    return seed % 2 == 0 ? Instances.facility(seed, n) : Instances.coverage(seed, n, 25, 0.2);
  }

  private static int[] start(long seed, int n, int m) {
    return Arrays.copyOf(Rng.permutation(Rng.create(seed + 50), n), m);
  }

  @Test
  void naiveAndLazyFromAStartSetEqualGreedyByHand() {
    int n = 12;
    int k = 5;
    for (long seed = 0; seed < 8; seed++) {
      SetFunction f = instance(seed, n);
      int[] start = start(seed, n, 2);
      SetFunction from = f.startingFrom(start);
      assertEquals(0, f.size(), "f is unchanged");
      assertEquals(f.evaluate(start), from.value(), 1e-9);
      int[] hand = Instances.handGreedy(f, start, k, false);
      for (Selection s :
          new Selection[] {
            Greedy.naive(from, Constraint.cardinality(k)),
            Greedy.lazy(from, Constraint.cardinality(k))
          }) {
        assertArrayEquals(hand, s.elements(), "seed " + seed);
        int[] all = Arrays.copyOf(start, start.length + hand.length);
        System.arraycopy(hand, 0, all, start.length, hand.length);
        assertEquals(f.evaluate(all), s.value(), 1e-9);
        double opt = Instances.bruteForceFrom(f, start, Constraint.cardinality(k), k);
        double f0 = f.evaluate(start);
        assertTrue(s.value() - f0 >= ONE_MINUS_INV_E * (opt - f0) - 1e-9, "seed " + seed);
      }
    }
  }

  @Test
  void stochasticThresholdAndCostBenefitKeepTheStartSetAndTheirGuarantees() {
    int n = 12;
    int k = 5;
    double eps = 0.1;
    for (long seed = 0; seed < 6; seed++) {
      SetFunction f = instance(seed, n);
      int[] start = start(seed, n, 2);
      SetFunction from = f.startingFrom(start);
      double f0 = f.evaluate(start);
      double opt = Instances.bruteForceFrom(f, start, Constraint.cardinality(k), k);
      Selection t = Greedy.threshold(from, k, eps);
      checkDisjoint(start, t, k);
      assertTrue(t.value() - f0 >= (ONE_MINUS_INV_E - eps) * (opt - f0) - 1e-9);
      double mean = 0;
      int runs = 30;
      for (int r = 0; r < runs; r++) {
        Selection s = Greedy.stochastic(from, k, eps, seed * 100 + r);
        checkDisjoint(start, s, k);
        mean += (s.value() - f0) / runs;
      }
      assertTrue(mean >= (ONE_MINUS_INV_E - eps) * (opt - f0) - 1e-9, "seed " + seed);
      RandomGenerator rng = Rng.create(seed);
      double[] cost = new double[n];
      Rng.uniform(rng, 0.5, 2, cost);
      Knapsack knapsack = new Knapsack(cost, cost[start[0]] + cost[start[1]] + 3);
      Selection c = Greedy.costBenefit(from, knapsack);
      double used = cost[start[0]] + cost[start[1]];
      for (int e : c.elements()) {
        used += cost[e];
      }
      assertTrue(used <= knapsack.budget() + 1e-12);
      double kOpt = Instances.bruteForceFrom(f, start, knapsack, n);
      assertTrue(c.value() - f0 >= ONE_MINUS_INV_E / 2 * (kOpt - f0) - 1e-9, "seed " + seed);
    }
  }

  private static void checkDisjoint(int[] start, Selection s, int k) {
    assertTrue(s.size() <= k - start.length, s.size() + " new elements");
    for (int e : s.elements()) {
      for (int x : start) {
        assertFalse(e == x, "start element " + x + " selected again");
      }
    }
    int[] all = Arrays.copyOf(start, start.length + s.size());
    System.arraycopy(s.elements(), 0, all, start.length, s.size());
    assertEquals(0, Arrays.stream(all).distinct().count() - all.length);
  }

  @Test
  void badStartSetsAreNamed() {
    SetFunction f = Instances.facility(1, 6);
    assertEquals(
        "ids[1] = 6: expected an element id in [0, 6)",
        assertThrows(IllegalArgumentException.class, () -> f.startingFrom(2, 6)).getMessage());
    assertEquals(
        "ids[2] = 2: expected an id not already in the set (distinct, new ids)",
        assertThrows(IllegalArgumentException.class, () -> f.startingFrom(2, 3, 2)).getMessage());
    assertThrows(NullPointerException.class, () -> f.startingFrom((int[]) null));
    SetFunction from = f.startingFrom(0, 1, 2);
    assertEquals(
        "f.selection() = [0, 1, 2]: expected a feasible start set",
        assertThrows(
                IllegalArgumentException.class, () -> Greedy.lazy(from, Constraint.cardinality(2)))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> Greedy.stochastic(from, 2, 0.1, 1L));
    assertEquals(0, Greedy.threshold(from, 3, 0.1).size(), "a full start set leaves no room");
  }
}
