package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The classical asymptotically optimal SOR parameter (Young): for a consistently ordered matrix
 * whose Jacobi iteration matrix {@code J = I - D^{-1} A} has spectral radius {@code beta < 1},
 * {@code omega* = 1 + (beta / (1 + sqrt(1 - beta^2)))^2 = 2 / (1 + sqrt(1 - beta^2))}.
 *
 * <p>The spectral radius is estimated by Lanczos with full reorthogonalization on the symmetric
 * matrix {@code D^{-1/2} (D - A) D^{-1/2}}, which is similar to J; this needs A symmetric with a
 * positive diagonal. With {@code steps >= n} the estimate is exact up to rounding; for large grids,
 * where the top eigenvalues cluster near 1, more steps sharpen it. Static and thread-safe.
 *
 * @since 1.0
 */
public final class OptimalOmega {
  private OptimalOmega() {}

  /** Lanczos steps used by {@link #of(CsrMatrix)}. */
  public static final int DEFAULT_STEPS = 120;

  /**
   * Young's formula.
   *
   * @param beta the Jacobi spectral radius, in [0, 1)
   * @return {@code omega*} in [1, 2)
   */
  public static double fromJacobiRadius(double beta) {
    if (!(beta >= 0 && beta < 1)) {
      throw Args.fail("beta", beta, "a number in [0, 1) (a convergent Jacobi iteration)");
    }
    double q = beta / (1 + Math.sqrt(1 - beta * beta));
    return 1 + q * q;
  }

  /**
   * {@code omega*} of a matrix, from {@link #jacobiRadius(CsrMatrix, int)} with {@link
   * #DEFAULT_STEPS} steps.
   *
   * @param a the matrix, symmetric with a positive diagonal
   * @return {@code omega*}
   * @throws IllegalArgumentException if the Jacobi radius is not below 1
   */
  public static double of(CsrMatrix a) {
    return fromJacobiRadius(jacobiRadius(a, DEFAULT_STEPS));
  }

  /**
   * Estimates the spectral radius of {@code I - D^{-1} A} by Lanczos.
   *
   * @param a the matrix, symmetric with a positive diagonal
   * @param steps the number of Lanczos steps, at least 1 (capped at n)
   * @return the largest |eigenvalue| of the Ritz values, a lower estimate converging from below
   */
  public static double jacobiRadius(CsrMatrix a, int steps) {
    Args.notNull("A", a);
    Args.positive("steps", steps);
    if (!a.isSymmetric()) {
      throw Args.fail("A", "a non-symmetric matrix", "a symmetric matrix");
    }
    int n = a.n;
    double[] invSqrtD = new double[n];
    for (int i = 0; i < n; i++) {
      double d = a.val[a.diagPos[i]];
      if (!(d > 0)) {
        throw Args.fail("A[" + i + "][" + i + "]", d, "a positive diagonal entry");
      }
      invSqrtD[i] = 1 / Math.sqrt(d);
    }
    int m = Math.min(steps, n);
    double[][] basis = new double[m][];
    double[] alpha = new double[m];
    double[] beta = new double[m];
    RandomGenerator rng = Rng.create(0x5eedL);
    double[] v = Rng.gaussian(rng, n);
    Vectors.scale(1 / Vectors.norm2(v), v);
    double[] w = new double[n];
    double[] t = new double[n];
    int k = 0;
    for (; k < m; k++) {
      basis[k] = v;
      // w = S v with S = I - D^{-1/2} A D^{-1/2}
      for (int i = 0; i < n; i++) {
        t[i] = invSqrtD[i] * v[i];
      }
      a.apply(t, w);
      for (int i = 0; i < n; i++) {
        w[i] = v[i] - invSqrtD[i] * w[i];
      }
      alpha[k] = Vectors.dot(v, w);
      for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j <= k; j++) {
          Vectors.axpy(-Vectors.dot(basis[j], w), basis[j], w);
        }
      }
      double nb = Vectors.norm2(w);
      if (k + 1 == m || nb < 1e-12) {
        k++;
        break;
      }
      beta[k] = nb;
      v = w.clone();
      Vectors.scale(1 / nb, v);
    }
    DMatrixRMaj tri = new DMatrixRMaj(k, k);
    for (int i = 0; i < k; i++) {
      tri.set(i, i, alpha[i]);
      if (i + 1 < k) {
        tri.set(i, i + 1, beta[i]);
        tri.set(i + 1, i, beta[i]);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, false, true);
    if (!eig.decompose(tri)) {
      throw new IllegalStateException("tridiagonal eigen-decomposition failed");
    }
    double rho = 0;
    for (int i = 0; i < k; i++) {
      rho = Math.max(rho, Math.abs(eig.getEigenvalue(i).real));
    }
    return rho;
  }
}
