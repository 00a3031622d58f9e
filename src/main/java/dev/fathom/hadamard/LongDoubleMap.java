package dev.fathom.hadamard;

import dev.fathom.core.Rng;
import java.util.Arrays;

/**
 * Open-addressing map from non-negative longs to doubles (linear probing, load at most 1/2), for
 * the coefficients SPRIGHT records while peeling: no boxing, one array probe per access.
 */
final class LongDoubleMap {
  private static final long EMPTY = -1L;

  /** The radix sort's digit: 11 bits, 2048 counters. */
  private static final int DIGIT = 11;

  private static final long DIGIT_MASK = (1L << DIGIT) - 1;

  private long[] keys;
  private double[] values;
  private int size;

  /** The sort's scratch, kept for the next sort (see {@link #clear}): two key and value buffers. */
  private long[] sortKeys = new long[0];

  private long[] sortKeys2 = new long[0];
  private double[] sortValues = new double[0];
  private double[] sortValues2 = new double[0];
  private final int[] count = new int[(1 << DIGIT) + 1];

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

  /**
   * Removes every entry, keeping the arrays (and the capacity reached) for reuse: the same later
   * results as a new map, whose slot order only the sorted outputs could reveal.
   */
  void clear() {
    if (size > 0) {
      Arrays.fill(keys, EMPTY);
      size = 0;
    }
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
    int m = sortedAbove(threshold, out, new double[size]);
    return Arrays.copyOf(out, m);
  }

  /**
   * Writes the entries whose value exceeds {@code threshold} in magnitude into {@code keysOut} and
   * {@code valuesOut} (each of length at least {@link #size()}), in increasing order of key, and
   * returns their number. Sorted by a least-significant-digit radix sort on 11-bit digits of the
   * keys (two passes for keys below 2^22), which carries the values along; the comparison sort's
   * unpredictable branches cost several times more on a thousand random keys.
   */
  int sortedAbove(double threshold, long[] keysOut, double[] valuesOut) {
    if (sortKeys.length < size) {
      sortKeys = new long[size];
      sortKeys2 = new long[size];
      sortValues = new double[size];
      sortValues2 = new double[size];
    }
    long[] k = sortKeys;
    double[] v = sortValues;
    int m = 0;
    long all = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && Math.abs(values[i]) > threshold) {
        k[m] = keys[i];
        v[m++] = values[i];
        all |= keys[i];
      }
    }
    int passes = (64 - Long.numberOfLeadingZeros(all) + DIGIT - 1) / DIGIT;
    if (m < 64 || passes > 3) {
      long[] sorted = Arrays.copyOf(k, m);
      Arrays.sort(sorted);
      for (int i = 0; i < m; i++) {
        keysOut[i] = sorted[i];
        valuesOut[i] = get(sorted[i]);
      }
      return m;
    }
    long[] k2 = sortKeys2;
    double[] v2 = sortValues2;
    for (int p = 0; p < passes; p++) {
      int shift = p * DIGIT;
      Arrays.fill(count, 0);
      for (int i = 0; i < m; i++) {
        count[(int) ((k[i] >>> shift) & DIGIT_MASK) + 1]++;
      }
      for (int d = 1; d < count.length; d++) {
        count[d] += count[d - 1];
      }
      for (int i = 0; i < m; i++) {
        int at = count[(int) ((k[i] >>> shift) & DIGIT_MASK)]++;
        k2[at] = k[i];
        v2[at] = v[i];
      }
      long[] tk = k;
      k = k2;
      k2 = tk;
      double[] tv = v;
      v = v2;
      v2 = tv;
    }
    System.arraycopy(k, 0, keysOut, 0, m);
    System.arraycopy(v, 0, valuesOut, 0, m);
    return m;
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
