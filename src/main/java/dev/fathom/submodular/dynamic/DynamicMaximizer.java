package dev.fathom.submodular.dynamic;

/**
 * Maintains an approximate maximizer of a monotone submodular function over a live set that changes
 * by insertions and deletions of element ids (the fully dynamic model with an oblivious adversary).
 * Not thread-safe.
 *
 * @since 1.0
 */
public interface DynamicMaximizer {
  /**
   * Inserts an element into the live set.
   *
   * @param e an id in {@code [0, n)} that is not live
   */
  void insert(int e);

  /**
   * Deletes an element from the live set.
   *
   * @param e a live id
   */
  void delete(int e);

  /**
   * The current solution, a subset of the live set.
   *
   * @return a new array of element ids
   */
  int[] solution();

  /**
   * f of the current solution (no oracle call).
   *
   * @return the value
   */
  double value();

  /**
   * The oracle calls this instance spent on updates so far (excluding its set-up calls). Calls of
   * other algorithms or code using the same function object are not included; the function's own
   * {@link dev.fathom.submodular.SetFunction#counter() counter} still sees them all.
   *
   * @return the count
   */
  long oracleCalls();

  /**
   * The number of live elements.
   *
   * @return the count
   */
  int liveCount();

  /**
   * Whether {@code e} is live.
   *
   * @param e an id in {@code [0, n)}
   * @return true if live
   */
  boolean isLive(int e);
}
