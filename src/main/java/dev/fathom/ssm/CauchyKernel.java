package dev.fathom.ssm;

import dev.fathom.core.Args;
import dev.fathom.linalg.Fft;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * S4's kernel for a diagonal-plus-low-rank (DPLR) system with the bilinear discretization: the
 * truncated generating function {@code Khat(w) = sum_{l<L} K_l w^l} is evaluated at the L-th roots
 * of unity through Cauchy sums and the Woodbury identity, then inverted with a real FFT.
 *
 * <p>With {@code A = V Lambda V^* - P P^T} ({@link Nplr}), the node {@code w_k = exp(-2 pi i k/L)},
 * and {@code g_k = (2/Δ)(1 - w_k)/(1 + w_k) = (2i/Δ) tan(pi k/L)}: {@code Khat(w) = 2/(1 + w) [k00
 * - k01 (I + k11)^{-1} k10]} where each {@code k_ab = sum_n a_n b_n/(g - lambda_n) + conj} runs
 * over the N/2 stored modes and their conjugates, with {@code (a, b)} in {@code (C~, B~), (C~, P~),
 * (P~^*, B~), (P~^*, P~)}. C~ is the output vector already multiplied by {@code (I - Abar^L)^T}
 * ({@link #tildeC}). The Nyquist node {@code w = -1} is taken as its limit {@code (Δ/2) C~^T B}. If
 * a mode lies on a node (FouT's zero pair at {@code g = 0}), that node's Woodbury form is 0/0 and
 * it is evaluated by a dense O(N^3) solve instead. Any rank r is handled by an r x r complex solve
 * per node (rank 1 for LegS, LagT, FouT; 2 for LegT).
 *
 * <p>Cost O(r^2 N L + L log L), memory O(N + L). All methods are static and thread-safe.
 *
 * @since 1.0
 */
public final class CauchyKernel {
  private CauchyKernel() {}

  /**
   * Computes the kernel from diagonal-basis parameters.
   *
   * @param lambda the N/2 eigenvalues of the normal part (interleaved)
   * @param pTilde the low-rank factor in the eigenbasis, r rows of N/2 interleaved entries
   * @param bTilde the input vector in the eigenbasis (N/2 interleaved)
   * @param cTilde the output coefficients {@code (V^T C~)}, N/2 interleaved, with C~ = {@code (I -
   *     Abar^L)^T C}
   * @param dt the step Δ, positive
   * @param length the kernel length L, even and at least 2
   * @return the real kernel {@code K_0..K_{L-1}}
   */
  public static double[] compute(
      double[] lambda, double[] pTilde, double[] bTilde, double[] cTilde, double dt, int length) {
    Args.finite("lambda", Args.interleaved("lambda", lambda));
    int m = lambda.length / 2;
    if (m == 0) {
      throw Args.fail("lambda.length", 0, "at least one mode");
    }
    Args.finite("bTilde", Args.length("bTilde", bTilde, 2 * m));
    Args.finite("cTilde", Args.length("cTilde", cTilde, 2 * m));
    Args.finite("pTilde", Args.notNull("pTilde", pTilde));
    if (pTilde.length == 0 || pTilde.length % (2 * m) != 0) {
      throw Args.fail("pTilde.length", pTilde.length, "a positive multiple of lambda.length");
    }
    int r = pTilde.length / (2 * m);
    Args.positive("dt", dt);
    if (length < 2 || (length & 1) != 0) {
      throw Args.fail("length", length, "an even kernel length >= 2");
    }
    int nodes = length / 2 + 1;
    double[] spectrum = new double[2 * nodes];
    // vectors "a" and "b" of the Cauchy sums: index 0 = C~ or B~, 1..r = P~ (or its conjugate)
    double[][] left = new double[r + 1][];
    double[][] right = new double[r + 1][];
    left[0] = cTilde;
    right[0] = bTilde;
    for (int q = 0; q < r; q++) {
      right[q + 1] = java.util.Arrays.copyOfRange(pTilde, 2 * q * m, 2 * (q + 1) * m);
      left[q + 1] = right[q + 1].clone();
      for (int i = 1; i < left[q + 1].length; i += 2) {
        left[q + 1][i] = -left[q + 1][i];
      }
    }
    double[][] w = new double[(r + 1) * (r + 1)][2 * m];
    for (int i = 0; i <= r; i++) {
      for (int j = 0; j <= r; j++) {
        double[] out = w[i * (r + 1) + j];
        double[] a = left[i];
        double[] b = right[j];
        for (int n = 0; n < m; n++) {
          out[2 * n] = a[2 * n] * b[2 * n] - a[2 * n + 1] * b[2 * n + 1];
          out[2 * n + 1] = a[2 * n] * b[2 * n + 1] + a[2 * n + 1] * b[2 * n];
        }
      }
    }
    double[] sums = new double[2 * (r + 1) * (r + 1)];
    double[] mat = new double[2 * r * r];
    double[] rhs = new double[2 * r];
    for (int k = 0; k < nodes; k++) {
      double theta = Math.PI * k / length;
      if (2 * k == length) {
        double s = 0;
        for (int n = 0; n < m; n++) {
          s += 2 * (cTilde[2 * n] * bTilde[2 * n] - cTilde[2 * n + 1] * bTilde[2 * n + 1]);
        }
        spectrum[2 * k] = dt / 2 * s;
        continue;
      }
      // g = (2/dt) i tan(theta); 2/(1 + w) = exp(i theta)/cos(theta) = 1 + i tan(theta)
      double gRe = 0;
      double gIm = 2 / dt * Math.tan(theta);
      double fr = 1;
      double fi = Math.tan(theta);
      if (onNode(lambda, gIm)) {
        double[] v = denseNode(lambda, pTilde, bTilde, cTilde, r, gIm);
        spectrum[2 * k] = v[0] * fr - v[1] * fi;
        spectrum[2 * k + 1] = v[0] * fi + v[1] * fr;
        continue;
      }
      java.util.Arrays.fill(sums, 0);
      for (int n = 0; n < m; n++) {
        // 1/(g - lambda) and 1/(g - conj lambda)
        double[] d1 = DiagonalSsm.divide(1, 0, gRe - lambda[2 * n], gIm - lambda[2 * n + 1]);
        double[] d2 = DiagonalSsm.divide(1, 0, gRe - lambda[2 * n], gIm + lambda[2 * n + 1]);
        for (int t = 0; t < w.length; t++) {
          double wr = w[t][2 * n];
          double wi = w[t][2 * n + 1];
          sums[2 * t] += wr * d1[0] - wi * d1[1] + wr * d2[0] + wi * d2[1];
          sums[2 * t + 1] += wr * d1[1] + wi * d1[0] + wr * d2[1] - wi * d2[0];
        }
      }
      int stride = r + 1;
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < r; j++) {
          int t = (i + 1) * stride + (j + 1);
          mat[2 * (i * r + j)] = sums[2 * t] + (i == j ? 1 : 0);
          mat[2 * (i * r + j) + 1] = sums[2 * t + 1];
        }
        int t = (i + 1) * stride;
        rhs[2 * i] = sums[2 * t];
        rhs[2 * i + 1] = sums[2 * t + 1];
      }
      double[] x = solveComplex(mat, rhs.clone(), r);
      double kr = sums[0];
      double ki = sums[1];
      for (int j = 0; j < r; j++) {
        double ar = sums[2 * (j + 1)];
        double ai = sums[2 * (j + 1) + 1];
        kr -= ar * x[2 * j] - ai * x[2 * j + 1];
        ki -= ar * x[2 * j + 1] + ai * x[2 * j];
      }
      spectrum[2 * k] = kr * fr - ki * fi;
      spectrum[2 * k + 1] = kr * fi + ki * fr;
    }
    double[] kernel = new double[length];
    Fft.of(length).realInverse(spectrum, kernel);
    return kernel;
  }

  /**
   * Computes the kernel of the bilinear discretization of an NPLR HiPPO system with a real output
   * vector C in the original basis: forms {@code C~ = (I - Abar^L)^T C} densely, projects it and
   * calls {@link #compute}.
   *
   * @param nplr the decomposition
   * @param c the real output vector (N)
   * @param dt the step Δ, positive
   * @param length the kernel length L, even and at least 2
   * @return the kernel
   */
  public static double[] compute(Nplr nplr, double[] c, double dt, int length) {
    Args.notNull("nplr", nplr);
    DenseSsm.Discrete disc = DenseSsm.discretize(nplr.a(), nplr.b(), dt, Discretization.BILINEAR);
    double[] ct = tildeC(disc.abar(), c, length);
    return compute(
        nplr.lambda(), nplr.pTilde(), nplr.bTilde(), nplr.outputCoefficients(ct), dt, length);
  }

  /**
   * {@code C~ = (I - Abar^L)^T C}, the output vector that turns the infinite generating function
   * into the length-L truncated one.
   *
   * @param abar the N x N discrete state matrix
   * @param c the output vector (N)
   * @param length L, at least 1
   * @return C~
   */
  public static double[] tildeC(DMatrixRMaj abar, double[] c, int length) {
    int n = DenseSsm.checkSquare("abar", abar);
    Args.finite("c", Args.length("c", c, n));
    DMatrixRMaj p = DenseSsm.power(abar, Args.positive("length", length));
    DMatrixRMaj cv = new DMatrixRMaj(n, 1, true, c.clone());
    DMatrixRMaj out = new DMatrixRMaj(n, 1);
    CommonOps_DDRM.multTransA(p, cv, out);
    double[] ct = new double[n];
    for (int i = 0; i < n; i++) {
      ct[i] = c[i] - out.data[i];
    }
    return ct;
  }

  /** True if g = i gIm (nearly) coincides with a mode or its conjugate. */
  static boolean onNode(double[] lambda, double gIm) {
    for (int n = 0; n < lambda.length; n += 2) {
      double tol = 1e-9 * (1 + Math.hypot(lambda[n], lambda[n + 1]));
      if (Math.abs(lambda[n]) <= tol && Math.abs(Math.abs(gIm) - Math.abs(lambda[n + 1])) <= tol) {
        return true;
      }
    }
    return false;
  }

  /**
   * C~^T (g I - Lambda + P~ P~^*)^{-1} B~ over all N modes (stored half and conjugates) by a dense
   * complex solve: the node where a Cauchy denominator vanishes (FouT's zero pair at g = 0), whose
   * Woodbury form is 0/0 although the resolvent is finite. O(N^3), used for single nodes only.
   */
  static double[] denseNode(
      double[] lambda, double[] pTilde, double[] bTilde, double[] cTilde, int r, double gIm) {
    int m = lambda.length / 2;
    int n = 2 * m;
    CMatrix mat = new CMatrix(n, n);
    double[][] p = new double[r][2 * n];
    double[] b = new double[2 * n];
    double[] c = new double[2 * n];
    for (int j = 0; j < m; j++) {
      for (int half = 0; half < 2; half++) {
        double s = half == 0 ? 1 : -1;
        int i = j + half * m;
        mat.re.set(i, i, -lambda[2 * j]);
        mat.im.set(i, i, gIm - s * lambda[2 * j + 1]);
        b[2 * i] = bTilde[2 * j];
        b[2 * i + 1] = s * bTilde[2 * j + 1];
        c[2 * i] = cTilde[2 * j];
        c[2 * i + 1] = s * cTilde[2 * j + 1];
        for (int q = 0; q < r; q++) {
          p[q][2 * i] = pTilde[2 * (q * m + j)];
          p[q][2 * i + 1] = s * pTilde[2 * (q * m + j) + 1];
        }
      }
    }
    for (int q = 0; q < r; q++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          // p_i conj(p_j)
          double pr = p[q][2 * i] * p[q][2 * j] + p[q][2 * i + 1] * p[q][2 * j + 1];
          double pi = p[q][2 * i + 1] * p[q][2 * j] - p[q][2 * i] * p[q][2 * j + 1];
          mat.re.add(i, j, pr);
          mat.im.add(i, j, pi);
        }
      }
    }
    DMatrixRMaj rhs = new DMatrixRMaj(2 * n, 1);
    for (int i = 0; i < n; i++) {
      rhs.set(i, 0, b[2 * i]);
      rhs.set(i + n, 0, b[2 * i + 1]);
    }
    DMatrixRMaj x = new DMatrixRMaj(2 * n, 1);
    // minimum-norm solution: a zero eigenvalue of A itself (FouT's uncontrollable state) makes
    // the matrix singular, with B~ in its range
    org.ejml.interfaces.linsol.LinearSolverDense<DMatrixRMaj> pinv =
        org.ejml.dense.row.factory.LinearSolverFactory_DDRM.pseudoInverse(true);
    if (!pinv.setA(mat.embedding())) {
      throw new IllegalStateException("pseudo-inverse failed");
    }
    pinv.solve(rhs, x);
    double kr = 0;
    double ki = 0;
    for (int i = 0; i < n; i++) {
      double xr = x.get(i, 0);
      double xi = x.get(i + n, 0);
      kr += c[2 * i] * xr - c[2 * i + 1] * xi;
      ki += c[2 * i] * xi + c[2 * i + 1] * xr;
    }
    return new double[] {kr, ki};
  }

  /** Solves the r x r complex system (interleaved, row-major) by Gaussian elimination. */
  static double[] solveComplex(double[] a, double[] b, int r) {
    for (int col = 0; col < r; col++) {
      int piv = col;
      double best = -1;
      for (int i = col; i < r; i++) {
        double mag = Math.hypot(a[2 * (i * r + col)], a[2 * (i * r + col) + 1]);
        if (mag > best) {
          best = mag;
          piv = i;
        }
      }
      if (piv != col) {
        for (int j = 0; j < r; j++) {
          swap(a, 2 * (col * r + j), 2 * (piv * r + j));
        }
        swap(b, 2 * col, 2 * piv);
      }
      double pr = a[2 * (col * r + col)];
      double pi = a[2 * (col * r + col) + 1];
      for (int i = col + 1; i < r; i++) {
        double[] f = DiagonalSsm.divide(a[2 * (i * r + col)], a[2 * (i * r + col) + 1], pr, pi);
        for (int j = col; j < r; j++) {
          double xr = a[2 * (col * r + j)];
          double xi = a[2 * (col * r + j) + 1];
          a[2 * (i * r + j)] -= f[0] * xr - f[1] * xi;
          a[2 * (i * r + j) + 1] -= f[0] * xi + f[1] * xr;
        }
        b[2 * i] -= f[0] * b[2 * col] - f[1] * b[2 * col + 1];
        b[2 * i + 1] -= f[0] * b[2 * col + 1] + f[1] * b[2 * col];
      }
    }
    double[] x = new double[2 * r];
    for (int i = r - 1; i >= 0; i--) {
      double sr = b[2 * i];
      double si = b[2 * i + 1];
      for (int j = i + 1; j < r; j++) {
        double ar = a[2 * (i * r + j)];
        double ai = a[2 * (i * r + j) + 1];
        sr -= ar * x[2 * j] - ai * x[2 * j + 1];
        si -= ar * x[2 * j + 1] + ai * x[2 * j];
      }
      double[] q = DiagonalSsm.divide(sr, si, a[2 * (i * r + i)], a[2 * (i * r + i) + 1]);
      x[2 * i] = q[0];
      x[2 * i + 1] = q[1];
    }
    return x;
  }

  private static void swap(double[] v, int i, int j) {
    double t0 = v[i];
    double t1 = v[i + 1];
    v[i] = v[j];
    v[i + 1] = v[j + 1];
    v[j] = t0;
    v[j + 1] = t1;
  }
}
