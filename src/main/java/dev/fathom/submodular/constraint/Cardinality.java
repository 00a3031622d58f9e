package dev.fathom.submodular.constraint;

import dev.fathom.core.Args;

/**
 * The uniform matroid {@code |S| <= k}. Immutable.
 *
 * @since 1.0
 */
public final class Cardinality implements Matroid {
  private final int k;

  /**
   * Creates the constraint.
   *
   * @param k the budget, at least 0
   */
  public Cardinality(int k) {
    this.k = Args.nonNegative("k", k);
  }

  /**
   * The budget k.
   *
   * @return k
   */
  public int k() {
    return k;
  }

  @Override
  public boolean independent(int[] set, int size) {
    return size <= k;
  }

  @Override
  public Tracker start() {
    return new Tracker() {
      private int size;

      @Override
      public boolean canAdd(int e) {
        return size < k;
      }

      @Override
      public void add(int e) {
        size++;
      }
    };
  }
}
