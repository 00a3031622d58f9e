package dev.fathom.ssm;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * HiPPO transition matrices and their normal-plus-low-rank (NPLR) forms, exactly as the S4
 * reference code builds them (0-based indices, stable sign: the diagonal is negative).
 *
 * <p>With {@code r_n = sqrt(2n + 1)}:
 *
 * <ul>
 *   <li>LegS: {@code A[n][k] = -r_n r_k} (n &gt; k), {@code -(n + 1)} (n = k), 0 (n &lt; k); {@code
 *       B_n = r_n}; eigenvalues exactly {@code -1, ..., -N}.
 *   <li>LegT: {@code A[n][k] = -r_n r_k / 2} times 1 (n &ge; k) or {@code (-1)^(n-k)} (n &lt; k);
 *       {@code B_n = r_n / 2}.
 *   <li>LagT: {@code A = I/2 - tril(1)} ({@code -1} below, {@code -1/2} on the diagonal); {@code
 *       B_n = 1}.
 *   <li>FouT: {@code A = A0 - B B^T}, {@code A0} block diagonal with {@code A0[2k][2k+1] = -pi k},
 *       {@code A0[2k+1][2k] = pi k}; {@code B_0 = 1}, {@code B_2k = sqrt 2}, odd entries 0.
 *   <li>FouD: {@code A = 2 A0 - I/2} (normal), B as FouT; basis {@code e^{-t/2}} times Fourier.
 *   <li>fourier_decay: {@code A = A0 - B B^T / 2}, input {@code B / 2} (B of FouT).
 *   <li>GLagT(alpha, beta): {@code -(1 + beta)/2} on the diagonal, {@code -sqrt(rho_k / rho_n)}
 *       below, {@code rho_n = binom(n + alpha, n)}; see {@link #glagtTransition}.
 * </ul>
 *
 * <p>Each satisfies {@code A + P P^T = c I + S} with S skew-symmetric and P of rank 1 (LegS: {@code
 * P_n = sqrt(n + 1/2)}, c = -1/2; LagT: {@code P_n = sqrt(1/2)}; FouT: P = B) or 2 (LegT: {@code
 * r_n / sqrt 2} on odd and on even n). All methods are static and thread-safe.
 *
 * @since 1.0
 */
public final class Hippo {
  private Hippo() {}

  /** The HiPPO measures. */
  public enum Measure {
    /** Scaled Legendre (the S4 default). */
    LEGS,
    /** Translated Legendre (LMU up to normalisation), halved as in the reference code. */
    LEGT,
    /** Translated Laguerre with beta = 1. */
    LAGT,
    /** Translated Fourier. */
    FOUT,
    /**
     * Legendre memory unit (LegT up to normalisation): {@code A[n][k] = (2n+1) (-1)} if n &lt; k,
     * {@code (2n+1)(-1)^(n-k+1)} otherwise; {@code B_n = (2n+1)(-1)^n}. Not NPLR in the reference
     * code: {@link #lowRank} and {@link #nplr} reject it.
     */
    LMU,
    /**
     * S4D-LegS as a dense matrix, the normal part of LegS: {@code A_LegS + B B^T / 2} with input
     * {@code B_LegS / 2}; its low-rank factor is zero.
     */
    LEGSD,
    /**
     * Generalized (translated) Laguerre with the reference code's defaults {@code alpha = 0},
     * {@code beta = 0.01}; {@link #glagtTransition} and {@link #glagtInput} take other parameters.
     * Not NPLR in the reference code: {@link #lowRank} and {@link #nplr} reject it.
     */
    GLAGT,
    /**
     * Fourier with decay ({@code "foud"} / {@code "fourier_diag"} in the reference code): {@code A
     * = -I/2} plus 2 x 2 rotation blocks {@code A[2k][2k+1] = -2 pi k}, {@code A[2k+1][2k] = 2 pi
     * k}, B as FouT; its basis functions are {@code e^{-t/2}} times the Fourier basis. A is normal
     * (eigenvalues {@code -1/2 +- 2 pi i k}); its low-rank factor is zero.
     */
    FOUD,
    /**
     * FouT with half the rank correction ({@code "fourier_decay"} in the reference code): {@code A
     * = A0 - B B^T / 2} with FouT's A0 and B, input {@code B / 2}, low-rank factor {@code B / sqrt
     * 2}. As N grows its kernel tends to the Fourier basis damped by the staircase {@code
     * 3^-floor(t/2) / 3} and its eigenvalues to {@code -ln(3)/2 + i pi k}.
     */
    FOURIER_DECAY
  }

  /** The reference code's default GLagT order {@code alpha}. */
  public static final double GLAGT_DEFAULT_ALPHA = 0;

  /** The reference code's default GLagT tilt {@code beta}. */
  public static final double GLAGT_DEFAULT_BETA = 0.01;

  /**
   * Returns the transition matrix A.
   *
   * @param measure the measure
   * @param n the state size N, at least 1 (even for FouT)
   * @return a new N x N matrix
   */
  public static DMatrixRMaj transition(Measure measure, int n) {
    check(measure, n);
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    switch (measure) {
      case LEGS:
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < i; k++) {
            a.set(i, k, -r(i) * r(k));
          }
          a.set(i, i, -(i + 1));
        }
        break;
      case LEGT:
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < n; k++) {
            double sign = i >= k ? 1 : (((k - i) & 1) == 0 ? 1 : -1);
            a.set(i, k, -0.5 * r(i) * r(k) * sign);
          }
        }
        break;
      case LAGT:
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < i; k++) {
            a.set(i, k, -1);
          }
          a.set(i, i, -0.5);
        }
        break;
      case LMU:
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < n; k++) {
            double sign = i < k ? -1 : (((i - k + 1) & 1) == 0 ? 1 : -1);
            a.set(i, k, (2 * i + 1) * sign);
          }
        }
        break;
      case LEGSD:
        {
          DMatrixRMaj legs = transition(Measure.LEGS, n);
          for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
              a.set(i, k, legs.get(i, k) + 0.5 * r(i) * r(k));
            }
          }
          break;
        }
      case GLAGT:
        return glagtTransition(n, GLAGT_DEFAULT_ALPHA, GLAGT_DEFAULT_BETA);
      case FOUD:
        for (int k = 1; k < n / 2; k++) {
          a.set(2 * k, 2 * k + 1, -2 * Math.PI * k);
          a.set(2 * k + 1, 2 * k, 2 * Math.PI * k);
        }
        for (int i = 0; i < n; i++) {
          a.set(i, i, -0.5);
        }
        break;
      case FOUT:
      case FOURIER_DECAY:
        double[] b = input(Measure.FOUT, n);
        double correction = measure == Measure.FOUT ? 1 : 0.5;
        for (int k = 1; k < n / 2; k++) {
          a.set(2 * k, 2 * k + 1, -Math.PI * k);
          a.set(2 * k + 1, 2 * k, Math.PI * k);
        }
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < n; k++) {
            a.add(i, k, -correction * b[i] * b[k]);
          }
        }
        break;
      default:
        throw new AssertionError(measure);
    }
    return a;
  }

  /**
   * Returns the input vector B.
   *
   * @param measure the measure
   * @param n the state size N, at least 1 (even for FouT)
   * @return a new array of length N
   */
  public static double[] input(Measure measure, int n) {
    check(measure, n);
    if (measure == Measure.GLAGT) {
      return glagtInput(n, GLAGT_DEFAULT_ALPHA, GLAGT_DEFAULT_BETA);
    }
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      switch (measure) {
        case LEGS:
          b[i] = r(i);
          break;
        case LEGT:
          b[i] = 0.5 * r(i);
          break;
        case LAGT:
          b[i] = 1;
          break;
        case FOUT:
        case FOUD:
          b[i] = i == 0 ? 1 : ((i & 1) == 0 ? Math.sqrt(2) : 0);
          break;
        case FOURIER_DECAY:
          b[i] = i == 0 ? 0.5 : ((i & 1) == 0 ? Math.sqrt(0.5) : 0);
          break;
        case LMU:
          b[i] = (2 * i + 1) * ((i & 1) == 0 ? 1 : -1);
          break;
        case LEGSD:
          b[i] = 0.5 * r(i);
          break;
        default:
          throw new AssertionError(measure);
      }
    }
    return b;
  }

  /**
   * Returns the low-rank factor P (N x r) with {@code A + P P^T} normal.
   *
   * @param measure the measure
   * @param n the state size N, at least 1 (even for FouT)
   * @return a new N x r matrix, r = 2 for LegT and 1 otherwise (zero for LEGSD)
   */
  public static DMatrixRMaj lowRank(Measure measure, int n) {
    check(measure, n);
    if (measure == Measure.LMU || measure == Measure.GLAGT) {
      throw Args.fail(
          "measure",
          measure,
          "one with an NPLR form (LEGS, LEGT, LAGT, FOUT, LEGSD, FOUD, FOURIER_DECAY)");
    }
    int rank = measure == Measure.LEGT ? 2 : 1;
    DMatrixRMaj p = new DMatrixRMaj(n, rank);
    double[] b = measure == Measure.FOUT ? input(measure, n) : null;
    double[] half = measure == Measure.FOURIER_DECAY ? input(measure, n) : null;
    for (int i = 0; i < n; i++) {
      switch (measure) {
        case LEGS:
          p.set(i, 0, Math.sqrt(i + 0.5));
          break;
        case LEGT:
          p.set(i, (i & 1) == 1 ? 0 : 1, r(i) / Math.sqrt(2));
          break;
        case LAGT:
          p.set(i, 0, Math.sqrt(0.5));
          break;
        case FOUT:
          p.set(i, 0, b[i]);
          break;
        case FOURIER_DECAY:
          p.set(i, 0, Math.sqrt(2) * half[i]); // FouT's B / sqrt 2
          break;
        case LEGSD:
        case FOUD:
          break;
        default:
          throw new AssertionError(measure);
      }
    }
    return p;
  }

  /**
   * Returns the NPLR form: {@code A = V diag(Lambda) V^* + conj - P P^T} with a unitary eigenbasis
   * of the normal part, computed through the real symmetric embedding of its skew part, together
   * with its reconstruction diagnostics.
   *
   * @param measure the measure
   * @param n the state size N, even and at least 2
   * @return the decomposition
   */
  public static Nplr nplr(Measure measure, int n) {
    Args.notNull("measure", measure);
    if (n < 2 || (n & 1) != 0) {
      throw Args.fail("n", n, "an even state size >= 2 (conjugate pairs)");
    }
    DMatrixRMaj a = transition(measure, n);
    double[] b = input(measure, n);
    DMatrixRMaj p = lowRank(measure, n);
    DMatrixRMaj ap = a.copy();
    CommonOps_DDRM.multAddTransB(p, p, ap);
    double c = CommonOps_DDRM.trace(ap) / n;
    DMatrixRMaj s = new DMatrixRMaj(n, n);
    double symErr = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        s.set(i, k, 0.5 * (ap.get(i, k) - ap.get(k, i)));
        double sym = 0.5 * (ap.get(i, k) + ap.get(k, i)) - (i == k ? c : 0);
        symErr += sym * sym;
      }
    }
    SkewEigen.Half half = SkewEigen.negativeHalf(s);
    CMatrix v = half.vectors();
    int m = n / 2;
    double[] lambda = new double[2 * m];
    for (int j = 0; j < m; j++) {
      lambda[2 * j] = c;
      lambda[2 * j + 1] = half.omega()[j];
    }
    CMatrix vh = v.adjoint();
    double[] bt = vh.times(toComplex(b));
    int rank = p.numCols;
    double[] pt = new double[2 * rank * m];
    for (int q = 0; q < rank; q++) {
      double[] col = new double[n];
      for (int i = 0; i < n; i++) {
        col[i] = p.get(i, q);
      }
      System.arraycopy(vh.times(toComplex(col)), 0, pt, 2 * q * m, 2 * m);
    }
    // diagnostics: reconstruction of A and unitarity of [V, conj V]
    CMatrix vl = v.scaleColumns(lambda).mult(vh);
    DMatrixRMaj rec = vl.re.copy();
    CommonOps_DDRM.scale(2, rec);
    CommonOps_DDRM.multAddTransB(-1, p, p, rec);
    double recErr = normFDiff(rec, a);
    CMatrix gram = vh.mult(v);
    CMatrix vt =
        new CMatrix(CommonOps_DDRM.transpose(v.re, null), CommonOps_DDRM.transpose(v.im, null));
    CMatrix cross = vt.mult(v);
    double unit = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double dr = gram.re.get(i, j) - (i == j ? 1 : 0);
        unit = Math.max(unit, Math.hypot(dr, gram.im.get(i, j)));
        unit = Math.max(unit, Math.hypot(cross.re.get(i, j), cross.im.get(i, j)));
      }
    }
    double[] vFlat = new double[2 * n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        vFlat[2 * (i * m + j)] = v.re.get(i, j);
        vFlat[2 * (i * m + j) + 1] = v.im.get(i, j);
      }
    }
    return new Nplr(measure, a, b, p, lambda, vFlat, pt, bt, Math.sqrt(symErr), recErr, unit);
  }

  /**
   * The generalized (translated) Laguerre transition matrix of the reference code: with {@code
   * rho_n = binom(n + alpha, n) = prod_{j<=n} (j + alpha) / j}, {@code A[n][k] = -(1 + beta)/2} (n
   * = k), {@code -sqrt(rho_k / rho_n)} (n &gt; k), 0 (n &lt; k). It is {@code D^-1 A0 D} with
   * {@code A0 = -(1 + beta)/2 I - (strictly lower triangular ones)} and {@code D =
   * diag(sqrt(Gamma(n + alpha + 1) / n!))}; its basis functions are {@code e^{tA} B = c e^{-(1 +
   * beta) t / 2} p_n(t)}, with {@code p_n} the generalized Laguerre polynomials {@code L_n^(alpha)}
   * normalized to be orthonormal for the weight {@code t^alpha e^{-t}} and the constant c of {@link
   * #glagtInput}. With {@code alpha = 0} it is {@link Measure#LAGT}'s matrix shifted by {@code
   * -beta/2} (and B is {@code sqrt(beta)} times LagT's), so LagT is the limit beta to 0 up to the
   * scale of B (the reference code's comment); {@code alpha = 0, beta = 1} gives {@code A =
   * -tril(1)}.
   *
   * @param n the state size N, at least 1
   * @param alpha the Laguerre order, in (-1, 1)
   * @param beta the tilt, finite and positive
   * @return a new N x N matrix
   */
  public static DMatrixRMaj glagtTransition(int n, double alpha, double beta) {
    double[] rho = glagtRho(n, alpha, beta);
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < i; k++) {
        a.set(i, k, -Math.sqrt(rho[k] / rho[i]));
      }
      a.set(i, i, -0.5 * (1 + beta));
    }
    return a;
  }

  /**
   * The generalized (translated) Laguerre input vector of the reference code: {@code B_n = c
   * sqrt(rho_n)} with {@code rho_n = binom(n + alpha, n)} and {@code c = beta^((1 - alpha)/2) /
   * sqrt(Gamma(1 + alpha) Gamma(1 - alpha)) = beta^((1 - alpha)/2) sqrt(sin(pi alpha) / (pi
   * alpha))} (1 at alpha = 0). The factor {@code Gamma(1 - alpha)} is the reference code's; it
   * vanishes as alpha tends to 1, hence the range of alpha.
   *
   * @param n the state size N, at least 1
   * @param alpha the Laguerre order, in (-1, 1)
   * @param beta the tilt, finite and positive
   * @return a new array of length N
   */
  public static double[] glagtInput(int n, double alpha, double beta) {
    double[] rho = glagtRho(n, alpha, beta);
    double pa = Math.PI * alpha;
    double c = Math.pow(beta, 0.5 * (1 - alpha)) * Math.sqrt(alpha == 0 ? 1 : Math.sin(pa) / pa);
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = c * Math.sqrt(rho[i]);
    }
    return b;
  }

  /** {@code rho_n = binom(n + alpha, n)}, after validating the GLagT parameters. */
  private static double[] glagtRho(int n, double alpha, double beta) {
    Args.positive("n", n);
    Args.inOpenRange("alpha", alpha, -1, 1);
    Args.positive("beta", beta);
    Args.size("n * n", (long) n * n);
    double[] rho = new double[n];
    rho[0] = 1;
    for (int i = 1; i < n; i++) {
      rho[i] = rho[i - 1] * (i + alpha) / i;
    }
    return rho;
  }

  static double[] toComplex(double[] x) {
    double[] z = new double[2 * x.length];
    for (int i = 0; i < x.length; i++) {
      z[2 * i] = x[i];
    }
    return z;
  }

  static double normFDiff(DMatrixRMaj x, DMatrixRMaj y) {
    double s = 0;
    for (int k = 0; k < x.data.length; k++) {
      double d = x.data[k] - y.data[k];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  private static double r(int n) {
    return Math.sqrt(2.0 * n + 1);
  }

  private static void check(Measure measure, int n) {
    Args.notNull("measure", measure);
    Args.positive("n", n);
    Args.size("n * n", (long) n * n);
    if ((measure == Measure.FOUT || measure == Measure.FOUD || measure == Measure.FOURIER_DECAY)
        && (n & 1) != 0) {
      throw Args.fail("n", n, "an even state size for " + measure);
    }
  }
}
