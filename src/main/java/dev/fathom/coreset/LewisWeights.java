package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.IterativeResult;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * ℓp Lewis weights: the weights {@code w} with {@code w_i = (a_i^T (A^T W^{1-2/p} A)^{-1}
 * a_i)^{p/2}} for all {@code i}, equivalently {@code w_i = tau_i(W^{1/2-1/p} A)} (the leverage
 * scores of the reweighted rows). For {@code p < 4} the iteration is the fixed-point map of Cohen
 * and Peng (2015), {@code w <- (a_i^T (A^T W^{1-2/p} A)^{-1} a_i)^{p/2}}, a contraction there. For
 * {@code p >= 4}, where that map is not a contraction, it is {@code w <- tau(W^{1/2-1/p} A)}: the
 * same map damped in log coordinates ({@code log w <- (1-2/p) log w + (2/p) log map(w)}), whose
 * linearisation has its spectrum in {@code [0, 1-2/p]}. For {@code p = 2} the weights are the
 * leverage scores; for every {@code p} they sum to {@code d} at the fixed point. Sampling
 * proportional to them gives ℓp subspace embeddings.
 *
 * @since 1.0
 */
public final class LewisWeights {
  private LewisWeights() {}

  /**
   * The outcome of the iteration. Its residual is the last step's largest relative change {@code
   * max_i |w_i' - w_i| / w_i}.
   */
  public static final class Result implements IterativeResult<double[]> {
    private final double[] weights;
    private final Status status;
    private final long iterations;
    private final double residual;
    private final double[] residualHistory;

    Result(
        double[] weights,
        Status status,
        long iterations,
        double residual,
        double[] residualHistory) {
      this.weights = weights;
      this.status = status;
      this.iterations = iterations;
      this.residual = residual;
      this.residualHistory = residualHistory;
    }

    /**
     * The Lewis weights, one per row.
     *
     * @return the Lewis weights, one per row
     */
    public double[] weights() {
      return weights;
    }

    /**
     * {@link Status#CONVERGED} when the change met the stopping rule, {@link Status#MAX_ITERATIONS}
     * when the budget ran out first, {@link Status#DIVERGED} when a step produced NaN.
     *
     * @return {@link Status#CONVERGED} when the change met the stopping rule, {@link
     *     Status#MAX_ITERATIONS} when the budget ran out first, {@link Status#DIVERGED} when a step
     *     produced NaN
     */
    public Status status() {
      return status;
    }

    /**
     * The number of fixed-point steps taken.
     *
     * @return the number of fixed-point steps taken
     */
    public long iterations() {
      return iterations;
    }

    /**
     * The last step's largest relative change.
     *
     * @return the last step's largest relative change
     */
    public double residual() {
      return residual;
    }

    /**
     * The change after every step when the rule keeps history, else empty.
     *
     * @return the change after every step when the rule keeps history, else empty
     */
    public double[] residualHistory() {
      return residualHistory;
    }

    /**
     * The weights.
     *
     * @return {@link #weights()}
     */
    @Override
    public double[] solution() {
      return weights;
    }
  }

  /** The default rule of {@link #compute(double[][], double)}: change below 1e-10, 500 steps. */
  public static final StoppingRule DEFAULT_RULE = StoppingRule.relative(1e-10, 500);

  /**
   * Runs the fixed-point iteration from {@code w = 1}. The residual, the largest relative change of
   * a step, is already scale-free: its reference is 1, so the run converges when it falls to {@code
   * rule.threshold(1) = max(absoluteTolerance, relativeTolerance)}.
   *
   * @param a the rows, {@code n x d} with {@code n >= d}, finite, full column rank; zero rows get
   *     weight 0 and the iteration runs on the others
   * @param p the exponent, finite and positive
   * @param rule when to stop (iterations are fixed-point steps)
   * @return the weights and diagnostics
   */
  public static Result compute(double[][] a, double p, StoppingRule rule) {
    int d = Args.rectangular("a", a);
    Args.inOpenRange("p", p, 0, Double.POSITIVE_INFINITY);
    Args.notNull("rule", rule);
    int n = a.length;
    if (n < d) {
      throw Args.fail("a.length", n, "at least the number of columns " + d);
    }
    int[] kept = nonzeroRows(a);
    if (kept != null) {
      Result r = compute(select(a, kept), p, rule);
      return new Result(
          scatter(r.weights, kept, n), r.status, r.iterations, r.residual, r.residualHistory);
    }
    double tol = rule.threshold(1);
    double[] history =
        new double[rule.keepHistory() ? (int) Math.min(rule.maxIterations(), 1 << 20) : 0];
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    double change = Double.POSITIVE_INFINITY;
    long it = 0;
    while (it < rule.maxIterations() && change > tol) {
      double[] next = p < 4 ? step(a, w, p) : reweightedLeverage(a, w, p);
      change = 0;
      for (int i = 0; i < n; i++) {
        change = Math.max(change, Math.abs(next[i] - w[i]) / Math.max(w[i], 1e-300));
      }
      if (it < history.length) {
        history[(int) it] = change;
      }
      w = next;
      it++;
    }
    return new Result(
        w,
        change <= tol
            ? Status.CONVERGED
            : Double.isNaN(change) ? Status.DIVERGED : Status.MAX_ITERATIONS,
        it,
        change,
        java.util.Arrays.copyOf(history, (int) Math.min(it, history.length)));
  }

  /**
   * The indices of the rows with a nonzero entry, or {@code null} when no row is zero. A zero row
   * has Lewis weight, leverage and ℓp sensitivity 0 ({@code a_i . x = 0} for every {@code x}); the
   * weight iterations run on the other rows.
   */
  static int[] nonzeroRows(double[][] a) {
    int[] kept = new int[a.length];
    int k = 0;
    for (int i = 0; i < a.length; i++) {
      for (double v : a[i]) {
        if (v != 0) {
          kept[k++] = i;
          break;
        }
      }
    }
    return k == a.length ? null : java.util.Arrays.copyOf(kept, k);
  }

  /** The rows {@code a[kept[j]]}. */
  static double[][] select(double[][] a, int[] kept) {
    double[][] out = new double[kept.length][];
    for (int j = 0; j < kept.length; j++) {
      out[j] = a[kept[j]];
    }
    return out;
  }

  /** A length-{@code n} array with {@code v[j]} at {@code kept[j]} and 0 elsewhere. */
  static double[] scatter(double[] v, int[] kept, int n) {
    double[] out = new double[n];
    for (int j = 0; j < kept.length; j++) {
      out[kept[j]] = v[j];
    }
    return out;
  }

  /**
   * Runs the iteration with {@link #DEFAULT_RULE}.
   *
   * @param a the rows, {@code n x d} with {@code n >= d}
   * @param p the exponent, finite and positive
   * @return the weights and diagnostics
   */
  public static Result compute(double[][] a, double p) {
    return compute(a, p, DEFAULT_RULE);
  }

  /**
   * One application of the fixed-point map: {@code (a_i^T (A^T W^{1-2/p} A)^{-1} a_i)^{p/2}}.
   *
   * @param a the rows, {@code n x d}
   * @param w the current weights, positive, length {@code n}
   * @param p the exponent, in {@code (0, 4)}
   * @return the mapped weights
   */
  public static double[] step(double[][] a, double[] w, double p) {
    int d = Args.rectangular("a", a);
    Args.inOpenRange("p", p, 0, 4);
    Args.length("w", w, a.length);
    double e = 1 - 2 / p;
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    for (int i = 0; i < a.length; i++) {
      if (!(w[i] > 0)) {
        throw Args.fail("w[" + i + "]", w[i], "a positive weight");
      }
      double s = e == 0 ? 1 : Math.pow(w[i], e);
      double[] r = a[i];
      for (int j = 0; j < d; j++) {
        double sj = s * r[j];
        for (int l = 0; l <= j; l++) {
          m.data[j * d + l] += sj * r[l];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      for (int l = 0; l < j; l++) {
        m.data[l * d + j] = m.data[j * d + l];
      }
    }
    DMatrixRMaj inv = new DMatrixRMaj(d, d);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(d);
    if (!chol.setA(m)) {
      throw Args.fail("a", "(rank-deficient)", "full column rank");
    }
    chol.invert(inv);
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double[] r = a[i];
      double q = 0;
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int l = 0; l < d; l++) {
          s += inv.data[j * d + l] * r[l];
        }
        q += r[j] * s;
      }
      out[i] = p == 2 ? q : Math.pow(Math.max(q, 0), p / 2);
    }
    return out;
  }

  /**
   * The leverage scores {@code tau_i(W^{1/2-1/p} A)} of the reweighted rows: the Lewis-weight map
   * damped in log coordinates, the iteration for {@code p >= 4}.
   *
   * @param a the rows, {@code n x d}, finite
   * @param w the current weights, positive, length {@code n}
   * @param p the exponent, finite and positive
   * @return the leverage scores of the rows {@code w_i^{1/2-1/p} a_i}
   */
  static double[] reweightedLeverage(double[][] a, double[] w, double p) {
    double e = 0.5 - 1 / p;
    double[][] b = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      if (!(w[i] > 0)) {
        throw Args.fail("w[" + i + "]", w[i], "a positive weight");
      }
      double s = Math.pow(w[i], e);
      b[i] = a[i].clone();
      for (int j = 0; j < b[i].length; j++) {
        b[i][j] *= s;
      }
    }
    return LeverageScores.of(b);
  }
}
