package dev.fathom.relax;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/** Independent references for the tests: EJML direct solves and dense SOR. */
final class TestSystems {
  private TestSystems() {}

  /** The 5-point Laplacian built entry by entry as an EJML triplet matrix, plus shift * I. */
  static DMatrixSparseCSC laplacianCsc(int m, double shift) {
    int n = m * m;
    DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 5 * n);
    for (int r = 0; r < m; r++) {
      for (int c = 0; c < m; c++) {
        int i = r * m + c;
        t.addItem(i, i, 4 + shift);
        if (r > 0) {
          t.addItem(i, i - m, -1);
        }
        if (r < m - 1) {
          t.addItem(i, i + m, -1);
        }
        if (c > 0) {
          t.addItem(i, i - 1, -1);
        }
        if (c < m - 1) {
          t.addItem(i, i + 1, -1);
        }
      }
    }
    return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
  }

  /** A random sparse SPD matrix: diagonally dominant with random symmetric off-diagonals. */
  static DMatrixSparseCSC randomSpd(int n, double density, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (rng.nextDouble() < density) {
          double v = rng.nextDouble(-1, 1);
          d[i][j] = v;
          d[j][i] = v;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += Math.abs(d[i][j]);
      }
      d[i][i] = s + 0.1 + rng.nextDouble();
    }
    return DConvertMatrixStruct.convert(new DMatrixRMaj(d), (DMatrixSparseCSC) null, 0);
  }

  /** x = A \ b by EJML's sparse Cholesky. */
  static double[] directSolve(DMatrixSparseCSC a, double[] b) {
    LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver =
        LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
    if (!solver.setA(a.copy())) {
      throw new IllegalStateException("not positive definite");
    }
    DMatrixRMaj x = new DMatrixRMaj(b.length, 1);
    solver.solve(new DMatrixRMaj(b.length, 1, true, b), x);
    return x.data.clone();
  }

  /** SOR by the textbook dense formula, residual recomputed every iteration (as the paper). */
  static int denseSorIterations(double[][] a, double[] b, double omega, double tol, int max) {
    int n = b.length;
    double[] x = new double[n];
    double r0 = residualNorm(a, b, x);
    for (int k = 1; k <= max; k++) {
      for (int i = 0; i < n; i++) {
        double s = b[i];
        for (int j = 0; j < n; j++) {
          if (j != i) {
            s -= a[i][j] * x[j];
          }
        }
        x[i] = (1 - omega) * x[i] + omega * s / a[i][i];
      }
      if (residualNorm(a, b, x) / r0 < tol) {
        return k;
      }
    }
    return max;
  }

  static double residualNorm(double[][] a, double[] b, double[] x) {
    double ss = 0;
    for (int i = 0; i < b.length; i++) {
      double s = b[i];
      for (int j = 0; j < b.length; j++) {
        s -= a[i][j] * x[j];
      }
      ss += s * s;
    }
    return Math.sqrt(ss);
  }

  static double[][] dense(DMatrixSparseCSC a) {
    double[][] d = new double[a.numRows][a.numCols];
    for (int j = 0; j < a.numCols; j++) {
      for (int k = a.col_idx[j]; k < a.col_idx[j + 1]; k++) {
        d[a.nz_rows[k]][j] += a.nz_values[k];
      }
    }
    return d;
  }

  /** A standard normal vector with norm at most sqrt(n), as the paper draws b. */
  static double[] rhs(int n, long seed) {
    return Sampling.truncatedNormal(Rng.create(seed), n);
  }
}
