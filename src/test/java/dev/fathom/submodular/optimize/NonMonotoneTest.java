package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
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
    f.add(0);
    assertThrows(IllegalArgumentException.class, () -> NonMonotone.doubleGreedy(f, 1));
  }
}
