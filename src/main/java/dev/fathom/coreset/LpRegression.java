package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.IterativeResult;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;

/**
 * Weighted ℓp regression, {@code min_beta sum_j w_j |y_j - x_j . beta|^p} for {@code p >= 1}, on a
 * coreset of a data set (or on all of it).
 *
 * <ul>
 *   <li>{@code p = 1}: {@link Fitters#leastAbsoluteDeviations} (IRLS, then an exact vertex
 *       descent);
 *   <li>{@code p = 2}: weighted least squares (one solve);
 *   <li>otherwise: iteratively reweighted least squares with a safeguard. Each step solves the
 *       weighted least-squares problem with weights {@code u_j = w_j max(|r_j|/s, 1e-8)^(p-2)}
 *       ({@code s = max |r_j|}, a scale that keeps large {@code p} from overflowing; for {@code p >
 *       2} the floor is replaced by {@code + 1e-12 w_j}, so no row drops out) and takes the
 *       difference to the current {@code beta} as a search direction. For {@code p > 2} it is
 *       {@code p - 1} times the Newton direction, for {@code p < 2} a majorize-minimize step. The
 *       safeguard is an exact line search (golden section on the convex restriction of the
 *       objective), so every step decreases the objective: plain IRLS oscillates or diverges for
 *       large {@code p}.
 * </ul>
 *
 * The residual of a run is the last step's relative decrease of the objective, {@code (f_old -
 * f_new) / f_new}; the run converges when it falls to {@code rule.threshold(1)} or when the line
 * search finds no decrease (the objective is then minimal to rounding). Static and thread-safe.
 *
 * @since 1.0
 */
public final class LpRegression {
  private LpRegression() {}

  /** Objective floor in the p &lt; 2 weights (relative to the largest residual). */
  private static final double FLOOR = 1e-8;

  /** Golden-section steps of the line search. */
  private static final int LINE_STEPS = 60;

  /** The default rule: relative decrease below 1e-15, 500 reweighting steps. */
  public static final StoppingRule DEFAULT_RULE = StoppingRule.relative(1e-15, 500);

  /** The outcome of a fit. */
  public static final class Result implements IterativeResult<double[]> {
    private final double[] beta;
    private final Status status;
    private final long iterations;
    private final double residual;
    private final double[] residualHistory;

    Result(
        double[] beta, Status status, long iterations, double residual, double[] residualHistory) {
      this.beta = beta;
      this.status = status;
      this.iterations = iterations;
      this.residual = residual;
      this.residualHistory = residualHistory;
    }

    /**
     * The coefficients.
     *
     * @return the coefficients
     */
    public double[] beta() {
      return beta;
    }

    /**
     * {@link Status#CONVERGED} when the decrease met the rule (always for {@code p} 1 and 2, which
     * are solved exactly), {@link Status#MAX_ITERATIONS} when the budget ran out first, {@link
     * Status#DIVERGED} when a step produced NaN.
     *
     * @return {@link Status#CONVERGED} when the decrease met the rule (always for {@code p} 1 and
     *     2, which are solved exactly), {@link Status#MAX_ITERATIONS} when the budget ran out
     *     first, {@link Status#DIVERGED} when a step produced NaN
     */
    public Status status() {
      return status;
    }

    /**
     * Reweighting steps taken (1 for {@code p = 1, 2}).
     *
     * @return reweighting steps taken (1 for {@code p = 1, 2})
     */
    public long iterations() {
      return iterations;
    }

    /**
     * The last step's relative decrease of the objective (0 for {@code p = 1, 2}).
     *
     * @return the last step's relative decrease of the objective (0 for {@code p = 1, 2})
     */
    public double residual() {
      return residual;
    }

    /**
     * The decrease after every step when the rule keeps history, else empty.
     *
     * @return the decrease after every step when the rule keeps history, else empty
     */
    public double[] residualHistory() {
      return residualHistory;
    }

    /**
     * The coefficients.
     *
     * @return {@link #beta()}
     */
    @Override
    public double[] solution() {
      return beta;
    }
  }

  /**
   * Fits all rows with unit weights, with {@link #DEFAULT_RULE}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, length {@code n}, finite
   * @param p the exponent, finite, at least 1
   * @return the fit
   */
  public static Result fit(double[][] x, double[] y, double p) {
    Losses.checkXy(x, y);
    return fit(x, y, p, Coreset.all(x.length), DEFAULT_RULE);
  }

  /**
   * Fits the weighted rows of a coreset, with {@link #DEFAULT_RULE}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, length {@code n}, finite
   * @param p the exponent, finite, at least 1
   * @param coreset the rows to fit (indices below {@code n}) and their weights
   * @return the fit
   */
  public static Result fit(double[][] x, double[] y, double p, Coreset coreset) {
    return fit(x, y, p, coreset, DEFAULT_RULE);
  }

  /**
   * Fits the weighted rows of a coreset.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, length {@code n}, finite
   * @param p the exponent, finite, at least 1
   * @param coreset the rows to fit (indices below {@code n}) and their weights
   * @param rule when to stop (iterations are reweighting steps)
   * @return the fit
   */
  public static Result fit(double[][] x, double[] y, double p, Coreset coreset, StoppingRule rule) {
    int d = Losses.checkXy(x, y);
    checkP(p);
    Args.notNull("coreset", coreset);
    Args.notNull("rule", rule);
    int s = coreset.size();
    for (int j = 0; j < s; j++) {
      if (coreset.index(j) >= x.length) {
        throw Args.fail(
            "coreset.index(" + j + ")", coreset.index(j), "less than x.length = " + x.length);
      }
    }
    if (p == 1) {
      return new Result(
          new LeastAbsoluteDeviations(x, y, d).fit(coreset), Status.CONVERGED, 1, 0, new double[0]);
    }
    double[][] rows = coreset.rows(x);
    double[] t = coreset.select(y);
    double[] w = coreset.weights();
    double[] beta = LeastAbsoluteDeviations.weightedLeastSquares(rows, t, w, d);
    if (p == 2) {
      return new Result(beta, Status.CONVERGED, 1, 0, new double[0]);
    }
    return irls(rows, t, w, p, beta, rule);
  }

  /**
   * Checks {@code p} as {@link #fit} does: finite and at least 1.
   *
   * @param p the exponent
   */
  static void checkP(double p) {
    if (!(p >= 1 && p < Double.POSITIVE_INFINITY)) {
      throw Args.fail("p", p, "a finite number at least 1");
    }
  }

  private static Result irls(
      double[][] rows, double[] t, double[] w, double p, double[] start, StoppingRule rule) {
    int s = rows.length;
    int d = start.length;
    double tol = rule.threshold(1);
    double[] history =
        new double[rule.keepHistory() ? (int) Math.min(rule.maxIterations(), 1 << 20) : 0];
    double[] beta = start;
    double[] r = new double[s];
    double[] u = new double[s];
    double change = Double.POSITIVE_INFINITY;
    long it = 0;
    Status status = Status.MAX_ITERATIONS;
    while (it < rule.maxIterations()) {
      double scale = residuals(rows, t, beta, r);
      if (scale == 0) {
        change = 0;
        status = Status.CONVERGED;
        break;
      }
      if (!Double.isFinite(scale)) {
        status = Status.DIVERGED;
        break;
      }
      for (int j = 0; j < s; j++) {
        double a = Math.abs(r[j]) / scale;
        u[j] =
            p < 2
                ? w[j] * Math.pow(Math.max(a, FLOOR), p - 2)
                : w[j] * (Math.pow(a, p - 2) + 1e-12);
      }
      double[] target = LeastAbsoluteDeviations.weightedLeastSquares(rows, t, u, d);
      double[] dir = new double[d];
      for (int l = 0; l < d; l++) {
        dir[l] = target[l] - beta[l];
      }
      double f0 = objective(rows, t, w, p, beta, scale);
      double step = lineSearch(rows, t, w, p, beta, dir, scale, f0, Math.max(1, 1 / (p - 1)));
      it++;
      double f1 = step > 0 ? objective(rows, t, w, p, axpy(beta, step, dir), scale) : f0;
      change = f1 < f0 ? (f0 - f1) / f1 : 0;
      if (Double.isNaN(f1)) {
        status = Status.DIVERGED;
        change = Double.NaN;
        break;
      }
      if (it <= history.length) {
        history[(int) it - 1] = change;
      }
      if (f1 < f0) {
        beta = axpy(beta, step, dir);
      }
      if (change <= tol) {
        status = Status.CONVERGED;
        break;
      }
    }
    return new Result(
        beta,
        status,
        it,
        change,
        java.util.Arrays.copyOf(history, (int) Math.min(it, history.length)));
  }

  /**
   * Golden-section minimisation of the convex {@code phi(a) = f(beta + a dir)} over {@code [0,
   * hi]}, the interval doubled while its end is the best point seen; 0 when no point beats {@code
   * f0}.
   */
  private static double lineSearch(
      double[][] rows,
      double[] t,
      double[] w,
      double p,
      double[] beta,
      double[] dir,
      double scale,
      double f0,
      double hi) {
    double fhi = objective(rows, t, w, p, axpy(beta, hi, dir), scale);
    for (int k = 0; k < 30; k++) {
      double f2 = objective(rows, t, w, p, axpy(beta, 2 * hi, dir), scale);
      if (!(f2 < fhi)) {
        break;
      }
      hi *= 2;
      fhi = f2;
    }
    double g = (Math.sqrt(5) - 1) / 2;
    double lo = 0;
    double top = Math.min(2 * hi, Double.MAX_VALUE);
    double a = top - g * (top - lo);
    double b = lo + g * (top - lo);
    double fa = objective(rows, t, w, p, axpy(beta, a, dir), scale);
    double fb = objective(rows, t, w, p, axpy(beta, b, dir), scale);
    for (int k = 0; k < LINE_STEPS; k++) {
      if (fa <= fb) {
        top = b;
        b = a;
        fb = fa;
        a = top - g * (top - lo);
        fa = objective(rows, t, w, p, axpy(beta, a, dir), scale);
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + g * (top - lo);
        fb = objective(rows, t, w, p, axpy(beta, b, dir), scale);
      }
    }
    double best = fa <= fb ? a : b;
    double fbest = Math.min(fa, fb);
    if (fhi < fbest) {
      best = hi;
      fbest = fhi;
    }
    return fbest < f0 ? best : 0;
  }

  /** Fills {@code r = t - rows beta} and returns {@code max |r_j|}. */
  private static double residuals(double[][] rows, double[] t, double[] beta, double[] r) {
    double m = 0;
    for (int j = 0; j < rows.length; j++) {
      r[j] = t[j] - LeastAbsoluteDeviations.dot(rows[j], beta);
      m = Math.max(m, Math.abs(r[j]));
    }
    return Double.isNaN(m) ? Double.NaN : m;
  }

  /** {@code sum_j w_j |r_j / scale|^p}: the objective over {@code scale^p}. */
  private static double objective(
      double[][] rows, double[] t, double[] w, double p, double[] beta, double scale) {
    double f = 0;
    for (int j = 0; j < rows.length; j++) {
      f += w[j] * Math.pow(Math.abs(t[j] - LeastAbsoluteDeviations.dot(rows[j], beta)) / scale, p);
    }
    return f;
  }

  private static double[] axpy(double[] beta, double a, double[] dir) {
    double[] out = new double[beta.length];
    for (int l = 0; l < out.length; l++) {
      out[l] = beta[l] + a * dir[l];
    }
    return out;
  }
}
