package dev.fathom.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.coreset.LpRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class DistributedRegressionTest {
  private final JavaSparkContext sc = LocalSpark.context();

  /**
   * Rows [x, y] of a linear model with heteroscedastic heavy-ish noise and a few high-leverage rows
   * (so uniform sampling would miss them and the importance weights matter).
   */
  private static double[][] data(int n, int d, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[] beta = new double[d];
    for (int j = 0; j < d; j++) {
      beta[j] = rng.nextGaussian();
    }
    double[][] a = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      double scale = i % 97 == 0 ? 20 : 1;
      double y = 0;
      for (int j = 0; j < d; j++) {
        a[i][j] = scale * rng.nextGaussian();
        y += a[i][j] * beta[j];
      }
      a[i][d] = y + (1 + Math.abs(a[i][0])) * rng.nextGaussian();
    }
    return a;
  }

  private static double[][] features(double[][] a) {
    double[][] x = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      x[i] = Arrays.copyOf(a[i], a[i].length - 1);
    }
    return x;
  }

  private static double[] responses(double[][] a) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      y[i] = a[i][a[i].length - 1];
    }
    return y;
  }

  /** The loss computed here row by row, independently of the module. */
  private static double directLoss(double[][] a, double[] w, double[] beta, double p) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double r = a[i][beta.length];
      for (int j = 0; j < beta.length; j++) {
        r -= a[i][j] * beta[j];
      }
      s += (w == null ? 1 : w[i]) * Math.pow(Math.abs(r), p);
    }
    return s;
  }

  @Test
  void mergeAndReduceKeepsTheLossAndTheFit() {
    int n = 4000;
    int d = 4;
    int m = 500;
    double[][] a = data(n, d, 3);
    double[][] x = features(a);
    double[] y = responses(a);
    RandomGenerator rng = Rng.create(11);
    // p = 2 by leverage scores, p = 1 and 3 by Lewis weights; 4 and 8 partitions give two and
    // three reduce levels. One level of 500 draws errs by about 0.1 on these queries; the bounds
    // allow the compounding: loss within 1 +- 0.3 at every query, excess loss of the fit at most
    // 0.1 (the fit's excess is second order in the embedding error near the optimum)
    double eps = 0.3;
    double excess = 0.1;
    for (int parts : new int[] {4, 8}) {
      JavaRDD<double[]> rdd = sc.parallelize(List.of(a), parts).cache();
      for (double p : new double[] {2, 1, 3}) {
        WeightedPoints s =
            p == 2
                ? DistributedRegression.leverage(rdd, m, 7 + parts)
                : DistributedRegression.lewis(rdd, p, m, 7 + parts);
        assertTrue(s.size() <= m, "size " + s.size());
        double[] best = LpRegression.fit(x, y, p).beta();
        double[] fitted = DistributedRegression.fit(s, p).beta();
        double lossBest = directLoss(a, null, best, p);
        double lossFitted = DistributedRegression.loss(rdd, fitted, p);
        assertEquals(directLoss(a, null, fitted, p), lossFitted, 1e-9 * lossFitted);
        double rel = lossFitted / lossBest - 1;
        assertTrue(rel >= -1e-9 && rel <= excess, parts + " parts, p = " + p + ": excess " + rel);
        List<double[]> betas = new ArrayList<>();
        for (int q = 0; q < 20; q++) {
          double[] b = best.clone();
          double scale = Math.pow(10, q % 4 - 2);
          for (int j = 0; j < d; j++) {
            b[j] += scale * rng.nextGaussian();
          }
          betas.add(b);
        }
        double[] full = DistributedRegression.losses(rdd, betas, p);
        double worst = 0;
        for (int q = 0; q < full.length; q++) {
          double[] b = betas.get(q);
          assertEquals(directLoss(a, null, b, p), full[q], 1e-9 * full[q]);
          double est = DistributedRegression.loss(s, b, p);
          assertEquals(directLoss(s.points(), s.weights(), b, p), est, 1e-9 * est);
          worst = Math.max(worst, Math.abs(est / full[q] - 1));
        }
        assertTrue(worst <= eps, parts + " parts, p = " + p + ": relative error " + worst);
      }
      rdd.unpersist();
    }
  }

  @Test
  void smallPartitionsAreKeptWholeAndFitExactly() {
    double[][] a = data(120, 3, 5);
    WeightedPoints s = DistributedRegression.leverage(sc.parallelize(List.of(a), 3), 200, 1);
    assertEquals(a.length, s.size());
    double[] best = LpRegression.fit(features(a), responses(a), 2).beta();
    double[] fitted = DistributedRegression.fit(s, 2).beta();
    for (int j = 0; j < best.length; j++) {
      assertEquals(best[j], fitted[j], 1e-9 * (1 + Math.abs(best[j])));
    }
  }

  @Test
  void weightedReduceIsUnbiased() {
    // the reduce step alone on a weighted set: the mean loss estimate over many seeds is the
    // weighted loss (standard error well under the tolerance)
    RandomGenerator rng = Rng.create(8);
    double[][] a = data(300, 3, 9);
    double[] w = new double[a.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.5 + 3 * rng.nextDouble();
    }
    WeightedPoints set = new WeightedPoints(a, w);
    double[] beta = {0.3, -1, 2};
    for (double p : new double[] {2, 1.5}) {
      double exact = directLoss(a, w, beta, p);
      double mean = 0;
      int runs = 200;
      for (int r = 0; r < runs; r++) {
        WeightedPoints red = DistributedRegression.reduce(set, p, p != 2, 60, Rng.create(r));
        mean += DistributedRegression.loss(red, beta, p) / runs;
      }
      assertEquals(exact, mean, 0.03 * exact, "p = " + p);
    }
  }

  @Test
  void badInputIsRejected() {
    JavaRDD<double[]> rdd = sc.parallelize(List.of(data(20, 2, 1)), 2);
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> DistributedRegression.lewis(rdd, 4, 10, 1));
    assertTrue(e.getMessage().contains("p"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DistributedRegression.leverage(rdd, 0, 1));
    assertThrows(NullPointerException.class, () -> DistributedRegression.leverage(null, 5, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> DistributedRegression.leverage(sc.<double[]>emptyRDD(), 5, 1));
    JavaRDD<double[]> narrow = sc.parallelize(List.of(new double[] {1}, new double[] {2}), 2);
    assertThrows(Exception.class, () -> DistributedRegression.leverage(narrow, 5, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> DistributedRegression.loss(rdd, new double[] {1, 2}, 0.5));
    WeightedPoints s = DistributedRegression.leverage(rdd, 8, 1);
    assertThrows(
        IllegalArgumentException.class, () -> DistributedRegression.loss(s, new double[] {1}, 2));
    assertThrows(
        IllegalArgumentException.class,
        () -> DistributedRegression.fit(new WeightedPoints(new double[0][], new double[0]), 2));
  }
}
