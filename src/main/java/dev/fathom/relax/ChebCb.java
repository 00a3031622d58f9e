package dev.fathom.relax;

import dev.fathom.core.Args;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * ChebCB, the Chebyshev-regression contextual bandit of "Learning to Relax", following the authors'
 * ChebCB.m: for each arm, the normalised cost is regressed on the Chebyshev polynomials {@code T_0
 * .. T_{m-1}} of the context (mapped from {@code [lo, hi]} to {@code [-1, 1]}), and arms are
 * sampled by inverse-gap weighting (SquareCB): with predictions {@code yhat_i} and the best {@code
 * yhat*}, a non-greedy arm gets probability {@code 1 / (K + eta_t (yhat_i - yhat*))} and the greedy
 * arm the rest.
 *
 * <p>Costs c are normalised as {@code (c - 1) / S} with {@code S = C_max N}, {@code N = 2 + 4 (hi -
 * lo) L / C_max (1 + ln m)}, L the observed cost range over the context width. Each arm's fit is
 * the minimum-norm least-squares solution ({@code lsqminnorm}); when it leaves the box {@code
 * |theta_0| <= 1/N}, {@code |theta_j| <= 2 (hi - lo) L / (S j)} (the decay of Chebyshev
 * coefficients of a Lipschitz function), it is replaced by the exact box-constrained least-squares
 * solution ({@code lsqlin}; here {@link BoxLeastSquares}, an active-set method). All arms are refit
 * when S changes, else only the arm played. The exploration rate is {@code eta_t = 2 t sqrt(K t /
 * (R_t - resnorm + 2 alpha^2 t))}, where {@code R_t} is the squared error of the past predictions
 * of the played arms against {@code c / S}, resnorm the squared residual of the last
 * box-constrained fit of the round (0 if none), and alpha bounds the Chebyshev truncation error; a
 * non-positive denominator (which the reference leaves undefined) makes the next round greedy.
 *
 * <p>The cost range in L is a {@link CostRange}: the observed {@code max - min} of the costs so far
 * ({@link CostRange#OBSERVED}), or {@code max - 0} ({@link CostRange#FROM_ZERO}), which is what
 * ChebCB.m computes in the published runs: its loss vector is preallocated as {@code zeros(T, 1)},
 * so its minimum is 0 until the last round. Then {@code N = 2 + 4 (1 + ln m)} is constant and the
 * box is {@code |theta_0| <= 1/N}, {@code |theta_j| <= 2 / (N j)}.
 *
 * <p>Built by {@link #builder}; reproducible from its seed. Not thread-safe.
 *
 * @since 1.0
 */
public final class ChebCb extends GridBandit {
  /** Which cost range the Lipschitz estimate L divides by the context width. */
  public enum CostRange {
    /** The observed {@code max - min} of the costs so far. */
    OBSERVED,
    /**
     * {@code max - 0}, the published runs of ChebCB.m (whose preallocated zero losses make the
     * minimum 0): a constant N.
     */
    FROM_ZERO
  }

  private final CostRange range;
  private final int m;
  private final double lo;
  private final double width;
  private final double hi;
  private final RandomGenerator rng;
  private final double[][] gram;
  private final double[][] moment;
  private final int[] plays;
  private final double[] targetSquares;
  private final double[][] theta;
  private final double[] features;
  private final double[] probs;
  private double[] predicted = new double[64];
  private double[] costs = new double[64];
  private int t;
  private double maxCost = Double.NEGATIVE_INFINITY;
  private double minCost = Double.POSITIVE_INFINITY;
  private double scale;
  private double sqError;
  private double eta;

  /** How many fits needed the box-constrained solve (for tests). */
  int boxFits;

  /** The resnorm term of the last update (for tests). */
  double lastResnorm;

  private ChebCb(Builder b, RandomGenerator rng) {
    super(b.grid);
    this.range = b.range;
    int d = b.grid.length;
    this.m = b.degree;
    this.lo = b.lo;
    this.width = b.hi - b.lo;
    this.hi = b.hi;
    this.rng = rng;
    this.gram = new double[d][m * m];
    this.moment = new double[d][m];
    this.plays = new int[d];
    this.targetSquares = new double[d];
    this.theta = new double[d][m];
    this.features = new double[m];
    this.probs = new double[d];
  }

  /**
   * Starts a bandit over {@code grid}; set the context interval with {@link Builder#context}.
   *
   * @param grid the omega values, each in (0, 2)
   * @return the builder (defaults: degree 6, {@link CostRange#OBSERVED})
   */
  public static Builder builder(double[] grid) {
    return new Builder(grid);
  }

  /**
   * Configures a {@link ChebCb} by name: {@code ChebCb.builder(grid).degree(6).context(0,
   * 10).build(seed)}.
   *
   * @since 1.0
   */
  public static final class Builder extends ContextualBuilder<Builder, ChebCb> {
    private int degree = 6;
    private CostRange range = CostRange.OBSERVED;

    private Builder(double[] grid) {
      super(grid);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    ChebCb create(RandomGenerator rng) {
      return new ChebCb(this, rng);
    }

    /**
     * The number m of Chebyshev basis functions (the paper uses 6).
     *
     * @param m in [1, 20]
     * @return this builder
     */
    public Builder degree(int m) {
      this.degree = Args.inRange("degree", m, 1, 20);
      return this;
    }

    /**
     * The cost range in the Lipschitz estimate L.
     *
     * @param r the range
     * @return this builder
     */
    public Builder costRange(CostRange r) {
      this.range = Args.notNull("range", r);
      return this;
    }
  }

  @Override
  public String name() {
    return "ChebCB";
  }

  /**
   * The cost range used in the Lipschitz estimate.
   *
   * @return the cost range
   */
  public CostRange costRange() {
    return range;
  }

  /**
   * The current cost model of an arm: its predicted cost at a context.
   *
   * @param arm the arm, in [0, arms())
   * @param context the context, in [lo, hi]
   * @return the predicted iteration count
   */
  public double predictedCost(int arm, double context) {
    Args.inRange("arm", arm, 0, arms() - 1);
    double[] f = new double[m];
    chebyshev(map(context), f);
    return 1 + scale * dot(theta[arm], f);
  }

  /**
   * The distribution of the next round at a context (inverse-gap weighting of the current fits).
   *
   * @return the probabilities, one per arm
   */
  double[] probabilities(double context) {
    double[] f = new double[m];
    chebyshev(map(context), f);
    double[] p = new double[arms()];
    distribution(f, new double[arms()], p);
    return p;
  }

  /** Fills yhat with the predictions at features f and p with the sampling distribution. */
  private void distribution(double[] f, double[] yhat, double[] p) {
    int d = arms();
    int best = 0;
    for (int i = 0; i < d; i++) {
      yhat[i] = dot(theta[i], f);
      if (yhat[i] < yhat[best]) {
        best = i;
      }
    }
    double rest = 0;
    for (int i = 0; i < d; i++) {
      if (i != best) {
        double g = eta * (yhat[i] - yhat[best]);
        p[i] = Double.isFinite(g) ? 1 / (d + g) : 0.0;
        rest += p[i];
      }
    }
    p[best] = Math.max(0, 1 - rest);
  }

  @Override
  protected int pick(double context) {
    chebyshev(map(context), features);
    double[] yhat = new double[arms()];
    distribution(features, yhat, probs);
    int arm = sample(probs, rng.nextDouble());
    if (t == predicted.length) {
      predicted = Arrays.copyOf(predicted, 2 * t);
      costs = Arrays.copyOf(costs, 2 * t);
    }
    predicted[t] = yhat[arm];
    return arm;
  }

  @Override
  protected void learn(int arm, double cost) {
    costs[t] = cost;
    t++;
    maxCost = Math.max(maxCost, cost);
    minCost = Math.min(minCost, cost);
    double top = maxCost > 0 ? maxCost : 1.0;
    double lip = (maxCost - (range == CostRange.FROM_ZERO ? 0 : minCost)) / width;
    double n = 2 + 4 * width * lip / top * (1 + Math.log(m));
    double newScale = top * n;
    double[] g = gram[arm];
    double y = cost - 1;
    for (int r = 0; r < m; r++) {
      moment[arm][r] += features[r] * y;
      for (int c = 0; c < m; c++) {
        g[r * m + c] += features[r] * features[c];
      }
    }
    targetSquares[arm] += y * y;
    plays[arm]++;
    double[] upper = new double[m];
    double[] lower = new double[m];
    upper[0] = 1 / n;
    for (int j = 1; j < m; j++) {
      upper[j] = 2 * width * lip / newScale / j;
    }
    for (int j = 0; j < m; j++) {
      lower[j] = -upper[j];
    }
    boolean rescaled = newScale != scale;
    scale = newScale;
    // The reference keeps the residual of the last box-constrained fit of this round (0 if none).
    double resnorm = 0;
    for (int i = 0; i < arms(); i++) {
      if (plays[i] > 0 && (rescaled || i == arm)) {
        double r = fit(i, lower, upper);
        if (r >= 0) {
          resnorm = r;
        }
      }
    }
    // R compares each past prediction with cost / S, as the reference does (its fits use
    // (cost - 1) / S; the difference is at most 1 / S per round).
    if (rescaled) {
      sqError = 0;
      for (int s = 0; s < t; s++) {
        double e = predicted[s] - costs[s] / scale;
        sqError += e * e;
      }
    } else {
      double e = predicted[t - 1] - cost / scale;
      sqError += e * e;
    }
    double alpha =
        (Math.PI + 2 / Math.PI * Math.log(2.0 * m + 1)) / (2 * scale * (m + 1)) * width * lip;
    lastResnorm = resnorm;
    double denom = sqError - resnorm + 2 * alpha * alpha * t;
    eta = denom > 0 ? 2.0 * t * Math.sqrt(arms() * (double) t / denom) : Double.POSITIVE_INFINITY;
  }

  /**
   * Refits arm i: the minimum-norm least-squares coefficients of {@code (cost - 1) / S} on the
   * Chebyshev features; if they leave the box, the exact box-constrained least-squares solution.
   *
   * @return the squared residual norm of the box-constrained fit, or -1 if the box was not needed
   */
  private double fit(int i, double[] lower, double[] upper) {
    double[] g = gram[i];
    double[] h = new double[m];
    for (int r = 0; r < m; r++) {
      h[r] = moment[i][r] / scale;
    }
    double[] th = BoxLeastSquares.minNorm(g, h, m);
    boolean inside = true;
    for (int j = 0; j < m; j++) {
      inside &= Math.abs(th[j]) <= upper[j];
    }
    if (!inside) {
      th = BoxLeastSquares.solve(g, h, lower, upper, m);
      boxFits++;
    }
    System.arraycopy(th, 0, theta[i], 0, m);
    if (inside) {
      return -1;
    }
    // ||F th - y||^2 = th'G th - 2 h'th + y'y, never negative.
    double yy = targetSquares[i] / (scale * scale);
    return Math.max(0, 2 * BoxLeastSquares.objective(g, h, th, m) + yy);
  }

  private double map(double context) {
    Args.inRange("context", context, lo, hi);
    return Math.max(-1, Math.min(1, 2 * (context - lo) / width - 1));
  }

  /** The Chebyshev polynomials T_0..T_{m-1} at z. */
  static void chebyshev(double z, double[] out) {
    out[0] = 1;
    if (out.length > 1) {
      out[1] = z;
    }
    for (int j = 2; j < out.length; j++) {
      out[j] = 2 * z * out[j - 1] - out[j - 2];
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
