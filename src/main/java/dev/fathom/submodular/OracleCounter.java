package dev.fathom.submodular;

/**
 * Counts oracle calls (marginal-gain or value evaluations). A set function and all its {@link
 * SetFunction#copy() copies} share one counter, so an algorithm that works on many copies reports
 * its total query complexity. Not thread-safe.
 */
public final class OracleCounter {
  private long calls;

  /** Creates a counter at zero. */
  public OracleCounter() {}

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

  void increment() {
    calls++;
  }
}
