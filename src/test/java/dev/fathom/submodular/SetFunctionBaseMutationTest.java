package dev.fathom.submodular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.submodular.function.WeightedCoverage;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping of the {@link SetFunction} base class (members, value, counters, copies) against
 * a coverage function evaluated directly (found by mutation testing).
 */
class SetFunctionBaseMutationTest {
  private static final int N = 40;

  /** Set j covers items j and j + 1 (mod N + 1); item u weighs u + 1. */
  private static WeightedCoverage chain() {
    int[][] sets = new int[N][];
    for (int j = 0; j < N; j++) {
      sets[j] = new int[] {j, (j + 1) % (N + 1)};
    }
    double[] w = new double[N + 1];
    for (int u = 0; u <= N; u++) {
      w[u] = u + 1;
    }
    return new WeightedCoverage(sets, w);
  }

  /** The coverage value of a set, computed from the definition. */
  private static double direct(int... set) {
    boolean[] covered = new boolean[N + 1];
    double v = 0;
    for (int j : set) {
      for (int u : new int[] {j, (j + 1) % (N + 1)}) {
        if (!covered[u]) {
          covered[u] = true;
          v += u + 1;
        }
      }
    }
    return v;
  }

  @Test
  void addsKeepMembersOrderAndValuePastTheInitialBuffer() {
    WeightedCoverage f = chain();
    int[] order = new int[30];
    for (int t = 0; t < order.length; t++) {
      order[t] = (7 * t + 3) % N;
    }
    for (int t = 0; t < order.length; t++) {
      int e = order[t];
      assertFalse(f.contains(e));
      double before = f.value();
      double g = f.add(e);
      assertTrue(f.contains(e));
      assertEquals(direct(java.util.Arrays.copyOf(order, t + 1)) - before, g, 1e-12);
      assertEquals(direct(java.util.Arrays.copyOf(order, t + 1)), f.value(), 1e-12);
      assertEquals(t + 1, f.size());
    }
    assertArrayEquals(order, f.selection());
    assertEquals(0, f.counter().calls(), "adds are not oracle calls");
    assertThrows(IllegalArgumentException.class, () -> f.add(order[4]));
    // the set can grow to the whole ground set
    WeightedCoverage all = chain();
    for (int e = 0; e < N; e++) {
      all.add(e);
    }
    assertEquals(N, all.selection().length);
    assertEquals(direct(all.selection()), all.value(), 1e-12);
  }

  @Test
  void gainIsOneCallAndZeroForMembers() {
    WeightedCoverage f = chain();
    f.add(5);
    assertEquals(0.0, f.gain(5));
    assertEquals(direct(5, 6) - direct(5), f.gain(6), 1e-12);
    assertEquals(direct(5, 4) - direct(5), f.gain(4), 1e-12);
    assertEquals(3, f.counter().calls());
    assertThrows(IllegalArgumentException.class, () -> f.gain(-1));
    assertThrows(IllegalArgumentException.class, () -> f.gain(N));
    assertThrows(IllegalArgumentException.class, () -> f.contains(N));
    f.checkId(0);
    f.checkId(N - 1);
  }

  @Test
  void resetEmptiesMembersValueAndCache() {
    WeightedCoverage f = chain();
    f.add(1);
    f.add(2);
    f.add(3);
    f.reset();
    assertEquals(0, f.size());
    assertEquals(0.0, f.value());
    for (int e = 0; e < N; e++) {
      assertFalse(f.contains(e));
    }
    assertEquals(direct(2), f.gain(2), 1e-12, "the cache is cleared with the members");
    assertEquals(direct(2), f.add(2), 1e-12);
  }

  @Test
  void evaluateLeavesTheCurrentSetAndCountsOnce() {
    WeightedCoverage f = chain();
    f.add(10);
    f.add(11);
    assertEquals(direct(1, 2, 30), f.evaluate(1, 2, 30), 1e-12);
    assertEquals(direct(10, 11, 12), f.evaluate(10, 11, 12), 1e-12);
    assertEquals(0.0, f.evaluate());
    assertEquals(3, f.counter().calls());
    assertEquals(direct(10, 11), f.value(), 1e-12);
    assertArrayEquals(new int[] {10, 11}, f.selection());
    assertEquals(
        "set = [1, 2, 1]: expected distinct ids (1 repeats)",
        assertThrows(IllegalArgumentException.class, () -> f.evaluate(1, 2, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.evaluate(N));
    assertThrows(NullPointerException.class, () -> f.evaluate((int[]) null));
  }

  @Test
  void startingFromAddsToACopyAndChecksIds() {
    WeightedCoverage f = chain();
    f.add(0);
    SetFunction g = f.startingFrom(3, 4);
    assertArrayEquals(new int[] {0, 3, 4}, g.selection());
    assertEquals(direct(0, 3, 4), g.value(), 1e-12);
    assertArrayEquals(new int[] {0}, f.selection());
    assertEquals(0, f.counter().calls());
    assertEquals(
        "ids[1] = 40: expected an element id in [0, 40)",
        assertThrows(IllegalArgumentException.class, () -> f.startingFrom(1, N)).getMessage());
    assertEquals(
        "ids[0] = -1: expected an element id in [0, 40)",
        assertThrows(IllegalArgumentException.class, () -> f.startingFrom(-1)).getMessage());
    assertEquals(
        "ids[1] = 0: expected an id not already in the set (distinct, new ids)",
        assertThrows(IllegalArgumentException.class, () -> f.startingFrom(2, 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.startingFrom(2, 2));
    assertEquals(1, f.startingFrom(N - 1).size() - 1);
  }

  @Test
  void countersOfCopies() {
    WeightedCoverage f = chain();
    SetFunction shared = f.copy();
    shared.gain(1);
    assertEquals(1, f.counter().calls(), "a copy shares the counter");
    SetFunction own = f.copyWithOwnCounter();
    own.gain(1);
    own.copy().gain(2);
    assertEquals(2, own.counter().calls());
    assertEquals(3, f.counter().calls(), "the parent sees its child's calls");
    SetFunction isolated = f.isolatedCopy();
    isolated.gain(1);
    assertEquals(1, isolated.counter().calls());
    assertEquals(3, f.counter().calls(), "an isolated copy is not seen");
    own.counter().record(5);
    assertEquals(7, own.counter().calls());
    assertEquals(8, f.counter().calls(), "records reach the parent");
    own.counter().clear();
    assertEquals(0, own.counter().calls());
    assertEquals(8, f.counter().calls());
    assertEquals(
        "calls = -1: expected a non-negative count",
        assertThrows(IllegalArgumentException.class, () -> f.counter().record(-1)).getMessage());
    f.counter().record(0);
    assertEquals(8, f.counter().calls());
  }

  @Test
  void selectionRecordSize() {
    assertEquals(3, new Selection(new int[] {4, 5, 6}, new double[3], 1.0, 2).size());
  }
}
