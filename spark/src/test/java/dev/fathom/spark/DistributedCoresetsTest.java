package dev.fathom.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.coreset.Datasets;
import dev.fathom.linalg.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class DistributedCoresetsTest {
  private final JavaSparkContext sc = LocalSpark.context();

  /** The cost computed here point by point, independently of the module. */
  private static double directCost(double[][] x, double[] w, double[][] centres, int z) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] c : centres) {
        best = Math.min(best, Vectors.distanceSquared(x[i], c));
      }
      s += (w == null ? 1 : w[i]) * (z == 2 ? best : Math.sqrt(best));
    }
    return s;
  }

  /** k centres: random data points (half the sets) or uniform in the data's bounding box. */
  private static double[][] randomCentres(double[][] x, int k, RandomGenerator rng, boolean box) {
    int d = x[0].length;
    double[] lo = new double[d];
    double[] hi = new double[d];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (double[] r : x) {
      for (int j = 0; j < d; j++) {
        lo[j] = Math.min(lo[j], r[j]);
        hi[j] = Math.max(hi[j], r[j]);
      }
    }
    double[][] c = new double[k][];
    for (int i = 0; i < k; i++) {
      if (box) {
        c[i] = new double[d];
        for (int j = 0; j < d; j++) {
          c[i][j] = lo[j] + (hi[j] - lo[j]) * rng.nextDouble();
        }
      } else {
        c[i] = x[rng.nextInt(x.length)].clone();
      }
    }
    return c;
  }

  @Test
  void mergeAndReduceKeepsTheCostOnRandomCentres() {
    double[][] x = Datasets.blobs(6000, 3, 5, 3);
    int k = 5;
    int m = 1500;
    // one sensitivity-sampling level of 1500 draws errs by up to about 0.08 on these queries (the
    // library's single-machine coreset does the same); 3 and 8 partitions stack two or three
    // reduce levels, whose errors compound
    double eps = 0.25;
    RandomGenerator rng = Rng.create(17);
    for (int parts : new int[] {3, 8}) {
      JavaRDD<double[]> rdd = sc.parallelize(List.of(x), parts).cache();
      for (int z = 1; z <= 2; z++) {
        WeightedPoints s =
            z == 2
                ? DistributedCoresets.kMeans(rdd, k, m, 5 + parts)
                : DistributedCoresets.kMedian(rdd, k, m, 5 + parts);
        assertTrue(s.size() <= m, "size " + s.size());
        assertEquals(x.length, s.totalWeight(), eps * x.length);
        List<double[][]> queries = new ArrayList<>();
        for (int q = 0; q < 20; q++) {
          queries.add(randomCentres(x, k, rng, q % 2 == 0));
        }
        double[] full = DistributedCoresets.costs(rdd, queries, z);
        double worst = 0;
        for (int q = 0; q < full.length; q++) {
          double[][] c = queries.get(q);
          assertEquals(directCost(x, null, c, z), full[q], 1e-9 * full[q]);
          assertEquals(directCost(s.points(), s.weights(), c, z), s.cost(c, z), 1e-9 * full[q]);
          worst = Math.max(worst, Math.abs(s.cost(c, z) / full[q] - 1));
        }
        assertTrue(worst <= eps, parts + " parts, z = " + z + ": relative error " + worst);
      }
      rdd.unpersist();
    }
  }

  @Test
  void smallPartitionsAreKeptWhole() {
    double[][] x = Datasets.blobs(90, 2, 3, 4);
    WeightedPoints s = DistributedCoresets.kMeans(sc.parallelize(List.of(x), 3), 3, 100, 1);
    assertEquals(x.length, s.size());
    double[][] c = randomCentres(x, 3, Rng.create(2), true);
    assertEquals(directCost(x, null, c, 2), s.cost(c, 2), 1e-9 * s.cost(c, 2));
    for (double w : s.weights()) {
      assertEquals(1, w, 0);
    }
  }

  @Test
  void weightedReduceIsUnbiased() {
    // the reduce step alone on a weighted set: the mean of its cost estimates over many seeds is
    // the weighted cost (standard error well under the tolerance)
    RandomGenerator rng = Rng.create(8);
    double[][] p = Datasets.blobs(400, 2, 4, 9);
    double[] w = new double[p.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.5 + 3 * rng.nextDouble();
    }
    WeightedPoints set = new WeightedPoints(p, w);
    double[][] c = randomCentres(p, 4, rng, true);
    double exact = directCost(p, w, c, 2);
    double mean = 0;
    int runs = 300;
    for (int r = 0; r < runs; r++) {
      mean += DistributedCoresets.reduce(set, 4, 40, 2, Rng.create(r)).cost(c, 2) / runs;
    }
    assertEquals(exact, mean, 0.02 * exact);
    assertEquals(
        Vectors.sum(w),
        DistributedCoresets.reduce(set, 4, 40, 2, rng).totalWeight(),
        0.2 * Vectors.sum(w));
  }

  @Test
  void badInputIsRejected() {
    JavaRDD<double[]> rdd = sc.parallelize(List.of(Datasets.blobs(20, 2, 2, 1)), 2);
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> DistributedCoresets.kMeans(rdd, 5, 4, 1));
    assertTrue(e.getMessage().contains("m"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DistributedCoresets.kMedian(rdd, 0, 4, 1));
    assertThrows(NullPointerException.class, () -> DistributedCoresets.kMeans(null, 2, 4, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> DistributedCoresets.kMeans(sc.<double[]>emptyRDD(), 2, 4, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> DistributedCoresets.cost(rdd, new double[][] {{1, 2}}, 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WeightedPoints(new double[][] {{1}}, new double[] {1, 2}));
    WeightedPoints s = DistributedCoresets.kMeans(rdd, 2, 8, 1);
    assertThrows(IllegalArgumentException.class, () -> s.cost(new double[][] {{1, 2, 3}}, 2));
  }
}
