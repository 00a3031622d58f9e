package dev.fathom.submodular.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.GraphCut;
import dev.fathom.submodular.optimize.Greedy;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Sieve-streaming++ against exhaustive optima, over many stream orders. */
class SieveStreamingTest {
  @Test
  void halfMinusEpsForEveryStreamOrder() {
    double eps = 0.1;
    int k = 3;
    for (long inst = 0; inst < 6; inst++) {
      SetFunction f =
          inst % 2 == 0 ? Instances.facility(inst, 12) : Instances.coverage(inst, 12, 30, 0.15);
      double opt = Instances.bruteForce(f, Constraint.cardinality(k), k);
      RandomGenerator rng = Rng.create(inst);
      for (int order = 0; order < 40; order++) {
        int[] stream = Rng.permutation(rng, 12);
        SieveStreaming sieve = new SieveStreaming(f, k, eps);
        for (int e : stream) {
          sieve.offer(e);
        }
        Selection s = sieve.result();
        assertTrue(s.size() <= k);
        assertEquals(f.evaluate(s.elements()), s.value(), 1e-9);
        assertTrue(s.value() >= (0.5 - eps) * opt, "instance " + inst + " order " + order);
      }
    }
  }

  @Test
  void halfMinusEpsForLiterallyEveryOrderOfASmallStream() {
    double eps = 0.1;
    int n = 7;
    int k = 2;
    for (long inst = 0; inst < 3; inst++) {
      SetFunction f =
          inst == 1 ? Instances.coverage(inst, n, 20, 0.2) : Instances.facility(inst, n);
      double opt = Instances.bruteForce(f, Constraint.cardinality(k), k);
      int[] order = {0, 1, 2, 3, 4, 5, 6};
      int orders = 0;
      do {
        SieveStreaming sieve = new SieveStreaming(f, k, eps);
        for (int e : order) {
          sieve.offer(e);
        }
        assertTrue(sieve.result().value() >= (0.5 - eps) * opt, "order " + Arrays.toString(order));
        orders++;
      } while (nextPermutation(order));
      assertEquals(5040, orders);
    }
  }

  static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    return true;
  }

  @Test
  void memoryStaysBounded() {
    double eps = 0.2;
    int k = 10;
    FacilityLocation f = Instances.facility(3, 500);
    SieveStreaming sieve = new SieveStreaming(f, k, eps);
    for (int e : Rng.permutation(Rng.create(1), 500)) {
      sieve.offer(e);
    }
    // thresholds span [max(LB, Delta)/(2k(1+eps)), Delta]: at most log(2k(1+eps))/log(1+eps) + 1
    double sieves = Math.log(2 * k * (1 + eps)) / Math.log1p(eps) + 2;
    assertTrue(sieve.maxLiveSieves() <= sieves, sieve.maxLiveSieves() + " > " + sieves);
    assertTrue(sieve.maxStoredElements() <= k * sieves);
    assertEquals(500, sieve.seen());
    Selection streamed = sieve.result();
    // the counter is shared by copies: read the sieve's calls before running anything else on f
    Selection offline = Greedy.lazy(f, Constraint.cardinality(k));
    assertTrue(streamed.value() >= (0.5 - eps) * offline.value());
    // one singleton call per element plus at most one per live sieve
    assertTrue(
        streamed.oracleCalls() <= 500 * (1 + (long) sieves), streamed.oracleCalls() + " " + sieves);
  }

  @Test
  void badInput() {
    FacilityLocation f = Instances.facility(1, 5);
    assertThrows(IllegalArgumentException.class, () -> new SieveStreaming(f, 0, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new SieveStreaming(f, 2, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SieveStreaming(new GraphCut(Instances.symmetric(Rng.create(1), 4), 1), 2, 0.1));
    SieveStreaming s = new SieveStreaming(f, 2, 0.1);
    assertThrows(IllegalArgumentException.class, () -> s.offer(7));
    assertEquals(0, s.result().size());
  }
}
