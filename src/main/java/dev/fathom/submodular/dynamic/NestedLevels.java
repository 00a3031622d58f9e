package dev.fathom.submodular.dynamic;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A chain of nested sets {@code X_0 ⊇ X_1 ⊇ ...} over ids in {@code [0, n)}, stored as the depth of
 * each member ({@code x ∈ X_l ⇔ depth(x) >= l}) with one bucket per depth: O(1) insertion, removal
 * and depth change, {@code |X_l|} and a uniform element of {@code X_l} in time linear in the number
 * of depths.
 */
final class NestedLevels {
  private final int[] depth;
  private final int[] pos;
  private int[][] bucket = new int[4][];
  private int[] count = new int[4];
  private int members;

  NestedLevels(int n) {
    depth = new int[n];
    pos = new int[n];
    Arrays.fill(depth, -1);
  }

  /** The depth of {@code x}, or -1 if it is not in {@code X_0}. */
  int depth(int x) {
    return depth[x];
  }

  boolean contains(int x) {
    return depth[x] >= 0;
  }

  /** {@code |X_0|}. */
  int members() {
    return members;
  }

  /** Puts {@code x} (absent or present) at depth {@code d >= 0}. */
  void set(int x, int d) {
    if (depth[x] == d) {
      return;
    }
    if (depth[x] >= 0) {
      unlink(x);
    } else {
      members++;
    }
    if (d >= count.length) {
      int c = Math.max(d + 1, 2 * count.length);
      count = Arrays.copyOf(count, c);
      bucket = Arrays.copyOf(bucket, c);
    }
    if (bucket[d] == null) {
      bucket[d] = new int[8];
    } else if (count[d] == bucket[d].length) {
      bucket[d] = Arrays.copyOf(bucket[d], 2 * count[d]);
    }
    depth[x] = d;
    pos[x] = count[d];
    bucket[d][count[d]++] = x;
  }

  /** Removes {@code x} from every set of the chain. */
  void remove(int x) {
    if (depth[x] >= 0) {
      unlink(x);
      depth[x] = -1;
      members--;
    }
  }

  private void unlink(int x) {
    int d = depth[x];
    int p = pos[x];
    int last = bucket[d][--count[d]];
    bucket[d][p] = last;
    pos[last] = p;
  }

  /** {@code |X_l|} for {@code l >= 0}. */
  int sizeAtLeast(int l) {
    int s = 0;
    for (int d = l; d < count.length; d++) {
      s += count[d];
    }
    return s;
  }

  /** A uniformly random element of {@code X_l}, which must be non-empty. */
  int sample(int l, RandomGenerator rng) {
    int r = rng.nextInt(sizeAtLeast(l));
    for (int d = l; ; d++) {
      if (r < count[d]) {
        return bucket[d][r];
      }
      r -= count[d];
    }
  }

  /** The elements of {@code X_l}, in bucket order. */
  int[] elementsAtLeast(int l) {
    int[] out = new int[sizeAtLeast(l)];
    int t = 0;
    for (int d = l; d < count.length; d++) {
      if (count[d] > 0) {
        System.arraycopy(bucket[d], 0, out, t, count[d]);
        t += count[d];
      }
    }
    return out;
  }
}
