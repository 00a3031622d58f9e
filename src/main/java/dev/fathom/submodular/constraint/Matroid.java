package dev.fathom.submodular.constraint;

import dev.fathom.core.Args;
import java.util.Arrays;

/**
 * A matroid given by its independence oracle. The default {@link #start() tracker} asks the oracle
 * about {@code S + e}; cardinality and partition matroids override it with O(1) checks.
 *
 * @since 1.0
 */
public interface Matroid extends Constraint {
  /**
   * Whether {@code set[0..size)} (distinct ids) is independent.
   *
   * @param set element ids; only the first {@code size} are read
   * @param size how many entries of {@code set} form the set
   * @return true if independent
   */
  boolean independent(int[] set, int size);

  @Override
  default Tracker start() {
    return new Tracker() {
      private int[] s = new int[8];
      private int size;

      @Override
      public boolean canAdd(int e) {
        if (size == s.length) {
          s = Arrays.copyOf(s, 2 * size);
        }
        s[size] = e;
        return independent(s, size + 1);
      }

      @Override
      public void add(int e) {
        if (size == s.length) {
          s = Arrays.copyOf(s, 2 * size);
        }
        s[size++] = e;
      }
    };
  }

  /**
   * Wraps a user-supplied independence oracle as a matroid (the matroid axioms are the caller's
   * responsibility).
   *
   * @param oracle the independence oracle
   * @return the matroid
   */
  static Matroid of(IndependenceOracle oracle) {
    Args.notNull("oracle", oracle);
    return oracle::independent;
  }

  /** An independence oracle: the one method of a general matroid. */
  @FunctionalInterface
  interface IndependenceOracle {
    /**
     * Whether {@code set[0..size)} is independent.
     *
     * @param set element ids; only the first {@code size} are read
     * @param size the set size
     * @return true if independent
     */
    boolean independent(int[] set, int size);
  }
}
