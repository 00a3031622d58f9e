package dev.fathom.submodular;

/**
 * A down-closed family of feasible sets (cardinality, matroid, knapsack). Algorithms grow a set one
 * element at a time and ask a {@link Tracker} whether the next element fits. Constraint objects are
 * immutable; trackers are not thread-safe.
 */
public interface Constraint {
  /**
   * Starts tracking an empty set.
   *
   * @return a fresh tracker
   */
  Tracker start();

  /** The state of one growing set under the constraint. */
  interface Tracker {
    /**
     * Whether the current set plus {@code e} is feasible ({@code e} not yet in the set).
     *
     * @param e an element id
     * @return true if feasible
     */
    boolean canAdd(int e);

    /**
     * Adds {@code e} to the tracked set; the caller has checked {@link #canAdd(int)}.
     *
     * @param e an element id
     */
    void add(int e);
  }

  /**
   * The cardinality constraint {@code |S| <= k}, a uniform matroid.
   *
   * @param k the budget, at least 0
   * @return the constraint
   */
  static Matroid cardinality(int k) {
    return new Cardinality(k);
  }
}
