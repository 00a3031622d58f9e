package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class CaratheodoryTest {
  private static double[][] points(RandomGenerator rng, int n, int d) {
    double[][] p = new double[n][d];
    for (double[] r : p) {
      for (int j = 0; j < d; j++) {
        r[j] = rng.nextGaussian() * (1 + j) + (j == 0 ? 5 : 0);
      }
    }
    return p;
  }

  private static void assertPreserves(double[][] p, double[] w, Coreset c) {
    int d = p[0].length;
    double[] sum = new double[d + 1];
    double[] got = new double[d + 1];
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < d; j++) {
        sum[j] += w[i] * p[i][j];
      }
      sum[d] += w[i];
    }
    for (int j = 0; j < c.size(); j++) {
      for (int l = 0; l < d; l++) {
        got[l] += c.weight(j) * p[c.index(j)][l];
      }
      got[d] += c.weight(j);
    }
    double norm = 0;
    double err = 0;
    for (int j = 0; j <= d; j++) {
      norm += sum[j] * sum[j];
      err += (sum[j] - got[j]) * (sum[j] - got[j]);
    }
    assertTrue(Math.sqrt(err / norm) < 1e-9, "relative error " + Math.sqrt(err / norm));
    assertTrue(c.size() <= d + 1, "support " + c.size());
  }

  @Test
  void exactAndFastPreserveTheWeightedSumWithAtMostDPlusOnePoints() {
    RandomGenerator rng = Rng.create(1);
    for (int d : new int[] {1, 3, 8, 20}) {
      double[][] p = points(rng, 3000, d);
      double[] w = new double[p.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = rng.nextDouble() * (i % 7 == 0 ? 0 : 1); // some zero weights
      }
      assertPreserves(p, w, Caratheodory.exact(p, w));
      assertPreserves(p, w, Caratheodory.fast(p, w));
    }
  }

  /**
   * The result is a subset of the support: a point of weight 0 never receives weight, also when the
   * zero-weight points come first and lie where moving weight onto them would keep the sums.
   */
  @Test
  void resultStaysInsideTheSupport() {
    RandomGenerator rng = Rng.create(5);
    for (int trial = 0; trial < 20; trial++) {
      int d = 1 + trial % 4;
      double[][] p = points(rng, 60, d);
      double[] w = new double[p.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = i < 2 * (d + 1) || i % 3 == 0 ? 0 : 0.1 + rng.nextDouble();
      }
      for (Coreset c : new Coreset[] {Caratheodory.exact(p, w), Caratheodory.fast(p, w)}) {
        assertPreserves(p, w, c);
        for (int j = 0; j < c.size(); j++) {
          assertTrue(w[c.index(j)] > 0, "index " + c.index(j) + " has input weight 0");
        }
      }
    }
  }

  /**
   * At most d + 1 points need no reduction: both algorithms return the points of positive weight
   * with their weights unchanged.
   */
  @Test
  void smallInputComesBackAsItsSupport() {
    RandomGenerator rng = Rng.create(11);
    for (int n = 1; n <= 4; n++) {
      double[][] p = points(rng, n, 3);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = i % 2 == 0 ? 1 + rng.nextDouble() : 0;
      }
      for (Coreset c : new Coreset[] {Caratheodory.exact(p, w), Caratheodory.fast(p, w)}) {
        assertEquals((n + 1) / 2, c.size());
        for (int j = 0; j < c.size(); j++) {
          assertEquals(2 * j, c.index(j));
          assertEquals(w[2 * j], c.weight(j));
        }
      }
    }
  }

  @Test
  void degenerateInputs() {
    // all points equal: one point carries all the weight
    double[][] same = new double[50][];
    double[] w = new double[50];
    for (int i = 0; i < 50; i++) {
      same[i] = new double[] {1, 2};
      w[i] = 1;
    }
    Coreset c = Caratheodory.fast(same, w);
    assertPreserves(same, w, c);
    // points on a line in 3-d (rank-deficient): still at most d + 1
    double[][] line = new double[40][];
    for (int i = 0; i < 40; i++) {
      line[i] = new double[] {i, 2 * i, -i};
    }
    double[] w2 = new double[40];
    java.util.Arrays.fill(w2, 0.5);
    assertPreserves(line, w2, Caratheodory.exact(line, w2));
    assertPreserves(line, w2, Caratheodory.fast(line, w2));
  }

  @Test
  void badInput() {
    double[][] p = {{0}, {1}};
    assertEquals(
        "weights[1] = -1.0: expected a finite non-negative number",
        msg(() -> Caratheodory.exact(p, new double[] {1, -1})));
    assertEquals(
        "sum(weights) = 0.0: expected a positive total",
        msg(() -> Caratheodory.fast(p, new double[2])));
    assertEquals("weights.length = 3: expected 2", msg(() -> Caratheodory.fast(p, new double[3])));
    assertEquals(
        "points[1][0] = NaN: expected a finite number",
        msg(() -> Caratheodory.fast(new double[][] {{0}, {Double.NaN}}, new double[] {1, 1})));
  }
}
