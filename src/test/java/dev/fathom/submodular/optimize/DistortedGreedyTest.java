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
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.WeightedCoverage;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Distorted greedy against its guarantee, checked for every competing set by enumeration. */
class DistortedGreedyTest {
  @Test
  void beatsOneMinusInverseEOfEveryCompetitorMinusItsCost() {
    double c1e = 1 - Math.exp(-1);
    for (long seed = 0; seed < 10; seed++) {
      int n = 12;
      int m = 4;
      WeightedCoverage g = Instances.coverage(seed, n, 30, 0.2);
      RandomGenerator rng = Rng.create(seed + 100);
      double[] cost = new double[n];
      Rng.uniform(rng, 0, 2.5, cost);
      Selection s = DistortedGreedy.run(g, cost, m);
      assertTrue(s.size() <= m);
      double direct = g.evaluate(s.elements());
      for (int e : s.elements()) {
        direct -= cost[e];
      }
      assertEquals(direct, s.value(), 1e-9);
      for (int mask = 0; mask < (1 << n); mask++) {
        if (Integer.bitCount(mask) > m) {
          continue;
        }
        int[] t = Instances.subset(mask);
        double ct = 0;
        for (int e : t) {
          ct += cost[e];
        }
        assertTrue(
            s.value() >= c1e * g.evaluate(t) - ct - 1e-9, "seed " + seed + " competitor " + mask);
      }
    }
  }

  @Test
  void zeroCostReducesToAGreedyWithTheSameGuarantee() {
    FacilityLocation g = Instances.facility(3, 12);
    Selection s = DistortedGreedy.run(g, new double[12], 3);
    double opt = Instances.bruteForce(g, Constraint.cardinality(3), 3);
    assertTrue(s.value() >= (1 - Math.exp(-1)) * opt);
    assertEquals(3, s.size());
  }

  @Test
  void badInput() {
    FacilityLocation g = Instances.facility(3, 5);
    assertThrows(
        IllegalArgumentException.class,
        () -> DistortedGreedy.run(g, new double[] {1, 1, 1, -1, 1}, 2));
    assertThrows(IllegalArgumentException.class, () -> DistortedGreedy.run(g, new double[4], 2));
    assertThrows(IllegalArgumentException.class, () -> DistortedGreedy.run(g, new double[5], -1));
  }

  static double cost(double[] cost, int[] set) {
    return Arrays.stream(set).mapToDouble(e -> cost[e]).sum();
  }

  static int[] union(int[] a, int[] b) {
    int[] u = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, u, a.length, b.length);
    return u;
  }

  /** Distorted greedy from a start set written out with whole-set evaluations. */
  static int[] byHand(SetFunction g, int[] start, double[] cost, int rounds) {
    int[] cur = start;
    for (int i = 0; i < rounds; i++) {
      double factor = Math.pow(1 - 1.0 / rounds, rounds - i - 1);
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int e = 0; e < g.groundSize(); e++) {
        final int x = e;
        if (Arrays.stream(cur).noneMatch(y -> y == x)) {
          double score =
              factor * (g.evaluate(union(cur, new int[] {e})) - g.evaluate(cur)) - cost[e];
          if (score > bestScore) {
            bestScore = score;
            best = e;
          }
        }
      }
      if (bestScore > 0) {
        cur = union(cur, new int[] {best});
      }
    }
    return Arrays.copyOfRange(cur, start.length, cur.length);
  }

  @Test
  void fromAStartSetTheGuaranteeHoldsForTheConditionedProblem() {
    double c1e = 1 - Math.exp(-1);
    int n = 11;
    int m = 5;
    for (long seed = 0; seed < 8; seed++) {
      WeightedCoverage g = Instances.coverage(seed, n, 30, 0.2);
      RandomGenerator rng = Rng.create(seed + 300);
      double[] cost = new double[n];
      Rng.uniform(rng, 0, 2.5, cost);
      int[] start = Arrays.copyOf(Rng.permutation(rng, n), 2);
      int mask0 = (1 << start[0]) | (1 << start[1]);
      double g0 = g.evaluate(start);
      Selection s = DistortedGreedy.run(g.startingFrom(start), cost, m);
      assertTrue(s.size() <= m - start.length);
      int[] all = union(start, s.elements());
      assertEquals(all.length, Arrays.stream(all).distinct().count(), "start elements repeated");
      assertEquals(g.evaluate(all) - cost(cost, all), s.value(), 1e-9);
      assertArrayEquals(byHand(g, start, cost, m - start.length), s.elements());
      double gained = g.evaluate(all) - g0 - cost(cost, s.elements());
      for (int mask = 0; mask < (1 << n); mask++) {
        if ((mask & mask0) != 0 || Integer.bitCount(mask) > m - start.length) {
          continue;
        }
        int[] t = Instances.subset(mask);
        double bound = c1e * (g.evaluate(union(start, t)) - g0) - cost(cost, t);
        assertTrue(gained >= bound - 1e-9, "seed " + seed + " competitor " + mask);
      }
    }
  }

  @Test
  void aStartSetMustFitTheBudget() {
    FacilityLocation g = Instances.facility(3, 5);
    double[] cost = {0.1, 0.2, 0.3, 0.4, 0.5};
    SetFunction from = g.startingFrom(1, 3);
    assertEquals(
        "m = 1: expected at least the 2 elements of g's current set",
        assertThrows(IllegalArgumentException.class, () -> DistortedGreedy.run(from, cost, 1))
            .getMessage());
    Selection none = DistortedGreedy.run(from, cost, 2);
    assertEquals(0, none.size());
    assertEquals(g.evaluate(1, 3) - 0.6, none.value(), 1e-12);
  }

  /**
   * Distorted greedy written out round by round, all m rounds with no skipping, on the ground set
   * from scratch: the reference for the round-skipping path taken when m exceeds n.
   */
  private static int[] literal(SetFunction g, double[] cost, int m) {
    int n = g.groundSize();
    java.util.List<Integer> chosen = new java.util.ArrayList<>();
    for (int i = 0; i < m; i++) {
      double factor = Math.pow(1 - 1.0 / m, m - i - 1);
      int[] cur = chosen.stream().mapToInt(Integer::intValue).toArray();
      double base = g.evaluate(cur);
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int e = 0; e < n; e++) {
        if (chosen.contains(e)) {
          continue;
        }
        int[] plus = Arrays.copyOf(cur, cur.length + 1);
        plus[cur.length] = e;
        double score = factor * (g.evaluate(plus) - base) - cost[e];
        if (score > bestScore) {
          bestScore = score;
          best = e;
        }
      }
      if (best >= 0 && bestScore > 0) {
        chosen.add(best);
      }
    }
    return chosen.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void roundsBeyondTheGroundSetAreSkippedWithoutChangingThePicks() {
    // m much larger than n: the early rounds' factor (1 - 1/m)^(m - i - 1) is tiny, so nothing
    // with a positive cost is taken until late; the run jumps over the rounds in which nothing
    // can change and must pick exactly what the literal m-round loop picks
    for (long seed = 0; seed < 6; seed++) {
      int n = 7;
      WeightedCoverage g = Instances.coverage(seed, n, 20, 0.3);
      double[] cost = new double[n];
      Rng.uniform(Rng.create(seed + 7), 0.05, 1.5, cost);
      for (int m : new int[] {n + 1, 40, 300}) {
        Selection s = DistortedGreedy.run(g, cost, m);
        int[] want = literal(g, cost, m);
        assertArrayEquals(want, s.elements(), "seed " + seed + " m " + m);
        double direct = g.evaluate(want);
        for (int e : want) {
          direct -= cost[e];
        }
        assertEquals(direct, s.value(), 1e-9, "seed " + seed + " m " + m);
        // the skip keeps the work at O(n^2) gains whatever m is (n + 1 rounds with n gains each)
        assertTrue(s.oracleCalls() <= (long) (n + 2) * (n + 2), "calls " + s.oracleCalls());
      }
    }
  }
}
