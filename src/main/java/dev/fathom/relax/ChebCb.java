package dev.fathom.relax;

import dev.fathom.linalg.Args;
import dev.fathom.linalg.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * ChebCB, the Chebyshev-regression contextual bandit of "Learning to Relax": for each arm, the
 * normalised cost is regressed on the Chebyshev polynomials {@code T_0 .. T_{m-1}} of the context
 * (mapped from {@code [lo, hi]} to {@code [-1, 1]}), and arms are sampled by inverse-gap weighting
 * (SquareCB): with predictions {@code yhat_i} and the best {@code yhat*}, a non-greedy arm gets
 * probability {@code 1 / (K + eta_t (yhat_i - yhat*))} and the greedy arm the rest.
 *
 * <p>Costs c are normalised as {@code (c - 1) / S} with {@code S = C_max N}, {@code N = 2 + 4 (hi -
 * lo) L / C_max (1 + ln m)}, L the observed cost range over the context width. Each arm's fit is
 * the least-squares solution, projected onto the box {@code |theta_0| <= 1/N}, {@code |theta_j| <=
 * 2 (hi - lo) L / (S j)} (the decay of Chebyshev coefficients of a Lipschitz function) by
 * box-constrained least squares when it leaves the box. The exploration rate {@code eta_t = 2 t
 * sqrt(K t / (R_t + 2 alpha^2 t))} grows with t, where {@code R_t} is the running squared error of
 * the played arms' predictions and alpha bounds the Chebyshev truncation error. This follows the
 * authors' description; see docs/relax.md for the two places where this implementation departs from
 * their MATLAB code.
 *
 * <p>Reproducible from its seed. Not thread-safe.
 */
public final class ChebCb extends GridBandit {
  private final int m;
  private final double lo;
  private final double width;
  private final double hi;
  private final RandomGenerator rng;
  private final double[][] gram;
  private final double[][] moment;
  private final int[] plays;
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

  /**
   * Creates the bandit.
   *
   * @param grid the omega values, each in (0, 2)
   * @param degree the number m of Chebyshev basis functions, in [1, 20] (the paper uses 6)
   * @param lo the lower end of the context interval, finite
   * @param hi the upper end, greater than lo
   * @param seed the random seed
   */
  public ChebCb(double[] grid, int degree, double lo, double hi, long seed) {
    super(grid);
    Args.inRange("degree", degree, 1, 20);
    Args.finite("lo", lo);
    Args.finite("hi", hi);
    if (!(hi > lo)) {
      throw Args.fail("hi", hi, "a number greater than lo = " + lo);
    }
    int d = grid.length;
    this.m = degree;
    this.lo = lo;
    this.width = hi - lo;
    this.hi = hi;
    this.rng = Rng.create(seed);
    this.gram = new double[d][m * m];
    this.moment = new double[d][m];
    this.plays = new int[d];
    this.theta = new double[d][m];
    this.features = new double[m];
    this.probs = new double[d];
  }

  @Override
  public String name() {
    return "ChebCB";
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

  @Override
  protected int pick(double context) {
    chebyshev(map(context), features);
    int d = arms();
    double[] yhat = new double[d];
    int best = 0;
    for (int i = 0; i < d; i++) {
      yhat[i] = dot(theta[i], features);
      if (yhat[i] < yhat[best]) {
        best = i;
      }
    }
    double rest = 0;
    for (int i = 0; i < d; i++) {
      if (i != best) {
        double g = eta * (yhat[i] - yhat[best]);
        probs[i] = Double.isFinite(g) ? 1 / (d + g) : 0.0;
        rest += probs[i];
      }
    }
    probs[best] = Math.max(0, 1 - rest);
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
    double lip = (maxCost - minCost) / width;
    double n = 2 + 4 * width * lip / top * (1 + Math.log(m));
    double newScale = top * n;
    double[] g = gram[arm];
    for (int r = 0; r < m; r++) {
      moment[arm][r] += features[r] * (cost - 1);
      for (int c = 0; c < m; c++) {
        g[r * m + c] += features[r] * features[c];
      }
    }
    plays[arm]++;
    double[] bound = new double[m];
    bound[0] = 1 / n;
    for (int j = 1; j < m; j++) {
      bound[j] = 2 * width * lip / newScale / j;
    }
    boolean rescaled = newScale != scale;
    scale = newScale;
    for (int i = 0; i < arms(); i++) {
      if (plays[i] > 0 && (rescaled || i == arm)) {
        fit(i, bound);
      }
    }
    if (rescaled) {
      sqError = 0;
      for (int s = 0; s < t; s++) {
        double e = predicted[s] - (costs[s] - 1) / scale;
        sqError += e * e;
      }
    } else {
      double e = predicted[t - 1] - (cost - 1) / scale;
      sqError += e * e;
    }
    double alpha =
        (Math.PI + 2 / Math.PI * Math.log(2.0 * m + 1)) / (2 * scale * (m + 1)) * width * lip;
    double denom = sqError + 2 * alpha * alpha * t;
    eta = denom > 0 ? 2.0 * t * Math.sqrt(arms() * (double) t / denom) : Double.POSITIVE_INFINITY;
  }

  /** Box-constrained least squares for arm i on the normal equations. */
  private void fit(int i, double[] bound) {
    double[] g = gram[i];
    double[] h = new double[m];
    double trace = 0;
    for (int r = 0; r < m; r++) {
      h[r] = moment[i][r] / scale;
      trace += g[r * m + r];
    }
    double ridge = 1e-10 * (trace / m + 1);
    double[] th = theta[i];
    solveSpd(g, ridge, h, th);
    boolean inside = true;
    for (int j = 0; j < m; j++) {
      inside &= Math.abs(th[j]) <= bound[j];
    }
    if (inside) {
      return;
    }
    for (int j = 0; j < m; j++) {
      th[j] = Math.max(-bound[j], Math.min(bound[j], th[j]));
    }
    // Projected coordinate descent on 1/2 th'G th - h'th over the box: converges for convex G.
    for (int sweep = 0; sweep < 500; sweep++) {
      double change = 0;
      for (int j = 0; j < m; j++) {
        double gjj = g[j * m + j] + ridge;
        double s = h[j];
        for (int c = 0; c < m; c++) {
          if (c != j) {
            s -= g[j * m + c] * th[c];
          }
        }
        double v = Math.max(-bound[j], Math.min(bound[j], s / gjj));
        change = Math.max(change, Math.abs(v - th[j]));
        th[j] = v;
      }
      if (change < 1e-14) {
        break;
      }
    }
  }

  /** Solves (G + ridge I) x = h by Cholesky; G is m-by-m row-major and positive semidefinite. */
  private void solveSpd(double[] g, double ridge, double[] h, double[] x) {
    double[] l = new double[m * m];
    for (int r = 0; r < m; r++) {
      for (int c = 0; c <= r; c++) {
        double s = g[r * m + c] + (r == c ? ridge : 0);
        for (int k = 0; k < c; k++) {
          s -= l[r * m + k] * l[c * m + k];
        }
        l[r * m + c] = r == c ? Math.sqrt(Math.max(s, ridge)) : s / l[c * m + c];
      }
    }
    for (int r = 0; r < m; r++) {
      double s = h[r];
      for (int k = 0; k < r; k++) {
        s -= l[r * m + k] * x[k];
      }
      x[r] = s / l[r * m + r];
    }
    for (int r = m - 1; r >= 0; r--) {
      double s = x[r];
      for (int k = r + 1; k < m; k++) {
        s -= l[k * m + r] * x[k];
      }
      x[r] = s / l[r * m + r];
    }
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
