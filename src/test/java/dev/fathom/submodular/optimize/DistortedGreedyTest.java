package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.WeightedCoverage;
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
}
