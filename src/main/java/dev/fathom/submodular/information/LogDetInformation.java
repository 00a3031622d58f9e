package dev.fathom.submodular.information;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.function.LogDet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The log-determinant information measures: mutual information with a query set (LogDetMI),
 * conditional gain given a private set (LogDetCG) and conditional mutual information (LogDetCMI),
 * for {@code f(X) = log det K_X} on the ground set V u Q u P with the kernel
 *
 * <pre>
 *       | S_VV + lambda I   eta S_VQ          nu S_VP         |
 *   K = | eta S_QV          S_QQ + lambda I   S_QP            |
 *       | nu S_PV           S_PQ              S_PP + lambda I |
 * </pre>
 *
 * (submodlib's "super kernel": the cross similarities of the ground set to the queries scaled by
 * eta, to the private items by nu, lambda added to the diagonal). With the Schur complement {@code
 * K/X = K_VV - K_VX K_X^{-1} K_XV} of a block X:
 *
 * <pre>
 * LogDetMI(A; Q)      = f(A) + f(Q) - f(A u Q)                 = log det K_A - log det (K/Q)_A
 * LogDetCG(A | P)     = f(A u P) - f(P)                         = log det (K/P)_A
 * LogDetCMI(A; Q | P) = f(A u P) + f(Q u P) - f(A u Q u P) - f(P) = log det (K/P)_A - log det (K/(Q u P))_A
 * </pre>
 *
 * <p>So each is one or a difference of two {@link LogDet} functions over n-by-n kernels computed
 * once ({@code O(n^2 (m + p))} time, {@code O(n^2)} memory each); a gain is O(1) and an add {@code
 * O(n |A|)}. The mutual informations are monotone (for any positive definite K, by submodularity of
 * log det); the conditional gain is monotone when {@code K - I} is positive semidefinite, which
 * {@link #monotone()} reports as {@code lambda >= 1 and nu <= 1}, assuming the similarities S over
 * V u P are positive semidefinite (as cosine and Gaussian kernels are). LogDetCG is submodular; the
 * mutual informations need not be. Not thread-safe.
 *
 * @since 1.0
 */
public final class LogDetInformation extends SetFunction {
  private final LogDet plus;
  private final LogDet minus;
  private final boolean monotone;

  private LogDetInformation(LogDet plus, LogDet minus, boolean monotone) {
    super(plus.groundSize());
    this.plus = plus;
    this.minus = minus;
    this.monotone = monotone;
  }

  private LogDetInformation(LogDetInformation o) {
    super(o);
    this.plus = o.plus.copy();
    this.minus = o.minus == null ? null : o.minus.copy();
    this.monotone = o.monotone;
  }

  /**
   * LogDetMI, submodlib's {@code LogDeterminantMutualInformationFunction}: {@code log det K_A - log
   * det(K_A - eta^2 S_AQ (S_QQ + lambda I)^{-1} S_QA)}.
   *
   * @param kernels with symmetric data and query-query kernels and a query kernel
   * @param lambda added to the diagonal, finite and non-negative (submodlib's {@code lambdaVal});
   *     {@code S_QQ + lambda I} must be positive definite
   * @param eta the query magnification, finite and non-negative
   * @return the function
   */
  public static LogDetInformation mutualInformation(
      InformationKernels kernels, double lambda, double eta) {
    Args.notNull("kernels", kernels);
    checkParameters(lambda, eta, 0);
    double[][] kvv = groundKernel(kernels, lambda);
    double[][] cross = cross(kernels, eta, true, 0, false);
    double[][] kx = block(kernels, lambda, true, false);
    return new LogDetInformation(
        new LogDet(kvv, false), new LogDet(schur(kvv, cross, kx), false), true);
  }

  /**
   * LogDetCG, submodlib's {@code LogDeterminantConditionalGainFunction}: {@code log det(K_A - nu^2
   * S_AP (S_PP + lambda I)^{-1} S_PA)}.
   *
   * @param kernels with symmetric data and private-private kernels and a private kernel
   * @param lambda added to the diagonal, finite and non-negative; {@code S_PP + lambda I} must be
   *     positive definite
   * @param nu the privacy hardness, finite and non-negative
   * @return the function
   */
  public static LogDetInformation conditionalGain(
      InformationKernels kernels, double lambda, double nu) {
    Args.notNull("kernels", kernels);
    checkParameters(lambda, 0, nu);
    double[][] kvv = groundKernel(kernels, lambda);
    double[][] cross = cross(kernels, 0, false, nu, true);
    double[][] kx = block(kernels, lambda, false, true);
    return new LogDetInformation(
        new LogDet(schur(kvv, cross, kx), false), null, lambda >= 1 && nu <= 1);
  }

  /**
   * LogDetCMI, submodlib's {@code LogDeterminantConditionalMutualInformationFunction}.
   *
   * @param kernels with all six kernels (data, query, query-query, private, private-private,
   *     query-private), the square ones symmetric
   * @param lambda added to the diagonal, finite and non-negative; {@code K} restricted to {@code Q
   *     u P} must be positive definite
   * @param eta the query magnification, finite and non-negative
   * @param nu the privacy hardness, finite and non-negative
   * @return the function
   */
  public static LogDetInformation conditionalMutualInformation(
      InformationKernels kernels, double lambda, double eta, double nu) {
    Args.notNull("kernels", kernels);
    checkParameters(lambda, eta, nu);
    double[][] kvv = groundKernel(kernels, lambda);
    double[][] crossP = cross(kernels, 0, false, nu, true);
    double[][] kp = block(kernels, lambda, false, true);
    double[][] crossQp = cross(kernels, eta, true, nu, true);
    double[][] kqp = block(kernels, lambda, true, true);
    return new LogDetInformation(
        new LogDet(schur(kvv, crossP, kp), false),
        new LogDet(schur(kvv, crossQp, kqp), false),
        true);
  }

  private static void checkParameters(double lambda, double eta, double nu) {
    Args.nonNegative("lambda", lambda);
    Args.nonNegative("eta", eta);
    Args.nonNegative("nu", nu);
  }

  private static double[][] symmetric(String name, double[][] k) {
    for (int i = 0; i < k.length; i++) {
      for (int j = 0; j < i; j++) {
        if (k[i][j] != k[j][i]) {
          throw Args.fail(
              name + "[" + i + "][" + j + "]", k[i][j], name + "[" + j + "][" + i + "]");
        }
      }
    }
    return k;
  }

  /** {@code S_VV + lambda I}, a copy. */
  private static double[][] groundKernel(InformationKernels kernels, double lambda) {
    double[][] s = symmetric("data", kernels.data());
    double[][] k = new double[s.length][];
    for (int i = 0; i < s.length; i++) {
      k[i] = s[i].clone();
      k[i][i] += lambda;
    }
    return k;
  }

  /** {@code K_XV} for X = Q, P or Q u P (queries first): x rows of n entries. */
  private static double[][] cross(
      InformationKernels kernels, double eta, boolean withQuery, double nu, boolean withPrivate) {
    int n = kernels.groundSize();
    int m = withQuery ? kernels.queries() : 0;
    int p = withPrivate ? kernels.privateCount() : 0;
    double[][] out = new double[m + p][n];
    for (int i = 0; i < n; i++) {
      for (int q = 0; q < m; q++) {
        out[q][i] = eta * kernels.query()[i][q];
      }
      for (int r = 0; r < p; r++) {
        out[m + r][i] = nu * kernels.privates()[i][r];
      }
    }
    return out;
  }

  /** {@code K_X} for X = Q, P or Q u P (queries first). */
  private static double[][] block(
      InformationKernels kernels, double lambda, boolean withQuery, boolean withPrivate) {
    double[][] qq = withQuery ? symmetric("queryQuery", kernels.queryQuery()) : new double[0][];
    double[][] pp =
        withPrivate ? symmetric("privatePrivate", kernels.privatePrivate()) : new double[0][];
    double[][] qp = withQuery && withPrivate ? kernels.queryPrivate() : null;
    int m = qq.length;
    int x = m + pp.length;
    double[][] k = new double[x][x];
    for (int a = 0; a < x; a++) {
      for (int b = 0; b < x; b++) {
        if (a < m && b < m) {
          k[a][b] = qq[a][b];
        } else if (a >= m && b >= m) {
          k[a][b] = pp[a - m][b - m];
        } else {
          k[a][b] = a < m ? qp[a][b - m] : qp[b][a - m];
        }
      }
      k[a][a] += lambda;
    }
    return k;
  }

  /**
   * {@code K_VV - K_VX K_X^{-1} K_XV} as {@code K_VV - W^T W} with {@code W = L^{-1} K_XV} and
   * {@code K_X = L L^T} (EJML's Cholesky): each entry is {@code K_VV(i, j)} minus the dot product
   * of columns i and j of W, summed in the same order for (i, j) and (j, i), so the result is
   * exactly symmetric; rows are filled one at a time from W's transpose (cache-friendly).
   */
  private static double[][] schur(double[][] kvv, double[][] cross, double[][] kx) {
    int n = kvv.length;
    int x = kx.length;
    DMatrixRMaj a = new DMatrixRMaj(kx);
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(x, true);
    if (!chol.decompose(a)) {
      throw Args.fail(
          "kernels",
          "the block of " + x + " query / private items",
          "a positive definite kernel on the query / private items (raise lambda)");
    }
    DMatrixRMaj l = chol.getT(null);
    double[][] w = new double[x][];
    for (int k = 0; k < x; k++) {
      double[] row = cross[k].clone();
      for (int q = 0; q < k; q++) {
        double lkq = l.get(k, q);
        double[] wq = w[q];
        for (int i = 0; i < n; i++) {
          row[i] -= lkq * wq[i];
        }
      }
      double inv = 1 / l.get(k, k);
      for (int i = 0; i < n; i++) {
        row[i] *= inv;
      }
      w[k] = row;
    }
    double[][] wt = new double[n][x];
    for (int k = 0; k < x; k++) {
      for (int i = 0; i < n; i++) {
        wt[i][k] = w[k][i];
      }
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] wi = wt[i];
      double[] ci = c[i];
      double[] ki = kvv[i];
      for (int j = 0; j < n; j++) {
        double[] wj = wt[j];
        double dot = 0;
        for (int k = 0; k < x; k++) {
          dot += wi[k] * wj[k];
        }
        ci[j] = ki[j] - dot;
      }
    }
    return c;
  }

  @Override
  public boolean monotone() {
    return monotone;
  }

  @Override
  public LogDetInformation copy() {
    return new LogDetInformation(this);
  }

  @Override
  protected double marginal(int e) {
    double g = marginalOf(plus, e);
    return minus == null ? g : g - marginalOf(minus, e);
  }

  @Override
  protected void include(int e) {
    includeIn(plus, e);
    if (minus != null) {
      includeIn(minus, e);
    }
  }

  @Override
  protected void clear() {
    clearState(plus);
    if (minus != null) {
      clearState(minus);
    }
  }
}
