package dev.fathom.submodular.constraint;

import dev.fathom.core.Args;
import dev.fathom.submodular.dynamic.DynamicMaximizer;

/**
 * A down-closed family of feasible sets (cardinality, matroid, knapsack). Algorithms grow a set one
 * element at a time and ask a {@link Tracker} whether the next element fits. Constraint objects are
 * immutable; trackers are not thread-safe.
 *
 * @since 1.0
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

  /**
   * The cardinality constraint {@code |S| <= k} on the elements that {@code allowed} accepts (a
   * uniform matroid restricted to a subset; for example greedy over the live elements of a {@link
   * DynamicMaximizer}, with {@code allowed = d::isLive}).
   *
   * @param k the budget, at least 0
   * @param allowed which element ids may be chosen
   * @return the constraint
   */
  static Constraint cardinality(int k, java.util.function.IntPredicate allowed) {
    Args.nonNegative("k", k);
    Args.notNull("allowed", allowed);
    return () ->
        new Tracker() {
          private int size;

          @Override
          public boolean canAdd(int e) {
            return size < k && allowed.test(e);
          }

          @Override
          public void add(int e) {
            size++;
          }
        };
  }
}
