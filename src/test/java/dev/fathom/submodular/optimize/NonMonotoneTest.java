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
import dev.fathom.submodular.function.GraphCut;
import org.junit.jupiter.api.Test;

/** Random and double greedy on cut functions (lambda = 1: f(S) = cut(S, V \ S)). */
class NonMonotoneTest {
  @Test
  void doubleGreedyKeepsHalfOfOptimumOnAverage() {
    for (long inst = 0; inst < 5; inst++) {
      GraphCut f = new GraphCut(Instances.symmetric(Rng.create(inst), 12), 1.0);
      double opt = Instances.bruteForce(f, Constraint.cardinality(12), 12);
      double sum = 0;
      int trials = 30;
      for (int seed = 0; seed < trials; seed++) {
        Selection s = NonMonotone.doubleGreedy(f, seed);
        assertEquals(f.evaluate(s.elements()), s.value(), 1e-9);
        sum += s.value();
      }
      assertTrue(sum / trials >= 0.5 * opt, "instance " + inst);
    }
  }

  @Test
  void randomGreedyKeepsInverseEOfOptimumOnAverage() {
    for (long inst = 0; inst < 5; inst++) {
      GraphCut f = new GraphCut(Instances.symmetric(Rng.create(inst), 12), 1.0);
      int k = 4;
      double opt = Instances.bruteForce(f, Constraint.cardinality(k), k);
      double sum = 0;
      int trials = 30;
      for (int seed = 0; seed < trials; seed++) {
        Selection s = NonMonotone.randomGreedy(f, k, seed);
        assertTrue(s.size() <= k);
        sum += s.value();
      }
      assertTrue(sum / trials >= opt / Math.E, "instance " + inst);
    }
    GraphCut f = new GraphCut(Instances.symmetric(Rng.create(1), 12), 1.0);
    assertArrayEquals(
        NonMonotone.randomGreedy(f, 3, 5).elements(), NonMonotone.randomGreedy(f, 3, 5).elements());
  }

  @Test
  void badInput() {
    GraphCut f = new GraphCut(Instances.symmetric(Rng.create(1), 5), 1.0);
    assertThrows(IllegalArgumentException.class, () -> NonMonotone.randomGreedy(f, -1, 1));
    assertEquals(
        "f.selection() = [0, 1, 2]: expected a feasible start set",
        assertThrows(
                IllegalArgumentException.class,
                () -> NonMonotone.randomGreedy(f.startingFrom(0, 1, 2), 2, 1))
            .getMessage());
    assertThrows(NullPointerException.class, () -> NonMonotone.doubleGreedy(null, 1));
  }

  @Test
  void startSetsStayAndTheGuaranteesHoldAgainstTheBestSuperset() {
    int n = 11;
    for (long inst = 0; inst < 4; inst++) {
      GraphCut f = new GraphCut(Instances.symmetric(Rng.create(inst + 40), n), 1.0);
      int[] start = java.util.Arrays.copyOf(Rng.permutation(Rng.create(inst), n), 2);
      SetFunction from = f.startingFrom(start);
      int k = 5;
      double optK = Instances.bruteForceFrom(f, start, Constraint.cardinality(k), k);
      double optAll = Instances.bruteForceFrom(f, start, Constraint.cardinality(n), n);
      double sumRandom = 0;
      double sumDouble = 0;
      int trials = 40;
      for (int seed = 0; seed < trials; seed++) {
        Selection r = NonMonotone.randomGreedy(from, k, seed);
        Selection d = NonMonotone.doubleGreedy(from, seed);
        assertTrue(r.size() <= k - start.length);
        for (Selection s : new Selection[] {r, d}) {
          int[] all = java.util.Arrays.copyOf(start, start.length + s.size());
          System.arraycopy(s.elements(), 0, all, start.length, s.size());
          assertEquals(all.length, java.util.Arrays.stream(all).distinct().count());
          assertEquals(f.evaluate(all), s.value(), 1e-9);
        }
        sumRandom += r.value();
        sumDouble += d.value();
      }
      assertTrue(sumRandom / trials >= optK / Math.E, "instance " + inst);
      assertTrue(sumDouble / trials >= 0.5 * optAll, "instance " + inst);
    }
  }
}
