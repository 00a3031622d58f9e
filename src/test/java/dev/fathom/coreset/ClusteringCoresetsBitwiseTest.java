package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The clustering coresets against a textbook implementation written here (weighted D^z seeding with
 * a full pass per center and a linear cumulative search per draw, the bounds array, a full
 * cumulative array and a binary search per coreset draw, merging in order of first appearance):
 * with the same seed the coreset must be bitwise the same, on data with overlapping and separated
 * clusters, duplicates, exact ties, d = 1, large d, k = 1 and k = n.
 */
class ClusteringCoresetsBitwiseTest {
  /** The data sets, each with a label. */
  private static List<Object[]> dataSets() {
    List<Object[]> sets = new ArrayList<>();
    sets.add(new Object[] {"separated blobs", Datasets.blobs(3000, 4, 8, 9)});
    sets.add(new Object[] {"overlapping blobs", overlapping(2500, 3, 4)});
    sets.add(new Object[] {"interleaved blobs d = 10", interleaved(4000, 10, 10)});
    sets.add(new Object[] {"d = 1", overlapping(1500, 1, 5)});
    sets.add(new Object[] {"d = 300", overlapping(200, 300, 6)});
    // duplicates and exact ties: integer points on a small grid, many repeated
    RandomGenerator g = Rng.create(8);
    double[][] grid = new double[1200][2];
    for (double[] r : grid) {
      r[0] = g.nextInt(4);
      r[1] = g.nextInt(3);
    }
    sets.add(new Object[] {"grid with duplicates and ties", grid});
    double[][] same = new double[50][];
    for (int i = 0; i < same.length; i++) {
      same[i] = new double[] {2.5, -1, 0};
    }
    sets.add(new Object[] {"all points equal", same});
    return sets;
  }

  private static double[][] overlapping(int n, int d, long seed) {
    RandomGenerator g = Rng.create(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = g.nextGaussian() + (i % 3) * 0.7;
      }
    }
    return x;
  }

  /** The anchors' layout: point i around center i mod k, centers 10 N(0, 1), unit noise. */
  private static double[][] interleaved(int n, int d, int k) {
    RandomGenerator g = Rng.create(7);
    double[][] c = new double[k][d];
    for (double[] r : c) {
      for (int j = 0; j < d; j++) {
        r[j] = 10 * g.nextGaussian();
      }
    }
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = c[i % k][j] + g.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void unweightedCoresetsAreBitwiseTheTextbookOnes() {
    for (Object[] set : dataSets()) {
      String label = (String) set[0];
      double[][] x = (double[][]) set[1];
      int n = x.length;
      for (int k : new int[] {1, 2, 7, Math.min(n, 40), n}) {
        for (int z = 1; z <= 2; z++) {
          long seed = 31L * k + z;
          int m = Math.min(n, 150);
          Coreset got =
              z == 2
                  ? ClusteringCoresets.kMeans(x, k, m, seed)
                  : ClusteringCoresets.kMedian(x, k, m, seed);
          Coreset want = textbook(x, null, k, z, m, Rng.create(seed));
          assertEquals(want, got, label + ", k = " + k + ", z = " + z);
          assertArrayEquals(
              textbookCenters(x, k, z, Rng.create(seed)),
              ClusteringCoresets.kMeansPlusPlus(x, k, z, seed),
              label + ", centers, k = " + k + ", z = " + z);
        }
      }
    }
  }

  @Test
  void weightedCoresetsAreBitwiseTheTextbookOnes() {
    for (Object[] set : dataSets()) {
      String label = (String) set[0];
      double[][] x = (double[][]) set[1];
      int n = x.length;
      RandomGenerator g = Rng.create(n);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        // some zero weights, some integer, some fractional
        w[i] = i % 5 == 0 ? 0 : i % 2 == 0 ? 1 + g.nextInt(4) : g.nextDouble() * 3;
      }
      for (int k : new int[] {1, 3, Math.min(n, 25)}) {
        for (int z = 1; z <= 2; z++) {
          long seed = 17L * k + z;
          int m = Math.min(n, 120);
          Coreset got =
              z == 2
                  ? ClusteringCoresets.kMeans(x, w, k, m, seed)
                  : ClusteringCoresets.kMedian(x, w, k, m, seed);
          Coreset want = textbook(x, w, k, z, m, Rng.create(seed));
          assertEquals(want, got, label + ", weighted, k = " + k + ", z = " + z);
        }
      }
    }
  }

  @Test
  void sensitivitySamplingIsBitwiseTheFullCumulativeSearch() {
    RandomGenerator g = Rng.create(3);
    for (int n : new int[] {1, 2, 63, 64, 65, 1000, 4097}) {
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        // zeros, exact ties in the running sum and a wide range of magnitudes
        b[i] = i % 4 == 1 ? 0 : i % 7 == 0 ? 1 : Math.exp(8 * g.nextGaussian());
      }
      for (int m : new int[] {1, Math.min(n, 10), n}) {
        Coreset want = textbookSample(b, m, Rng.create(n + m));
        assertEquals(want, SensitivitySampling.sample(b, m, n + m), "n = " + n + ", m = " + m);
      }
    }
  }

  /** Seeding, bounds and sampling as written in the textbook, one full pass per step. */
  private static Coreset textbook(
      double[][] x, double[] w, int k, int z, int m, RandomGenerator rng) {
    int n = x.length;
    double[] sq = new double[n];
    int[] assign = new int[n];
    seed(x, w, k, z, rng, sq, assign);
    double[] cost = new double[n];
    double total = 0;
    double[] cw = new double[k];
    for (int i = 0; i < n; i++) {
      cost[i] = z == 2 ? sq[i] : Math.sqrt(sq[i]);
      double wi = w == null ? 1 : w[i];
      total += wi * cost[i];
      cw[assign[i]] += wi;
    }
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      double c = cw[assign[i]];
      s[i] = (total > 0 ? wi * cost[i] / total : 0) + (c > 0 ? wi / c : 0);
    }
    Coreset c = textbookSample(s, m, Rng.create(rng.nextLong()));
    if (w == null) {
      return c;
    }
    double[] cwts = c.weights();
    for (int j = 0; j < cwts.length; j++) {
      cwts[j] *= w[c.index(j)];
    }
    return new Coreset(c.indices(), cwts);
  }

  private static int[] textbookCenters(double[][] x, int k, int z, RandomGenerator rng) {
    return seed(x, null, k, z, rng, new double[x.length], new int[x.length]);
  }

  /** D^z seeding: fills the squared distances to and the index of the first nearest center. */
  private static int[] seed(
      double[][] x, double[] w, int k, int z, RandomGenerator rng, double[] sq, int[] assign) {
    int n = x.length;
    int[] centers = new int[k];
    if (w == null) {
      centers[0] = rng.nextInt(n);
    } else {
      double sum = 0;
      for (double v : w) {
        sum += v;
      }
      centers[0] = linearSearch(w, rng.nextDouble() * sum);
    }
    double[] mass = new double[n];
    for (int c = 0; c < k; c++) {
      if (c > 0) {
        double total = 0;
        for (int i = 0; i < n; i++) {
          double di = z == 2 ? sq[i] : Math.sqrt(sq[i]);
          mass[i] = w == null ? di : w[i] * di;
          total += mass[i];
        }
        centers[c] = total > 0 ? linearSearch(mass, rng.nextDouble() * total) : rng.nextInt(n);
      }
      double[] p = x[centers[c]];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < p.length; j++) {
          double t = x[i][j] - p[j];
          s += t * t;
        }
        if (c == 0 || s < sq[i]) {
          sq[i] = s;
          assign[i] = c;
        }
      }
    }
    return centers;
  }

  /** The first index whose running sum exceeds u and which has mass, else the last. */
  private static int linearSearch(double[] mass, double u) {
    double acc = 0;
    for (int i = 0; i < mass.length; i++) {
      acc += mass[i];
      if (acc > u && mass[i] > 0) {
        return i;
      }
    }
    return mass.length - 1;
  }

  /** m draws by binary search in the full cumulative array, weights total / (m b_i), merged. */
  private static Coreset textbookSample(double[] b, int m, RandomGenerator rng) {
    int n = b.length;
    double[] cdf = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += b[i];
      cdf[i] = total;
    }
    LinkedHashMap<Integer, Double> acc = new LinkedHashMap<>();
    for (int j = 0; j < m; j++) {
      double u = rng.nextDouble() * total;
      int lo = 0;
      int hi = n - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cdf[mid] > u) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      while (b[lo] == 0) {
        lo++;
      }
      acc.merge(lo, total / (m * b[lo]), Double::sum);
    }
    int[] idx = new int[acc.size()];
    double[] w = new double[acc.size()];
    int c = 0;
    for (var e : acc.entrySet()) {
      idx[c] = e.getKey();
      w[c++] = e.getValue();
    }
    return new Coreset(idx, w);
  }
}
