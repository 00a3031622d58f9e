package dev.fathom.submodular.optimize;

import dev.fathom.submodular.Selection;

/**
 * What {@link PartitionedGreedy} selected, with the figures of its two rounds.
 *
 * @since 1.0
 */
public final class PartitionedSelection {
  private final Selection selection;
  private final double mergedValue;
  private final double bestPartValue;
  private final boolean mergedChosen;
  private final int unionSize;
  private final long[] partCalls;
  private final long mergeCalls;

  PartitionedSelection(
      Selection selection,
      double mergedValue,
      double bestPartValue,
      boolean mergedChosen,
      int unionSize,
      long[] partCalls,
      long mergeCalls) {
    this.selection = selection;
    this.mergedValue = mergedValue;
    this.bestPartValue = bestPartValue;
    this.mergedChosen = mergedChosen;
    this.unionSize = unionSize;
    this.partCalls = partCalls;
    this.mergeCalls = mergeCalls;
  }

  /**
   * The answer: the better of the merged and the best part's selection; its oracle calls are those
   * of both rounds.
   *
   * @return the selection
   */
  public Selection selection() {
    return selection;
  }

  /**
   * f of round two's selection on the union of the parts' choices.
   *
   * @return the value
   */
  public double mergedValue() {
    return mergedValue;
  }

  /**
   * f of the best part's own selection (NaN when every part was empty).
   *
   * @return the value
   */
  public double bestPartValue() {
    return bestPartValue;
  }

  /**
   * Whether the answer is round two's selection (rather than a part's).
   *
   * @return true if merged
   */
  public boolean mergedChosen() {
    return mergedChosen;
  }

  /**
   * The number of elements the parts passed to round two.
   *
   * @return the union size
   */
  public int unionSize() {
    return unionSize;
  }

  /**
   * The oracle calls of each part in round one (0 for an empty part), indexed by part.
   *
   * @return a new array
   */
  public long[] partCalls() {
    return partCalls.clone();
  }

  /**
   * The oracle calls of round two.
   *
   * @return the count
   */
  public long mergeCalls() {
    return mergeCalls;
  }
}
