package dev.fathom.submodular;

import dev.fathom.submodular.optimize.KSubmodularGreedy;

/**
 * A function of k disjoint sets over the ground set {@code {0, ..., n-1}}, given by its value on an
 * assignment: {@code assignment[e]} is the set (type) of element e in {@code [0, k)}, or -1 when e
 * is in none. Used by {@link KSubmodularGreedy}; k-submodular functions (Huber and Kolmogorov) are
 * the k-set analogue of submodular ones, for example a monotone submodular function of the pairs
 * (element, type) restricted to one type per element.
 *
 * @since 1.0
 */
public interface KSetFunction {
  /**
   * The ground-set size n.
   *
   * @return n
   */
  int groundSize();

  /**
   * The number of types k.
   *
   * @return k
   */
  int types();

  /**
   * The value of an assignment, with {@code value(all -1) = 0}.
   *
   * @param assignment the type of each element, or -1; not modified
   * @return the value
   */
  double value(int[] assignment);
}
