package dev.fathom.submodular;

/**
 * Counts oracle calls (marginal-gain or value evaluations). A set function and all its {@link
 * SetFunction#copy() copies} share one counter, so an algorithm that works on many copies reports
 * its total query complexity. A counter may have a parent that sees every call it counts: a dynamic
 * algorithm counts its own calls on a child of the counter of the function it was given, so two
 * algorithms built on one function report their own calls each, while the function's counter still
 * reports the total. Not thread-safe.
 *
 * @since 1.0
 */
public final class OracleCounter {
  private final OracleCounter parent;
  private long calls;

  /** Creates a counter at zero. */
  public OracleCounter() {
    this(null);
  }

  /**
   * Creates a counter at zero whose calls are also counted on {@code parent}.
   *
   * @param parent the counter that also sees these calls, or null
   */
  OracleCounter(OracleCounter parent) {
    this.parent = parent;
  }

  /**
   * The number of calls counted so far.
   *
   * @return the count
   */
  public long calls() {
    return calls;
  }

  /** Sets the count back to zero. */
  public void clear() {
    calls = 0;
  }

  /**
   * Adds calls made elsewhere, on an {@link SetFunction#isolatedCopy() isolated copy}, to this
   * counter (and its parents).
   *
   * @param calls the number of calls, at least 0
   */
  public void record(long calls) {
    if (calls < 0) {
      throw dev.fathom.core.Args.fail("calls", calls, "a non-negative count");
    }
    this.calls += calls;
    if (parent != null) {
      parent.record(calls);
    }
  }

  void increment() {
    calls++;
    if (parent != null) {
      parent.increment();
    }
  }
}
