package dev.fathom.relax;

/**
 * A sequence of linear systems solved one after another. Sequences whose next system depends on the
 * previous solution (a time-stepping simulation) read it through {@link #accept}. Not thread-safe.
 */
public interface InstanceSequence {
  /**
   * The next system.
   *
   * @return the instance
   * @throws java.util.NoSuchElementException if the sequence is exhausted
   */
  Instance next();

  /**
   * Hands back the solution of the system last returned by {@link #next}; the default ignores it.
   *
   * @param solution the computed solution (not kept; copied if needed)
   */
  default void accept(double[] solution) {}

  /**
   * The interval the contexts lie in, for contextual bandits.
   *
   * @return {@code {lo, hi}}
   */
  double[] contextRange();
}
