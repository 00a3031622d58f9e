package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongDoubleMapTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 100, 5000, Integer.MAX_VALUE})
  void randomAddsMatchAJavaHashMap(int expected) {
    // Keys from a small range (many repeats) and a large one, more entries than the initial
    // capacity so the table grows; values summed as HashMap.merge(k, v, Double::sum) does. A huge
    // expected size (SPRIGHT with sparsity 2^31-1) starts from a bounded table.
    SplittableRandom r = new SplittableRandom(expected);
    LongDoubleMap map = new LongDoubleMap(expected);
    Map<Long, Double> ref = new HashMap<>();
    for (int op = 0; op < 20_000; op++) {
      long key = op % 3 == 0 ? r.nextLong(50) : r.nextLong(Long.MAX_VALUE);
      double value = r.nextInt(5) == 0 ? 0.0 : r.nextDouble(-10, 10);
      map.add(key, value);
      ref.merge(key, value, Double::sum);
      long probe = r.nextLong(60);
      assertEquals(ref.containsKey(probe), map.containsKey(probe));
      assertEquals(ref.getOrDefault(probe, 0.0), map.get(probe));
    }
    assertEquals(ref.size(), map.size());
    for (Map.Entry<Long, Double> e : ref.entrySet()) {
      assertEquals(e.getValue(), map.get(e.getKey()));
    }
    for (double threshold : new double[] {0.0, 1.0, 100.0}) {
      long[] want =
          ref.entrySet().stream()
              .filter(e -> Math.abs(e.getValue()) > threshold)
              .mapToLong(Map.Entry::getKey)
              .sorted()
              .toArray();
      assertArrayEquals(want, map.sortedKeysAbove(threshold), "threshold " + threshold);
    }
  }

  @Test
  void aClearedMapIsReusedLikeANewOne() {
    // One map through clear() after growing, shrinking counts and the sort's reused scratch.
    LongDoubleMap map = new LongDoubleMap(16);
    SplittableRandom r = new SplittableRandom(5);
    for (int count : new int[] {3000, 10, 0, 64, 5000, 63, 700}) {
      map.clear();
      java.util.TreeMap<Long, Double> ref = new java.util.TreeMap<>();
      for (int i = 0; i < count; i++) {
        long key = r.nextLong(1L << 22);
        double value = r.nextDouble(-10, 10);
        map.add(key, value);
        ref.merge(key, value, Double::sum);
      }
      assertEquals(ref.size(), map.size());
      long[] keys = new long[map.size()];
      double[] values = new double[map.size()];
      int m = map.sortedAbove(1.0, keys, values);
      int i = 0;
      for (Map.Entry<Long, Double> e : ref.entrySet()) {
        if (Math.abs(e.getValue()) > 1.0) {
          assertEquals(e.getKey(), keys[i], "count " + count);
          assertEquals(e.getValue(), values[i]);
          i++;
        }
      }
      assertEquals(i, m, "count " + count);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 11, 12, 22, 23, 33, 34, 62})
  void sortedEntriesMatchASortedJavaMap(int bits) {
    // Key ranges that take one, two and three radix passes, and the comparison sort beyond; few
    // entries (below the radix sort's minimum) and many.
    for (int count : new int[] {0, 10, 63, 64, 3000}) {
      SplittableRandom r = new SplittableRandom(31L * bits + count);
      LongDoubleMap map = new LongDoubleMap(count);
      java.util.TreeMap<Long, Double> ref = new java.util.TreeMap<>();
      for (int i = 0; i < count; i++) {
        long key = r.nextLong(1L << bits);
        double value = r.nextDouble(-10, 10);
        map.add(key, value);
        ref.merge(key, value, Double::sum);
      }
      for (double threshold : new double[] {0.0, 5.0}) {
        long[] keys = new long[map.size()];
        double[] values = new double[map.size()];
        int m = map.sortedAbove(threshold, keys, values);
        int i = 0;
        for (Map.Entry<Long, Double> e : ref.entrySet()) {
          if (Math.abs(e.getValue()) > threshold) {
            assertEquals(e.getKey(), keys[i], "bits " + bits + " count " + count);
            assertEquals(e.getValue(), values[i]);
            i++;
          }
        }
        assertEquals(i, m);
      }
    }
  }
}
