package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The weighted k-means fitter on data with exactly k distinct weighted locations: D^2 seeding never
 * draws an already chosen location or a zero-weight point, so every seeding recovers the locations
 * exactly (cost 0); with more centers than locations the extra centers repeat points.
 */
class KMeansFitterSeedingTest {
  static final double[][] LOCATIONS = {{0, 0}, {10, 0}, {0, 10}};

  /** Each location three times, plus a far point of weight 0 (index 9). */
  static double[][] points() {
    double[][] x = new double[10][];
    for (int i = 0; i < 9; i++) {
      x[i] = LOCATIONS[i % 3].clone();
    }
    x[9] = new double[] {50, 50};
    return x;
  }

  static Coreset coreset() {
    int[] idx = new int[10];
    double[] w = new double[10];
    for (int i = 0; i < 10; i++) {
      idx[i] = i;
      w[i] = i == 9 ? 0 : 0.5 + i;
    }
    return new Coreset(idx, w);
  }

  static boolean isLocation(double[] c) {
    for (double[] l : LOCATIONS) {
      if (l[0] == c[0] && l[1] == c[1]) {
        return true;
      }
    }
    return false;
  }

  @Test
  void everySeedingRecoversTheDistinctLocations() {
    double[][] x = points();
    Coreset c = coreset();
    for (long seed = 0; seed < 40; seed++) {
      double[][] centers = Fitters.kMeans(x, 3, 1, seed).fit(c);
      assertEquals(3, centers.length);
      boolean[] seen = new boolean[3];
      for (double[] ctr : centers) {
        assertTrue(isLocation(ctr), "seed " + seed + ": " + java.util.Arrays.toString(ctr));
        for (int l = 0; l < 3; l++) {
          seen[l] |= LOCATIONS[l][0] == ctr[0] && LOCATIONS[l][1] == ctr[1];
        }
      }
      assertTrue(seen[0] && seen[1] && seen[2], "seed " + seed);
    }
  }

  @Test
  void moreCentersThanLocationsRepeatLocations() {
    double[][] x = points();
    Coreset c = coreset();
    for (long seed = 0; seed < 20; seed++) {
      double[][] centers = Fitters.kMeans(x, 5, 2, seed).fit(c);
      assertEquals(5, centers.length);
      double cost = 0;
      for (int j = 0; j < 9; j++) {
        cost += c.weight(j) * Losses.nearestSquared(x[j], centers);
      }
      assertEquals(0, cost, 0);
      // the extra centers are drawn uniformly among the coreset's points (the zero-weight one
      // included): finite, never the mean of an empty cluster
      for (double[] ctr : centers) {
        assertTrue(
            isLocation(ctr) || (ctr[0] == 50 && ctr[1] == 50),
            "seed " + seed + ": " + java.util.Arrays.toString(ctr));
      }
    }
  }
}
