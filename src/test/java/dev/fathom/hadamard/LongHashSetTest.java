package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongHashSetTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 6, 7, 12, 22, 30, 31, 40, 62})
  void countDistinctMatchesAJavaSet(int bits) {
    // Small ranges take the bit set, large ones the hash table; repeats and the range's ends
    // are included either way.
    SplittableRandom r = new SplittableRandom(bits);
    long top = (1L << bits) - 1;
    for (int len : new int[] {0, 1, 5, 1000, 40_000}) {
      long[] values = new long[len];
      for (int i = 0; i < len; i++) {
        values[i] =
            i % 7 == 3 ? values[r.nextInt(i)] : i % 11 == 5 ? top : r.nextLong(Math.max(1, top));
      }
      Set<Long> expected = new HashSet<>();
      for (long v : values) {
        expected.add(v);
      }
      assertEquals(expected.size(), LongHashSet.countDistinct(values, bits), "len " + len);
    }
  }
}
