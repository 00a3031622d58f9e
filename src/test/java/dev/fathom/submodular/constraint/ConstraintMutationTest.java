package dev.fathom.submodular.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The constraints' trackers and independence tests against their definitions, evaluated directly on
 * every prefix of random sequences (found by mutation testing).
 */
class ConstraintMutationTest {
  @Test
  void knapsackTrackerAcceptsExactlyThePrefixesWithinTheBudget() {
    // integer costs: the sums are exact, so a fit to the last unit is decided without rounding
    double[] cost = {3, 1, 4, 1, 5, 2, 6};
    double[] given = cost.clone();
    Knapsack k = new Knapsack(given, 9);
    given[0] = 100; // the constraint keeps its own copy
    assertEquals(3, k.cost(0));
    assertEquals(7, k.elements());
    assertEquals(9, k.budget());
    RandomGenerator rng = Rng.create(5);
    for (int trial = 0; trial < 200; trial++) {
      Constraint.Tracker t = k.start();
      double spent = 0;
      for (int step = 0; step < 6; step++) {
        int e = rng.nextInt(cost.length);
        boolean fits = spent + cost[e] <= 9;
        assertEquals(fits, t.canAdd(e), "trial " + trial + " step " + step);
        if (fits) {
          t.add(e);
          spent += cost[e];
        }
      }
    }
    Constraint.Tracker fill = k.start();
    fill.add(0);
    fill.add(5); // spent 3 + 2 = 5
    assertTrue(fill.canAdd(2), "5 + 4 = 9 fits the budget exactly");
    assertFalse(fill.canAdd(6), "5 + 6 = 11 does not");
  }

  @Test
  void knapsackRefusesBadCostsAndBudgets() {
    assertEquals(
        "cost[1] = 0.0: expected a finite positive number",
        assertThrows(IllegalArgumentException.class, () -> new Knapsack(new double[] {1, 0}, 1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Knapsack(new double[] {1}, -1));
    assertThrows(NullPointerException.class, () -> new Knapsack(null, 1));
    // a zero budget is allowed and admits nothing
    assertFalse(new Knapsack(new double[] {1}, 0).start().canAdd(0));
  }

  @Test
  void cardinalityTrackerAndIndependenceFollowK() {
    for (int k = 0; k <= 4; k++) {
      Cardinality c = new Cardinality(k);
      assertEquals(k, c.k());
      Constraint.Tracker t = c.start();
      int[] set = new int[6];
      for (int size = 0; size < 6; size++) {
        assertEquals(size < k, t.canAdd(size), "k " + k + " size " + size);
        set[size] = size;
        assertEquals(size + 1 <= k, c.independent(set, size + 1));
        t.add(size);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new Cardinality(-1));
  }

  @Test
  void filteredCardinalityAdmitsOnlyAllowedElementsUpToK() {
    Constraint c = Constraint.cardinality(2, e -> e % 2 == 0);
    Constraint.Tracker t = c.start();
    assertFalse(t.canAdd(1));
    assertTrue(t.canAdd(0));
    t.add(0);
    assertTrue(t.canAdd(4));
    t.add(4);
    assertFalse(t.canAdd(2), "k = 2 reached");
    assertThrows(IllegalArgumentException.class, () -> Constraint.cardinality(-1, e -> true));
    assertThrows(NullPointerException.class, () -> Constraint.cardinality(1, null));
  }

  @Test
  void matroidTrackerPassesTheWholeCandidateSetBeyondItsInitialCapacity() {
    // independence: distinct residues mod 13 and at most 11 elements; the tracker must hand the
    // oracle the chosen prefix plus the candidate, also after its buffer of 8 has grown
    Matroid m =
        Matroid.of(
            (set, size) -> {
              boolean[] seen = new boolean[13];
              for (int t = 0; t < size; t++) {
                if (seen[set[t] % 13]) {
                  return false;
                }
                seen[set[t] % 13] = true;
              }
              return size <= 11;
            });
    RandomGenerator rng = Rng.create(9);
    for (int trial = 0; trial < 50; trial++) {
      Constraint.Tracker t = m.start();
      boolean[] seen = new boolean[13];
      int size = 0;
      for (int step = 0; step < 40; step++) {
        int e = rng.nextInt(60);
        boolean ok = !seen[e % 13] && size + 1 <= 11;
        assertEquals(ok, t.canAdd(e), "trial " + trial + " step " + step);
        if (ok) {
          t.add(e);
          seen[e % 13] = true;
          size++;
        }
      }
      assertEquals(11, size, "a long random sequence fills the matroid");
    }
    // add without canAdd also grows the buffer
    Matroid all = Matroid.of((set, size) -> size <= 20);
    Constraint.Tracker t = all.start();
    for (int e = 0; e < 20; e++) {
      t.add(e);
    }
    assertFalse(t.canAdd(20));
    assertThrows(NullPointerException.class, () -> Matroid.of(null));
  }

  @Test
  void partitionMatroidRankTrackerAndIndependenceAgreeWithTheDefinition() {
    int[] part = {0, 1, 2, 0, 1, 2, 0, 2, 1, 0, 3};
    int[] capacity = {2, 0, 1, 3};
    PartitionMatroid m = PartitionMatroid.parts(part).capacities(capacity);
    int rank = 0;
    for (int mask = 0; mask < 1 << part.length; mask++) {
      int[] s = Instances.subset(mask);
      int[] count = new int[capacity.length];
      boolean ok = true;
      for (int e : s) {
        ok &= ++count[part[e]] <= capacity[part[e]];
      }
      assertEquals(ok, m.independent(s, s.length), "mask " + mask);
      assertEquals(ok, Instances.feasible(m, s), "mask " + mask);
      if (ok) {
        rank = Math.max(rank, s.length);
      }
    }
    assertEquals(rank, m.rank());
    assertEquals(2 + 0 + 1 + 1, m.rank());
    // capacityEach makes one part per id up to the largest, also parts without elements
    PartitionMatroid each = PartitionMatroid.parts(new int[] {2, 2, 2, 0}).capacityEach(2);
    assertEquals(2, each.capacity(1));
    assertEquals(3, each.rank());
    assertEquals(2, each.partOf(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> PartitionMatroid.parts(new int[] {0}).capacityEach(-1));
  }
}
