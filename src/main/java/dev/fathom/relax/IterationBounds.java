package dev.fathom.relax;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A-priori bounds on the iteration counts of CG, SSOR-preconditioned CG and SOR for a symmetric
 * positive definite matrix, the bounds of the paper's analysis (its reference code's {@code
 * cgbound.m} and {@code energy_norm.m}).
 *
 * <p>Write {@code A = L + D + L^T}. All bounds are for the stopping rule {@code ||r_k|| / ||r_0|| <
 * eps} in the 2-norm, using {@code ||r_k|| / ||r_0|| <= sqrt(kappa(A)) ||e_k||_A / ||e_0||_A}:
 *
 * <ul>
 *   <li><b>CG and SSOR-PCG</b> (Axelsson 1994, Thm 7.17). The spectrum of {@code M^{-1} A} for the
 *       SSOR preconditioner lies in {@code [c(omega), 1]}, {@code c(omega) = (2 - omega) / (1 + (2
 *       - omega)^2 alpha / (4 omega) + omega beta)} with {@code alpha = lambda_max(D A^{-1})} and
 *       {@code beta = lambda_max((L D^{-1} L^T - D/4) A^{-1})}. With {@code q = (sqrt(k') - 1) /
 *       (sqrt(k') + 1)}, {@code k' = 1 / c(omega)}, the Chebyshev bound gives at most {@code 1 +
 *       arccosh(sqrt(kappa(A)) / eps) / ln(1 / q)} iterations. Plain CG is the same with {@code k'
 *       = kappa(A)}.
 *   <li><b>SOR</b>. The SOR error contracts in the energy norm by {@code rho_A(omega) = ||I -
 *       W^{-1} A||_A}, {@code W = D / omega + L}, which is computed exactly: {@code rho_A^2 = 1 -
 *       (2 / omega - 1) / lambda_max(D^{-1/2} W^T A^{-1} W D^{-1/2})}. Hence at most {@code 1 +
 *       ln(sqrt(kappa(A)) / eps) / ln(1 / rho_A)} iterations. (The reference code's closed-form
 *       estimate after Hackbusch 2016, Cor 3.45, is not used: it falls below the exact norm, for
 *       example 0.827 against 0.836 on the 8x8 Laplacian at omega = 1.7, so it is not a bound.)
 * </ul>
 *
 * <p>The spectral constants are computed once, densely (symmetric eigenvalue problems and one
 * Cholesky factorisation, O(n^3) time and O(n^2) memory; the SOR norm costs O(n^3) per omega), so
 * this class is for analysis of systems up to 2000 unknowns, as in the reference code. Immutable
 * and thread-safe.
 *
 * @since 1.0
 */
public final class IterationBounds {
  private final double kappa;
  private final double alpha;
  private final double beta;
  private final DMatrixRMaj lower;
  private final double[] diagonal;
  private final DMatrixRMaj choleskyInverse;

  private IterationBounds(
      double kappa, double alpha, double beta, DMatrixRMaj lower, double[] d, DMatrixRMaj gInv) {
    this.kappa = kappa;
    this.alpha = alpha;
    this.beta = beta;
    this.lower = lower;
    this.diagonal = d;
    this.choleskyInverse = gInv;
  }

  /**
   * Computes the spectral constants of a symmetric positive definite matrix.
   *
   * @param a the matrix, symmetric positive definite, at most 2000 rows
   * @return the bounds
   * @throws IllegalArgumentException if a is not symmetric, too large, or not positive definite
   */
  public static IterationBounds of(CsrMatrix a) {
    Args.notNull("A", a);
    int n = a.size();
    Args.inRange("A.numRows", n, 1, 2000);
    if (!a.isSymmetric()) {
      throw Args.fail("A", "a non-symmetric matrix", "a symmetric matrix");
    }
    DMatrixRMaj dense = new DMatrixRMaj(n, n);
    DMatrixRMaj lower = new DMatrixRMaj(n, n);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      for (int k = a.rowPtr[i]; k < a.rowPtr[i + 1]; k++) {
        int j = a.col[k];
        dense.add(i, j, a.val[k]);
        if (j < i) {
          lower.add(i, j, a.val[k]);
        }
      }
      d[i] = a.diagonal(i);
      if (!(d[i] > 0)) {
        throw Args.fail("A[" + i + "][" + i + "]", d[i], "a positive diagonal entry");
      }
    }
    double[] eigA = symmetricEigenvalues(dense);
    if (!(eigA[0] > 0)) {
      throw Args.fail("lambda_min(A)", eigA[0], "a positive number (a positive definite matrix)");
    }
    double kappa = eigA[n - 1] / eigA[0];
    // N = D^{-1/2} L D^{-1/2}; D^{-1/2} A D^{-1/2} = I + N + N^T.
    DMatrixRMaj nn = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        nn.set(i, j, lower.get(i, j) / Math.sqrt(d[i] * d[j]));
      }
    }
    DMatrixRMaj jacobi = new DMatrixRMaj(n, n);
    CommonOps_DDRM.transpose(nn, jacobi);
    CommonOps_DDRM.addEquals(jacobi, nn);
    double[] eigJ = symmetricEigenvalues(jacobi);
    // lambda_max(D A^{-1}) = 1 / lambda_min(D^{-1/2} A D^{-1/2}) = 1 / (1 + lambda_min(N + N^T)).
    double alpha = 1 / (1 + eigJ[0]);
    // beta = lambda_max(B A^{-1}), B = L D^{-1} L^T - D/4: with A = G G^T, the top eigenvalue of
    // the symmetric G^{-1} B G^{-T}.
    DMatrixRMaj b = new DMatrixRMaj(n, n);
    DMatrixRMaj lScaled = lower.copy();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        lScaled.set(i, j, lower.get(i, j) / Math.sqrt(d[j]));
      }
    }
    CommonOps_DDRM.multTransB(lScaled, lScaled, b);
    for (int i = 0; i < n; i++) {
      b.add(i, i, -0.25 * d[i]);
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    DMatrixRMaj work = dense.copy();
    if (!chol.decompose(work)) {
      throw Args.fail("A", "a matrix without a Cholesky factor", "a positive definite matrix");
    }
    DMatrixRMaj gInv = chol.getT(null);
    CommonOps_DDRM.invert(gInv);
    DMatrixRMaj tmp = new DMatrixRMaj(n, n);
    DMatrixRMaj c = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(gInv, b, tmp);
    CommonOps_DDRM.multTransB(tmp, gInv, c);
    symmetrise(c);
    double beta = symmetricEigenvalues(c)[n - 1];
    return new IterationBounds(kappa, alpha, beta, lower, d, gInv);
  }

  /**
   * The spectral condition number {@code lambda_max(A) / lambda_min(A)}.
   *
   * @return kappa(A)
   */
  public double conditionNumber() {
    return kappa;
  }

  /**
   * Axelsson's lower bound {@code c(omega)} on the spectrum of {@code M^{-1} A} for the SSOR
   * preconditioner (whose spectrum lies in {@code (0, 1]}), so {@code 1 / c(omega)} bounds its
   * condition number.
   *
   * @param omega the SSOR parameter, in (0, 2)
   * @return c(omega), in (0, 1]
   */
  public double ssorSpectrumLowerBound(double omega) {
    Solves.omega(omega);
    double tmo = 2 - omega;
    return tmo / (1 + 0.25 * tmo * (tmo / omega) * alpha + beta * omega);
  }

  /**
   * The bound on plain CG's iteration count.
   *
   * @param tolerance the relative residual tolerance eps, in (0, 1)
   * @return the bound (a real number; observed counts are at most its floor)
   */
  public double cg(double tolerance) {
    return chebyshev(kappa, tolerance);
  }

  /**
   * The bound on SSOR-preconditioned CG's iteration count ({@code cgbound.m}).
   *
   * @param omega the SSOR parameter, in (0, 2)
   * @param tolerance the relative residual tolerance eps, in (0, 1)
   * @return the bound
   */
  public double ssorPcg(double omega, double tolerance) {
    return chebyshev(1 / ssorSpectrumLowerBound(omega), tolerance);
  }

  /**
   * The energy norm {@code ||I - W^{-1} A||_A} of the SOR error propagation matrix, computed
   * densely (O(n^3)).
   *
   * @param omega the SOR parameter, in (0, 2)
   * @return the contraction factor, in [0, 1) for a symmetric positive definite matrix
   */
  public double sorEnergyNorm(double omega) {
    Solves.omega(omega);
    int n = diagonal.length;
    // Z = G^{-1} W D^{-1/2}, so that W^T A^{-1} W = (G^{-1} W)^T (G^{-1} W).
    DMatrixRMaj w = lower.copy();
    for (int i = 0; i < n; i++) {
      w.set(i, i, diagonal[i] / omega);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        w.set(i, j, w.get(i, j) / Math.sqrt(diagonal[j]));
      }
    }
    DMatrixRMaj z = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(choleskyInverse, w, z);
    double sigma = NormOps_DDRM.normP2(z);
    double rho2 = 1 - (2 / omega - 1) / (sigma * sigma);
    return Math.sqrt(Math.max(0, rho2));
  }

  /**
   * The bound on SOR's iteration count implied by the energy-norm contraction {@link
   * #sorEnergyNorm}.
   *
   * @param omega the SOR parameter, in (0, 2)
   * @param tolerance the relative residual tolerance eps, in (0, 1)
   * @return the bound, infinite when the contraction factor is not below 1
   */
  public double sor(double omega, double tolerance) {
    checkTolerance(tolerance);
    double rho = sorEnergyNorm(omega);
    if (!(rho < 1)) {
      return Double.POSITIVE_INFINITY;
    }
    return 1 + Math.log(Math.sqrt(kappa) / tolerance) / -Math.log(rho);
  }

  /** 1 + arccosh(sqrt(kappa) / eps) / arccosh((k' + 1) / (k' - 1)), the last as ln(1 / q). */
  private double chebyshev(double kPrime, double tolerance) {
    checkTolerance(tolerance);
    double x = Math.sqrt(kappa) / tolerance;
    double num = Math.log(x + Math.sqrt(x * x - 1));
    double s = Math.sqrt(kPrime);
    return 1 + num / Math.log((s + 1) / (s - 1));
  }

  private static void checkTolerance(double tolerance) {
    Args.inOpenRange("tolerance", tolerance, 0, 1);
  }

  private static void symmetrise(DMatrixRMaj m) {
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < i; j++) {
        double v = 0.5 * (m.get(i, j) + m.get(j, i));
        m.set(i, j, v);
        m.set(j, i, v);
      }
    }
  }

  /** The eigenvalues of a symmetric matrix, ascending (the input is not modified). */
  private static double[] symmetricEigenvalues(DMatrixRMaj m) {
    int n = m.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
    if (!eig.decompose(m.copy())) {
      throw new ArithmeticException("the symmetric eigenvalue solver did not converge");
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = eig.getEigenvalue(i).real;
    }
    java.util.Arrays.sort(out);
    return out;
  }
}
