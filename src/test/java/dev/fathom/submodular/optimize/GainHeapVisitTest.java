package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** {@link GainHeap#visitInOrder} against popping a copy of the same heap. */
class GainHeapVisitTest {

  @Test
  void visitsInPopOrderWithoutChangingTheHeap() {
    RandomGenerator rng = Rng.create(21);
    for (int trial = 0; trial < 200; trial++) {
      int size = 1 + rng.nextInt(60);
      GainHeap heap = new GainHeap(4);
      GainHeap copy = new GainHeap(4);
      for (int e = 0; e < size; e++) {
        double key = rng.nextInt(8) / 2.0; // many ties, broken by id
        heap.push(key, e);
        copy.push(key, e);
      }
      int limit = 1 + rng.nextInt(size + 3);
      int stopAfter = 1 + rng.nextInt(size + 3);
      int[] seen = new int[size];
      int[] count = {0};
      heap.visitInOrder(
          limit,
          x -> {
            seen[count[0]++] = x;
            return count[0] < stopAfter;
          });
      int expected = Math.min(size, Math.min(limit, stopAfter));
      int[] popped = new int[expected];
      for (int t = 0; t < expected; t++) {
        popped[t] = copy.topId();
        copy.pop();
      }
      assertArrayEquals(popped, Arrays.copyOf(seen, count[0]), "trial " + trial);
      // unchanged: it still pops everything in order
      assertEquals(size, heap.size());
      double lastKey = Double.POSITIVE_INFINITY;
      int lastId = -1;
      while (heap.size() > 0) {
        double k = heap.topKey();
        int id = heap.topId();
        assertEquals(true, k < lastKey || (k == lastKey && id > lastId), "trial " + trial);
        lastKey = k;
        lastId = id;
        heap.pop();
      }
    }
  }
}
