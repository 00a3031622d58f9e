package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

/** The clustering coresets' sampling laws and bounds against their formulas, computed here. */
class ClusteringCoresetsReferenceTest {
  static double[][] points(int n, int d, long seed) {
    var rng = Rng.create(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = rng.nextGaussian() * (1 + j) + (i % 3) * 2;
      }
    }
    return x;
  }

  static double dist2(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return s;
  }

  @Test
  void lightweightSamplesTheHalfUniformHalfVarianceLaw() {
    for (long seed = 0; seed < 4; seed++) {
      int n = 30 + (int) seed;
      int d = 1 + (int) seed % 3;
      double[][] x = points(n, d, seed);
      double[] mu = new double[d];
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (double[] r : x) {
          s += r[j];
        }
        mu[j] = s / n;
      }
      double total = 0;
      for (double[] r : x) {
        total += dist2(r, mu);
      }
      double[] q = new double[n];
      for (int i = 0; i < n; i++) {
        q[i] = 1.0 / (2 * n) + dist2(x[i], mu) / (2 * total);
      }
      Coreset expected = SensitivitySampling.sample(q, 7, Rng.create(seed + 50));
      Coreset got = ClusteringCoresets.lightweight(x, 7, seed + 50);
      assertArrayEquals(expected.indices(), got.indices());
      assertArrayEquals(expected.weights(), got.weights(), 1e-12);
    }
    // all points equal: the uniform law, weight n/m per draw
    double[][] same = new double[12][];
    for (int i = 0; i < 12; i++) {
      same[i] = new double[] {1.5, -2};
    }
    Coreset c = ClusteringCoresets.lightweight(same, 4, 3);
    for (int j = 0; j < c.size(); j++) {
      assertEquals(0, c.weight(j) % 3.0, 1e-12);
    }
    assertEquals(12, c.totalWeight(), 1e-12);
    double[] flat = new double[12];
    java.util.Arrays.fill(flat, 1);
    assertEquals(SensitivitySampling.sample(flat, 4, 3), c);
  }

  /** s_i = w_i d_i^z / sum_j w_j d_j^z + w_i / W(cluster of i), with 0/0 terms taken as 0. */
  static double[] bounds(double[][] x, double[] w, double[][] centers, int z) {
    int n = x.length;
    int[] assign = new int[n];
    double[] cost = new double[n];
    double total = 0;
    double[] cw = new double[centers.length];
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < centers.length; c++) {
        double dd = dist2(x[i], centers[c]);
        if (dd < best) {
          best = dd;
          assign[i] = c;
        }
      }
      cost[i] = z == 2 ? best : Math.sqrt(best);
      total += w[i] * cost[i];
      cw[assign[i]] += w[i];
    }
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] =
          (total == 0 ? 0 : w[i] * cost[i] / total)
              + (cw[assign[i]] == 0 ? 0 : w[i] / cw[assign[i]]);
    }
    return s;
  }

  @Test
  void weightedSensitivitiesMatchTheFormulaIncludingEmptyAndZeroCostCases() {
    double[][] x = points(16, 2, 7);
    double[][] centers = {x[0], x[5], {100, 100}}; // the far center gets no point
    double[] w = new double[16];
    for (int i = 0; i < 16; i++) {
      w[i] = 0.5 + (i % 4);
    }
    for (int z = 1; z <= 2; z++) {
      assertArrayEquals(
          bounds(x, w, centers, z), ClusteringCoresets.sensitivities(x, w, centers, z), 1e-12);
      double[] ones = new double[16];
      java.util.Arrays.fill(ones, 1);
      assertArrayEquals(
          bounds(x, ones, centers, z), ClusteringCoresets.sensitivities(x, centers, z), 1e-12);
    }
    // a cluster whose points all weigh 0: its second term is 0 (not 0/0)
    double[][] y = {{0, 0}, {0.1, 0}, {5, 5}, {5.2, 5}};
    double[][] yc = {{0, 0}, {5, 5}};
    double[] wz = {1, 2, 0, 0};
    double[] s = ClusteringCoresets.sensitivities(y, wz, yc, 2);
    assertArrayEquals(bounds(y, wz, yc, 2), s, 1e-12);
    assertEquals(0, s[2], 0);
    // every point on its center: the cost term is 0 (not 0/0)
    double[] s0 = ClusteringCoresets.sensitivities(yc, new double[] {1, 3}, yc, 1);
    assertArrayEquals(new double[] {1, 1}, s0, 0);
  }

  @Test
  void weightsAreCheckedBeforeUse() {
    double[][] x = points(4, 2, 1);
    double[][] c = {x[0]};
    assertEquals(
        "sum(weights) = 0.0: expected a finite positive total",
        msg(() -> ClusteringCoresets.sensitivities(x, new double[4], c, 2)));
    assertEquals(
        "weights[1] = -1.0: expected a finite non-negative number",
        msg(() -> ClusteringCoresets.sensitivities(x, new double[] {1, -1, 1, 1}, c, 2)));
    assertEquals(
        "sum(weights) = Infinity: expected a finite positive total",
        msg(() -> ClusteringCoresets.sensitivities(x, new double[] {1e308, 1e308, 0, 0}, c, 2)));
  }

  @Test
  void theSizedCoresetIsTheWholeSetExactlyWhenTheBoundReachesN() {
    // k = 1, d = 1, delta = 1/2: m = ceil(1 / eps^2) = 4
    assertEquals(4, CoresetSize.clustering(0.5, 0.5, 1, 1));
    double[][] four = {{0}, {1}, {3}, {10}};
    assertEquals(Coreset.all(4), ClusteringCoresets.kMeans(four, 1, 0.5, 0.5, 9));
    assertEquals(Coreset.all(4), ClusteringCoresets.kMedian(four, 1, 0.5, 0.5, 9));
    double[][] five = {{0}, {1}, {3}, {10}, {11}};
    assertNotEquals(Coreset.all(5), ClusteringCoresets.kMeans(five, 1, 0.5, 0.5, 9));
  }
}
