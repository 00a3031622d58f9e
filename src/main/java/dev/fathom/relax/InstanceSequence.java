package dev.fathom.relax;

import dev.fathom.core.Args;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A sequence of linear systems solved one after another. Sequences whose next system depends on the
 * previous solution (a time-stepping simulation) read it through {@link #accept}. Not thread-safe.
 *
 * @since 1.0
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

  /**
   * A fixed list of independent systems as a sequence, e.g. to run several policies on the same
   * systems.
   *
   * @param list the systems (not copied)
   * @param lo the lower end of the context interval
   * @param hi the upper end
   * @return the sequence, exhausted after {@code list.size()} systems
   */
  static InstanceSequence of(List<Instance> list, double lo, double hi) {
    Args.notNull("list", list);
    Args.finite("lo", lo);
    Args.finite("hi", hi);
    return new InstanceSequence() {
      private int next;

      @Override
      public Instance next() {
        if (next >= list.size()) {
          throw new NoSuchElementException("all " + list.size() + " systems taken");
        }
        return list.get(next++);
      }

      @Override
      public double[] contextRange() {
        return new double[] {lo, hi};
      }
    };
  }
}
