package dev.fathom.hadamard;

import dev.fathom.core.Rng;
import java.util.Arrays;

/**
 * Open-addressing map from non-negative longs to doubles (linear probing, load at most 1/2), for
 * the coefficients SPRIGHT records while peeling: no boxing, one array probe per access.
 */
final class LongDoubleMap {
  private static final long EMPTY = -1L;

  private long[] keys;
  private double[] values;
  private int size;

  /**
   * An empty map sized for {@code expected} entries without growing (for at most {@code 2^20}
   * expected entries; beyond that it starts there and grows as entries arrive).
   *
   * @param expected the expected number of entries, at least 0
   */
  LongDoubleMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, Math.min(expected, 1 << 20)) * 2 - 1) << 1;
    keys = new long[cap];
    values = new double[cap];
    Arrays.fill(keys, EMPTY);
  }

  /** Adds {@code value} to the value of non-negative {@code key} (inserting it if absent). */
  void add(long key, double value) {
    int i = slot(key);
    if (keys[i] == key) {
      values[i] += value;
      return;
    }
    if (2 * (size + 1) > keys.length) {
      grow();
      i = slot(key);
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Whether {@code key} is present. */
  boolean containsKey(long key) {
    return keys[slot(key)] == key;
  }

  /** The value of {@code key}, or 0 if absent. */
  double get(long key) {
    int i = slot(key);
    return keys[i] == key ? values[i] : 0.0;
  }

  int size() {
    return size;
  }

  /** The keys whose value exceeds {@code threshold} in magnitude, in increasing order. */
  long[] sortedKeysAbove(double threshold) {
    long[] out = new long[size];
    int m = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && Math.abs(values[i]) > threshold) {
        out[m++] = keys[i];
      }
    }
    out = Arrays.copyOf(out, m);
    Arrays.sort(out);
    return out;
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) Rng.mix64(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    double[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new double[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int j = slot(oldKeys[i]);
        keys[j] = oldKeys[i];
        values[j] = oldValues[i];
      }
    }
  }
}
