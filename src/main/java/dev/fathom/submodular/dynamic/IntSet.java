package dev.fathom.submodular.dynamic;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** A set of ids in {@code [0, n)} with O(1) add, remove, membership and uniform sampling. */
final class IntSet {
  private final int[] pos;
  private int[] items;
  private int size;

  IntSet(int n) {
    pos = new int[n];
    Arrays.fill(pos, -1);
    items = new int[Math.min(n, 16)];
  }

  int size() {
    return size;
  }

  boolean contains(int e) {
    return pos[e] >= 0;
  }

  int get(int i) {
    return items[i];
  }

  boolean add(int e) {
    if (pos[e] >= 0) {
      return false;
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, Math.min(pos.length, 2 * size + 1));
    }
    pos[e] = size;
    items[size++] = e;
    return true;
  }

  boolean remove(int e) {
    int p = pos[e];
    if (p < 0) {
      return false;
    }
    int last = items[--size];
    items[p] = last;
    pos[last] = p;
    pos[e] = -1;
    return true;
  }

  int sample(RandomGenerator rng) {
    return items[rng.nextInt(size)];
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      pos[items[i]] = -1;
    }
    size = 0;
  }

  int[] toArray() {
    return Arrays.copyOf(items, size);
  }
}
