package dev.fathom.spark;

// Library use (coresets): RegressionCoresets.leverage / lewis at the leaves, LeverageScores.of and
// LewisWeights.compute of the weight-scaled rows in the reduce step, LpRegression.fit on the
// driver; Rng.stream for the seeds.
import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.coreset.Coreset;
import dev.fathom.coreset.LeverageScores;
import dev.fathom.coreset.LewisWeights;
import dev.fathom.coreset.LpRegression;
import dev.fathom.coreset.RegressionCoresets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.api.java.JavaRDD;

/**
 * Merge-and-reduce regression coresets of distributed rows {@code [x, y]} (the last coordinate of
 * each row is the response {@code y}, the others the features {@code x}). Each partition builds
 * Fathom's single-machine coreset of its rows: {@link RegressionCoresets#leverage} (least squares,
 * sampling by the leverage scores of {@code [X, y]}) or {@link RegressionCoresets#lewis} (ℓp
 * regression for {@code 1 <= p < 4}, sampling by ℓp Lewis weights). The summaries are merged
 * pairwise on the driver in a fixed tree, as in {@link DistributedCoresets}: the union of coresets
 * of disjoint parts is a coreset of their union, and a union of more than {@code m} rows is reduced
 * by {@code m} weighted draws, with probabilities proportional to the leverage scores (or Lewis
 * weights) of the scaled rows {@code w_i^(1/p) [x_i, y_i]}, which bound the sensitivities of the
 * weighted loss {@code sum_i w_i |y_i - x_i . beta|^p}. A drawn row keeps {@code w_i} times its
 * sampling weight, so every loss estimate is unbiased. With per-level error {@code eps} and {@code
 * L} reduce levels on a path the result is a {@code (1 +- eps)^L} coreset: for every {@code beta}
 * its weighted loss is within that factor of the loss of the whole distributed data (with the
 * probability of the sampling steps), so the coefficients fitted on it ({@link #fit}) have a loss
 * within {@code ((1 + eps) / (1 - eps))^L} of the best.
 *
 * <p>Seeds are derived as in {@link DistributedCoresets}: partition {@code p} draws from {@code
 * Rng.stream(seed, p)}, a reduce step from a generator mixed from {@code seed} and the summaries it
 * merges; the merge order is fixed, so repeated runs give the same coreset.
 *
 * <p>Cost: one Spark job; every partition sends at most {@code m} weighted rows ({@code m (d + 2)}
 * doubles) up the aggregation tree; a reduce step costs {@code O(m d^2)} (a thin QR of {@code 2m}
 * rows, repeated until the Lewis weights converge); the driver holds at most {@code 2 m} rows.
 */
public final class DistributedRegression {
  private DistributedRegression() {}

  /**
   * A merge-and-reduce least-squares coreset (leverage-score sampling).
   *
   * @param rows the rows {@code [x, y]}, finite, of one length, at least 2 (one feature and the
   *     response), at least one row
   * @param m the draws per coreset (the size bound of every summary), positive
   * @param seed the seed
   * @return at most {@code m} weighted rows (all rows with weight 1 when there are at most {@code
   *     m})
   */
  public static WeightedPoints leverage(JavaRDD<double[]> rows, int m, long seed) {
    return build(rows, 2, false, m, seed);
  }

  /**
   * A merge-and-reduce ℓp-regression coreset (Lewis-weight sampling).
   *
   * @param rows the rows {@code [x, y]}, finite, of one length, at least 2, at least one row
   * @param p the exponent, in {@code [1, 4)}
   * @param m the draws per coreset (the size bound of every summary), positive
   * @param seed the seed
   * @return at most {@code m} weighted rows
   */
  public static WeightedPoints lewis(JavaRDD<double[]> rows, double p, int m, long seed) {
    Args.inRange("p", p, 1, Math.nextDown(4.0));
    return build(rows, p, true, m, seed);
  }

  /**
   * The coefficients minimizing the weighted loss {@code sum_i w_i |y_i - x_i . beta|^p} of a
   * summary ({@link LpRegression#fit} on the driver).
   *
   * @param summary weighted rows {@code [x, y]}, at least one, each of length at least 2
   * @param p the exponent, finite, at least 1
   * @return the fit ({@code beta} of length {@code d}, the row length minus 1)
   */
  public static LpRegression.Result fit(WeightedPoints summary, double p) {
    Args.notNull("summary", summary);
    Args.positive("summary.size()", summary.size());
    double[][] a = summary.points();
    int d = checkRowLength(Args.rectangular("summary.points()", a));
    double[][] x = new double[a.length][];
    double[] y = new double[a.length];
    int[] idx = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      x[i] = Arrays.copyOf(a[i], d);
      y[i] = a[i][d];
      idx[i] = i;
    }
    return LpRegression.fit(x, y, p, new Coreset(idx, summary.weights()));
  }

  /**
   * The weighted loss {@code sum_i w_i |y_i - x_i . beta|^p} of a summary.
   *
   * @param summary weighted rows {@code [x, y]}
   * @param beta the coefficients, of length the row length minus 1, finite
   * @param p the exponent, finite, at least 1
   * @return the loss
   */
  public static double loss(WeightedPoints summary, double[] beta, double p) {
    Args.notNull("summary", summary);
    checkBeta(beta, summary.size() == 0 ? -1 : summary.points()[0].length);
    Args.inRange("p", p, 1, Double.MAX_VALUE);
    double s = 0;
    for (int i = 0; i < summary.size(); i++) {
      s += summary.weights()[i] * rowLoss(summary.points()[i], beta, p);
    }
    return s;
  }

  /**
   * The loss {@code sum_i |y_i - x_i . beta|^p} of the whole distributed data, one {@code
   * treeAggregate}.
   *
   * @param rows the rows {@code [x, y]}
   * @param beta the coefficients, finite
   * @param p the exponent, finite, at least 1
   * @return the loss
   */
  public static double loss(JavaRDD<double[]> rows, double[] beta, double p) {
    return losses(rows, Collections.singletonList(Args.notNull("beta", beta)), p)[0];
  }

  /**
   * The losses of the whole distributed data for several coefficient vectors in one pass (one
   * {@code treeAggregate}; each partition sends {@code betas.size()} doubles).
   *
   * @param rows the rows {@code [x, y]}, of length the coefficients' length plus 1
   * @param betas the coefficient vectors, finite, of one length
   * @param p the exponent, finite, at least 1
   * @return the loss of each vector
   */
  public static double[] losses(JavaRDD<double[]> rows, List<double[]> betas, double p) {
    Args.notNull("rows", rows);
    Args.notNull("betas", betas);
    Args.inRange("p", p, 1, Double.MAX_VALUE);
    double[][] b = new double[betas.size()][];
    for (int i = 0; i < b.length; i++) {
      b[i] = checkBeta(betas.get(i), i == 0 ? -1 : b[0].length + 1).clone();
    }
    return DistributedCoresets.sums(
        rows,
        b.length,
        (r, i) -> {
          if (r.length != b[i].length + 1) {
            throw Args.fail("a row's length", r.length, "beta.length + 1 = " + (b[i].length + 1));
          }
          return rowLoss(r, b[i], p);
        });
  }

  private static WeightedPoints build(
      JavaRDD<double[]> rows, double p, boolean lewis, int m, long seed) {
    Args.notNull("rows", rows);
    Args.positive("m", m);
    return DistributedCoresets.mergeAndReduce(
        rows,
        (part, it) -> leaf(it, p, lewis, m, Rng.stream(seed, part)),
        (a, b) -> merge(a, b, p, lewis, m, seed));
  }

  /** A partition's coreset: the library's single-machine coreset, or all rows if at most m. */
  static WeightedPoints leaf(
      Iterator<double[]> it, double p, boolean lewis, int m, RandomGenerator rng) {
    double[][] a = WeightedPoints.collect(it);
    if (a.length == 0) {
      return WeightedPoints.EMPTY;
    }
    int d = checkRowLength(a[0].length);
    if (a.length <= m) {
      return WeightedPoints.unit(a);
    }
    double[][] x = new double[a.length][];
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      x[i] = Arrays.copyOf(a[i], d);
      y[i] = a[i][d];
    }
    Coreset c =
        lewis
            ? RegressionCoresets.lewis(x, y, p, m, rng)
            : RegressionCoresets.leverage(x, y, m, rng);
    return new WeightedPoints(c.rows(a), c.weights());
  }

  /** The union of two summaries, reduced to m draws when it has more than m rows. */
  static WeightedPoints merge(
      WeightedPoints a, WeightedPoints b, double p, boolean lewis, int m, long seed) {
    WeightedPoints union = WeightedPoints.union(a, b);
    if (union.size() <= m) {
      return union;
    }
    return reduce(union, p, lewis, m, WeightedPoints.mergeRng(seed, a, b));
  }

  /**
   * Weighted resampling: {@code m} draws proportional to the leverage scores (or ℓp Lewis weights)
   * of the rows scaled by {@code w_i^(1/p)}.
   */
  static WeightedPoints reduce(
      WeightedPoints s, double p, boolean lewis, int m, RandomGenerator rng) {
    double[][] a = s.points();
    double[] w = s.weights();
    double[][] scaled = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      double f = Math.pow(w[i], 1 / p);
      scaled[i] = new double[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        scaled[i][j] = f * a[i][j];
      }
    }
    double[] bounds = lewis ? LewisWeights.compute(scaled, p).weights() : LeverageScores.of(scaled);
    return s.resample(bounds, m, rng);
  }

  /** |y - x . beta|^p for a row [x, y]. */
  static double rowLoss(double[] row, double[] beta, double p) {
    double r = row[beta.length];
    for (int j = 0; j < beta.length; j++) {
      r -= row[j] * beta[j];
    }
    r = Math.abs(r);
    return p == 2 ? r * r : Math.pow(r, p);
  }

  /** The number of features of a row length, which must be at least 2. */
  private static int checkRowLength(int length) {
    if (length < 2) {
      throw Args.fail("a row's length", length, "at least 2 (features and the response)");
    }
    return length - 1;
  }

  /** Rejects a null, non-finite, or (when the row length is known) wrongly sized beta. */
  private static double[] checkBeta(double[] beta, int rowLength) {
    Args.finite("beta", Args.notNull("beta", beta));
    Args.positive("beta.length", beta.length);
    if (rowLength >= 0 && beta.length != rowLength - 1) {
      throw Args.fail("beta.length", beta.length, "the row length minus 1, " + (rowLength - 1));
    }
    return beta;
  }
}
