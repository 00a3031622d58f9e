package dev.fathom.hadamard;

import dev.fathom.core.Rng;

/** Open-addressing set of non-negative longs, used to count distinct queries. */
final class LongHashSet {
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
