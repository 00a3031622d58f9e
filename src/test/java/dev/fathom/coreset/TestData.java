package dev.fathom.coreset;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Data generators and independent reference solvers shared by the tests. */
final class TestData {
  private TestData() {}

  /** Student-t with nu degrees of freedom. */
  static double studentT(RandomGenerator rng, double nu) {
    return rng.nextGaussian() / Math.sqrt(2 * Rng.gamma(rng, nu / 2) / nu);
  }

  /** An n x d design with i.i.d. t(nu) entries (coherent: a few rows carry large leverage). */
  static double[][] heavyTailed(RandomGenerator rng, int n, int d, double nu) {
    double[][] a = new double[n][d];
    for (double[] r : a) {
      for (int j = 0; j < d; j++) {
        r[j] = studentT(rng, nu);
      }
    }
    return a;
  }

  /** Weighted least squares by the normal equations, solved with EJML's QR on sqrt(w) rows. */
  static double[] weightedLeastSquares(double[][] x, double[] y, int[] idx, double[] w) {
    int d = x[0].length;
    DMatrixRMaj a = new DMatrixRMaj(idx.length, d);
    DMatrixRMaj b = new DMatrixRMaj(idx.length, 1);
    for (int j = 0; j < idx.length; j++) {
      double s = Math.sqrt(w[j]);
      for (int l = 0; l < d; l++) {
        a.set(j, l, s * x[idx[j]][l]);
      }
      b.set(j, 0, s * y[idx[j]]);
    }
    LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(idx.length, d);
    if (!qr.setA(a)) {
      throw new IllegalStateException("singular");
    }
    DMatrixRMaj beta = new DMatrixRMaj(d, 1);
    qr.solve(b, beta);
    return beta.data.clone();
  }

  static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  static String msg(Runnable r) {
    return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run)
        .getMessage();
  }
}
