package dev.fathom.submodular.optimize;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import java.util.Arrays;

/**
 * <b>Experimental.</b> Monotone submodular cost allocation (Chekuri and Ene; Mizutani, arXiv
 * 2511.00470): partition the ground set into {@code S_1..S_k} (possibly empty) minimizing {@code
 * sum_i f_i(S_i)} for non-negative monotone submodular {@code f_i}.
 *
 * <p>Solves the convex relaxation {@code min sum_i fhat_i(x_i)} over {@code x >= 0}, {@code sum_i
 * x_i(v) = 1} for every element v, where {@code fhat} is the Lovasz extension (sort x descending,
 * sum the marginal gains along that order, which are also a subgradient), by exponentiated
 * subgradient descent on the product of simplices with step {@code eta / sqrt(t)}, keeping the best
 * iterate. Mizutani shows the relaxation's integrality gap is at most k/2; his rounding is not
 * implemented here. The rounding used assigns each element to {@code argmax_i x_i(v)}, which costs
 * at most {@code k} times the relaxed value of the returned x (the Lovasz extension of a monotone
 * function is monotone and positively homogeneous, and {@code 1_{S_i} <= k x_i}). The relaxed value
 * is approximate (an upper bound on the relaxation's optimum, reached as the iterations grow).
 *
 * @since 1.0
 */
public final class CostAllocation {
  private CostAllocation() {}

  /** The allocation found. */
  public static final class Allocation {
    private final int[] assignment;
    private final double cost;
    private final double relaxedValue;
    private final double[][] fractional;
    private final long oracleCalls;

    Allocation(
        int[] assignment,
        double cost,
        double relaxedValue,
        double[][] fractional,
        long oracleCalls) {
      this.assignment = assignment;
      this.cost = cost;
      this.relaxedValue = relaxedValue;
      this.fractional = fractional;
      this.oracleCalls = oracleCalls;
    }

    /**
     * The part of each element, in {@code [0, k)}.
     *
     * @return the part of each element, in {@code [0, k)}
     */
    public int[] assignment() {
      return assignment;
    }

    /**
     * {@code sum_i f_i(S_i)} of the assignment.
     *
     * @return {@code sum_i f_i(S_i)} of the assignment
     */
    public double cost() {
      return cost;
    }

    /**
     * {@code sum_i fhat_i(x_i)} of the best fractional point found.
     *
     * @return {@code sum_i fhat_i(x_i)} of the best fractional point found
     */
    public double relaxedValue() {
      return relaxedValue;
    }

    /**
     * The best fractional point, {@code fractional[i][v] = x_i(v)}.
     *
     * @return the best fractional point, {@code fractional[i][v] = x_i(v)}
     */
    public double[][] fractional() {
      return fractional;
    }

    /**
     * The oracle calls spent (on all the functions' counters).
     *
     * @return the oracle calls spent (on all the functions' counters)
     */
    public long oracleCalls() {
      return oracleCalls;
    }
  }

  /**
   * Solves the relaxation and rounds it.
   *
   * @param f at least two monotone functions over the same ground set, with empty current sets
   * @param iterations the number of subgradient steps, at least 1
   * @param eta the step-size scale, finite and positive
   * @return the allocation
   */
  public static Allocation solve(SetFunction[] f, int iterations, double eta) {
    Args.notNull("f", f);
    if (f.length < 2) {
      throw Args.fail("f.length", f.length, "at least 2 functions");
    }
    int n = Args.notNull("f[0]", f[0]).groundSize();
    long before = 0;
    SetFunction[] g = new SetFunction[f.length];
    for (int i = 0; i < f.length; i++) {
      Args.notNull("f[" + i + "]", f[i]);
      if (f[i].groundSize() != n) {
        throw Args.fail("f[" + i + "].groundSize()", f[i].groundSize(), String.valueOf(n));
      }
      if (!f[i].monotone()) {
        throw Args.fail("f[" + i + "].monotone()", false, "a monotone function");
      }
      if (f[i].size() != 0) {
        throw Args.fail("f[" + i + "].size()", f[i].size(), "0 (an empty current set)");
      }
      before += f[i].counter().calls();
      g[i] = f[i].copy();
    }
    Args.positive("iterations", iterations);
    Args.positive("eta", eta);
    int k = f.length;
    double[][] x = new double[k][n];
    for (double[] r : x) {
      Arrays.fill(r, 1.0 / k);
    }
    double[][] grad = new double[k][n];
    double[][] best = new double[k][];
    double bestValue = Double.POSITIVE_INFINITY;
    for (int t = 1; t <= iterations; t++) {
      double value = 0;
      for (int i = 0; i < k; i++) {
        value += lovasz(g[i], x[i], grad[i]);
      }
      if (value < bestValue) {
        bestValue = value;
        for (int i = 0; i < k; i++) {
          best[i] = x[i].clone();
        }
      }
      double step = eta / Math.sqrt(t);
      for (int v = 0; v < n; v++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
          max = Math.max(max, -step * grad[i][v]);
        }
        double z = 0;
        for (int i = 0; i < k; i++) {
          x[i][v] *= Math.exp(-step * grad[i][v] - max);
          z += x[i][v];
        }
        for (int i = 0; i < k; i++) {
          x[i][v] = Math.max(x[i][v] / z, 1e-300);
        }
      }
    }
    int[] assignment = new int[n];
    int[][] parts = new int[k][n];
    int[] sizes = new int[k];
    for (int v = 0; v < n; v++) {
      int arg = 0;
      for (int i = 1; i < k; i++) {
        if (best[i][v] > best[arg][v]) {
          arg = i;
        }
      }
      assignment[v] = arg;
      parts[arg][sizes[arg]++] = v;
    }
    double cost = 0;
    for (int i = 0; i < k; i++) {
      cost += g[i].evaluate(Arrays.copyOf(parts[i], sizes[i]));
    }
    long after = 0;
    for (SetFunction fi : f) {
      after += fi.counter().calls();
    }
    return new Allocation(assignment, cost, bestValue, best, after - before);
  }

  /**
   * The Lovasz extension of f at x, and its subgradient (the marginal gains along the descending
   * order of x) written into {@code grad}; n oracle calls.
   *
   * @param f a function with an empty current set (reset after use)
   * @param x the point, length n
   * @param grad the subgradient, written
   * @return {@code fhat(x)}
   */
  static double lovasz(SetFunction f, double[] x, double[] grad) {
    int n = x.length;
    Integer[] order = new Integer[n];
    for (int v = 0; v < n; v++) {
      order[v] = v;
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[b], x[a]));
    f.reset();
    double value = 0;
    for (int t = 0; t < n; t++) {
      int v = order[t];
      double gain = f.gain(v);
      f.add(v);
      grad[v] = gain;
      value += x[v] * gain;
    }
    f.reset();
    return value;
  }
}
