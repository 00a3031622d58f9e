package dev.fathom.spark;

import dev.fathom.core.Args;
import dev.fathom.monotone.FiniteSumOperator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A {@link FiniteSumOperator} whose full evaluation {@code F(x) = (1/n) sum_i F_i(x)} runs on the
 * cluster as one {@code treeAggregate} over slices of the components, while single components (the
 * stochastic steps of {@link dev.fathom.monotone.VrHalpern}) are evaluated on the driver. Give it
 * to {@link dev.fathom.monotone.Problem#of} in place of the local operator: the solvers then run
 * their stochastic steps locally and their full passes ({@code VrHalpern}'s occasional estimator
 * refresh, every step of {@link dev.fathom.monotone.Halpern}) on the cluster.
 *
 * <p>The components are broadcast once. Slice {@code s} of {@code p} accumulates its components
 * {@code i} in increasing order with scale {@code 1/n}, exactly as the default {@link
 * FiniteSumOperator#apply} does; with one slice the result is bit-for-bit the local one, with more
 * slices it differs only by the order of the floating-point sum of the slices.
 *
 * <p>Cost per full pass: one Spark job of {@code p} tasks; {@code 8 d} bytes of {@code x} go to
 * each task and {@code 8 d} bytes come back from each (through the aggregation tree); the driver
 * holds the components (for the stochastic steps) and two vectors of length {@code d}.
 */
public final class DistributedFiniteSum implements FiniteSumOperator {
  /** The components, shipped once to the executors: a finite-sum operator Spark can serialize. */
  public interface Components extends FiniteSumOperator, Serializable {}

  private final JavaSparkContext sc;
  private final Components local;
  private final Broadcast<Components> shipped;
  private final List<int[]> ranges;
  private long fullPasses;

  private DistributedFiniteSum(JavaSparkContext sc, Components local, int slices) {
    this.sc = sc;
    this.local = local;
    this.shipped = sc.broadcast(local);
    int n = local.size();
    int p = Math.min(slices, n);
    ranges = new ArrayList<>(p);
    for (int s = 0; s < p; s++) {
      ranges.add(new int[] {(int) ((long) n * s / p), (int) ((long) n * (s + 1) / p)});
    }
  }

  /**
   * Broadcasts the components and cuts them into {@code slices} contiguous slices.
   *
   * @param sc the Spark context
   * @param components the components, at least one, of positive dimension
   * @param slices the number of slices (tasks per full pass), at least 1
   * @return the operator
   */
  public static DistributedFiniteSum of(JavaSparkContext sc, Components components, int slices) {
    Args.notNull("sc", sc);
    Args.notNull("components", components);
    Args.positive("components.size()", components.size());
    Args.positive("components.dimension()", components.dimension());
    Args.positive("slices", slices);
    return new DistributedFiniteSum(sc, components, slices);
  }

  @Override
  public int dimension() {
    return local.dimension();
  }

  @Override
  public int size() {
    return local.size();
  }

  @Override
  public void addComponent(int i, double scale, double[] x, double[] acc) {
    local.addComponent(i, scale, x, acc);
  }

  @Override
  public void addComponentDifference(int i, double scale, double[] x, double[] y, double[] acc) {
    local.addComponentDifference(i, scale, x, y, acc);
  }

  /** The full evaluation on the cluster (one {@code treeAggregate}). */
  @Override
  public void apply(double[] x, double[] out) {
    int d = local.dimension();
    Args.length("x", x, d);
    Args.length("out", out, d);
    double[] point = x.clone();
    double s = 1.0 / local.size();
    Broadcast<Components> b = shipped;
    double[] sum =
        sc.parallelize(ranges, ranges.size())
            .map(
                r -> {
                  Components f = b.value();
                  double[] acc = new double[point.length];
                  for (int i = r[0]; i < r[1]; i++) {
                    f.addComponent(i, s, point, acc);
                  }
                  return acc;
                })
            .treeAggregate(new double[d], DistributedFiniteSum::add, DistributedFiniteSum::add, 2);
    System.arraycopy(sum, 0, out, 0, d);
    fullPasses++;
  }

  /**
   * The full passes run on the cluster so far.
   *
   * @return the count
   */
  public long fullPasses() {
    return fullPasses;
  }

  private static double[] add(double[] a, double[] b) {
    for (int j = 0; j < a.length; j++) {
      a[j] += b[j];
    }
    return a;
  }
}
