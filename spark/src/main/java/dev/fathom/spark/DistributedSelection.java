package dev.fathom.spark;

import java.util.List;

/**
 * The outcome of {@link DistributedGreedy}: the chosen elements, where they came from and what they
 * cost.
 *
 * @param ids the chosen elements' positions in the input RDD (as {@code zipWithIndex} numbers
 *     them), in the order they were chosen
 * @param elements the chosen elements, same order
 * @param value the objective's value on the chosen elements
 * @param unionValue the value of the driver's greedy solution on the union of the partition
 *     solutions
 * @param bestPartitionValue the largest value of a single partition's greedy solution
 * @param fromUnion whether the answer is the union solution (otherwise the best partition's)
 * @param candidates the size of the union the driver ran greedy on
 * @param partitions the number of non-empty partitions that ran greedy
 * @param oracleCalls the oracle calls spent on the executors and on the driver together
 * @param <T> the element type
 */
public record DistributedSelection<T>(
    long[] ids,
    List<T> elements,
    double value,
    double unionValue,
    double bestPartitionValue,
    boolean fromUnion,
    int candidates,
    int partitions,
    long oracleCalls) {
  /**
   * Copies the arrays.
   *
   * @param ids the chosen positions
   * @param elements the chosen elements
   * @param value the value
   * @param unionValue the union solution's value
   * @param bestPartitionValue the best partition solution's value
   * @param fromUnion whether the union solution was kept
   * @param candidates the union size
   * @param partitions the non-empty partitions
   * @param oracleCalls the oracle calls
   */
  public DistributedSelection {
    ids = ids.clone();
    elements = List.copyOf(elements);
  }

  /**
   * The chosen positions.
   *
   * @return a copy
   */
  @Override
  public long[] ids() {
    return ids.clone();
  }

  /**
   * The number of chosen elements.
   *
   * @return the size
   */
  public int size() {
    return ids.length;
  }
}
