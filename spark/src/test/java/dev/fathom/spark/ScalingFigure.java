package dev.fathom.spark;

import dev.fathom.core.Rng;
import dev.fathom.coreset.Datasets;
import dev.fathom.submodular.constraint.Cardinality;
import dev.fathom.submodular.function.FeatureBased;
import dev.fathom.submodular.optimize.Greedy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The measured figure of docs/spark.md (not a test): time and value against the number of
 * partitions for GreeDi (feature-based, n = 20000, d = 40, k = 25) and for the merge-and-reduce
 * k-means coreset (n = 200000, d = 5, k = 8, m = 1000), in local[2] mode. Run with the test class
 * path (see docs/spark.md).
 */
final class ScalingFigure {
  private ScalingFigure() {}

  public static void main(String[] args) {
    JavaSparkContext sc = LocalSpark.context();
    RandomGenerator rng = Rng.create(1);
    int n = 20_000;
    int d = 40;
    int k = 25;
    List<double[]> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = rng.nextDouble() < 0.2 ? rng.nextDouble() : 0;
      }
      rows.add(x);
    }
    double[] w = new double[d];
    Arrays.fill(w, 1);
    Objective<double[]> fb = Objectives.featureBased(w, FeatureBased.Concave.SQRT);
    long t0 = System.nanoTime();
    double central = Greedy.lazy(fb.build(rows), new Cardinality(k)).value();
    System.out.printf(
        "greedi central: %.1f ms value %.4f%n", (System.nanoTime() - t0) / 1e6, central);
    for (int parts : new int[] {1, 2, 4, 8, 16, 32}) {
      JavaRDD<double[]> rdd = sc.parallelize(rows, parts).cache();
      rdd.count();
      double best = Double.POSITIVE_INFINITY;
      DistributedSelection<double[]> s = null;
      for (int r = 0; r < 3; r++) {
        long t = System.nanoTime();
        s = DistributedGreedy.greedi(rdd, k, fb);
        best = Math.min(best, (System.nanoTime() - t) / 1e6);
      }
      System.out.printf(
          "greedi parts %d: %.0f ms value/central %.5f candidates %d%n",
          parts, best, s.value() / central, s.candidates());
      rdd.unpersist();
    }
    double[][] x = Datasets.blobs(200_000, 5, 8, 2);
    List<double[][]> queries = new ArrayList<>();
    for (int q = 0; q < 20; q++) {
      double[][] c = new double[8][];
      for (int i = 0; i < 8; i++) {
        c[i] = x[rng.nextInt(x.length)].clone();
      }
      queries.add(c);
    }
    for (int parts : new int[] {2, 4, 8, 16, 32}) {
      JavaRDD<double[]> rdd = sc.parallelize(List.of(x), parts).cache();
      rdd.count();
      double[] full = DistributedCoresets.costs(rdd, queries, 2);
      double best = Double.POSITIVE_INFINITY;
      double worst = 0;
      for (int r = 0; r < 3; r++) {
        long t = System.nanoTime();
        WeightedPoints s = DistributedCoresets.kMeans(rdd, 8, 1000, r);
        best = Math.min(best, (System.nanoTime() - t) / 1e6);
        for (int q = 0; q < full.length; q++) {
          worst = Math.max(worst, Math.abs(s.cost(queries.get(q), 2) / full[q] - 1));
        }
      }
      System.out.printf(
          "coreset parts %d: %.0f ms worst relative error %.4f%n", parts, best, worst);
      rdd.unpersist();
    }
  }
}
