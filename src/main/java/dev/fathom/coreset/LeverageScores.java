package dev.fathom.coreset;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Statistical leverage scores {@code tau_i = ||U_i||^2}, where {@code U} is an orthonormal basis of
 * the column space of {@code A}, computed from a Householder thin QR (EJML). For a full column rank
 * {@code A} they lie in {@code [0, 1]} and sum to {@code d}; {@code tau_i} is the ℓ2 sensitivity
 * {@code sup_x (a_i . x)^2 / ||A x||^2}.
 *
 * @since 1.0
 */
public final class LeverageScores {
  private LeverageScores() {}

  /**
   * The leverage scores of the rows of {@code a}.
   *
   * @param a the rows, {@code n x d} with {@code n >= d}, finite, full column rank
   * @return the {@code n} scores
   */
  public static double[] of(double[][] a) {
    int d = Args.rectangular("a", a);
    int n = a.length;
    if (n < d) {
      throw Args.fail("a.length", n, "at least the number of columns " + d);
    }
    DMatrixRMaj m = new DMatrixRMaj(a);
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, d);
    if (!qr.decompose(m)) {
      throw Args.fail("a", "(" + n + " x " + d + ")", "a matrix EJML's QR can decompose");
    }
    DMatrixRMaj q = qr.getQ(null, true);
    double[] tau = new double[n];
    double[] qd = q.data;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double v = qd[i * d + j];
        s += v * v;
      }
      tau[i] = s;
    }
    return tau;
  }

  /**
   * The rows {@code [a_i, y_i]}: the design augmented by the target column. Their leverage scores
   * (or ℓp {@link LewisWeights}) bound the sensitivities of the regression residuals {@code y - A
   * beta} for every {@code beta}: {@code (a_i . beta - y_i)^2 <= tau_i ||A beta - y||^2} with
   * {@code tau_i} the leverage of row i of the augmented matrix, which equals the leverage of
   * {@code a_i} in {@code A} plus {@code r_i^2 / ||r||^2} for the least-squares residual {@code r}.
   * This is the matrix that {@link RegressionCoresets} samples from; use it to reuse the scores or
   * Lewis weights with {@link SensitivitySampling} directly, for example
   *
   * <pre>{@code
   * double[][] ay = LeverageScores.augment(a, y);
   * double[] w = LewisWeights.compute(ay, 1).weights();     // ℓ1 sensitivities, computed once
   * Coreset c = SensitivitySampling.sample(w, 500, seed);   // draw as many coresets as needed
   * }</pre>
   *
   * @param a the design rows, {@code n x d}, finite
   * @param y the targets, length {@code n}, finite
   * @return new {@code n x (d+1)} rows (the inputs are not modified)
   * @throws IllegalArgumentException if the shapes disagree or a value is not finite
   */
  public static double[][] augment(double[][] a, double[] y) {
    Args.rectangular("a", a);
    int d = Losses.checkXy(a, y);
    double[][] out = new double[a.length][d + 1];
    for (int i = 0; i < a.length; i++) {
      System.arraycopy(a[i], 0, out[i], 0, d);
      out[i][d] = y[i];
    }
    return out;
  }
}
