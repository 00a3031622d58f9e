package dev.fathom.ssm;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import java.util.random.RandomGenerator;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * An eigendecomposition {@code A + E = V diag(lambda) V^{-1}} of a real matrix, with the numbers
 * that say whether to trust it: the condition number {@code kappa(V)} (unit-norm columns) and the
 * backward error {@code ||V Lambda V^{-1} - A||_2 / ||A||_2} against the <b>unperturbed</b> A.
 *
 * <p>{@link #naive} diagonalizes A itself; for HiPPO-LegS this is hopeless beyond N of about 16 (S4
 * Lemma 3.2: the eigenvector entries grow like {@code 2^(4N/3)}; kappa reaches 1e18 at N = 32 and
 * the backward error exceeds 1) although the eigenvalues {@code -1..-N} are exact. {@link
 * #perturbed} is perturb-then-diagonalize (S4-PTD, Yu et al. 2023): diagonalize {@code A + E} with
 * {@code ||E||_2 = epsilon ||A||_2}, so the backward error is about epsilon by construction while
 * kappa drops by many orders of magnitude. {@link #toSystem} turns the result into a diagonal SSM
 * with a stable spectrum.
 *
 * <p>Eigenvalues come from EJML's real eigensolver (or from the diagonal of a triangular matrix);
 * eigenvectors, which EJML does not return for complex eigenvalues, from two steps of inverse
 * iteration on the complex shifted matrix; conjugate eigenvalues get conjugate vectors. Within a
 * cluster of eigenvalues closer than {@code 1e-10 ||A||_F} the vectors are replaced by an
 * orthonormal basis of their span when that keeps every residual {@code ||A v - lambda v||} below
 * the old one or {@code 1e-14 ||A||_F}, so a normal matrix with repeated eigenvalues (HiPPO-FouD)
 * gets a unitary V and {@code kappa = 1}, while distinct eigenvalues and near-defective clusters
 * keep their vectors. A conjugate pair within that tolerance of the real axis (a real double
 * eigenvalue split by rounding) gets an orthonormal conjugate pair of vectors from a real basis of
 * the eigenspace, under the same residual rule. O(N^4) work (N solves of O(N^3)), intended for N up
 * to a few hundred.
 *
 * @since 1.0
 */
public final class Diagonalization {
  private final double[] eigenvalues;
  private final double[] v;
  private final double[] vInverse;
  private final double condition;
  private final double backwardError;
  private final double perturbation;

  /** Stores the parts. */
  Diagonalization(
      double[] eigenvalues,
      double[] v,
      double[] vInverse,
      double condition,
      double backwardError,
      double perturbation) {
    this.eigenvalues = eigenvalues;
    this.v = v;
    this.vInverse = vInverse;
    this.condition = condition;
    this.backwardError = backwardError;
    this.perturbation = perturbation;
  }

  /**
   * Returns eigenvalues: the N eigenvalues, interleaved, conjugate pairs adjacent (+Im first).
   *
   * @return eigenvalues
   */
  public double[] eigenvalues() {
    return eigenvalues;
  }

  /**
   * Returns v: the N x N eigenvector matrix (unit-norm columns), row-major interleaved.
   *
   * @return v
   */
  public double[] v() {
    return v;
  }

  /**
   * Returns vInverse: its inverse, row-major interleaved (NaN if V is numerically singular).
   *
   * @return vInverse
   */
  public double[] vInverse() {
    return vInverse;
  }

  /**
   * Returns condition: {@code kappa_2(V)}.
   *
   * @return condition
   */
  public double condition() {
    return condition;
  }

  /**
   * Returns backwardError: {@code ||V Lambda V^{-1} - A||_2 / ||A||_2} for the unperturbed A.
   *
   * @return backwardError
   */
  public double backwardError() {
    return backwardError;
  }

  /**
   * Returns perturbation: {@code ||E||_2 / ||A||_2} (0 for the naive decomposition).
   *
   * @return perturbation
   */
  public double perturbation() {
    return perturbation;
  }

  @Override
  public String toString() {
    return "Diagonalization["
        + "condition="
        + condition
        + ", "
        + "backwardError="
        + backwardError
        + ", "
        + "perturbation="
        + perturbation
        + "]";
  }

  /** How to keep a spectrum in the closed left half-plane. */
  public enum Stability {
    /** Keep eigenvalues as they are (Re &gt; 0 is an error in {@link #toSystem}). */
    NONE,
    /** {@code Re lambda <- -|Re lambda|} (S4-PTD). */
    REFLECT,
    /** {@code Re lambda <- min(Re lambda, -1e-4)} (S5's clip_eigs). */
    CLIP
  }

  /**
   * Diagonalizes A directly.
   *
   * @param a a real square finite matrix
   * @return the decomposition and its diagnostics
   */
  public static Diagonalization naive(DMatrixRMaj a) {
    return naive(a, true);
  }

  /** {@link #naive}, optionally without orthonormalizing clusters (to test that step). */
  static Diagonalization naive(DMatrixRMaj a, boolean clusters) {
    DenseSsm.checkSquare(a);
    return decompose(a, a, 0, clusters);
  }

  /**
   * Perturb-then-diagonalize with a random real Gaussian E scaled to {@code ||E||_2 = epsilon
   * ||A||_2}. A real E keeps conjugate pairs, so the result still describes a real system.
   *
   * @param a a real square finite matrix
   * @param epsilon the relative perturbation size, in (0, 1]
   * @param seed the seed of E ({@code perturbed(a, epsilon, Rng.create(seed))})
   * @return the decomposition of A + E, with diagnostics against A
   */
  public static Diagonalization perturbed(DMatrixRMaj a, double epsilon, long seed) {
    return perturbed(a, epsilon, Rng.create(seed));
  }

  /**
   * {@link #perturbed(DMatrixRMaj, double, long)} drawing E from a given generator.
   *
   * @param a a real square finite matrix
   * @param epsilon the relative perturbation size, in (0, 1]
   * @param rng the generator of E, advanced by N^2 Gaussian draws
   * @return the decomposition of A + E, with diagnostics against A
   */
  public static Diagonalization perturbed(DMatrixRMaj a, double epsilon, RandomGenerator rng) {
    int n = DenseSsm.checkSquare(a);
    Args.inRange("epsilon", epsilon, Double.MIN_NORMAL, 1);
    Args.notNull("rng", rng);
    DMatrixRMaj e = new DMatrixRMaj(n, n);
    Rng.gaussian(rng, e.data);
    CommonOps_DDRM.scale(epsilon * norm2(a) / norm2(e), e);
    return perturbed(a, e);
  }

  /**
   * Diagonalizes A + E for a given perturbation E.
   *
   * @param a a real square finite matrix
   * @param e the perturbation, same size, finite
   * @return the decomposition of A + E, with diagnostics against A
   */
  public static Diagonalization perturbed(DMatrixRMaj a, DMatrixRMaj e) {
    int n = DenseSsm.checkSquare(a);
    Args.notNull("e", e);
    if (e.numRows != n || e.numCols != n) {
      throw Args.fail("e", e.numRows + "x" + e.numCols, n + "x" + n + " like a");
    }
    Args.finite("e", e.data);
    DMatrixRMaj ae = a.copy();
    CommonOps_DDRM.addEquals(ae, e);
    return decompose(ae, a, norm2(e) / norm2(a), true);
  }

  /**
   * Perturb-then-diagonalize with the structured perturbation {@code E = fraction P P^T}, P the
   * low-rank factor of an NPLR form: {@code A + E = (A + P P^T) - (1 - fraction) P P^T} moves A the
   * given fraction of the way to its normal part (fraction 1 is the S4D normal part, 0 is A). Not
   * the PTD paper's optimized E: for HiPPO-LegS it trades a larger backward error for a much better
   * transfer function. Measured (N = 16..128, nearly independent of N): {@code kappa} about {@code
   * 1.8 / fraction}, {@code ||E||/||A||} about {@code 0.79 fraction}, every eigenvalue in {@code Re
   * < -0.6}, and a transfer-function error of about {@code 0.55 fraction} of {@code sup |G|} for C
   * = ones (0.6-1 fraction for Gaussian C), i.e. kappa 9.7 and error 0.1 at fraction 0.175, where
   * the paper's published N = 32 file has error 0.06 for C = ones but 0.3-2 for Gaussian C.
   *
   * @param nplr the NPLR form of A (for example {@link Hippo#nplr})
   * @param fraction the fraction, in (0, 1]
   * @return the decomposition of {@code A + fraction P P^T}, with diagnostics against A
   */
  public static Diagonalization towardNormal(Nplr nplr, double fraction) {
    Args.notNull("nplr", nplr);
    if (!(fraction > 0 && fraction <= 1)) {
      throw Args.fail("fraction", fraction, "a number in (0, 1]");
    }
    DMatrixRMaj e = new DMatrixRMaj(nplr.stateSize(), nplr.stateSize());
    CommonOps_DDRM.multTransB(fraction, nplr.p(), nplr.p(), e);
    return perturbed(nplr.a(), e);
  }

  /**
   * Returns the state size N.
   *
   * @return N
   */
  public int size() {
    return eigenvalues.length / 2;
  }

  /**
   * Whether the decomposition exists numerically: {@link Status#COMPLETED} when V could be inverted
   * (finite condition and backward error; their size says how far to trust it), {@link
   * Status#BREAKDOWN} when V is numerically singular, as for a defective matrix (the naive
   * HiPPO-LagT with its single eigenvector): then {@code vInverse} is NaN and {@link #toSystem}
   * refuses.
   *
   * @return the status
   */
  public Status status() {
    return Double.isFinite(condition) && Double.isFinite(backwardError)
        ? Status.COMPLETED
        : Status.BREAKDOWN;
  }

  /**
   * Builds a one-channel diagonal SSM (full storage, all N modes) from this decomposition: {@code A
   * = diag(lambda)} after the stability rule, {@code B~ = V^{-1} B}, {@code C~ = C^T V}. For {@link
   * Stability#NONE} an eigenvalue with {@code Re > 0} makes the system unstable, which is rejected.
   *
   * @param b the input vector in the original basis (N)
   * @param c the output vector in the original basis (N)
   * @param dt the timescale
   * @param stability how to treat {@code Re lambda > 0}
   * @return the system
   * @throws IllegalStateException if the {@link #status()} is {@link Status#BREAKDOWN}
   */
  public DiagonalSsm toSystem(double[] b, double[] c, double dt, Stability stability) {
    if (status() != Status.COMPLETED) {
      throw new IllegalStateException(
          "status = "
              + status()
              + ": V is numerically singular (condition = "
              + condition
              + "), so no diagonal system exists; perturb A first");
    }
    int n = size();
    Args.finite("b", Args.length("b", b, n));
    Args.finite("c", Args.length("c", c, n));
    Args.notNull("stability", stability);
    double[] lam = eigenvalues.clone();
    for (int k = 0; k < 2 * n; k += 2) {
      if (stability == Stability.REFLECT) {
        lam[k] = -Math.abs(lam[k]);
      } else if (stability == Stability.CLIP) {
        lam[k] = Math.min(lam[k], -1e-4);
      }
    }
    double[] bt = new double[2 * n];
    double[] ct = new double[2 * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        bt[2 * i] += vInverse[2 * (i * n + j)] * b[j];
        bt[2 * i + 1] += vInverse[2 * (i * n + j) + 1] * b[j];
        ct[2 * j] += c[i] * v[2 * (i * n + j)];
        ct[2 * j + 1] += c[i] * v[2 * (i * n + j) + 1];
      }
    }
    return DiagonalSsm.builder(DiagonalSsm.Storage.FULL)
        .a(lam)
        .b(bt)
        .c(ct)
        .dt(new double[] {dt})
        .build();
  }

  static double norm2(DMatrixRMaj a) {
    return CMatrix.real(a).norm2();
  }

  private static Diagonalization decompose(
      DMatrixRMaj ae, DMatrixRMaj a, double pert, boolean clusters) {
    int n = ae.numRows;
    double[] lam = eigenvalues(ae);
    CMatrix v = new CMatrix(n, n);
    RandomGenerator rng = Rng.create(n);
    double scale = Math.max(CMatrix.real(ae).normF(), Double.MIN_NORMAL);
    boolean[] copy = new boolean[n];
    for (int j = 0; j < n; j++) {
      double lr = lam[2 * j];
      double li = lam[2 * j + 1];
      if (li < 0 && j > 0 && lam[2 * j - 2] == lr && lam[2 * j - 1] == -li) {
        copy[j] = true;
        for (int i = 0; i < n; i++) {
          v.re.set(i, j, v.re.get(i, j - 1));
          v.im.set(i, j, -v.im.get(i, j - 1));
        }
        continue;
      }
      double[] x =
          lowerTriangular(ae) ? substitution(ae, j) : inverseIteration(ae, lr, li, scale, rng);
      for (int i = 0; i < n; i++) {
        v.re.set(i, j, x[2 * i]);
        v.im.set(i, j, x[2 * i + 1]);
      }
    }
    if (clusters) {
      EigenClusters.orthonormalize(ae, lam, v, copy, scale);
    }
    // a defective matrix (LagT: -1/2 N times, one eigenvector) overflows substitution to NaN
    double cond = finite(v) ? v.condition() : Double.POSITIVE_INFINITY;
    CMatrix inv = v.inverse();
    double back = Double.POSITIVE_INFINITY;
    double[] vinv = new double[2 * n * n];
    if (inv != null && Double.isFinite(cond)) {
      CMatrix rec = v.scaleColumns(lam).mult(inv).minus(CMatrix.real(a));
      back = rec.norm2() / norm2(a);
      flatten(inv, vinv);
    } else {
      java.util.Arrays.fill(vinv, Double.NaN);
    }
    double[] vf = new double[2 * n * n];
    flatten(v, vf);
    return new Diagonalization(
        lam, vf, vinv, cond, Double.isNaN(back) ? Double.POSITIVE_INFINITY : back, pert);
  }

  private static boolean finite(CMatrix m) {
    for (int k = 0; k < m.re.data.length; k++) {
      if (!Double.isFinite(m.re.data[k]) || !Double.isFinite(m.im.data[k])) {
        return false;
      }
    }
    return true;
  }

  private static void flatten(CMatrix m, double[] out) {
    int n = m.cols();
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < n; j++) {
        out[2 * (i * n + j)] = m.re.get(i, j);
        out[2 * (i * n + j) + 1] = m.im.get(i, j);
      }
    }
  }

  /** Eigenvalues, conjugate pairs adjacent with +Im first; the diagonal if triangular. */
  static double[] eigenvalues(DMatrixRMaj a) {
    int n = a.numRows;
    double[] lam = new double[2 * n];
    if (triangular(a)) {
      for (int i = 0; i < n; i++) {
        lam[2 * i] = a.get(i, i);
      }
      return lam;
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
    if (!eig.decompose(a.copy())) {
      throw new IllegalStateException("EJML eigenvalue computation failed");
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      Complex_F64 c = eig.getEigenvalue(i);
      if (c.imaginary < 0) {
        continue;
      }
      lam[2 * k] = c.real;
      lam[2 * k + 1] = c.imaginary;
      k++;
      if (c.imaginary > 0) {
        lam[2 * k] = c.real;
        lam[2 * k + 1] = -c.imaginary;
        k++;
      }
    }
    if (k != n) {
      throw new IllegalStateException("unpaired complex eigenvalues");
    }
    return lam;
  }

  private static boolean triangular(DMatrixRMaj a) {
    boolean lower = true;
    boolean upper = true;
    for (int i = 0; i < a.numRows; i++) {
      for (int j = 0; j < a.numCols; j++) {
        if (a.get(i, j) != 0) {
          lower &= j <= i;
          upper &= j >= i;
        }
      }
    }
    return lower || upper;
  }

  private static boolean lowerTriangular(DMatrixRMaj a) {
    for (int i = 0; i < a.numRows; i++) {
      for (int j = i + 1; j < a.numCols; j++) {
        if (a.get(i, j) != 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Eigenvector j of a lower-triangular matrix by forward substitution, as LAPACK's trevc does:
   * {@code v_i = 0} for {@code i < j}, {@code v_j = 1}, and {@code (a_ii - a_jj) v_i = -sum_k a_ik
   * v_k} below, which keeps every component to relative accuracy. A repeated diagonal entry gets a
   * zero divisor nudged to {@code 1e-300} (a defective matrix has no eigenbasis anyway).
   */
  private static double[] substitution(DMatrixRMaj a, int j) {
    int n = a.numRows;
    double lambda = a.get(j, j);
    double[] v = new double[n];
    v[j] = 1;
    for (int i = j + 1; i < n; i++) {
      double s = 0;
      for (int k = j; k < i; k++) {
        s += a.get(i, k) * v[k];
      }
      double d = a.get(i, i) - lambda;
      v[i] = -s / (d == 0 ? 1e-300 : d);
    }
    double norm = 0;
    for (double t : v) {
      norm = Math.hypot(norm, t);
    }
    double[] out = new double[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = v[i] / norm;
    }
    return out;
  }

  /** Two steps of inverse iteration with the shift lambda (1 + 1e-12) on the real embedding. */
  private static double[] inverseIteration(
      DMatrixRMaj a, double lr, double li, double scale, RandomGenerator rng) {
    int n = a.numRows;
    double shift = 1e-12 * scale;
    CMatrix m = CMatrix.real(a);
    for (int i = 0; i < n; i++) {
      m.re.add(i, i, -(lr + shift));
      m.im.set(i, i, -(li + shift));
    }
    Lu lu = new Lu(m.embedding());
    double[] x = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      x[i] = rng.nextGaussian();
    }
    for (int it = 0; it < 2; it++) {
      x = lu.solve(x);
      double s = 0;
      for (double t : x) {
        s += t * t;
      }
      s = Math.sqrt(s);
      for (int i = 0; i < x.length; i++) {
        x[i] /= s;
      }
    }
    double[] out = new double[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = x[i];
      out[2 * i + 1] = x[i + n];
    }
    return out;
  }

  /** Dense LU with partial pivoting that tolerates (replaces) zero pivots. */
  static final class Lu {
    private final double[] lu;
    private final int[] piv;
    private final int n;

    Lu(DMatrixRMaj a) {
      n = a.numRows;
      lu = a.data.clone();
      piv = new int[n];
      double tiny = 1e-300;
      for (int k = 0; k < n; k++) {
        int p = k;
        double best = Math.abs(lu[k * n + k]);
        for (int i = k + 1; i < n; i++) {
          double v = Math.abs(lu[i * n + k]);
          if (v > best) {
            best = v;
            p = i;
          }
        }
        piv[k] = p;
        if (p != k) {
          for (int j = 0; j < n; j++) {
            double t = lu[k * n + j];
            lu[k * n + j] = lu[p * n + j];
            lu[p * n + j] = t;
          }
        }
        if (lu[k * n + k] == 0) {
          lu[k * n + k] = tiny;
        }
        double d = lu[k * n + k];
        for (int i = k + 1; i < n; i++) {
          double f = lu[i * n + k] / d;
          lu[i * n + k] = f;
          if (f != 0) {
            for (int j = k + 1; j < n; j++) {
              lu[i * n + j] -= f * lu[k * n + j];
            }
          }
        }
      }
    }

    double[] solve(double[] b) {
      double[] x = b.clone();
      // rows were swapped whole during the factorization: permute b first, then substitute
      for (int k = 0; k < n; k++) {
        int p = piv[k];
        if (p != k) {
          double t = x[k];
          x[k] = x[p];
          x[p] = t;
        }
      }
      for (int k = 0; k < n; k++) {
        for (int i = k + 1; i < n; i++) {
          x[i] -= lu[i * n + k] * x[k];
        }
      }
      for (int i = n - 1; i >= 0; i--) {
        double s = x[i];
        for (int j = i + 1; j < n; j++) {
          s -= lu[i * n + j] * x[j];
        }
        x[i] = s / lu[i * n + i];
      }
      return x;
    }
  }
}
