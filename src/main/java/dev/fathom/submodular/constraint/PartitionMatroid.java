package dev.fathom.submodular.constraint;

import dev.fathom.core.Args;

/**
 * The partition matroid: element {@code e} belongs to part {@code part[e]}, and a set is
 * independent when it holds at most {@code capacity[p]} elements of each part p. Immutable.
 *
 * @since 1.0
 */
public final class PartitionMatroid implements Matroid {
  private final int[] part;
  private final int[] capacity;

  private PartitionMatroid(int[] part, int[] capacity) {
    Args.notNull("part", part);
    Args.notNull("capacity", capacity);
    for (int p = 0; p < capacity.length; p++) {
      Args.nonNegative("capacity[" + p + "]", capacity[p]);
    }
    for (int e = 0; e < part.length; e++) {
      Args.inRange("part[" + e + "]", part[e], 0, capacity.length - 1);
    }
    this.part = part.clone();
    this.capacity = capacity.clone();
  }

  /**
   * Starts a partition matroid from the part of each element; name the capacities next, as in
   * {@code PartitionMatroid.parts(part).capacities(2, 1, 3)} (two int arrays are never adjacent
   * arguments, so they cannot be swapped).
   *
   * @param part the part of each element, non-null; copied when the matroid is made
   * @return the partial matroid, waiting for its capacities
   */
  public static Parts parts(int[] part) {
    return new Parts(Args.notNull("part", part));
  }

  /** A partition of the elements waiting for the capacities of its parts. */
  public static final class Parts {
    private final int[] part;

    private Parts(int[] part) {
      this.part = part;
    }

    /**
     * The matroid with these capacities.
     *
     * @param capacity the non-negative capacity of each part; every {@code part[e]} must lie in
     *     {@code [0, capacity.length)}; copied
     * @return the matroid
     */
    public PartitionMatroid capacities(int... capacity) {
      return new PartitionMatroid(part, capacity);
    }

    /**
     * The matroid with the same capacity for every part {@code 0..max(part)}.
     *
     * @param each the capacity of every part, non-negative
     * @return the matroid
     */
    public PartitionMatroid capacityEach(int each) {
      int parts = 0;
      for (int p : part) {
        parts = Math.max(parts, p + 1);
      }
      int[] capacity = new int[parts];
      java.util.Arrays.fill(capacity, Args.nonNegative("each", each));
      return new PartitionMatroid(part, capacity);
    }
  }

  /**
   * The part of element {@code e}.
   *
   * @param e an element id
   * @return its part
   */
  public int partOf(int e) {
    return part[e];
  }

  /**
   * The capacity of part {@code p}.
   *
   * @param p a part id
   * @return its capacity
   */
  public int capacity(int p) {
    return capacity[p];
  }

  /**
   * The rank, {@code sum_p min(capacity[p], |part p|)}.
   *
   * @return the rank
   */
  public int rank() {
    int[] count = new int[capacity.length];
    for (int p : part) {
      count[p]++;
    }
    int r = 0;
    for (int p = 0; p < capacity.length; p++) {
      r += Math.min(count[p], capacity[p]);
    }
    return r;
  }

  @Override
  public boolean independent(int[] set, int size) {
    int[] count = new int[capacity.length];
    for (int t = 0; t < size; t++) {
      if (++count[part[set[t]]] > capacity[part[set[t]]]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Tracker start() {
    return new Tracker() {
      private final int[] count = new int[capacity.length];

      @Override
      public boolean canAdd(int e) {
        return count[part[e]] < capacity[part[e]];
      }

      @Override
      public void add(int e) {
        count[part[e]]++;
      }
    };
  }
}
