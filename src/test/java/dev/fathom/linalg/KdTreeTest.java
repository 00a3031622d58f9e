package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class KdTreeTest {
  @Test
  void nearestMatchesSortedBruteForceDistances() {
    RandomGenerator rng = Rng.create(12);
    for (int d : new int[] {1, 2, 5}) {
      int n = 300;
      double[][] pts = new double[n][];
      for (int i = 0; i < n; i++) {
        // a few exact duplicates and a grid coordinate to exercise ties
        pts[i] = i % 50 == 7 ? pts[i - 1].clone() : Rng.gaussian(rng, d);
        pts[i][0] = Math.rint(pts[i][0] * 4) / 4;
      }
      KdTree tree = new KdTree(pts);
      assertEquals(n, tree.size());
      for (int t = 0; t < 40; t++) {
        double[] q = Rng.gaussian(rng, d);
        int k = 1 + rng.nextInt(20);
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
          double s = 0;
          for (int j = 0; j < d; j++) {
            s += (pts[i][j] - q[j]) * (pts[i][j] - q[j]);
          }
          all[i] = s;
        }
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        int[] idx = new int[k];
        double[] dist = new double[k];
        tree.nearest(q, k, idx, dist);
        for (int r = 0; r < k; r++) {
          assertEquals(sorted[r], dist[r], 1e-12 * (1 + sorted[r]), "d " + d + " rank " + r);
          assertEquals(all[idx[r]], dist[r], 1e-12 * (1 + sorted[r]), "d " + d + " rank " + r);
        }
        assertEquals(k, Arrays.stream(idx).distinct().count());
      }
    }
  }

  @Test
  void badInput() {
    KdTree tree = new KdTree(new double[][] {{0, 0}, {1, 1}});
    assertEquals(
        "k = 3: expected an integer in [1, 2]",
        assertThrows(
                IllegalArgumentException.class,
                () -> tree.nearest(new double[] {0, 0}, 3, new int[3], new double[3]))
            .getMessage());
    assertEquals(
        "outIdx.length = 1: expected at least k = 2",
        assertThrows(
                IllegalArgumentException.class,
                () -> tree.nearest(new double[] {0, 0}, 2, new int[1], new double[2]))
            .getMessage());
    assertThrows(NullPointerException.class, () -> new KdTree(null));
  }
}
