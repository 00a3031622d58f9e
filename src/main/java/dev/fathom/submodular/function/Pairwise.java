package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.similarity.Similarity;

/** Shared input checks and helpers of the pairwise (kernel-over-the-selection) functions. */
final class Pairwise {
  private Pairwise() {}

  /** Checks that {@code sim} is square (candidates = clients) and exactly symmetric. */
  static Similarity symmetric(String name, Similarity sim) {
    Args.notNull(name, sim);
    int n = sim.candidates();
    if (sim.clients() != n) {
      throw Args.fail(
          name + ".clients()",
          sim.clients(),
          "a square similarity (clients = candidates = " + n + ")");
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double a = sim.get(i, j);
        double b = sim.get(j, i);
        if (a != b) {
          throw Args.fail(
              name,
              "s(" + i + ", " + j + ") = " + a + ", s(" + j + ", " + i + ") = " + b,
              "a symmetric similarity");
        }
      }
    }
    return sim;
  }

  /**
   * A copy of a square, symmetric matrix of finite non-negative distances (the diagonal is not read
   * and set to 0).
   */
  static double[][] distances(String name, double[][] d) {
    int n = Args.rectangular(name, d);
    if (n != d.length) {
      throw Args.fail(name + "[0].length", n, "a square matrix (" + d.length + " columns)");
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double a = d[i][j];
        if (!(a >= 0) || a == Double.POSITIVE_INFINITY) {
          throw Args.fail(name + "[" + i + "][" + j + "]", a, "a finite non-negative distance");
        }
        if (a != d[j][i]) {
          throw Args.fail(
              name,
              "d[" + i + "][" + j + "] = " + a + ", d[" + j + "][" + i + "] = " + d[j][i],
              "a symmetric matrix");
        }
        out[i][j] = a;
        out[j][i] = a;
      }
    }
    return out;
  }

  /**
   * submodlib's distances {@code d(i, j) = 1 - s(i, j)} from a square symmetric similarity with
   * off-diagonal entries in {@code [0, 1]} (the diagonal is not read).
   */
  static double[][] distances(String name, Similarity sim) {
    symmetric(name, sim);
    int n = sim.candidates();
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = sim.get(i, j);
        if (!(s >= 0 && s <= 1)) {
          throw Args.fail(
              name + ".get(" + i + ", " + j + ")", s, "a similarity in [0, 1] (d = 1 - s)");
        }
        out[i][j] = 1 - s;
        out[j][i] = 1 - s;
      }
    }
    return out;
  }

  /**
   * The pair {@code {i, j}}, {@code i < j}, of largest distance (the first such pair in row order).
   */
  static int[] farthestPair(double[][] d) {
    int n = d.length;
    if (n < 2) {
      throw new IllegalStateException("a farthest pair needs at least 2 elements (n = " + n + ")");
    }
    int bi = 0;
    int bj = 1;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (d[i][j] > d[bi][bj]) {
          bi = i;
          bj = j;
        }
      }
    }
    return new int[] {bi, bj};
  }
}
