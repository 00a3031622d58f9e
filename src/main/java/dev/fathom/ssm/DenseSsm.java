package dev.fathom.ssm;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Dense state-space systems (LSSL): discretization of a dense {@code (A, B)}, the Krylov kernel
 * {@code K_l = C^T Abar^l Bbar} by sequential powering (the ground truth for the fast kernels), the
 * matrix exponential, and the transfer function {@code C^T (s I - A)^{-1} B}. O(N^2 L) and O(N^3)
 * methods meant for references and diagnostics. All methods are static and thread-safe; inputs are
 * not modified.
 *
 * @since 1.0
 */
public final class DenseSsm {
  private DenseSsm() {}

  /**
   * A discretized dense system.
   *
   * @param abar the N x N state matrix
   * @param bbar the input vector (N)
   */
  public record Discrete(DMatrixRMaj abar, double[] bbar) {}

  /**
   * Discretizes {@code x' = A x + B u} with step Δ: ZOH {@code Abar = expm(Δ A)}, {@code Bbar} from
   * the augmented exponential {@code expm([[A, B], [0, 0]] Δ)} (no inverse of A needed); GBT(α)
   * {@code Abar = (I - α Δ A)^{-1} (I + (1 - α) Δ A)}, {@code Bbar = Δ (I - α Δ A)^{-1} B}; Euler-B
   * {@code Abar = expm(Δ A)}, {@code Bbar = Δ B}.
   *
   * @param a the N x N matrix A, finite
   * @param b the input vector (N), finite
   * @param dt the step Δ, positive
   * @param method the discretization
   * @return the discrete system
   */
  public static Discrete discretize(DMatrixRMaj a, double[] b, double dt, Discretization method) {
    int n = checkSquare(a);
    Args.finite("b", Args.length("b", b, n));
    Args.positive("dt", dt);
    Args.notNull("method", method);
    switch (method.method()) {
      case ZOH:
        {
          DMatrixRMaj aug = new DMatrixRMaj(n + 1, n + 1);
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              aug.set(i, j, dt * a.get(i, j));
            }
            aug.set(i, n, dt * b[i]);
          }
          DMatrixRMaj e = expm(aug);
          DMatrixRMaj abar = CommonOps_DDRM.extract(e, 0, n, 0, n);
          double[] bbar = new double[n];
          for (int i = 0; i < n; i++) {
            bbar[i] = e.get(i, n);
          }
          return new Discrete(abar, bbar);
        }
      case EULER_B:
        {
          DMatrixRMaj s = a.copy();
          CommonOps_DDRM.scale(dt, s);
          double[] bbar = b.clone();
          for (int i = 0; i < n; i++) {
            bbar[i] *= dt;
          }
          return new Discrete(expm(s), bbar);
        }
      case GBT:
        {
          double alpha = method.alpha();
          DMatrixRMaj left = CommonOps_DDRM.identity(n);
          DMatrixRMaj right = CommonOps_DDRM.identity(n);
          CommonOps_DDRM.addEquals(left, -alpha * dt, a);
          CommonOps_DDRM.addEquals(right, (1 - alpha) * dt, a);
          DMatrixRMaj abar = new DMatrixRMaj(n, n);
          if (!CommonOps_DDRM.solve(left, right, abar)) {
            throw Args.fail("I - alpha dt A", "singular", "an invertible matrix");
          }
          DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, b.clone());
          CommonOps_DDRM.scale(dt, rhs);
          DMatrixRMaj bb = new DMatrixRMaj(n, 1);
          CommonOps_DDRM.solve(left, rhs, bb);
          return new Discrete(abar, bb.data.clone());
        }
      default:
        throw new AssertionError(method);
    }
  }

  /**
   * The Krylov kernel {@code K_l = c^T Abar^l bbar}, l = 0..L-1, by sequential matrix-vector
   * products.
   *
   * @param abar the N x N state matrix
   * @param bbar the input vector (N)
   * @param c the output vector (N)
   * @param length L, at least 1
   * @return the kernel
   */
  public static double[] krylov(DMatrixRMaj abar, double[] bbar, double[] c, int length) {
    int n = checkSquare("abar", abar);
    Args.finite("bbar", Args.length("bbar", bbar, n));
    Args.finite("c", Args.length("c", c, n));
    Args.size("length", Args.positive("length", length));
    double[] k = new double[length];
    DMatrixRMaj x = new DMatrixRMaj(n, 1, true, bbar.clone());
    DMatrixRMaj next = new DMatrixRMaj(n, 1);
    for (int l = 0; l < length; l++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += c[i] * x.data[i];
      }
      k[l] = s;
      CommonOps_DDRM.mult(abar, x, next);
      DMatrixRMaj t = x;
      x = next;
      next = t;
    }
    return k;
  }

  /**
   * {@code A^p} by repeated squaring.
   *
   * @param a a square matrix
   * @param p the exponent, at least 0
   * @return a new matrix
   */
  public static DMatrixRMaj power(DMatrixRMaj a, int p) {
    int n = checkSquare(a);
    Args.nonNegative("p", p);
    DMatrixRMaj result = CommonOps_DDRM.identity(n);
    DMatrixRMaj base = a.copy();
    DMatrixRMaj tmp = new DMatrixRMaj(n, n);
    while (p > 0) {
      if ((p & 1) != 0) {
        CommonOps_DDRM.mult(result, base, tmp);
        result.setTo(tmp);
      }
      p >>= 1;
      if (p > 0) {
        CommonOps_DDRM.mult(base, base, tmp);
        base.setTo(tmp);
      }
    }
    return result;
  }

  /**
   * The matrix exponential by scaling and squaring with a Taylor polynomial of degree 20 on {@code
   * A / 2^s}, {@code ||A / 2^s||_1 <= 1/2} (truncation below 1e-25 relative).
   *
   * @param a a square finite matrix
   * @return {@code expm(a)}
   */
  public static DMatrixRMaj expm(DMatrixRMaj a) {
    int n = checkSquare(a);
    double norm = NormOps_DDRM.normP1(a);
    int s = norm > 0.5 ? (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)) : 0;
    DMatrixRMaj x = a.copy();
    CommonOps_DDRM.scale(Math.scalb(1.0, -s), x);
    DMatrixRMaj result = CommonOps_DDRM.identity(n);
    DMatrixRMaj term = CommonOps_DDRM.identity(n);
    DMatrixRMaj tmp = new DMatrixRMaj(n, n);
    for (int k = 1; k <= 20; k++) {
      CommonOps_DDRM.mult(term, x, tmp);
      CommonOps_DDRM.scale(1.0 / k, tmp, term);
      CommonOps_DDRM.addEquals(result, term);
    }
    for (int i = 0; i < s; i++) {
      CommonOps_DDRM.mult(result, result, tmp);
      result.setTo(tmp);
    }
    return result;
  }

  /**
   * The transfer function {@code G(s) = c^T (s I - A)^{-1} b} at a complex point, by a dense solve
   * of the real embedding.
   *
   * @param a the N x N matrix A
   * @param b the input vector (N)
   * @param c the output vector (N)
   * @param sRe real part of s
   * @param sIm imaginary part of s
   * @return {@code {Re G, Im G}}
   */
  public static double[] transfer(DMatrixRMaj a, double[] b, double[] c, double sRe, double sIm) {
    int n = checkSquare(a);
    Args.finite("b", Args.length("b", b, n));
    Args.finite("c", Args.length("c", c, n));
    Args.finite("sRe", sRe);
    Args.finite("sIm", sIm);
    CMatrix m = new CMatrix(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m.re.set(i, j, -a.get(i, j));
      }
      m.re.add(i, i, sRe);
      m.im.set(i, i, sIm);
    }
    DMatrixRMaj e = m.embedding();
    DMatrixRMaj rhs = new DMatrixRMaj(2 * n, 1);
    for (int i = 0; i < n; i++) {
      rhs.set(i, 0, b[i]);
    }
    DMatrixRMaj x = new DMatrixRMaj(2 * n, 1);
    if (!CommonOps_DDRM.solve(e, rhs, x)) {
      throw Args.fail("s", sRe + " + " + sIm + "i", "a point that is not an eigenvalue of A");
    }
    double gr = 0;
    double gi = 0;
    for (int i = 0; i < n; i++) {
      gr += c[i] * x.get(i, 0);
      gi += c[i] * x.get(i + n, 0);
    }
    return new double[] {gr, gi};
  }

  static int checkSquare(DMatrixRMaj a) {
    return checkSquare("a", a);
  }

  static int checkSquare(String name, DMatrixRMaj a) {
    Args.notNull(name, a);
    if (a.numRows != a.numCols || a.numRows == 0) {
      throw Args.fail(name, a.numRows + "x" + a.numCols, "a non-empty square matrix");
    }
    Args.finite(name, a.data);
    return a.numRows;
  }
}
