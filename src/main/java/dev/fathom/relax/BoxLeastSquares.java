package dev.fathom.relax;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Small dense least-squares problems {@code min ||F x - y||^2} given through their normal equations
 * {@code G = F'F} (m-by-m, row-major, positive semidefinite) and {@code h = F'y}: the minimum-norm
 * solution (as MATLAB's {@code lsqminnorm}, but through the normal equations: eigenvalues of {@code
 * FᵀF} below 1e-13 of the largest are dropped, so very ill-conditioned fits are truncated further)
 * and the exact solution under box constraints {@code lb <= x <= ub} (what {@code lsqlin} returns),
 * by a primal active-set method. Meant for m up to about 20 (ChebCB's Chebyshev fits). Static and
 * thread-safe.
 */
final class BoxLeastSquares {
  private BoxLeastSquares() {}

  /** Eigenvalues below this fraction of the largest count as zero in the pseudo-inverse. */
  static final double RANK_TOLERANCE = 1e-13;

  /**
   * The minimum-norm minimiser of {@code 1/2 x'Gx - h'x}: {@code G^+ h}, through EJML's symmetric
   * eigendecomposition of G with eigenvalues below {@link #RANK_TOLERANCE} times the largest
   * dropped.
   */
  static double[] minNorm(double[] g, double[] h, int m) {
    double[] x = new double[m];
    if (m == 0) {
      return x;
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
    if (!eig.decompose(new DMatrixRMaj(m, m, true, g))) {
      throw new IllegalStateException(
          "symmetric eigendecomposition of a " + m + "x" + m + " failed");
    }
    double top = 0;
    for (int k = 0; k < m; k++) {
      top = Math.max(top, eig.getEigenvalue(k).real);
    }
    if (!(top > 0)) {
      return x;
    }
    for (int k = 0; k < m; k++) {
      double lambda = eig.getEigenvalue(k).real;
      if (lambda <= RANK_TOLERANCE * top) {
        continue;
      }
      double[] v = eig.getEigenVector(k).data;
      double c = 0;
      for (int r = 0; r < m; r++) {
        c += v[r] * h[r];
      }
      c /= lambda;
      for (int r = 0; r < m; r++) {
        x[r] += c * v[r];
      }
    }
    return x;
  }

  /**
   * The minimiser of {@code 1/2 x'Gx - h'x} over the box {@code lb <= x <= ub} (lb <= ub), which is
   * the box-constrained least-squares solution. Primal active-set method: start from the clamped
   * unconstrained solution; on the current free set, solve the equality-constrained subproblem with
   * the bound variables fixed; if its solution leaves the box, step to the first bound it crosses
   * and fix that variable; otherwise release the bound variable whose multiplier has the wrong sign
   * (the most violated), or stop when none has. When G is singular the free subproblem takes its
   * minimum-norm solution, so the minimiser found is one of several with the same objective.
   *
   * @return the solution
   */
  static double[] solve(double[] g, double[] h, double[] lb, double[] ub, int m) {
    double[] x = minNorm(g, h, m);
    // bound[j]: 0 free, -1 at lb, +1 at ub
    int[] bound = new int[m];
    for (int j = 0; j < m; j++) {
      if (x[j] <= lb[j]) {
        x[j] = lb[j];
        bound[j] = -1;
      } else if (x[j] >= ub[j]) {
        x[j] = ub[j];
        bound[j] = 1;
      }
    }
    double size = 0;
    for (int j = 0; j < m; j++) {
      size = Math.max(size, Math.abs(h[j]));
      for (int c = 0; c < m; c++) {
        size = Math.max(size, Math.abs(g[j * m + c]) * Math.max(Math.abs(lb[c]), Math.abs(ub[c])));
      }
    }
    double tol = 1e-12 * Math.max(size, Double.MIN_NORMAL);
    int[] free = new int[m];
    for (int iter = 0; iter < 50 * (m + 1); iter++) {
      int nf = 0;
      for (int j = 0; j < m; j++) {
        if (bound[j] == 0) {
          free[nf++] = j;
        }
      }
      double[] z = freeSolution(g, h, x, free, nf, m);
      double step = 1;
      int hit = -1;
      for (int k = 0; k < nf; k++) {
        int j = free[k];
        double d = z[k] - x[j];
        double limit =
            d < 0 && z[k] < lb[j]
                ? (lb[j] - x[j]) / d
                : d > 0 && z[k] > ub[j] ? (ub[j] - x[j]) / d : 1;
        if (limit < step) {
          step = Math.max(0, limit);
          hit = j;
        }
      }
      for (int k = 0; k < nf; k++) {
        int j = free[k];
        x[j] = Math.max(lb[j], Math.min(ub[j], x[j] + step * (z[k] - x[j])));
      }
      if (hit >= 0) {
        // The blocking variable joins the bound set at the side it reached.
        bound[hit] = x[hit] - lb[hit] <= ub[hit] - x[hit] ? -1 : 1;
        x[hit] = bound[hit] < 0 ? lb[hit] : ub[hit];
        continue;
      }
      int release = -1;
      double worst = tol;
      for (int j = 0; j < m; j++) {
        if (bound[j] == 0) {
          continue;
        }
        double grad = -h[j];
        for (int c = 0; c < m; c++) {
          grad += g[j * m + c] * x[c];
        }
        // At lb the objective must not decrease upwards (grad >= 0); at ub, not downwards.
        double violation = bound[j] < 0 ? -grad : grad;
        if (violation > worst && lb[j] < ub[j]) {
          worst = violation;
          release = j;
        }
      }
      if (release < 0) {
        return x;
      }
      bound[release] = 0;
    }
    return x;
  }

  /** The objective {@code 1/2 x'Gx - h'x}. */
  static double objective(double[] g, double[] h, double[] x, int m) {
    double s = 0;
    for (int r = 0; r < m; r++) {
      double gx = 0;
      for (int c = 0; c < m; c++) {
        gx += g[r * m + c] * x[c];
      }
      s += x[r] * (0.5 * gx - h[r]);
    }
    return s;
  }

  /** The minimum-norm solution over the free variables with the others fixed at x. */
  private static double[] freeSolution(
      double[] g, double[] h, double[] x, int[] free, int nf, int m) {
    double[] gf = new double[nf * nf];
    double[] hf = new double[nf];
    for (int a = 0; a < nf; a++) {
      int r = free[a];
      double s = h[r];
      for (int c = 0; c < m; c++) {
        if (!contains(free, nf, c)) {
          s -= g[r * m + c] * x[c];
        }
      }
      hf[a] = s;
      for (int b = 0; b < nf; b++) {
        gf[a * nf + b] = g[r * m + free[b]];
      }
    }
    return minNorm(gf, hf, nf);
  }

  private static boolean contains(int[] set, int n, int value) {
    for (int i = 0; i < n; i++) {
      if (set[i] == value) {
        return true;
      }
    }
    return false;
  }
}
