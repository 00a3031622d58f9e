package dev.fathom.submodular.optimize;

/**
 * A binary max-heap of (bound, id) pairs ordered by bound descending, then id ascending, so that
 * lazy evaluation breaks ties exactly like a linear scan for the lowest id.
 */
final class GainHeap {
  private double[] key;
  private int[] id;
  private int size;

  GainHeap(int capacity) {
    key = new double[Math.max(1, capacity)];
    id = new int[Math.max(1, capacity)];
  }

  int size() {
    return size;
  }

  double topKey() {
    return key[0];
  }

  int topId() {
    return id[0];
  }

  void push(double k, int e) {
    if (size == key.length) {
      key = java.util.Arrays.copyOf(key, 2 * size);
      id = java.util.Arrays.copyOf(id, 2 * size);
    }
    int c = size++;
    while (c > 0) {
      int p = (c - 1) >>> 1;
      if (!before(k, e, key[p], id[p])) {
        break;
      }
      key[c] = key[p];
      id[c] = id[p];
      c = p;
    }
    key[c] = k;
    id[c] = e;
  }

  /** Removes the top entry. */
  void pop() {
    size--;
    if (size == 0) {
      return;
    }
    double k = key[size];
    int e = id[size];
    int p = 0;
    while (true) {
      int c = 2 * p + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && before(key[c + 1], id[c + 1], key[c], id[c])) {
        c++;
      }
      if (!before(key[c], id[c], k, e)) {
        break;
      }
      key[p] = key[c];
      id[p] = id[c];
      p = c;
    }
    key[p] = k;
    id[p] = e;
  }

  private static boolean before(double k1, int e1, double k2, int e2) {
    return k1 > k2 || (k1 == k2 && e1 < e2);
  }
}
