package dev.fathom.submodular.optimize;

/**
 * A binary max-heap of (bound, id) pairs ordered by bound descending, then id ascending, so that
 * lazy evaluation breaks ties exactly like a linear scan for the lowest id.
 */
final class GainHeap {
  private double[] key;
  private int[] id;
  private int size;
  private int[] frontier = new int[0];

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

  /**
   * Visits up to {@code limit} entries in the order {@link #pop()} would remove them (bound
   * descending, then id ascending, exactly so when no bound is NaN), without changing the heap,
   * until {@code visitor} returns false: a best-first walk down the heap from the root.
   */
  void visitInOrder(int limit, java.util.function.IntPredicate visitor) {
    if (size == 0 || limit <= 0) {
      return;
    }
    if (frontier.length < 2 * limit + 1) {
      frontier = new int[2 * limit + 1];
    }
    // a small max-heap of heap positions, by the same order
    int m = 0;
    frontier[m++] = 0;
    for (int visited = 0; visited < limit && m > 0; visited++) {
      int p = frontier[0];
      frontier[0] = frontier[--m];
      siftDownPositions(m);
      if (!visitor.test(id[p])) {
        return;
      }
      for (int c = 2 * p + 1; c <= 2 * p + 2 && c < size; c++) {
        int at = m++;
        while (at > 0) {
          int parent = (at - 1) >>> 1;
          int q = frontier[parent];
          if (!before(key[c], id[c], key[q], id[q])) {
            break;
          }
          frontier[at] = q;
          at = parent;
        }
        frontier[at] = c;
      }
    }
  }

  private void siftDownPositions(int m) {
    if (m == 0) {
      return;
    }
    int x = frontier[0];
    int p = 0;
    while (true) {
      int c = 2 * p + 1;
      if (c >= m) {
        break;
      }
      if (c + 1 < m
          && before(key[frontier[c + 1]], id[frontier[c + 1]], key[frontier[c]], id[frontier[c]])) {
        c++;
      }
      if (!before(key[frontier[c]], id[frontier[c]], key[x], id[x])) {
        break;
      }
      frontier[p] = frontier[c];
      p = c;
    }
    frontier[p] = x;
  }

  private static boolean before(double k1, int e1, double k2, int e2) {
    return k1 > k2 || (k1 == k2 && e1 < e2);
  }
}
