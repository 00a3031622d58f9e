package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LeastAbsoluteDeviationsTest {
  /** sum_j w_j |y_{i_j} - x_{i_j} . beta|. */
  private static double objective(double[][] x, double[] y, Coreset c, double[] beta) {
    return c.loss(Losses.lp(x, y, 1), beta);
  }

  /**
   * The exact weighted ℓ1 optimum by brute force: an optimum of a piecewise-linear convex function
   * on R^d with full-rank data lies on a vertex, a beta fitting d of the points exactly, so the
   * best of all d-subsets' interpolants is optimal.
   */
  private static double bruteForce(double[][] x, double[] y, Coreset c, int d) {
    int s = c.size();
    double best = Double.POSITIVE_INFINITY;
    int[] pick = new int[d];
    for (int mask = 0; mask < (1 << s); mask++) {
      if (Integer.bitCount(mask) != d) {
        continue;
      }
      int k = 0;
      for (int j = 0; j < s; j++) {
        if ((mask >> j & 1) != 0) {
          pick[k++] = c.index(j);
        }
      }
      double[] beta = solveSquare(x, y, pick, d);
      if (beta != null) {
        best = Math.min(best, objective(x, y, c, beta));
      }
    }
    return best;
  }

  /** Gaussian elimination with partial pivoting on the d x d system x[pick] beta = y[pick]. */
  private static double[] solveSquare(double[][] x, double[] y, int[] pick, int d) {
    double[][] m = new double[d][d + 1];
    for (int k = 0; k < d; k++) {
      System.arraycopy(x[pick[k]], 0, m[k], 0, d);
      m[k][d] = y[pick[k]];
    }
    for (int col = 0; col < d; col++) {
      int p = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[p][col])) {
          p = r;
        }
      }
      if (Math.abs(m[p][col]) < 1e-10) {
        return null;
      }
      double[] tmp = m[p];
      m[p] = m[col];
      m[col] = tmp;
      for (int r = 0; r < d; r++) {
        if (r != col) {
          double f = m[r][col] / m[col][col];
          for (int l = col; l <= d; l++) {
            m[r][l] -= f * m[col][l];
          }
        }
      }
    }
    double[] beta = new double[d];
    for (int k = 0; k < d; k++) {
      beta[k] = m[k][d] / m[k][k];
    }
    return beta;
  }

  @Test
  void matchesTheBruteForceVertexOptimumOnSmallWeightedData() {
    RandomGenerator rng = Rng.create(5);
    for (int trial = 0; trial < 20; trial++) {
      int d = 1 + trial % 3;
      int n = 9 + trial % 5;
      double[][] x = new double[n][d];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i][0] = 1;
        for (int j = 1; j < d; j++) {
          x[i][j] = rng.nextGaussian();
        }
        y[i] = 2 * x[i][0] + (d > 1 ? x[i][1] : 0) + TestData.studentT(rng, 1.5);
      }
      int[] idx = new int[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
        w[i] = trial % 2 == 0 ? 1 : 0.2 + 3 * rng.nextDouble();
      }
      Coreset c = new Coreset(idx, w);
      double[] beta = Fitters.leastAbsoluteDeviations(x, y).fit(c);
      double opt = bruteForce(x, y, c, d);
      assertEquals(opt, objective(x, y, c, beta), 1e-10 * opt, "trial " + trial);
    }
  }

  @Test
  void oneColumnOfOnesGivesTheMedian() {
    RandomGenerator rng = Rng.create(8);
    int n = 101;
    double[][] x = new double[n][1];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      y[i] = Math.exp(3 * rng.nextGaussian());
    }
    double[] beta = Fitters.leastAbsoluteDeviations(x, y).fit(Coreset.all(n));
    assertEquals(TestData.median(y), beta[0], 0.0);
  }

  @Test
  void fitOnAnL1LewisCoresetIsNearTheFullOptimum() {
    RandomGenerator rng = Rng.create(21);
    int n = 4000;
    double[][] x = TestData.heavyTailed(rng, n, 3, 3);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[i][0] - x[i][2] + TestData.studentT(rng, 1.2);
    }
    Fitter<double[]> lad = Fitters.leastAbsoluteDeviations(x, y);
    Coreset all = Coreset.all(n);
    double full = objective(x, y, all, lad.fit(all));
    Coreset c = RegressionCoresets.lewis(x, y, 1, 400, 4L);
    double onCoreset = objective(x, y, all, lad.fit(c));
    assertTrue(onCoreset >= full * (1 - 1e-12), "the full fit is optimal");
    assertTrue(onCoreset <= 1.1 * full, onCoreset + " vs " + full);
  }

  @Test
  void badInput() {
    assertEquals(
        "y.length = 2: expected x.length = 3",
        msg(() -> Fitters.leastAbsoluteDeviations(new double[3][1], new double[2])));
    assertEquals(
        "y[1] = NaN: expected a finite number",
        msg(() -> Fitters.leastAbsoluteDeviations(new double[2][1], new double[] {0, Double.NaN})));
    assertThrows(NullPointerException.class, () -> Fitters.leastAbsoluteDeviations(null, null));
  }
}
