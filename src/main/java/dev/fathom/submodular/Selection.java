package dev.fathom.submodular;

/**
 * What a maximization algorithm selected.
 *
 * @param elements the selected element ids, in the order they were added
 * @param gains the marginal gain of each element when it was added
 * @param value f of the selection
 * @param oracleCalls the oracle calls the algorithm spent
 * @since 1.0
 */
public record Selection(int[] elements, double[] gains, double value, long oracleCalls) {
  /**
   * The number of selected elements.
   *
   * @return the size
   */
  public int size() {
    return elements.length;
  }
}
