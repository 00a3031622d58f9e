package dev.fathom.spark;

// Library use (coresets): ClusteringCoresets.kMeans / kMedian at the leaves and their
// weighted-input
// overloads in the reduce step; Rng.stream / mix64 for the seeds.
import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.coreset.ClusteringCoresets;
import dev.fathom.coreset.Coreset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;

/**
 * Merge-and-reduce clustering coresets of a distributed point set (Har-Peled and Mazumdar 2004; the
 * composability of sensitivity-sampling coresets, Feldman and Langberg 2011). Each partition builds
 * Fathom's single-machine coreset of its rows ({@link ClusteringCoresets#kMeans} or {@link
 * ClusteringCoresets#kMedian}, {@code m} draws from a {@code D^z}-seeded solution with {@code k}
 * centres). The summaries are then merged pairwise up a fixed binary tree on the driver: the union
 * of coresets of disjoint parts is a coreset of their union, and whenever a union has more than
 * {@code m} points it is reduced again by weighted sensitivity sampling to {@code m} draws. With
 * per-level error {@code eps} and {@code L} reduce levels on a path, the result is a {@code (1 +-
 * eps)^L} coreset: for every set of {@code k} centres its weighted cost is within that factor of
 * the cost of the whole distributed data (with the probability of the sampling steps).
 *
 * <p>The seed of partition {@code p} is {@code Rng.stream(seed, p)}; a reduce step's seed is mixed
 * from {@code seed} and the two summaries it merges; the merge order is fixed (partition order), so
 * the same data, partitioning and seed give the same coreset on every run.
 *
 * <p>Cost: one Spark job; every partition sends at most {@code m} weighted points ({@code m (d +
 * 1)} doubles) to the driver, which holds at most {@code P m} points (P partitions) while it
 * merges.
 */
public final class DistributedCoresets {
  private DistributedCoresets() {}

  /**
   * A merge-and-reduce k-means coreset ({@code z = 2}).
   *
   * @param data the points, rows of one dimension, finite, at least {@code 1}
   * @param k the number of clusters the coreset is for, at least 1
   * @param m the draws per coreset (the size bound of every summary), at least {@code k}
   * @param seed the seed
   * @return at most {@code m} weighted points (all points with weight 1 when there are at most
   *     {@code m})
   */
  public static WeightedPoints kMeans(JavaRDD<double[]> data, int k, int m, long seed) {
    return build(data, k, m, 2, seed);
  }

  /**
   * A merge-and-reduce k-median coreset ({@code z = 1}), as {@link #kMeans}.
   *
   * @param data the points, rows of one dimension, finite, at least {@code 1}
   * @param k the number of clusters the coreset is for, at least 1
   * @param m the draws per coreset (the size bound of every summary), at least {@code k}
   * @param seed the seed
   * @return at most {@code m} weighted points
   */
  public static WeightedPoints kMedian(JavaRDD<double[]> data, int k, int m, long seed) {
    return build(data, k, m, 1, seed);
  }

  /**
   * The clustering cost of the whole distributed data, {@code sum_x min_c |x - c|^z}, as one {@code
   * treeAggregate}.
   *
   * @param data the points
   * @param centres the centres, at least one, finite
   * @param z the distance power, 1 (k-median) or 2 (k-means)
   * @return the cost
   */
  public static double cost(JavaRDD<double[]> data, double[][] centres, int z) {
    return costs(data, Collections.singletonList(Args.notNull("centres", centres)), z)[0];
  }

  /**
   * The clustering costs of the whole distributed data for several sets of centres in one pass (one
   * {@code treeAggregate}; each partition sends {@code queries} doubles).
   *
   * @param data the points
   * @param queries the sets of centres, each at least one centre, finite, of one dimension
   * @param z the distance power, 1 (k-median) or 2 (k-means)
   * @return the cost of each set of centres
   */
  public static double[] costs(JavaRDD<double[]> data, List<double[][]> queries, int z) {
    Args.notNull("data", data);
    Args.notNull("queries", queries);
    Args.inRange("z", z, 1, 2);
    double[][][] q = new double[queries.size()][][];
    for (int i = 0; i < q.length; i++) {
      WeightedPoints.checkCentres(queries.get(i), -1);
      q[i] = queries.get(i).clone();
    }
    return sums(data, q.length, (x, i) -> WeightedPoints.pointCost(x, q[i], z));
  }

  /** A per-row term of a distributed sum. */
  interface Term extends Serializable {
    double of(double[] row, int query);
  }

  /**
   * {@code count} sums over the rows at once, {@code sum_x term(x, i)} for each {@code i}, as one
   * {@code treeAggregate} (each partition sends {@code count} doubles).
   */
  static double[] sums(JavaRDD<double[]> data, int count, Term term) {
    return data.treeAggregate(
        new double[count],
        (s, x) -> {
          for (int i = 0; i < count; i++) {
            s[i] += term.of(x, i);
          }
          return s;
        },
        (a, b) -> {
          for (int i = 0; i < count; i++) {
            a[i] += b[i];
          }
          return a;
        },
        2);
  }

  private static WeightedPoints build(JavaRDD<double[]> data, int k, int m, int z, long seed) {
    Args.notNull("data", data);
    Args.positive("k", k);
    if (m < k) {
      throw Args.fail("m", m, "at least k = " + k);
    }
    return mergeAndReduce(
        data,
        (p, rows) -> leaf(rows, k, m, z, Rng.stream(seed, p)),
        (a, b) -> merge(a, b, k, m, z, seed));
  }

  /**
   * The merge-and-reduce tree shared by the coresets of this package: one summary per partition,
   * built on the executors (the leaf gets the partition's index), sent to the driver in partition
   * order and merged there pairwise in a fixed binary tree (partitions 0+1, 2+3, ..., then the
   * results the same way). The fixed order makes the result a function of the data, the
   * partitioning and the seed alone: Spark's {@code treeAggregate} merges in whatever order tasks
   * finish, and a different merge order draws a different coreset.
   */
  static WeightedPoints mergeAndReduce(
      JavaRDD<double[]> data,
      Function2<Integer, Iterator<double[]>, WeightedPoints> leaf,
      Function2<WeightedPoints, WeightedPoints, WeightedPoints> merge) {
    List<WeightedPoints> level =
        data.mapPartitionsWithIndex((p, rows) -> List.of(leaf.call(p, rows)).iterator(), false)
            .collect();
    try {
      while (level.size() > 1) {
        List<WeightedPoints> next = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i < level.size(); i += 2) {
          next.add(
              i + 1 < level.size() ? merge.call(level.get(i), level.get(i + 1)) : level.get(i));
        }
        level = next;
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("merging the partition summaries failed", e);
    }
    WeightedPoints all = level.isEmpty() ? WeightedPoints.EMPTY : level.get(0);
    if (all.size() == 0) {
      throw Args.fail("data", "an empty RDD", "at least one point");
    }
    return all;
  }

  /** A partition's coreset: the library's single-machine coreset, or all rows if at most m. */
  static WeightedPoints leaf(Iterator<double[]> rows, int k, int m, int z, RandomGenerator rng) {
    double[][] x = WeightedPoints.collect(rows);
    if (x.length <= m) {
      return WeightedPoints.unit(x);
    }
    Coreset c =
        z == 2 ? ClusteringCoresets.kMeans(x, k, m, rng) : ClusteringCoresets.kMedian(x, k, m, rng);
    return new WeightedPoints(c.rows(x), c.weights());
  }

  /** The union of two summaries, reduced to m draws when it has more than m points. */
  static WeightedPoints merge(WeightedPoints a, WeightedPoints b, int k, int m, int z, long seed) {
    WeightedPoints union = WeightedPoints.union(a, b);
    int n = union.size();
    if (n <= m) {
      return union;
    }
    return reduce(union, Math.min(k, n), m, z, WeightedPoints.mergeRng(seed, a, b));
  }

  /**
   * Weighted sensitivity sampling, the library's coreset of weighted points ({@link
   * ClusteringCoresets#kMeans(double[][], double[], int, int, RandomGenerator)} / {@code kMedian}):
   * a {@code D^z}-seeded weighted solution B, the bounds {@code s_i = w_i d(p_i, B)^z / cost_w(B) +
   * w_i / W(cluster of i)}, {@code m} draws proportional to them; a drawn point keeps {@code w_i}
   * times its sampling weight, so every cost estimate is unbiased.
   */
  static WeightedPoints reduce(WeightedPoints s, int k, int m, int z, RandomGenerator rng) {
    double[][] p = s.points();
    double[] w = s.weights();
    Coreset c =
        z == 2
            ? ClusteringCoresets.kMeans(p, w, k, m, rng)
            : ClusteringCoresets.kMedian(p, w, k, m, rng);
    return new WeightedPoints(c.rows(p), c.weights());
  }
}
