package dev.fathom.spark;

import dev.fathom.submodular.SetFunction;
import java.io.Serializable;
import java.util.List;

/**
 * A monotone submodular objective over elements of type {@code T}, rebuilt on any subset of the
 * elements: {@link #build(List)} gives the restriction of one fixed function to the listed elements
 * (element {@code j} of the ground set is {@code elements.get(j)}). Every partition and the driver
 * call it on their own elements, so a value computed anywhere is a value of the same function.
 * Shipped to the executors, hence {@link Serializable}.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Objective<T> extends Serializable {
  /**
   * The function restricted to {@code elements}.
   *
   * @param elements the ground set, at least one element
   * @return a fresh Fathom set function over {@code elements.size()} elements with an empty set
   */
  SetFunction build(List<T> elements);
}
