package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Knapsack;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Cost-benefit greedy and the greedy upper bound against plain, non-lazy re-implementations of
 * their definitions (found by mutation testing).
 */
class GreedyReferenceMutationTest {
  /** The better of the plain ratio greedy and the best feasible singleton. */
  private static int[] plainCostBenefit(SetFunction f, double[] cost, double budget) {
    int n = cost.length;
    int[] ratio = plainRatio(f, cost, budget);
    double ratioValue = f.evaluate(ratio);
    int single = -1;
    double singleValue = 0;
    for (int e = 0; e < n; e++) {
      if (cost[e] <= budget && f.evaluate(e) > singleValue) {
        singleValue = f.evaluate(e);
        single = e;
      }
    }
    return single >= 0 && singleValue > ratioValue ? new int[] {single} : ratio;
  }

  @Test
  void costBenefitIsTheBetterOfTheRatioGreedyAndTheBestSingleton() {
    for (long seed = 1; seed <= 60; seed++) {
      RandomGenerator rng = Rng.create(seed);
      int n = 9;
      SetFunction f = Instances.coverage(seed, n, 14, 0.3);
      double[] cost = new double[n];
      for (int e = 0; e < n; e++) {
        cost[e] = 0.5 + 2 * rng.nextDouble();
      }
      // one element worth much, at a cost that makes its ratio poor
      int big = rng.nextInt(n);
      cost[big] = 2.5 + rng.nextDouble();
      double budget = 2.0 + 2 * rng.nextDouble();
      int[] expected = plainCostBenefit(f, cost, budget);
      Selection s = Greedy.costBenefit(f, new Knapsack(cost, budget));
      assertArrayEquals(expected, s.elements(), "seed " + seed);
      assertEquals(f.evaluate(expected), s.value(), 1e-12, "seed " + seed);
      double spent = 0;
      for (int e : s.elements()) {
        spent += cost[e];
      }
      assertTrue(spent <= budget);
    }
    // the textbook case where the singleton wins: ratio 1 beats 10 / 10.5, then 1 does not fit
    SetFunction f =
        new dev.fathom.submodular.function.WeightedCoverage(
            new int[][] {{0}, {1}}, new double[] {1, 10});
    double[] cost = {1, 10.5};
    assertArrayEquals(new int[] {0}, plainRatio(f, cost, 10.5));
    Selection s = Greedy.costBenefit(f, new Knapsack(cost, 10.5));
    assertArrayEquals(new int[] {1}, s.elements());
    assertEquals(10.0, s.value());
    // and where the ratio greedy wins over every singleton
    Selection both = Greedy.costBenefit(f, new Knapsack(cost, 11.5));
    assertArrayEquals(new int[] {0, 1}, both.elements());
    assertEquals(11.0, both.value());
  }

  private static int[] plainRatio(SetFunction f, double[] cost, double budget) {
    SetFunction g = f.copy();
    double spent = 0;
    while (true) {
      int best = -1;
      double bestRatio = 0;
      for (int e = 0; e < cost.length; e++) {
        if (!g.contains(e) && spent + cost[e] <= budget) {
          double r = g.gain(e) / cost[e];
          if (r > bestRatio) {
            bestRatio = r;
            best = e;
          }
        }
      }
      if (best < 0) {
        return g.selection();
      }
      g.add(best);
      spent += cost[best];
    }
  }

  @Test
  void upperBoundIsTheSmallestPrefixValuePlusItsKLargestGains() {
    for (long seed = 1; seed <= 20; seed++) {
      RandomGenerator rng = Rng.create(seed + 100);
      int n = 10;
      SetFunction f = Instances.coverage(seed, n, 12, 0.35);
      int[] elements = Arrays.copyOf(Rng.permutation(rng, n), 1 + rng.nextInt(n - 1));
      for (int k : new int[] {1, 2, 4, n, n + 3}) {
        double expected = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= elements.length; i++) {
          int[] prefix = Arrays.copyOf(elements, i);
          double base = f.evaluate(prefix);
          double[] gains = new double[n];
          for (int e = 0; e < n; e++) {
            final int ee = e;
            boolean in = Arrays.stream(prefix).anyMatch(x -> x == ee);
            if (!in) {
              int[] with = Arrays.copyOf(prefix, i + 1);
              with[i] = e;
              gains[e] = f.evaluate(with) - base;
            }
          }
          Arrays.sort(gains);
          double sum = 0;
          for (int t = 0; t < Math.min(k, n); t++) {
            sum += gains[n - 1 - t];
          }
          expected = Math.min(expected, base + sum);
        }
        assertEquals(
            expected,
            Greedy.upperBound(f, elements, k),
            1e-9,
            "seed " + seed + " k " + k + " " + Arrays.toString(elements));
      }
    }
  }
}
