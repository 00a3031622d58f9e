package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Weighted fit routines matching the losses of {@link Losses}: each minimises the coreset's
 * weighted loss {@code sum_j w_j loss_{i_j}(q)}. Fitters keep (do not copy) their data and are
 * stateless, so they are thread-safe.
 *
 * @since 1.0
 */
public final class Fitters {
  private Fitters() {}

  /**
   * Weighted least squares (minimum-norm solution through EJML's pseudo-inverse when the coreset
   * has fewer points than columns), matching {@link Losses#leastSquares}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, finite
   * @return the fitter
   */
  public static Fitter<double[]> leastSquares(double[][] x, double[] y) {
    int d = Losses.checkXy(x, y);
    return c -> {
      int s = c.size();
      double[][] rows = new double[s][];
      double[] t = new double[s];
      for (int j = 0; j < s; j++) {
        rows[j] = x[c.index(j)];
        t[j] = y[c.index(j)];
      }
      return LeastAbsoluteDeviations.weightedLeastSquares(rows, t, c.weights(), d);
    };
  }

  /**
   * Weighted least absolute deviations (ℓ1 regression), minimising {@code sum_j w_j |y_{i_j} -
   * x_{i_j} . beta|}, matching {@link Losses#lp Losses.lp(x, y, 1)}; the fitter for the ℓ1 coresets
   * of {@link RegressionCoresets#lewis}. Iteratively reweighted least squares gets close, then a
   * descent over the vertices of the piecewise-linear objective (moving along an edge to the
   * weighted median of its breakpoints) ends on an exact optimum that fits {@code d} of the points
   * exactly: for a single column of ones the answer is a weighted median of y. When the coreset's
   * points span fewer than {@code d} dimensions the IRLS answer (minimum norm) is returned.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, finite
   * @return the fitter
   */
  public static Fitter<double[]> leastAbsoluteDeviations(double[][] x, double[] y) {
    int d = Losses.checkXy(x, y);
    LeastAbsoluteDeviations lad = new LeastAbsoluteDeviations(x, y, d);
    return lad::fit;
  }

  /**
   * Weighted ℓp regression for any finite {@code p >= 1}, minimising {@code sum_j w_j |y_{i_j} -
   * x_{i_j} . beta|^p}, matching {@link Losses#lp}: {@link #leastAbsoluteDeviations} for {@code p =
   * 1}, weighted least squares for {@code p = 2}, safeguarded IRLS otherwise ({@link LpRegression},
   * whose {@code fit} also reports the status and iterations). The fitter for the coresets of
   * {@link RegressionCoresets#lp}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, finite
   * @param p the exponent, finite, at least 1
   * @return the fitter
   */
  public static Fitter<double[]> lp(double[][] x, double[] y, double p) {
    Losses.checkXy(x, y);
    LpRegression.checkP(p);
    return c -> LpRegression.fit(x, y, p, c).beta();
  }

  /**
   * Weighted L2-regularised logistic regression by damped Newton steps, minimising {@code sum_j w_j
   * log(1 + exp(-y x . beta)) + (W/n) lambda/2 ||beta||^2} ({@code W} the total weight), which is
   * the coreset's estimate of the full objective of {@link Losses#logistic}: the coefficients of
   * {@link LogisticRegression#fit}, whose result also reports the status and Newton steps.
   *
   * @param x the feature rows, {@code n x d}, finite
   * @param y the labels, -1 or +1
   * @param lambda the ridge strength, finite and positive (it keeps separable coresets bounded)
   * @return the fitter
   */
  public static Fitter<double[]> logistic(double[][] x, double[] y, double lambda) {
    Losses.checkLabels(x, y);
    Args.positive("lambda", lambda);
    return c -> LogisticRegression.fit(x, y, lambda, c).beta();
  }

  /**
   * As {@link #kMeans(double[][], int, int, RandomGenerator)}, except that every fit seeds from a
   * fresh {@code Rng.create(seed)}: equal coresets give equal centers.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of centers, positive
   * @param restarts the number of seedings, positive
   * @param seed the seed of the seedings
   * @return the fitter, giving {@code k x d} centers
   */
  public static Fitter<double[][]> kMeans(double[][] x, int k, int restarts, long seed) {
    return kMeans(x, k, restarts, () -> Rng.create(seed));
  }

  /**
   * Weighted k-means: {@code restarts} runs of weighted k-means++ seeding followed by up to 50
   * Lloyd iterations; the centers with the smallest weighted cost win. Coresets with fewer than
   * {@code k} distinct points repeat centers. The fitter draws its seedings from {@code rng}, so
   * successive fits continue its stream (not thread-safe); a fit right after construction draws as
   * the {@code long seed} overload does.
   *
   * @param x the points, {@code n x d}, finite
   * @param k the number of centers, positive
   * @param restarts the number of seedings, positive
   * @param rng the source of the seedings
   * @return the fitter, giving {@code k x d} centers
   */
  public static Fitter<double[][]> kMeans(double[][] x, int k, int restarts, RandomGenerator rng) {
    Args.notNull("rng", rng);
    return kMeans(x, k, restarts, () -> rng);
  }

  private static Fitter<double[][]> kMeans(
      double[][] x, int k, int restarts, Supplier<RandomGenerator> source) {
    int d = Args.rectangular("x", x);
    Args.positive("k", k);
    Args.positive("restarts", restarts);
    return c -> {
      RandomGenerator rng = source.get();
      double[][] best = null;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int r = 0; r < restarts; r++) {
        double[][] centers = lloyd(x, c, seedCenters(x, c, k, rng), d);
        double cost = 0;
        for (int j = 0; j < c.size(); j++) {
          cost += c.weight(j) * Losses.nearestSquared(x[c.index(j)], centers);
        }
        if (cost < bestCost) {
          bestCost = cost;
          best = centers;
        }
      }
      return best;
    };
  }

  private static double[][] seedCenters(double[][] x, Coreset c, int k, RandomGenerator rng) {
    int s = c.size();
    double[][] centers = new double[k][];
    double[] dist = new double[s];
    double totalW = c.totalWeight();
    int first = pick(c, rng.nextDouble() * totalW, null);
    centers[0] = x[c.index(first)].clone();
    for (int j = 0; j < s; j++) {
      dist[j] = c.weight(j) * ClusteringCoresets.squared(x[c.index(j)], centers[0]);
    }
    for (int q = 1; q < k; q++) {
      double tot = 0;
      for (double v : dist) {
        tot += v;
      }
      int p = tot > 0 ? pick(c, rng.nextDouble() * tot, dist) : rng.nextInt(s);
      centers[q] = x[c.index(p)].clone();
      for (int j = 0; j < s; j++) {
        dist[j] =
            Math.min(dist[j], c.weight(j) * ClusteringCoresets.squared(x[c.index(j)], centers[q]));
      }
    }
    return centers;
  }

  /** The position whose cumulative mass (weights, or {@code mass}) first exceeds u. */
  private static int pick(Coreset c, double u, double[] mass) {
    double acc = 0;
    int last = 0;
    for (int j = 0; j < c.size(); j++) {
      double m = mass == null ? c.weight(j) : mass[j];
      if (m > 0) {
        last = j;
        acc += m;
        if (acc > u) {
          return j;
        }
      }
    }
    return last;
  }

  private static double[][] lloyd(double[][] x, Coreset c, double[][] centers, int d) {
    int k = centers.length;
    int[] assign = new int[c.size()];
    for (int it = 0; it < 50; it++) {
      boolean changed = it == 0;
      for (int j = 0; j < c.size(); j++) {
        double[] p = x[c.index(j)];
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int q = 0; q < k; q++) {
          double s = ClusteringCoresets.squared(p, centers[q]);
          if (s < bd) {
            bd = s;
            best = q;
          }
        }
        if (assign[j] != best) {
          changed = true;
          assign[j] = best;
        }
      }
      if (!changed) {
        break;
      }
      double[][] sum = new double[k][d];
      double[] w = new double[k];
      for (int j = 0; j < c.size(); j++) {
        double[] p = x[c.index(j)];
        w[assign[j]] += c.weight(j);
        for (int l = 0; l < d; l++) {
          sum[assign[j]][l] += c.weight(j) * p[l];
        }
      }
      for (int q = 0; q < k; q++) {
        if (w[q] > 0) {
          for (int l = 0; l < d; l++) {
            centers[q][l] = sum[q][l] / w[q];
          }
        }
      }
    }
    return centers;
  }
}
