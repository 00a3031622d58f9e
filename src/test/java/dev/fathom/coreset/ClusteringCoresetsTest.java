package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ClusteringCoresetsTest {
  private static final double[][] X = Datasets.blobs(20_000, 5, 6, 3);

  private static double[][] randomCenters(RandomGenerator rng, int k) {
    double[][] c = new double[k][];
    for (int j = 0; j < k; j++) {
      double[] p = X[rng.nextInt(X.length)].clone();
      for (int l = 0; l < p.length; l++) {
        p[l] += 2 * rng.nextGaussian();
      }
      c[j] = p;
    }
    return c;
  }

  private static double worstError(Coreset c, PointLoss<double[][]> loss, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double worst = 0;
    for (int q = 0; q < 40; q++) {
      worst = Math.max(worst, c.relativeError(loss, randomCenters(rng, 1 + q % 8)));
    }
    return worst;
  }

  @Test
  void kMeansCoresetKeepsRandomCenterCostsWithinEps() {
    PointLoss<double[][]> loss = Losses.kMeans(X);
    double eps = 0.1;
    for (long seed = 1; seed <= 3; seed++) {
      Coreset c = ClusteringCoresets.kMeans(X, 6, 1000, seed);
      double sens = worstError(c, loss, 50 + seed);
      assertTrue(sens < eps, "seed " + seed + ": worst relative error " + sens);
    }
    // uniform at the same size misses the tiny clusters: worse on the worst case
    double sens = worstError(ClusteringCoresets.kMeans(X, 6, 1000, 9), loss, 77);
    double uni = worstError(SensitivitySampling.uniform(X.length, 1000, 9), loss, 77);
    assertTrue(sens < uni, "sensitivity " + sens + " vs uniform " + uni);
  }

  @Test
  void kMedianAndLightweightCoresets() {
    Coreset med = ClusteringCoresets.kMedian(X, 6, 1000, 4);
    assertTrue(worstError(med, Losses.kMedian(X), 8) < 0.1);
    Coreset lw = ClusteringCoresets.lightweight(X, 2000, 4);
    // additive guarantee: error relative to the full cost plus the 1-means cost
    PointLoss<double[][]> loss = Losses.kMeans(X);
    double[][] mean = {new double[5]};
    for (double[] r : X) {
      for (int j = 0; j < 5; j++) {
        mean[0][j] += r[j] / X.length;
      }
    }
    double oneMeans = loss.total(mean);
    RandomGenerator rng = Rng.create(12);
    for (int q = 0; q < 20; q++) {
      double[][] c = randomCenters(rng, 3);
      double err = Math.abs(lw.loss(loss, c) - loss.total(c));
      assertTrue(err < 0.1 * (loss.total(c) + oneMeans));
    }
  }

  /**
   * The seeding prunes distance computations by the triangle inequality; it must give bitwise the
   * coreset of the plain D^z seeding (written out here, same random draws) on clustered data, where
   * most points are pruned, and on unclustered data, where few are.
   */
  @Test
  void prunedSeedingGivesBitwiseThePlainCoreset() {
    RandomGenerator data = Rng.create(5);
    double[][] uniform = new double[3000][4];
    for (double[] r : uniform) {
      for (int j = 0; j < r.length; j++) {
        r[j] = data.nextDouble();
      }
    }
    double[][] clustered = Datasets.blobs(3000, 3, 8, 9);
    for (double[][] x : new double[][][] {uniform, clustered}) {
      for (int z = 1; z <= 2; z++) {
        for (long seed = 1; seed <= 4; seed++) {
          int k = 2 + (int) seed * 3;
          Coreset got =
              z == 2
                  ? ClusteringCoresets.kMeans(x, k, 200, seed)
                  : ClusteringCoresets.kMedian(x, k, 200, seed);
          RandomGenerator rng = Rng.create(seed);
          double[] bounds = plainSeedingBounds(x, k, z, rng);
          Coreset want = SensitivitySampling.sample(bounds, 200, rng.nextLong());
          assertEquals(want, got, "z = " + z + ", seed " + seed);
        }
      }
    }
  }

  /** Textbook D^z seeding (no pruning) and the sensitivity bounds of its assignment. */
  private static double[] plainSeedingBounds(double[][] x, int k, int z, RandomGenerator rng) {
    int n = x.length;
    double[] best = new double[n];
    int[] assign = new int[n];
    int first = rng.nextInt(n);
    for (int i = 0; i < n; i++) {
      best[i] = ClusteringCoresets.squared(x[i], x[first]);
    }
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        total += z == 2 ? best[i] : Math.sqrt(best[i]);
      }
      int pick = n - 1;
      if (total > 0) {
        double u = rng.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < n; i++) {
          double w = z == 2 ? best[i] : Math.sqrt(best[i]);
          acc += w;
          if (acc > u && w > 0) {
            pick = i;
            break;
          }
        }
      } else {
        pick = rng.nextInt(n);
      }
      for (int i = 0; i < n; i++) {
        double s = ClusteringCoresets.squared(x[i], x[pick]);
        if (s < best[i]) {
          best[i] = s;
          assign[i] = c;
        }
      }
    }
    int[] count = new int[k];
    double total = 0;
    double[] cost = new double[n];
    for (int i = 0; i < n; i++) {
      count[assign[i]]++;
      cost[i] = z == 2 ? best[i] : Math.sqrt(best[i]);
      total += cost[i];
    }
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = (total > 0 ? cost[i] / total : 0) + 1.0 / count[assign[i]];
    }
    return s;
  }

  @Test
  void kMeansPlusPlusIsAGoodSeeding() {
    int[] idx = ClusteringCoresets.kMeansPlusPlus(X, 6, 2, 1);
    double[][] c = new double[6][];
    for (int j = 0; j < 6; j++) {
      c[j] = X[idx[j]];
    }
    // generating clusters have unit variance in 5-d: optimal cost about 5n; D^2 seeding is O(log k)
    double cost = Losses.kMeans(X).total(c);
    assertTrue(cost < 5 * 5 * X.length, "cost " + cost);
    double[] s = ClusteringCoresets.sensitivities(X, c, 2);
    double total = 0;
    for (double v : s) {
      total += v;
    }
    assertEquals(1 + 6, total, 1e-9); // 1 + number of non-empty clusters
  }

  @Test
  void sizeFromEpsilonAndBadInput() {
    Coreset c = ClusteringCoresets.kMeans(X, 2, 0.5, 0.1, 1);
    assertTrue(c.size() <= CoresetSize.clustering(0.5, 0.1, 2, 5));
    Coreset med = ClusteringCoresets.kMedian(X, 2, 0.5, 0.1, 1);
    assertTrue(med.size() <= CoresetSize.clustering(0.5, 0.1, 2, 5));
    assertEquals(
        Coreset.all(20), ClusteringCoresets.kMedian(Datasets.blobs(20, 5, 2, 1), 2, 0.5, 0.1, 1));
    assertEquals(
        "m = 20001: expected a coreset size in [1, n = 20000]",
        msg(() -> ClusteringCoresets.kMeans(X, 3, 20_001, 1)));
    assertEquals(
        "k = 0: expected an integer in [1, 20000]",
        msg(() -> ClusteringCoresets.kMeans(X, 0, 5, 1)));
    assertEquals(
        "x[1][0] = NaN: expected a finite number",
        msg(() -> ClusteringCoresets.lightweight(new double[][] {{0}, {Double.NaN}}, 1, 1)));
    assertEquals(
        "z = 3: expected an integer in [1, 2]",
        msg(() -> ClusteringCoresets.kMeansPlusPlus(X, 2, 3, 1)));
  }

  @Test
  void fusedSeedingGivesTheCoresetOfSeedingThenSensitivitiesThenSampling() {
    // integer grid points: many exact duplicates and exact ties between centers
    RandomGenerator g = Rng.create(17);
    double[][] x = new double[3000][3];
    for (double[] p : x) {
      for (int l = 0; l < p.length; l++) {
        p[l] = g.nextInt(4);
      }
    }
    for (int z = 1; z <= 2; z++) {
      for (int k : new int[] {1, 5, 12}) {
        for (long seed = 1; seed <= 3; seed++) {
          // the unfused path: seeding, a separate assignment pass, then the sampling
          RandomGenerator rng = Rng.create(seed);
          int[] b = ClusteringCoresets.seed(x, k, z, rng);
          double[][] centers = new double[k][];
          for (int c = 0; c < k; c++) {
            centers[c] = x[b[c]];
          }
          Coreset want =
              SensitivitySampling.sample(
                  ClusteringCoresets.sensitivities(x, centers, z), 500, rng.nextLong());
          Coreset got =
              z == 2
                  ? ClusteringCoresets.kMeans(x, k, 500, seed)
                  : ClusteringCoresets.kMedian(x, k, 500, seed);
          String at = "z " + z + " k " + k + " seed " + seed;
          org.junit.jupiter.api.Assertions.assertArrayEquals(want.indices(), got.indices(), at);
          org.junit.jupiter.api.Assertions.assertArrayEquals(
              want.weights(), got.weights(), 0.0, at);
        }
      }
    }
  }

  /** Point i of x repeated w[i] times; owner[j] is the point copy j came from. */
  private static double[][] repeated(double[][] x, int[] w, int[] owner) {
    double[][] out = new double[owner.length][];
    for (int i = 0, j = 0; i < x.length; i++) {
      for (int c = 0; c < w[i]; c++, j++) {
        owner[j] = i;
        out[j] = x[i];
      }
    }
    return out;
  }

  private static double[] toDouble(int[] w) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i];
    }
    return out;
  }

  @Test
  void weightedBoundsAreTheBoundsOfRepeatedPointsSummedOverTheCopies() {
    RandomGenerator g = Rng.create(5);
    double[][] x = Datasets.blobs(200, 3, 4, 8);
    int[] w = new int[x.length];
    int total = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = g.nextInt(6); // weight 0 included
      total += w[i];
    }
    int[] owner = new int[total];
    double[][] rep = repeated(x, w, owner);
    for (int z = 1; z <= 2; z++) {
      double[][] centers = {x[3], x[50], x[120], x[199]};
      double[] weighted = ClusteringCoresets.sensitivities(x, toDouble(w), centers, z);
      double[] copies = ClusteringCoresets.sensitivities(rep, centers, z);
      double[] summed = new double[x.length];
      for (int j = 0; j < total; j++) {
        summed[owner[j]] += copies[j];
      }
      for (int i = 0; i < x.length; i++) {
        assertEquals(summed[i], weighted[i], 1e-12, "z " + z + " point " + i);
      }
    }
  }

  @Test
  void weightedCoresetHasTheDistributionOfTheCoresetOfRepeatedPoints() {
    double[][] x = {{0, 0}, {0.3, 0.1}, {5, 5}, {5.2, 4.9}, {9, 0}, {-3, 6}, {1, 1}, {4, 4.5}};
    int[] w = {1, 4, 2, 1, 3, 1, 5, 2};
    int[] owner = new int[19];
    double[][] rep = repeated(x, w, owner);
    int runs = 20_000;
    for (int z = 1; z <= 2; z++) {
      double[] meanW = new double[x.length];
      double[] meanR = new double[x.length];
      double[] inW = new double[x.length];
      double[] inR = new double[x.length];
      for (int r = 0; r < runs; r++) {
        Coreset cw =
            z == 2
                ? ClusteringCoresets.kMeans(x, toDouble(w), 2, 3, r)
                : ClusteringCoresets.kMedian(x, toDouble(w), 2, 3, r);
        Coreset cr =
            z == 2
                ? ClusteringCoresets.kMeans(rep, 2, 3, r + runs)
                : ClusteringCoresets.kMedian(rep, 2, 3, r + runs);
        for (int j = 0; j < cw.size(); j++) {
          meanW[cw.index(j)] += cw.weight(j) / runs;
          inW[cw.index(j)] += 1.0 / runs;
        }
        boolean[] hit = new boolean[x.length];
        for (int j = 0; j < cr.size(); j++) {
          meanR[owner[cr.index(j)]] += cr.weight(j) / runs;
          hit[owner[cr.index(j)]] = true;
        }
        for (int i = 0; i < x.length; i++) {
          inR[i] += hit[i] ? 1.0 / runs : 0;
        }
      }
      for (int i = 0; i < x.length; i++) {
        String at = "z " + z + " point " + i;
        // unbiased: the expected coreset weight of a point is its weight, for both
        assertEquals(w[i], meanW[i], 0.1 * w[i], at);
        assertEquals(w[i], meanR[i], 0.1 * w[i], at);
        // same inclusion probability: within 5 standard errors of the difference
        double se = Math.sqrt((inW[i] * (1 - inW[i]) + inR[i] * (1 - inR[i])) / runs);
        assertEquals(inR[i], inW[i], 5 * se + 1e-9, at);
      }
    }
  }

  @Test
  void weightedBadInput() {
    double[][] x = {{0}, {1}, {2}};
    assertEquals(
        "weights.length = 2: expected 3",
        msg(() -> ClusteringCoresets.kMeans(x, new double[] {1, 1}, 1, 2, 1)));
    assertTrue(
        msg(() -> ClusteringCoresets.kMedian(x, new double[] {1, -1, 1}, 1, 2, 1))
            .startsWith("weights[1] = -1.0"));
    assertEquals(
        "sum(weights) = 0.0: expected a finite positive total",
        msg(() -> ClusteringCoresets.kMeans(x, new double[3], 1, 2, 1)));
    assertEquals(
        "weights = null: expected a non-null value",
        org.junit.jupiter.api.Assertions.assertThrows(
                NullPointerException.class, () -> ClusteringCoresets.kMeans(x, null, 1, 2, 1))
            .getMessage());
    assertEquals(
        "weights = null: expected a non-null value",
        org.junit.jupiter.api.Assertions.assertThrows(
                NullPointerException.class,
                () -> ClusteringCoresets.sensitivities(x, null, new double[][] {{0}}, 2))
            .getMessage());
  }
}
