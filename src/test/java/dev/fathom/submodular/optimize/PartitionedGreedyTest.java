package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Knapsack;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.WeightedCoverage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** GreeDi and RandGreeDi against centralized greedy, exhaustive optima and the papers' bounds. */
class PartitionedGreedyTest {
  private static final double E1 = 1 - Math.exp(-1);

  @Test
  void onePartIsCentralizedLazyGreedy() {
    FacilityLocation f = Instances.facility(2, 120);
    Selection lazy = Greedy.lazy(f, Constraint.cardinality(8));
    PartitionedSelection p =
        PartitionedGreedy.greedi(f, Constraint.cardinality(8), new int[120], Runnable::run);
    assertArrayEquals(lazy.elements(), p.selection().elements());
    assertEquals(lazy.value(), p.selection().value(), 0.0);
    assertEquals(lazy.oracleCalls(), p.partCalls()[0]);
    assertEquals(8, p.unionSize());
  }

  @Test
  void theExecutorDoesNotChangeTheAnswerAndCallsAreCounted() throws Exception {
    FacilityLocation f = Instances.facility(7, 300);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int m : new int[] {2, 5, 9}) {
        long before = f.counter().calls();
        PartitionedSelection seq =
            PartitionedGreedy.randGreedi(f, Constraint.cardinality(10), m, Runnable::run, 4);
        long spent = f.counter().calls() - before;
        PartitionedSelection par =
            PartitionedGreedy.randGreedi(f, Constraint.cardinality(10), m, pool, 4);
        assertArrayEquals(seq.selection().elements(), par.selection().elements());
        assertArrayEquals(seq.partCalls(), par.partCalls());
        long sum = seq.mergeCalls();
        for (long c : seq.partCalls()) {
          sum += c;
        }
        assertEquals(sum, seq.selection().oracleCalls());
        assertEquals(sum, spent);
        assertEquals(f.evaluate(seq.selection().elements()), seq.selection().value(), 1e-9);
        assertEquals(
            Math.max(seq.mergedValue(), seq.bestPartValue()), seq.selection().value(), 0.0);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void greediMeetsItsBoundOnEveryPartitionAndRandGreediOnAverage() {
    int k = 3;
    for (long inst = 0; inst < 8; inst++) {
      WeightedCoverage f = Instances.coverage(inst, 12, 25, 0.15);
      double opt = Instances.bruteForce(f, Constraint.cardinality(k), k);
      for (int m = 1; m <= 4; m++) {
        PartitionedSelection p =
            PartitionedGreedy.greedi(
                f, Constraint.cardinality(k), Instances.parts(12, m), Runnable::run);
        assertTrue(p.selection().value() >= E1 * E1 / Math.min(m, k) * opt - 1e-12);
        double mean = 0;
        int runs = 60;
        for (long seed = 0; seed < runs; seed++) {
          mean +=
              PartitionedGreedy.randGreedi(f, Constraint.cardinality(k), m, Runnable::run, seed)
                      .selection()
                      .value()
                  / runs;
        }
        assertTrue(mean >= E1 / 2 * opt, "instance " + inst + " m " + m);
      }
    }
  }

  @Test
  void knapsackRunsCostBenefitInBothRounds() {
    FacilityLocation f = Instances.facility(5, 90);
    double[] cost = new double[90];
    Rng.uniform(Rng.create(5), 0.5, 2, cost);
    Knapsack knap = new Knapsack(cost, 7);
    PartitionedSelection one = PartitionedGreedy.greedi(f, knap, new int[90], Runnable::run);
    Selection cb = Greedy.costBenefit(f, knap);
    assertTrue(one.selection().value() >= cb.value() - 1e-12);
    for (int m : new int[] {2, 4}) {
      PartitionedSelection p = PartitionedGreedy.randGreedi(f, knap, m, Runnable::run, 3);
      double spent = 0;
      for (int e : p.selection().elements()) {
        spent += cost[e];
      }
      assertTrue(spent <= 7 + 1e-12);
      assertEquals(f.evaluate(p.selection().elements()), p.selection().value(), 1e-9);
      assertTrue(p.selection().value() >= 0.5 * cb.value(), "m " + m);
      assertSame(p, PartitionedGreedy.randGreedi(f, knap, m, Runnable::run, Rng.create(3)));
    }
  }

  @Test
  void seedOverloadDrawsAsItsGenerator() {
    FacilityLocation f = Instances.facility(8, 60);
    assertSame(
        PartitionedGreedy.randGreedi(f, Constraint.cardinality(5), 3, Runnable::run, 21),
        PartitionedGreedy.randGreedi(
            f, Constraint.cardinality(5), 3, Runnable::run, Rng.create(21)));
    int[] a = PartitionedGreedy.randomParts(50_000, 5, Rng.create(1));
    long key = Rng.create(1).nextLong();
    int[] counts = new int[5];
    for (int e = 0; e < a.length; e++) {
      assertEquals(PartitionedGreedy.randomPart(key, e, 5), a[e]);
      counts[a[e]]++;
    }
    for (int c : counts) {
      assertEquals(10_000, c, 400); // about 4.5 standard deviations
    }
  }

  private static void assertSame(PartitionedSelection a, PartitionedSelection b) {
    assertArrayEquals(a.selection().elements(), b.selection().elements());
    assertEquals(a.selection().oracleCalls(), b.selection().oracleCalls());
    assertArrayEquals(a.partCalls(), b.partCalls());
  }

  @Test
  void badInputIsRefusedByName() {
    FacilityLocation f = Instances.facility(1, 10);
    Constraint c = Constraint.cardinality(3);
    assertEquals(
        "part.length = 9: expected 10",
        assertThrows(
                IllegalArgumentException.class,
                () -> PartitionedGreedy.greedi(f, c, new int[9], Runnable::run))
            .getMessage());
    int[] neg = new int[10];
    neg[4] = -1;
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> PartitionedGreedy.greedi(f, c, neg, Runnable::run))
            .getMessage()
            .startsWith("part[4] = -1"));
    int[] big = new int[10];
    big[2] = 10;
    assertThrows(
        IllegalArgumentException.class, () -> PartitionedGreedy.greedi(f, c, big, Runnable::run));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> PartitionedGreedy.randGreedi(f, c, 0, Runnable::run, 1))
            .getMessage()
            .startsWith("machines = 0"));
    assertThrows(NullPointerException.class, () -> PartitionedGreedy.randGreedi(f, c, 2, null, 1));
    RandomGenerator none = null;
    assertThrows(
        NullPointerException.class,
        () -> PartitionedGreedy.randGreedi(f, c, 2, Runnable::run, none));
    assertThrows(
        NullPointerException.class,
        () -> PartitionedGreedy.greedi(f, (Constraint) null, new int[10], Runnable::run));
  }
}
