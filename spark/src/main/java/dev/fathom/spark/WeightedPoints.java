package dev.fathom.spark;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.coreset.Coreset;
import dev.fathom.coreset.SensitivitySampling;
import dev.fathom.linalg.Vectors;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A weighted point set: the summary {@link DistributedCoresets} and {@link DistributedRegression}
 * build, small enough for the driver. Its clustering cost on centres {@code C} is {@code sum_i w_i
 * d(p_i, C)^z}; for a regression summary the points are rows {@code [x, y]}.
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

  /** A partition's rows as an array, checked rectangular (empty when the partition is). */
  static double[][] collect(Iterator<double[]> rows) {
    List<double[]> list = new ArrayList<>();
    rows.forEachRemaining(list::add);
    double[][] x = list.toArray(new double[0][]);
    if (x.length > 0) {
      Args.rectangular("data rows", x);
    }
    return x;
  }

  /** The rows, each with weight 1. */
  static WeightedPoints unit(double[][] x) {
    double[] w = new double[x.length];
    Arrays.fill(w, 1);
    return new WeightedPoints(x, w);
  }

  /** The union of two summaries of disjoint parts (the empty summary is neutral). */
  static WeightedPoints union(WeightedPoints a, WeightedPoints b) {
    if (a.size() == 0) {
      return b;
    }
    if (b.size() == 0) {
      return a;
    }
    int da = a.points[0].length;
    int db = b.points[0].length;
    if (da != db) {
      throw Args.fail("data rows' dimension", db, "the same in every partition, " + da);
    }
    int n = a.size() + b.size();
    double[][] p = new double[n][];
    double[] w = new double[n];
    System.arraycopy(a.points, 0, p, 0, a.size());
    System.arraycopy(b.points, 0, p, a.size(), b.size());
    System.arraycopy(a.weights, 0, w, 0, a.size());
    System.arraycopy(b.weights, 0, w, a.size(), b.size());
    return new WeightedPoints(p, w);
  }

  /** The generator of a reduce step, mixed from the seed and the two summaries it merges. */
  static RandomGenerator mergeRng(long seed, WeightedPoints a, WeightedPoints b) {
    long n = a.size() + b.size();
    return Rng.create(
        Rng.mix64(
            seed
                ^ Rng.mix64(Double.doubleToLongBits(a.totalWeight()))
                ^ Rng.mix64(Double.doubleToLongBits(b.totalWeight()) + n)));
  }

  /**
   * {@code m} draws proportional to {@code bounds} ({@link SensitivitySampling#sample}); a drawn
   * point keeps its weight times its sampling weight, so every weighted sum stays unbiased.
   */
  WeightedPoints resample(double[] bounds, int m, RandomGenerator rng) {
    Coreset c = SensitivitySampling.sample(bounds, m, rng);
    double[] w = new double[c.size()];
    for (int j = 0; j < w.length; j++) {
      w[j] = weights[c.index(j)] * c.weight(j);
    }
    return new WeightedPoints(c.rows(points), w);
  }
}
