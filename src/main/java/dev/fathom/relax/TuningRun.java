package dev.fathom.relax;

/**
 * What a policy did over a sequence of systems.
 *
 * @param policy the policy's name
 * @param iterations the cost (iteration count) of each system, in order
 * @param omegas the omega chosen for each system
 * @param nanos the wall-clock time of the run, in nanoseconds (solves included when the run solved
 *     live; policy time only when replayed from a {@link CostTable})
 * @param unconverged how many solves ended without converging
 * @since 1.0
 */
public record TuningRun(
    String policy, int[] iterations, double[] omegas, long nanos, int unconverged) {

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
