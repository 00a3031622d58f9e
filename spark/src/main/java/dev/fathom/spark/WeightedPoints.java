package dev.fathom.spark;

import dev.fathom.core.Args;
import dev.fathom.linalg.Vectors;
import java.io.Serializable;

/**
 * A weighted point set: the summary {@link DistributedCoresets} builds, small enough for the
 * driver. Its clustering cost on centres {@code C} is {@code sum_i w_i d(p_i, C)^z}.
 *
 * @param points the points, rows of one dimension
 * @param weights their positive weights, one per point
 */
public record WeightedPoints(double[][] points, double[] weights) implements Serializable {
  /**
   * Checks the shapes; the arrays are kept, not copied (the summary is built and read by this
   * package and handed to the caller, who owns it).
   *
   * @param points the points
   * @param weights the weights
   */
  public WeightedPoints {
    Args.notNull("points", points);
    Args.notNull("weights", weights);
    if (points.length != weights.length) {
      throw Args.fail("weights.length", weights.length, "points.length = " + points.length);
    }
  }

  /** The empty set, the neutral element of the merge. */
  static final WeightedPoints EMPTY = new WeightedPoints(new double[0][], new double[0]);

  /**
   * The number of points.
   *
   * @return the size
   */
  public int size() {
    return points.length;
  }

  /**
   * The sum of the weights: an estimate of the number of points summarized.
   *
   * @return the total weight
   */
  public double totalWeight() {
    return Vectors.sum(weights);
  }

  /**
   * The weighted clustering cost {@code sum_i w_i min_c |p_i - c|^z}.
   *
   * @param centres the centres, at least one, of the points' dimension
   * @param z the distance power, 1 (k-median) or 2 (k-means)
   * @return the cost
   */
  public double cost(double[][] centres, int z) {
    checkCentres(centres, points.length == 0 ? -1 : points[0].length);
    Args.inRange("z", z, 1, 2);
    double s = 0;
    for (int i = 0; i < points.length; i++) {
      s += weights[i] * pointCost(points[i], centres, z);
    }
    return s;
  }

  /** d(x, C)^z. */
  static double pointCost(double[] x, double[][] centres, int z) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] c : centres) {
      best = Math.min(best, Vectors.distanceSquared(x, c));
    }
    return power(best, z);
  }

  /** The squared distance {@code sq} to the power {@code z / 2}. */
  static double power(double sq, int z) {
    return z == 2 ? sq : Math.sqrt(sq);
  }

  /** Rejects empty or ragged centres, or centres of another dimension than {@code d} (if known). */
  static int checkCentres(double[][] centres, int d) {
    int dc = Args.rectangular("centres", centres);
    if (d >= 0 && dc != d) {
      throw Args.fail("centres[0].length", dc, "the points' dimension " + d);
    }
    return dc;
  }
}
