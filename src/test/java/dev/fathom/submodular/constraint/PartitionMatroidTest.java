package dev.fathom.submodular.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.submodular.Instances;
import org.junit.jupiter.api.Test;

class PartitionMatroidTest {
  /** Independence by definition: at most capacity[p] chosen elements in every part p. */
  private static boolean independent(int[] part, int[] capacity, int[] set) {
    int[] count = new int[capacity.length];
    for (int e : set) {
      if (++count[part[e]] > capacity[part[e]]) {
        return false;
      }
    }
    return true;
  }

  @Test
  void acceptsExactlyTheSetsWithinEveryCapacity() {
    int[] part = {0, 1, 2, 0, 1, 2, 0, 2, 1};
    int[] capacity = {2, 0, 1};
    PartitionMatroid m = PartitionMatroid.parts(part).capacities(capacity);
    PartitionMatroid each = PartitionMatroid.parts(part).capacityEach(1);
    for (int mask = 0; mask < 1 << part.length; mask++) {
      int[] s = Instances.subset(mask);
      assertEquals(independent(part, capacity, s), Instances.feasible(m, s), "mask " + mask);
      assertEquals(
          independent(part, new int[] {1, 1, 1}, s), Instances.feasible(each, s), "mask " + mask);
    }
    assertEquals(2, m.partOf(2));
    assertEquals(2, m.capacity(0));
  }

  @Test
  void badInput() {
    assertEquals(
        "part[1] = 2: expected an integer in [0, 0]",
        assertThrows(
                IllegalArgumentException.class,
                () -> PartitionMatroid.parts(new int[] {0, 2}).capacities(1))
            .getMessage());
    assertEquals(
        "capacity[0] = -1: expected a non-negative integer",
        assertThrows(
                IllegalArgumentException.class,
                () -> PartitionMatroid.parts(new int[] {0}).capacities(-1))
            .getMessage());
    assertThrows(NullPointerException.class, () -> PartitionMatroid.parts(null));
  }
}
