package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BoxLeastSquaresTest {
  /** Random rows F (rows x m), targets y; returns {G, h} of the normal equations. */
  private static double[][] problem(RandomGenerator rng, int rows, int m) {
    double[] g = new double[m * m];
    double[] h = new double[m];
    double[] f = new double[m];
    for (int r = 0; r < rows; r++) {
      // Chebyshev features of a random context, as in ChebCB, plus noise-free structure.
      ChebCb.chebyshev(rng.nextDouble(-1, 0.5), f);
      double y = rng.nextGaussian() + 3 * f[0] - 2 * (m > 1 ? f[1] : 0);
      for (int i = 0; i < m; i++) {
        h[i] += f[i] * y;
        for (int j = 0; j < m; j++) {
          g[i * m + j] += f[i] * f[j];
        }
      }
    }
    return new double[][] {g, h};
  }

  /**
   * Brute force: every assignment of each variable to free / lower / upper; solve the free
   * subsystem (pseudo-inverse), keep the feasible candidates, return the least objective.
   */
  private static double bruteForce(double[] g, double[] h, double[] lb, double[] ub, int m) {
    return BoxLeastSquares.objective(g, h, bruteForceSolution(g, h, lb, ub, m), m);
  }

  /** The minimiser found by the brute force (among feasible candidates, the least objective). */
  static double[] bruteForceSolution(double[] g, double[] h, double[] lb, double[] ub, int m) {
    int combos = 1;
    for (int j = 0; j < m; j++) {
      combos *= 3;
    }
    double best = Double.POSITIVE_INFINITY;
    double[] arg = null;
    int[] state = new int[m];
    for (int code = 0; code < combos; code++) {
      int c = code;
      int nf = 0;
      for (int j = 0; j < m; j++) {
        state[j] = c % 3;
        c /= 3;
        if (state[j] == 0) {
          nf++;
        }
      }
      double[] x = new double[m];
      int[] free = new int[nf];
      int k = 0;
      for (int j = 0; j < m; j++) {
        if (state[j] == 1) {
          x[j] = lb[j];
        } else if (state[j] == 2) {
          x[j] = ub[j];
        } else {
          free[k++] = j;
        }
      }
      double[] gf = new double[nf * nf];
      double[] hf = new double[nf];
      for (int a = 0; a < nf; a++) {
        hf[a] = h[free[a]];
        for (int j = 0; j < m; j++) {
          if (state[j] != 0) {
            hf[a] -= g[free[a] * m + j] * x[j];
          }
        }
        for (int b = 0; b < nf; b++) {
          gf[a * nf + b] = g[free[a] * m + free[b]];
        }
      }
      double[] z = BoxLeastSquares.minNorm(gf, hf, nf);
      boolean feasible = true;
      for (int a = 0; a < nf; a++) {
        x[free[a]] = z[a];
        feasible &= z[a] >= lb[free[a]] - 1e-12 && z[a] <= ub[free[a]] + 1e-12;
      }
      if (feasible && BoxLeastSquares.objective(g, h, x, m) < best) {
        best = BoxLeastSquares.objective(g, h, x, m);
        arg = x;
      }
    }
    return arg;
  }

  @Test
  void activeSetMatchesBruteForceOverActiveSets() {
    RandomGenerator rng = Rng.create(17);
    int binding = 0;
    for (int trial = 0; trial < 300; trial++) {
      int m = 1 + rng.nextInt(6);
      // Some trials have fewer rows than unknowns: singular G, non-unique minimisers.
      int rows = trial % 5 == 0 ? 1 + rng.nextInt(m) : m + rng.nextInt(40);
      double[][] p = problem(rng, rows, m);
      double[] lb = new double[m];
      double[] ub = new double[m];
      for (int j = 0; j < m; j++) {
        double w = rng.nextDouble(0.05, 3);
        lb[j] = -w * rng.nextDouble(0.2, 1);
        ub[j] = w;
      }
      double[] x = BoxLeastSquares.solve(p[0], p[1], lb, ub, m);
      for (int j = 0; j < m; j++) {
        assertTrue(x[j] >= lb[j] && x[j] <= ub[j], "trial " + trial + " x[" + j + "]");
      }
      double found = BoxLeastSquares.objective(p[0], p[1], x, m);
      double exact = bruteForce(p[0], p[1], lb, ub, m);
      double unconstrained =
          BoxLeastSquares.objective(p[0], p[1], BoxLeastSquares.minNorm(p[0], p[1], m), m);
      if (exact > unconstrained + 1e-9 * Math.abs(unconstrained)) {
        binding++;
      }
      assertEquals(exact, found, 1e-9 * (1 + Math.abs(exact)), "trial " + trial + " m " + m);
    }
    // The boxes are tight enough that most trials are genuinely constrained.
    assertTrue(binding > 150, "binding " + binding);
  }

  @Test
  void minNormIsThePseudoInverseSolution() {
    // Two identical rows in R^3: F = [1 2 2; 1 2 2], y = (3, 3): the min-norm solution of
    // x1 + 2 x2 + 2 x3 = 3 is (1, 2, 2) * 3 / 9.
    double[] g = {2, 4, 4, 4, 8, 8, 4, 8, 8};
    double[] h = {6, 12, 12};
    double[] x = BoxLeastSquares.minNorm(g, h, 3);
    assertEquals(1.0 / 3, x[0], 1e-12);
    assertEquals(2.0 / 3, x[1], 1e-12);
    assertEquals(2.0 / 3, x[2], 1e-12);
    // A nonsingular system is solved exactly.
    RandomGenerator rng = Rng.create(3);
    double[][] p = problem(rng, 30, 6);
    double[] s = BoxLeastSquares.minNorm(p[0], p[1], 6);
    for (int r = 0; r < 6; r++) {
      double gx = 0;
      for (int c = 0; c < 6; c++) {
        gx += p[0][r * 6 + c] * s[c];
      }
      assertEquals(p[1][r], gx, 1e-8 * (1 + Math.abs(p[1][r])));
    }
  }
}
