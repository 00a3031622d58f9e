package dev.fathom.coreset;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Weighted least absolute deviations, {@code min_beta sum_j w_j |y_j - x_j . beta|}: iteratively
 * reweighted least squares to get close, then a descent over the vertices of the piecewise-linear
 * objective (each step moves along an edge to the weighted median of the breakpoints, as in
 * Wesolowsky's direct descent) to land on an exact optimum: a {@code beta} fitting {@code d} of the
 * points exactly.
 */
final class LeastAbsoluteDeviations {
  private static final int IRLS_STEPS = 100;
  private static final int MAX_PASSES = 200;

  private final double[][] x;
  private final double[] y;
  private final int d;

  LeastAbsoluteDeviations(double[][] x, double[] y, int d) {
    this.x = x;
    this.y = y;
    this.d = d;
  }

  double[] fit(Coreset c) {
    int s = c.size();
    double[][] rows = new double[s][];
    double[] t = new double[s];
    double[] w = new double[s];
    for (int j = 0; j < s; j++) {
      rows[j] = x[c.index(j)];
      t[j] = y[c.index(j)];
      w[j] = c.weight(j);
    }
    double[] beta = irls(rows, t, w);
    double[] vertex = descend(rows, t, w, beta);
    return vertex != null && objective(rows, t, w, vertex) <= objective(rows, t, w, beta)
        ? vertex
        : beta;
  }

  /** IRLS with weights {@code w_j / max(|r_j|, delta)}, delta a tiny fraction of the mean |r|. */
  private double[] irls(double[][] rows, double[] t, double[] w) {
    int s = rows.length;
    double[] u = w.clone();
    double[] beta = weightedLeastSquares(rows, t, u, d);
    double obj = objective(rows, t, w, beta);
    double totalW = 0;
    for (double v : w) {
      totalW += v;
    }
    for (int it = 0; it < IRLS_STEPS && obj > 0; it++) {
      double delta = 1e-9 * obj / totalW + Double.MIN_NORMAL;
      for (int j = 0; j < s; j++) {
        u[j] = w[j] / Math.max(Math.abs(t[j] - dot(rows[j], beta)), delta);
      }
      double[] next = weightedLeastSquares(rows, t, u, d);
      double nextObj = objective(rows, t, w, next);
      if (!(nextObj < obj)) {
        break;
      }
      boolean done = obj - nextObj <= 1e-14 * obj;
      beta = next;
      obj = nextObj;
      if (done) {
        break;
      }
    }
    return beta;
  }

  /**
   * Vertex descent from the vertex through the d best-fitting independent points of {@code start};
   * null when the points span fewer than d dimensions.
   */
  private double[] descend(double[][] rows, double[] t, double[] w, double[] start) {
    int s = rows.length;
    Integer[] order = new Integer[s];
    double[] abs = new double[s];
    for (int j = 0; j < s; j++) {
      order[j] = j;
      abs[j] = Math.abs(t[j] - dot(rows[j], start));
    }
    Arrays.sort(order, (a, b) -> Double.compare(abs[a], abs[b]));
    int[] basis = independentRows(rows, order);
    if (basis == null) {
      return null;
    }
    DMatrixRMaj inv = inverse(rows, basis);
    if (inv == null) {
      return null;
    }
    double[] beta = solve(inv, t, basis);
    double obj = objective(rows, t, w, beta);
    double[] r = new double[s];
    double[] g = new double[s];
    double[] breakAt = new double[s];
    double[] mass = new double[s];
    Integer[] idx = new Integer[s];
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean improved = false;
      for (int q = 0; q < d; q++) {
        // the edge that keeps every basis row but q fitted: X_B dir = e_q
        double[] dir = new double[d];
        for (int l = 0; l < d; l++) {
          dir[l] = inv.get(l, q);
        }
        int m = 0;
        for (int j = 0; j < s; j++) {
          r[j] = t[j] - dot(rows[j], beta);
          g[j] = dot(rows[j], dir);
          if (g[j] != 0) {
            breakAt[j] = r[j] / g[j];
            mass[j] = w[j] * Math.abs(g[j]);
            idx[m++] = j;
          }
        }
        int enter = weightedMedian(idx, m, breakAt, mass);
        double step = breakAt[enter];
        double[] next = beta.clone();
        for (int l = 0; l < d; l++) {
          next[l] += step * dir[l];
        }
        double nextObj = objective(rows, t, w, next);
        if (nextObj < obj * (1 - 1e-15) && enter != basis[q]) {
          int old = basis[q];
          basis[q] = enter;
          DMatrixRMaj nextInv = inverse(rows, basis);
          if (nextInv == null) {
            basis[q] = old;
            continue;
          }
          inv = nextInv;
          beta = solve(inv, t, basis);
          obj = objective(rows, t, w, beta);
          improved = true;
        }
      }
      if (!improved) {
        break;
      }
    }
    return beta;
  }

  /** The first d rows in {@code order} that are linearly independent (Gram-Schmidt), or null. */
  private int[] independentRows(double[][] rows, Integer[] order) {
    int[] basis = new int[d];
    double[][] q = new double[d][];
    int found = 0;
    for (int o = 0; o < order.length && found < d; o++) {
      double[] v = rows[order[o]].clone();
      double norm0 = Math.sqrt(dot(v, v));
      for (int k = 0; k < found; k++) {
        double p = dot(v, q[k]);
        for (int l = 0; l < d; l++) {
          v[l] -= p * q[k][l];
        }
      }
      double norm = Math.sqrt(dot(v, v));
      if (norm > 1e-9 * norm0 && norm0 > 0) {
        for (int l = 0; l < d; l++) {
          v[l] /= norm;
        }
        q[found] = v;
        basis[found++] = order[o];
      }
    }
    return found == d ? basis : null;
  }

  private DMatrixRMaj inverse(double[][] rows, int[] basis) {
    DMatrixRMaj b = new DMatrixRMaj(d, d);
    for (int k = 0; k < d; k++) {
      for (int l = 0; l < d; l++) {
        b.set(k, l, rows[basis[k]][l]);
      }
    }
    DMatrixRMaj inv = new DMatrixRMaj(d, d);
    if (!CommonOps_DDRM.invert(b, inv)) {
      return null;
    }
    for (double v : inv.data) {
      if (!Double.isFinite(v)) {
        return null;
      }
    }
    return inv;
  }

  private double[] solve(DMatrixRMaj inv, double[] t, int[] basis) {
    double[] beta = new double[d];
    for (int l = 0; l < d; l++) {
      for (int k = 0; k < d; k++) {
        beta[l] += inv.get(l, k) * t[basis[k]];
      }
    }
    return beta;
  }

  /** The index (into the data) of the lower weighted median of {@code at[idx[0..m)]}. */
  static int weightedMedian(Integer[] idx, int m, double[] at, double[] mass) {
    Arrays.sort(idx, 0, m, (a, b) -> Double.compare(at[a], at[b]));
    double total = 0;
    for (int k = 0; k < m; k++) {
      total += mass[idx[k]];
    }
    double acc = 0;
    for (int k = 0; k < m; k++) {
      acc += mass[idx[k]];
      if (acc >= 0.5 * total) {
        return idx[k];
      }
    }
    return idx[m - 1];
  }

  /**
   * Weighted least squares {@code min sum_j u_j (t_j - rows_j . beta)^2}, the minimum-norm solution
   * through EJML's pseudo-inverse when the rows do not determine beta.
   */
  static double[] weightedLeastSquares(double[][] rows, double[] t, double[] u, int d) {
    int s = rows.length;
    DMatrixRMaj a = new DMatrixRMaj(s, d);
    DMatrixRMaj b = new DMatrixRMaj(s, 1);
    for (int j = 0; j < s; j++) {
      double r = Math.sqrt(u[j]);
      for (int l = 0; l < d; l++) {
        a.set(j, l, r * rows[j][l]);
      }
      b.set(j, 0, r * t[j]);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
    solver.setA(a);
    DMatrixRMaj beta = new DMatrixRMaj(d, 1);
    solver.solve(b, beta);
    return beta.data.clone();
  }

  private static double objective(double[][] rows, double[] t, double[] w, double[] beta) {
    double s = 0;
    for (int j = 0; j < rows.length; j++) {
      s += w[j] * Math.abs(t[j] - dot(rows[j], beta));
    }
    return s;
  }

  /** {@code a . b} over the length of {@code b}. */
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int l = 0; l < b.length; l++) {
      s += a[l] * b[l];
    }
    return s;
  }
}
