package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.IterativeResult;
import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Weighted L2-regularised logistic regression on a coreset by damped Newton steps: minimises {@code
 * f(beta) = sum_j w_j log(1 + exp(-y_j x_j . beta)) + (W/n) lambda/2 ||beta||^2} ({@code W} the
 * coreset's total weight), the coreset's estimate of the full objective of {@link Losses#logistic}.
 * Each step solves {@code H s = g} (gradient {@code g}, Hessian {@code H = sum_j w_j p_j (1 - p_j)
 * x_j x_j^T + (W/n) lambda I}, {@code p_j = sigma(-y_j x_j . beta)}) by Cholesky and halves the
 * step (up to 30 times) until {@code f} does not increase.
 *
 * <p>The residual of a step is its decrease of the objective relative to {@code max(1, f)}; the run
 * converges when it falls to {@code rule.threshold(1)} or when no halving decreases {@code f} (the
 * objective is then minimal to rounding). Static and thread-safe. {@link Fitters#logistic} is the
 * same fit as a {@link Fitter}.
 *
 * @since 1.0
 */
public final class LogisticRegression {
  private LogisticRegression() {}

  /** The default rule: relative decrease below 1e-12, 100 Newton steps. */
  public static final StoppingRule DEFAULT_RULE = StoppingRule.relative(1e-12, 100);

  /** Step halvings of the backtracking line search. */
  private static final int HALVINGS = 30;

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
     * {@link Status#CONVERGED} when the decrease met the rule or no step decreased the objective,
     * {@link Status#MAX_ITERATIONS} when the budget ran out first, {@link Status#DIVERGED} when the
     * objective or a step became NaN, {@link Status#BREAKDOWN} when the Hessian was not positive
     * definite to rounding (its Cholesky factorisation failed).
     *
     * @return the status, as above
     */
    public Status status() {
      return status;
    }

    /**
     * Newton steps taken.
     *
     * @return Newton steps taken
     */
    public long iterations() {
      return iterations;
    }

    /**
     * The last step's decrease of the objective over {@code max(1, f)}.
     *
     * @return the last step's decrease of the objective over {@code max(1, f)}
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
   * Fits the weighted rows of a coreset with {@link #DEFAULT_RULE}.
   *
   * @param x the feature rows, {@code n x d}, finite
   * @param y the labels, -1 or +1
   * @param lambda the ridge strength, finite and positive (it keeps separable coresets bounded)
   * @param coreset the rows to fit (indices below {@code n}) and their weights
   * @return the fit
   */
  public static Result fit(double[][] x, double[] y, double lambda, Coreset coreset) {
    return fit(x, y, lambda, coreset, DEFAULT_RULE);
  }

  /**
   * Fits the weighted rows of a coreset.
   *
   * @param x the feature rows, {@code n x d}, finite
   * @param y the labels, -1 or +1
   * @param lambda the ridge strength, finite and positive (it keeps separable coresets bounded)
   * @param coreset the rows to fit (indices below {@code n}) and their weights
   * @param rule when to stop (iterations are Newton steps)
   * @return the fit
   */
  public static Result fit(
      double[][] x, double[] y, double lambda, Coreset coreset, StoppingRule rule) {
    int d = Losses.checkLabels(x, y);
    Args.positive("lambda", lambda);
    Args.notNull("coreset", coreset);
    Args.notNull("rule", rule);
    for (int j = 0; j < coreset.size(); j++) {
      if (coreset.index(j) >= x.length) {
        throw Args.fail(
            "coreset.index(" + j + ")", coreset.index(j), "less than x.length = " + x.length);
      }
    }
    return newton(x, y, lambda, coreset, rule, d);
  }

  private static Result newton(
      double[][] x, double[] y, double lambda, Coreset c, StoppingRule rule, int d) {
    PointLoss<double[]> loss = Losses.logistic(x, y, lambda);
    double ridge = lambda * c.totalWeight() / x.length;
    double tol = rule.threshold(1);
    double[] history =
        new double[rule.keepHistory() ? (int) Math.min(rule.maxIterations(), 1 << 20) : 0];
    double[] beta = new double[d];
    double f = c.loss(loss, beta);
    double change = Double.POSITIVE_INFINITY;
    Status status = Status.MAX_ITERATIONS;
    long it = 0;
    while (it < rule.maxIterations()) {
      DMatrixRMaj h = new DMatrixRMaj(d, d);
      DMatrixRMaj g = new DMatrixRMaj(d, 1);
      for (int j = 0; j < c.size(); j++) {
        double[] r = x[c.index(j)];
        double yi = y[c.index(j)];
        double p = 1 / (1 + Math.exp(yi * LeastAbsoluteDeviations.dot(r, beta))); // sigma(-y m)
        double w = c.weight(j);
        for (int l = 0; l < d; l++) {
          g.data[l] -= w * yi * p * r[l];
          for (int q = 0; q < d; q++) {
            h.data[l * d + q] += w * p * (1 - p) * r[l] * r[q];
          }
        }
      }
      for (int l = 0; l < d; l++) {
        g.data[l] += ridge * beta[l];
        h.data[l * d + l] += ridge;
      }
      LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(d);
      if (!chol.setA(h)) {
        status = Status.BREAKDOWN;
        break;
      }
      DMatrixRMaj step = new DMatrixRMaj(d, 1);
      chol.solve(g, step);
      double t = 1;
      double[] trial = new double[d];
      double ft = f;
      for (int ls = 0; ls < HALVINGS; ls++) {
        for (int l = 0; l < d; l++) {
          trial[l] = beta[l] - t * step.data[l];
        }
        ft = c.loss(loss, trial);
        if (ft <= f) {
          break;
        }
        t /= 2;
      }
      it++;
      if (Double.isNaN(ft)) {
        change = Double.NaN;
        status = Status.DIVERGED;
        break;
      }
      change = ft <= f ? (f - ft) / Math.max(1, Math.abs(ft)) : 0;
      if (it <= history.length) {
        history[(int) it - 1] = change;
      }
      if (ft <= f) {
        beta = trial.clone();
        f = ft;
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
}
