package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Vectors;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link CauchyKernel#compute(double[], double[], double[], double[], double, int)} on generic
 * diagonal-plus-low-rank parameters of rank up to 3 (random complex modes, low-rank factors and
 * vectors, not a HiPPO matrix), against the definition: the generating function {@code Khat(w_k) =
 * 2/(1 + w_k) c^T (g_k I - A)^{-1} b} of the full conjugate-symmetric system {@code A =
 * diag(lambda, conj lambda) - sum_q p_q p_q^*}, each node by a dense complex solve (through EJML's
 * real solver on the real embedding), then an O(L^2) inverse DFT.
 */
class CauchyKernelDenseResolventTest {

  /** The kernel by the definition, dense solves at every one of the L nodes. */
  private static double[] reference(
      double[] lambda, double[] p, double[] b, double[] c, double dt, int len) {
    int m = lambda.length / 2;
    int r = p.length / (2 * m);
    int n = 2 * m;
    // full basis: index j is mode j, index j + m its conjugate
    double[] lr = new double[n];
    double[] li = new double[n];
    double[] br = new double[n];
    double[] bi = new double[n];
    double[] cr = new double[n];
    double[] ci = new double[n];
    double[][] pr = new double[r][n];
    double[][] pi = new double[r][n];
    for (int j = 0; j < m; j++) {
      for (int half = 0; half < 2; half++) {
        double s = half == 0 ? 1 : -1;
        int i = j + half * m;
        lr[i] = lambda[2 * j];
        li[i] = s * lambda[2 * j + 1];
        br[i] = b[2 * j];
        bi[i] = s * b[2 * j + 1];
        cr[i] = c[2 * j];
        ci[i] = s * c[2 * j + 1];
        for (int q = 0; q < r; q++) {
          pr[q][i] = p[2 * (q * m + j)];
          pi[q][i] = s * p[2 * (q * m + j) + 1];
        }
      }
    }
    double[] hatRe = new double[len];
    double[] hatIm = new double[len];
    for (int k = 0; k < len; k++) {
      double th = -2 * Math.PI * k / len;
      double wr = Math.cos(th);
      double wi = Math.sin(th);
      if (2 * k == len) {
        // w = -1: the limit dt/2 c^T b
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += cr[i] * br[i] - ci[i] * bi[i];
        }
        hatRe[k] = dt / 2 * s;
        continue;
      }
      // g = (2/dt)(1 - w)/(1 + w)
      double[] g = div(2 / dt * (1 - wr), -2 / dt * wi, 1 + wr, wi);
      // M = g I - diag(lambda) + sum_q p_q p_q^*, embedded as [[Re, -Im], [Im, Re]]
      DMatrixRMaj e = new DMatrixRMaj(2 * n, 2 * n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double mr = 0;
          double mi = 0;
          if (i == j) {
            mr = g[0] - lr[i];
            mi = g[1] - li[i];
          }
          for (int q = 0; q < r; q++) {
            mr += pr[q][i] * pr[q][j] + pi[q][i] * pi[q][j];
            mi += pi[q][i] * pr[q][j] - pr[q][i] * pi[q][j];
          }
          e.set(i, j, mr);
          e.set(i, j + n, -mi);
          e.set(i + n, j, mi);
          e.set(i + n, j + n, mr);
        }
      }
      DMatrixRMaj rhs = new DMatrixRMaj(2 * n, 1);
      for (int i = 0; i < n; i++) {
        rhs.set(i, 0, br[i]);
        rhs.set(i + n, 0, bi[i]);
      }
      DMatrixRMaj x = new DMatrixRMaj(2 * n, 1);
      assertTrue(CommonOps_DDRM.solve(e, rhs, x));
      double sr = 0;
      double si = 0;
      for (int i = 0; i < n; i++) {
        sr += cr[i] * x.get(i, 0) - ci[i] * x.get(i + n, 0);
        si += cr[i] * x.get(i + n, 0) + ci[i] * x.get(i, 0);
      }
      double[] f = div(2, 0, 1 + wr, wi);
      hatRe[k] = f[0] * sr - f[1] * si;
      hatIm[k] = f[0] * si + f[1] * sr;
    }
    // Khat(w_k) = sum_l K_l w_k^l, so K_l = (1/L) sum_k Khat_k exp(2 pi i k l / L)
    double[] kernel = new double[len];
    for (int l = 0; l < len; l++) {
      double s = 0;
      for (int k = 0; k < len; k++) {
        double a = 2 * Math.PI * (((long) k * l) % len) / len;
        s += hatRe[k] * Math.cos(a) - hatIm[k] * Math.sin(a);
      }
      kernel[l] = s / len;
    }
    return kernel;
  }

  private static double[] div(double ar, double ai, double br, double bi) {
    double den = br * br + bi * bi;
    return new double[] {(ar * br + ai * bi) / den, (ai * br - ar * bi) / den};
  }

  private static double[] gaussian(SplittableRandom rnd, int count) {
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      v[i] = rnd.nextGaussian();
    }
    return v;
  }

  /** m random stable modes: Re lambda in [-2, -0.1], Im lambda in [-20, 20]. */
  private static double[] modes(SplittableRandom rnd, int m) {
    double[] lambda = new double[2 * m];
    for (int j = 0; j < m; j++) {
      lambda[2 * j] = -rnd.nextDouble(0.1, 2);
      lambda[2 * j + 1] = rnd.nextDouble(-20, 20);
    }
    return lambda;
  }

  /** Random rank-r factors and vectors for the modes; compute against the reference. */
  private static void assertMatchesReference(
      SplittableRandom rnd, double[] lambda, int r, double dt, int len, double tol) {
    int m = lambda.length / 2;
    double[] p = gaussian(rnd, 2 * r * m);
    double[] b = gaussian(rnd, 2 * m);
    double[] c = gaussian(rnd, 2 * m);
    double[] k = CauchyKernel.compute(lambda, p, b, c, dt, len);
    double err = Vectors.relativeMaxError(k, reference(lambda, p, b, c, dt, len));
    assertTrue(err <= tol, "r " + r + " L " + len + ": " + err);
  }

  @Test
  void genericRankOneToThreeMatchesDenseResolvent() {
    SplittableRandom rnd = new SplittableRandom(21);
    for (int r = 1; r <= 3; r++) {
      for (int len : new int[] {2, 4, 16, 30}) {
        assertMatchesReference(rnd, modes(rnd, 5), r, 0.1, len, 1e-11);
      }
    }
  }

  /**
   * Undamped modes placed exactly on nodes away from w = 1 (g = (2/dt) i tan(pi k/L) with k = 3
   * and, for a conjugate, k = 1): the Woodbury form is 0/0 there and the node goes through the
   * dense solve, whose value is complex and multiplied by a non-real factor 2/(1 + w).
   */
  @Test
  void modesOnNonZeroNodesMatchDenseResolvent() {
    SplittableRandom rnd = new SplittableRandom(8);
    double dt = 0.5;
    int len = 16;
    for (int r = 1; r <= 2; r++) {
      int m = 4;
      double[] lambda = modes(rnd, m);
      lambda[0] = 0;
      lambda[1] = 2 / dt * Math.tan(Math.PI * 3 / len);
      lambda[4] = 0;
      lambda[5] = -2 / dt * Math.tan(Math.PI * 1 / len);
      assertTrue(CauchyKernel.onNode(lambda, 2 / dt * Math.tan(Math.PI * 3 / len)));
      assertTrue(CauchyKernel.onNode(lambda, 2 / dt * Math.tan(Math.PI * 1 / len)));
      assertTrue(!CauchyKernel.onNode(lambda, 2 / dt * Math.tan(Math.PI * 2 / len)));
      assertMatchesReference(rnd, lambda, r, dt, len, 1e-10);
    }
  }

  /** The dense node value against the same full-basis solve of the reference. */
  @Test
  void denseNodeEqualsFullBasisResolvent() {
    SplittableRandom rnd = new SplittableRandom(13);
    int m = 3;
    int r = 2;
    double[] lambda = modes(rnd, m);
    double[] p = gaussian(rnd, 2 * r * m);
    double[] b = gaussian(rnd, 2 * m);
    double[] c = gaussian(rnd, 2 * m);
    double dt = 0.2;
    int len = 12;
    double[] ref = reference(lambda, p, b, c, dt, len);
    // Khat at node k from the reference kernel, against 2/(1 + w) denseNode(g)
    for (int k = 1; k < len / 2; k++) {
      double th = -2 * Math.PI * k / len;
      double hr = 0;
      double hi = 0;
      for (int l = 0; l < len; l++) {
        hr += ref[l] * Math.cos(th * l);
        hi += ref[l] * Math.sin(th * l);
      }
      double gIm = 2 / dt * Math.tan(Math.PI * k / len);
      double[] v = CauchyKernel.denseNode(lambda, p, b, c, r, gIm);
      double fi = Math.tan(Math.PI * k / len);
      double scale = Math.hypot(hr, hi);
      assertEquals(hr, v[0] - v[1] * fi, 1e-10 * scale, "node " + k);
      assertEquals(hi, v[0] * fi + v[1], 1e-10 * scale, "node " + k);
    }
  }

  /** Random complex systems of sizes 1 to 5, and ones that need row exchanges, by residual. */
  @Test
  void complexSolveHasSmallResidual() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int r = 1; r <= 5; r++) {
      for (int trial = 0; trial < 3; trial++) {
        double[] a = gaussian(rnd, 2 * r * r);
        if (trial == 1 && r > 1) {
          // a zero leading entry: elimination must exchange rows
          a[0] = 0;
          a[1] = 0;
        }
        if (trial == 2 && r > 1) {
          // a tiny leading entry beside ordinary ones: without a row exchange the multipliers
          // are about 1e14 and the elimination loses every digit
          a[0] *= 1e-14;
          a[1] *= 1e-14;
        }
        double[] x0 = gaussian(rnd, 2 * r);
        double[] b = multiply(a, x0, r);
        double[] x = CauchyKernel.solveComplex(a.clone(), b.clone(), r);
        for (int i = 0; i < 2 * r; i++) {
          assertEquals(x0[i], x[i], 1e-9, "r " + r + " trial " + trial);
        }
      }
    }
  }

  private static double[] multiply(double[] a, double[] x, int r) {
    double[] y = new double[2 * r];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        double ar = a[2 * (i * r + j)];
        double ai = a[2 * (i * r + j) + 1];
        y[2 * i] += ar * x[2 * j] - ai * x[2 * j + 1];
        y[2 * i + 1] += ar * x[2 * j + 1] + ai * x[2 * j];
      }
    }
    return y;
  }

  @Test
  void lengthTwoIsTheSmallestAccepted() {
    double[] lambda = {-1, 2};
    double[] v = {1, 0.5};
    assertEquals(2, CauchyKernel.compute(lambda, v, v, v, 0.1, 2).length);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CauchyKernel.compute(lambda, v, v, v, 0.1, 0));
    assertEquals("length = 0: expected an even kernel length >= 2", e.getMessage());
  }
}
