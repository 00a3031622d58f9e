package dev.fathom.hadamard;

import dev.fathom.core.Rng;

/** Open-addressing set of non-negative longs, used to count distinct queries. */
final class LongHashSet {
  /**
   * The number of distinct values in {@code values}, all in {@code [0, 2^bits)}. When a bit set
   * over the whole range takes fewer words than the hash table would (2^bits / 64 against four
   * entries per value), the values are marked in it: one access each, in a table a quarter of the
   * size or smaller, instead of hashing and probing (measured 65 against 185 us for the 39 936
   * queries of SPRIGHT at n = 22, K = 1024, about a tenth of the whole call).
   */
  static int countDistinct(long[] values, int bits) {
    if (bits < 31 && (1L << bits) / 64 <= 4L * values.length) {
      long[] seen = new long[(int) Math.max(1, (1L << bits) >>> 6)];
      int count = 0;
      for (long v : values) {
        int w = (int) (v >>> 6);
        long m = 1L << v;
        if ((seen[w] & m) == 0) {
          seen[w] |= m;
          count++;
        }
      }
      return count;
    }
    LongHashSet set = new LongHashSet(values.length);
    for (long v : values) {
      set.add(v);
    }
    return set.size();
  }

  private long[] table;
  private int size;

  LongHashSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    table = new long[cap];
    java.util.Arrays.fill(table, -1L);
  }

  /** Adds a non-negative value; returns true if it was new. */
  boolean add(long v) {
    if (2 * (size + 1) > table.length) {
      grow();
    }
    int mask = table.length - 1;
    int i = (int) Rng.mix64(v) & mask;
    while (table[i] != -1L) {
      if (table[i] == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = v;
    size++;
    return true;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    java.util.Arrays.fill(table, -1L);
    size = 0;
    for (long v : old) {
      if (v != -1L) {
        add(v);
      }
    }
  }
}
