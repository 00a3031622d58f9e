package dev.fathom.relax;

/**
 * What a policy did over a sequence of systems.
 *
 * @since 1.0
 */
public final class TuningRun {
  private final String policy;
  private final int[] iterations;
  private final double[] omegas;
  private final long nanos;
  private final int unconverged;

  TuningRun(String policy, int[] iterations, double[] omegas, long nanos, int unconverged) {
    this.policy = policy;
    this.iterations = iterations;
    this.omegas = omegas;
    this.nanos = nanos;
    this.unconverged = unconverged;
  }

  /**
   * The policy's name.
   *
   * @return the policy's name
   */
  public String policy() {
    return policy;
  }

  /**
   * The cost (iteration count) of each system, in order.
   *
   * @return the cost (iteration count) of each system, in order
   */
  public int[] iterations() {
    return iterations;
  }

  /**
   * The omega chosen for each system.
   *
   * @return the omega chosen for each system
   */
  public double[] omegas() {
    return omegas;
  }

  /**
   * The wall-clock time of the run, in nanoseconds (solves included when the run solved live;
   * policy time only when replayed from a {@link CostTable}).
   *
   * @return the wall-clock time of the run, in nanoseconds (solves included when the run solved
   *     live; policy time only when replayed from a {@link CostTable})
   */
  public long nanos() {
    return nanos;
  }

  /**
   * How many solves ended without converging.
   *
   * @return how many solves ended without converging
   */
  public int unconverged() {
    return unconverged;
  }

  /**
   * The total cost.
   *
   * @return the sum of the iteration counts
   */
  public long total() {
    long s = 0;
    for (int v : iterations) {
      s += v;
    }
    return s;
  }

  /**
   * The running total.
   *
   * @return element t is the cost of systems 0..t
   */
  public long[] cumulative() {
    long[] c = new long[iterations.length];
    long s = 0;
    for (int i = 0; i < c.length; i++) {
      s += iterations[i];
      c[i] = s;
    }
    return c;
  }
}
