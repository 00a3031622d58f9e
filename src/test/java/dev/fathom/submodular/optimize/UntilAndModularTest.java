package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Knapsack;
import dev.fathom.submodular.function.GraphCut;
import dev.fathom.submodular.function.WeightedCoverage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Greedy.Until.FULL ("exactly k") and modular selection against hand computation. */
class UntilAndModularTest {
  @Test
  void fullSelectsExactlyKThroughZeroAndNegativeGains() {
    // coverage of 4 items by 10 sets: the gains reach zero after a few picks
    WeightedCoverage cover = Instances.coverage(3, 10, 4, 0.4);
    // a graph cut with lambda = 1 is non-monotone: its gains turn negative
    GraphCut cut = new GraphCut(Instances.symmetric(Rng.create(4), 9), 1);
    for (SetFunction f : new SetFunction[] {cover, cut}) {
      int k = 7;
      int[] hand = Instances.handGreedy(f, new int[0], k, true);
      Selection naive = Greedy.naive(f, Constraint.cardinality(k), Greedy.Until.FULL);
      Selection lazy = Greedy.lazy(f, Constraint.cardinality(k), Greedy.Until.FULL);
      assertArrayEquals(hand, naive.elements());
      assertArrayEquals(hand, lazy.elements());
      assertArrayEquals(naive.gains(), lazy.gains(), 0.0);
      assertEquals(f.evaluate(hand), naive.value(), 1e-9);
      Selection stopped = Greedy.lazy(f, Constraint.cardinality(k));
      assertTrue(stopped.size() < k, "the default stops at the first non-positive gain");
      assertTrue(naive.gains()[stopped.size()] <= 0);
      assertArrayEquals(stopped.elements(), Arrays.copyOf(hand, stopped.size()));
    }
  }

  @Test
  void modularIsExactOnAModularFunctionAndSortsFirstGainsOtherwise() {
    // disjoint sets: coverage is modular, f(S) = sum of the weights of S's sets
    int n = 10;
    int[][] sets = new int[n][];
    for (int j = 0; j < n; j++) {
      sets[j] = new int[] {2 * j, 2 * j + 1};
    }
    double[] w = new double[2 * n];
    Rng.uniform(Rng.create(5), 0.1, 2, w);
    WeightedCoverage modular = new WeightedCoverage(sets, w);
    for (int k = 1; k <= 4; k++) {
      Selection s = Greedy.modular(modular, Constraint.cardinality(k), Greedy.Until.POSITIVE_GAIN);
      assertEquals(n, s.oracleCalls());
      assertEquals(Instances.bruteForce(modular, Constraint.cardinality(k), k), s.value(), 1e-12);
    }
    // a facility location: the order of the singleton values, gains recomputed when added
    SetFunction f = Instances.facility(6, 12);
    double[] single = IntStream.range(0, 12).mapToDouble(f::evaluate).toArray();
    int[] order =
        IntStream.range(0, 12)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer e) -> -single[e]).thenComparing(e -> e))
            .mapToInt(Integer::intValue)
            .toArray();
    Selection s = Greedy.modular(f, Constraint.cardinality(5), Greedy.Until.FULL);
    assertArrayEquals(Arrays.copyOf(order, 5), s.elements());
    assertEquals(f.evaluate(s.elements()), s.value(), 1e-9);
    assertEquals(single[order[0]], s.gains()[0], 1e-9);
    // a knapsack: elements that do not fit are skipped, later cheaper ones still taken
    RandomGenerator rng = Rng.create(7);
    double[] cost = new double[12];
    Rng.uniform(rng, 0.5, 3, cost);
    Knapsack knapsack = new Knapsack(cost, 4);
    Selection ks = Greedy.modular(f, knapsack, Greedy.Until.FULL);
    double used = 0;
    int t = 0;
    for (int e : order) {
      if (used + cost[e] <= 4) {
        used += cost[e];
        assertEquals(e, ks.elements()[t++]);
      }
    }
    assertEquals(t, ks.size());
  }

  @Test
  void badInput() {
    SetFunction f = Instances.facility(1, 4);
    assertEquals(
        "until = null: expected a non-null value",
        assertThrows(
                NullPointerException.class, () -> Greedy.lazy(f, Constraint.cardinality(2), null))
            .getMessage());
    assertThrows(
        NullPointerException.class, () -> Greedy.naive(f, Constraint.cardinality(2), null));
    assertThrows(NullPointerException.class, () -> Greedy.modular(f, null, Greedy.Until.FULL));
  }
}
