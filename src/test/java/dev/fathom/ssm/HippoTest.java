package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Vectors;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HippoTest {

  @Test
  void legsEntriesMatchClosedForm() {
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, 5);
    assertEquals(-Math.sqrt(5) * Math.sqrt(3), a.get(2, 1), 1e-15);
    assertEquals(-3, a.get(2, 2), 0);
    assertEquals(0, a.get(1, 2), 0);
    assertEquals(3, Hippo.input(Hippo.Measure.LEGS, 5)[4], 1e-15);
    // T M T^-1 form of the reference code: M[n][k] = -(2k+1) below the diagonal
    for (int n = 0; n < 5; n++) {
      for (int k = 0; k < n; k++) {
        double m = -(2 * k + 1);
        assertEquals(Math.sqrt(2 * n + 1) * m / Math.sqrt(2 * k + 1), a.get(n, k), 1e-13);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Hippo.Measure.class,
      names = {"LMU", "GLAGT"},
      mode = EnumSource.Mode.EXCLUDE)
  void lowRankCorrectionLeavesScaledIdentityPlusSkew(Hippo.Measure m) {
    int n = 24;
    DMatrixRMaj ap = Hippo.transition(m, n);
    CommonOps_DDRM.multAddTransB(Hippo.lowRank(m, n), Hippo.lowRank(m, n), ap);
    double c =
        m == Hippo.Measure.LEGS || m == Hippo.Measure.LEGSD || m == Hippo.Measure.FOUD ? -0.5 : 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double sym = 0.5 * (ap.get(i, k) + ap.get(k, i)) - (i == k ? c : 0);
        assertEquals(0, sym, 1e-14 * n, m + " (" + i + "," + k + ")");
      }
    }
    // normal: M M^T = M^T M
    DMatrixRMaj mmt = new DMatrixRMaj(n, n);
    DMatrixRMaj mtm = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(ap, ap, mmt);
    CommonOps_DDRM.multTransA(ap, ap, mtm);
    assertTrue(Hippo.normFDiff(mmt, mtm) <= 1e-10, m.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 64, 256})
  void legsNplrReconstructsAndIsUnitary(int n) {
    Nplr d = Hippo.nplr(Hippo.Measure.LEGS, n);
    assertTrue(d.unitarityError() <= 1e-12, "unitarity " + d.unitarityError());
    assertTrue(d.reconstructionError() <= 1e-10, "reconstruction " + d.reconstructionError());
    assertEquals(0, d.symmetricPartError(), 1e-15 * org.ejml.dense.row.NormOps_DDRM.normF(d.a()));
    // independent check: rebuild A entry-wise from the returned arrays
    DMatrixRMaj rebuilt = rebuild(d);
    assertTrue(Hippo.normFDiff(rebuilt, d.a()) <= 1e-10);
    for (int j = 0; j < n / 2; j++) {
      assertEquals(-0.5, d.lambda()[2 * j], 1e-14);
      assertTrue(d.lambda()[2 * j + 1] <= 0);
    }
  }

  @Test
  void lagtSpectrumMatchesCotangentClosedForm() {
    // A + P P^T = S with S[n][k] = sign(k - n) / 2, whose eigenvalues are (i/2) cot((2k-1) pi/(2N))
    int n = 20;
    Nplr d = Hippo.nplr(Hippo.Measure.LAGT, n);
    double[] expected = new double[n];
    for (int k = 1; k <= n; k++) {
      expected[k - 1] = 0.5 / Math.tan((2 * k - 1) * Math.PI / (2 * n));
    }
    Arrays.sort(expected);
    for (int j = 0; j < n / 2; j++) {
      assertEquals(expected[j], d.lambda()[2 * j + 1], 1e-11);
      assertEquals(0, d.lambda()[2 * j], 1e-15);
    }
    assertTrue(d.reconstructionError() <= 1e-11);
  }

  @Test
  void foutSpectrumIsMultiplesOfPiWithAZeroPair() {
    int n = 16;
    Nplr d = Hippo.nplr(Hippo.Measure.FOUT, n);
    double[] expected = new double[n / 2];
    for (int k = 1; k < n / 2; k++) {
      expected[k - 1] = -Math.PI * (n / 2 - k);
    }
    expected[n / 2 - 1] = 0;
    for (int j = 0; j < n / 2; j++) {
      assertEquals(expected[j], d.lambda()[2 * j + 1], 1e-12);
    }
    assertTrue(d.unitarityError() <= 1e-12, "unitarity " + d.unitarityError());
    assertTrue(Hippo.normFDiff(rebuild(d), d.a()) <= 1e-11);
  }

  @Test
  void legtRankTwoReconstructs() {
    Nplr d = Hippo.nplr(Hippo.Measure.LEGT, 32);
    assertEquals(2, d.rank());
    assertTrue(Hippo.normFDiff(rebuild(d), d.a()) <= 1e-10);
    assertTrue(d.unitarityError() <= 1e-12);
  }

  @Test
  void lmuEntriesAndLegsdIsTheNormalPartOfLegs() {
    DMatrixRMaj lmu = Hippo.transition(Hippo.Measure.LMU, 4);
    assertEquals(-1, lmu.get(0, 3), 0); // (2*0+1) * -1 above the diagonal
    assertEquals(-3, lmu.get(1, 1), 0); // (-1)^(0+1) on the diagonal
    assertEquals(5, lmu.get(2, 1), 0); // (2*2+1) * (-1)^2
    assertEquals(-7, Hippo.input(Hippo.Measure.LMU, 4)[3], 0);
    assertThrows(IllegalArgumentException.class, () -> Hippo.nplr(Hippo.Measure.LMU, 4));
    // LEGSD = LegS + P P^T; its NPLR has the same spectrum as LegS's normal part
    Nplr d = Hippo.nplr(Hippo.Measure.LEGSD, 16);
    Nplr legs = Hippo.nplr(Hippo.Measure.LEGS, 16);
    for (int k = 0; k < d.lambda().length; k++) {
      assertEquals(legs.lambda()[k], d.lambda()[k], 1e-12);
    }
    assertTrue(Hippo.normFDiff(rebuild(d), d.a()) <= 1e-11);
  }

  @Test
  void badInput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Hippo.nplr(Hippo.Measure.LEGS, 7));
    assertTrue(e.getMessage().startsWith("n = 7: expected"));
    assertThrows(IllegalArgumentException.class, () -> Hippo.transition(Hippo.Measure.FOUT, 5));
    assertThrows(IllegalArgumentException.class, () -> Hippo.transition(Hippo.Measure.LEGS, 0));
    assertThrows(NullPointerException.class, () -> Hippo.input(null, 4));
    assertThrows(IllegalArgumentException.class, () -> Hippo.transition(Hippo.Measure.FOUD, 5));
    assertThrows(
        IllegalArgumentException.class, () -> Hippo.transition(Hippo.Measure.FOURIER_DECAY, 7));
    assertThrows(IllegalArgumentException.class, () -> Hippo.nplr(Hippo.Measure.GLAGT, 4));
    IllegalArgumentException a =
        assertThrows(IllegalArgumentException.class, () -> Hippo.glagtTransition(4, 1, 0.5));
    assertTrue(a.getMessage().startsWith("alpha = 1.0: expected"), a.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Hippo.glagtInput(4, -1, 0.5));
    IllegalArgumentException b =
        assertThrows(IllegalArgumentException.class, () -> Hippo.glagtInput(4, 0, 0));
    assertTrue(b.getMessage().startsWith("beta = 0.0: expected"), b.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Hippo.glagtInput(4, 0, Double.POSITIVE_INFINITY));
  }

  @Test
  void glagtWithAlphaZeroIsShiftedLagtExactly() {
    // alpha = 0: A = A_LagT - (beta/2) I and B = sqrt(beta) B_LagT, entry for entry
    int n = 12;
    DMatrixRMaj l = Hippo.transition(Hippo.Measure.LAGT, n);
    double[] lb = Hippo.input(Hippo.Measure.LAGT, n);
    for (double beta : new double[] {0.01, 0.5, 1, 3}) {
      DMatrixRMaj g = Hippo.glagtTransition(n, 0, beta);
      double[] gb = Hippo.glagtInput(n, 0, beta);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          assertEquals(l.get(i, k) - (i == k ? beta / 2 : 0), g.get(i, k), 0);
        }
        assertEquals(Math.sqrt(beta) * lb[i], gb[i], 1e-16);
      }
    }
    // beta = 1: the reference's "A = [lower triangular 1]"
    DMatrixRMaj one = Hippo.glagtTransition(n, 0, 1);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        assertEquals(k <= i ? -1 : 0, one.get(i, k), 0);
      }
    }
    // the enum constant carries the reference defaults alpha = 0, beta = 0.01
    assertEquals(
        0,
        Hippo.normFDiff(
            Hippo.glagtTransition(n, 0, 0.01), Hippo.transition(Hippo.Measure.GLAGT, n)),
        0);
    assertEquals(Math.sqrt(0.01), Hippo.input(Hippo.Measure.GLAGT, n)[n - 1], 1e-15);
  }

  @Test
  void glagtEntriesMatchTheGammaFunctionForm() {
    // A = D^-1 A0 D, B = D^-1 binom(alpha + n, n) Gamma(1 - alpha)^-1/2 beta^((1 - alpha)/2),
    // D = diag(sqrt(Gamma(n + alpha + 1) / n!)), written with a Lanczos Gamma (not the library's
    // product form)
    int n = 9;
    for (double alpha : new double[] {-0.6, 0.3, 0.85}) {
      double beta = 0.2;
      DMatrixRMaj a = Hippo.glagtTransition(n, alpha, beta);
      double[] b = Hippo.glagtInput(n, alpha, beta);
      for (int i = 0; i < n; i++) {
        double li = Math.sqrt(gamma(i + alpha + 1) / gamma(i + 1));
        for (int k = 0; k < n; k++) {
          double a0 = i == k ? -(1 + beta) / 2 : (k < i ? -1 : 0);
          double lk = Math.sqrt(gamma(k + alpha + 1) / gamma(k + 1));
          assertEquals(a0 * lk / li, a.get(i, k), 1e-13, "alpha " + alpha);
        }
        double binom = gamma(i + alpha + 1) / (gamma(i + 1) * gamma(alpha + 1));
        double expected =
            binom / li / Math.sqrt(gamma(1 - alpha)) * Math.pow(beta, (1 - alpha) / 2);
        assertEquals(expected, b[i], 1e-13 * Math.abs(expected), "alpha " + alpha);
      }
    }
  }

  @Test
  void glagtBasisFunctionsAreTiltedOrthonormalLaguerre() {
    // e^{tA} B = kappa e^{-(1+beta) t/2} p_n(t), p_n orthonormal for t^alpha e^{-t}
    int n = 10;
    double[][] params = {{0, 0.01}, {-0.5, 0.3}, {0.5, 1}, {0.7, 0.05}};
    for (double[] ab : params) {
      double alpha = ab[0];
      double beta = ab[1];
      DMatrixRMaj a = Hippo.glagtTransition(n, alpha, beta);
      double[] b = Hippo.glagtInput(n, alpha, beta);
      for (double t : new double[] {0.25, 1, 3, 7}) {
        double[] got = basis(a, b, t);
        double[] want = glagtKernel(n, alpha, beta, t);
        double scale =
            Math.max(
                1e-300,
                org.ejml.dense.row.NormOps_DDRM.normPInf(new DMatrixRMaj(n, 1, true, want)));
        for (int i = 0; i < n; i++) {
          assertEquals(want[i], got[i], 1e-11 * scale, "alpha " + alpha + " t " + t + " n " + i);
        }
      }
      // the polynomials of the reference are orthonormal for the weight t^alpha e^{-t}:
      // t = v^2 makes the integrand 2 v^(2 alpha + 1) e^{-v^2} p_m p_n smooth on [0, 9]
      int m = 6000;
      double h = 9.0 / m;
      double[][] gram = new double[n][n];
      for (int j = 0; j <= m; j++) {
        double v = j * h;
        double w = (j == 0 || j == m ? 1 : (j % 2 == 1 ? 4 : 2)) * h / 3;
        double[] p = laguerreOrthonormal(n, alpha, v * v);
        double weight = 2 * Math.pow(v, 2 * alpha + 1) * Math.exp(-v * v);
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < n; k++) {
            gram[i][k] += w * weight * p[i] * p[k];
          }
        }
      }
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          assertEquals(i == k ? 1 : 0, gram[i][k], 1e-9, "alpha " + alpha);
        }
      }
    }
  }

  @Test
  void glagtOdeReproducesQuadratureCoefficients() {
    // x(T) of x' = A x + B u equals int_0^T kernel(tau) u(T - tau) dtau by Simpson quadrature
    int n = 10;
    double horizon = 4;
    for (double[] ab : new double[][] {{0, 0.01}, {0.4, 0.5}, {-0.3, 2}}) {
      DMatrixRMaj a = Hippo.glagtTransition(n, ab[0], ab[1]);
      double[] b = Hippo.glagtInput(n, ab[0], ab[1]);
      double[] ode = odeState(a, b, horizon);
      double[] quad = quadrature(n, horizon, t -> glagtKernel(n, ab[0], ab[1], t));
      assertTrue(Vectors.relativeMaxError(ode, quad) <= 1e-9, Arrays.toString(ab));
    }
  }

  @Test
  void foudBasisIsDampedFourierAndItsOdeMatchesQuadrature() {
    int n = 10;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.FOUD, n);
    double[] b = Hippo.input(Hippo.Measure.FOUD, n);
    for (double t : new double[] {0.1, 0.37, 1, 2.5}) {
      double[] got = basis(a, b, t);
      double[] want = foudKernel(n, t);
      for (int i = 0; i < n; i++) {
        assertEquals(want[i], got[i], 1e-12, "t " + t + " n " + i);
      }
    }
    double[] ode = odeState(a, b, 3);
    double[] quad = quadrature(n, 3, t -> foudKernel(n, t));
    assertTrue(Vectors.relativeMaxError(ode, quad) <= 1e-8);
    // normal: eigenvalues -1/2 + i w with w = -2 pi k (and a zero pair), V unitary
    Nplr d = Hippo.nplr(Hippo.Measure.FOUD, n);
    for (int j = 0; j < n / 2; j++) {
      assertEquals(-0.5, d.lambda()[2 * j], 1e-14);
      double expected = j < n / 2 - 1 ? -2 * Math.PI * (n / 2 - 1 - j) : 0;
      assertEquals(expected, d.lambda()[2 * j + 1], 1e-12);
    }
    assertTrue(d.unitarityError() <= 1e-12);
    assertTrue(Hippo.normFDiff(rebuild(d), d.a()) <= 1e-11);
  }

  @Test
  void fourierDecayIsFoutWithHalfTheCorrection() {
    HippoDelayPadeTest.assertHalfCorrection(
        Hippo.Measure.FOUT, Hippo.Measure.FOURIER_DECAY, 12, 1e-15);
  }

  @Test
  void fourierDecaySpectrumTendsToLogThreeOverTwo() {
    // with h_N(s) = B^T (s - A0)^-1 B -> coth(s), the poles solve 1 + coth(s) / 2 = 0, i.e.
    // e^{2s} = 1/3: s = -ln(3)/2 + i pi k; the distance shrinks like 1/N
    double[] err = new double[2];
    int[] sizes = {64, 128};
    for (int q = 0; q < 2; q++) {
      DMatrixRMaj a = Hippo.transition(Hippo.Measure.FOURIER_DECAY, sizes[q]);
      org.ejml.interfaces.decomposition.EigenDecomposition_F64<DMatrixRMaj> eig =
          org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(sizes[q], false);
      assertTrue(eig.decompose(a.copy()));
      for (int k = 0; k <= 5; k++) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < sizes[q]; j++) {
          org.ejml.data.Complex_F64 z = eig.getEigenvalue(j);
          best = Math.min(best, Math.hypot(z.real + Math.log(3) / 2, z.imaginary - Math.PI * k));
        }
        err[q] = Math.max(err[q], best);
      }
    }
    assertTrue(err[0] < 0.04 && err[1] < 0.02, Arrays.toString(err));
    assertEquals(2, err[0] / err[1], 0.2);
  }

  @Test
  void fourierDecayKernelTendsWeaklyToTheStaircaseDampedBasis() {
    // state 0 of e^{tA} B against 3^-floor(t/2) / 3: jumps of 2/9 at t = 2 stay (Gibbs), but the
    // integral against a smooth bump converges
    int n = 128;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.FOURIER_DECAY, n);
    double h = 0.002;
    int steps = 4000;
    DMatrixRMaj ha = a.copy();
    CommonOps_DDRM.scale(h, ha);
    DMatrixRMaj step = DenseSsm.expm(ha);
    DMatrixRMaj x = new DMatrixRMaj(n, 1, true, Hippo.input(Hippo.Measure.FOURIER_DECAY, n));
    DMatrixRMaj next = new DMatrixRMaj(n, 1);
    double weak = 0;
    double pointwise = 0;
    for (int k = 0; k <= steps; k++) {
      double t = k * h;
      double limit = Math.pow(3, -Math.floor(t / 2)) / 3;
      double w = (k == 0 || k == steps) ? h / 2 : h;
      weak += w * Math.exp(-(t - 3) * (t - 3)) * (x.get(0, 0) - limit);
      pointwise = Math.max(pointwise, Math.abs(x.get(0, 0) - limit));
      CommonOps_DDRM.mult(step, x, next);
      x.setTo(next);
    }
    assertTrue(Math.abs(weak) < 2e-4, "weak " + weak);
    assertTrue(pointwise > 0.1, "pointwise " + pointwise);
  }

  /** e^{-t/2} (1, 0, sqrt 2 cos 2 pi k t, sqrt 2 sin 2 pi k t, ...). */
  private static double[] foudKernel(int n, double t) {
    double[] k = new double[n];
    double e = Math.exp(-t / 2);
    k[0] = e;
    for (int j = 1; j < n / 2; j++) {
      k[2 * j] = Math.sqrt(2) * e * Math.cos(2 * Math.PI * j * t);
      k[2 * j + 1] = Math.sqrt(2) * e * Math.sin(2 * Math.PI * j * t);
    }
    return k;
  }

  /** Gamma(1 - alpha)^-1/2 beta^((1 - alpha)/2) e^{-(1 + beta) t/2} p_n(t). */
  private static double[] glagtKernel(int n, double alpha, double beta, double t) {
    double[] p = laguerreOrthonormal(n, alpha, t);
    double c = Math.pow(beta, (1 - alpha) / 2) / Math.sqrt(gamma(1 - alpha));
    for (int i = 0; i < n; i++) {
      p[i] *= c * Math.exp(-(1 + beta) * t / 2);
    }
    return p;
  }

  /** L_n^(alpha)(t) by the three-term recurrence, divided by sqrt(Gamma(n + alpha + 1) / n!). */
  private static double[] laguerreOrthonormal(int n, double alpha, double t) {
    double[] l = new double[n];
    l[0] = 1;
    if (n > 1) {
      l[1] = 1 + alpha - t;
    }
    for (int k = 1; k + 1 < n; k++) {
      l[k + 1] = ((2 * k + 1 + alpha - t) * l[k] - (k + alpha) * l[k - 1]) / (k + 1);
    }
    for (int k = 0; k < n; k++) {
      l[k] /= Math.sqrt(gamma(k + alpha + 1) / gamma(k + 1));
    }
    return l;
  }

  /** Lanczos approximation (g = 7, 9 terms), relative error about 1e-15 for x &gt; 0. */
  private static double gamma(double x) {
    double[] c = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    if (x < 0.5) {
      return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
    }
    x -= 1;
    double s = c[0];
    for (int i = 1; i < 9; i++) {
      s += c[i] / (x + i);
    }
    double t = x + 7.5;
    return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * s;
  }

  /** e^{tA} B by the dense matrix exponential. */
  private static double[] basis(DMatrixRMaj a, double[] b, double t) {
    DMatrixRMaj ta = a.copy();
    CommonOps_DDRM.scale(t, ta);
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, 1);
    CommonOps_DDRM.mult(DenseSsm.expm(ta), new DMatrixRMaj(b.length, 1, true, b), out);
    return out.data;
  }

  /** The test input u(s) = sin 2s + cos(0.7 s) / 2 + 0.3. */
  private static double input(double s) {
    return Math.sin(2 * s) + 0.5 * Math.cos(0.7 * s) + 0.3;
  }

  /**
   * x(T) for x' = A x + B u, x(0) = 0, exactly: u is the output of the oscillators w' = M w, so x
   * is a block of expm(T [[A, B u^T], [0, M]]) [0; w(0)].
   */
  private static double[] odeState(DMatrixRMaj a, double[] b, double horizon) {
    int n = a.numRows;
    DMatrixRMaj z = new DMatrixRMaj(n + 5, n + 5);
    CommonOps_DDRM.insert(a, z, 0, 0);
    double[] out = {1, 0, 0, 0.5, 0.3}; // u = w0 + 0.5 w3 + 0.3 w4, w = (sin 2s, cos 2s, ...)
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 5; j++) {
        z.set(i, n + j, b[i] * out[j]);
      }
    }
    z.set(n, n + 1, 2);
    z.set(n + 1, n, -2);
    z.set(n + 2, n + 3, 0.7);
    z.set(n + 3, n + 2, -0.7);
    CommonOps_DDRM.scale(horizon, z);
    DMatrixRMaj w0 = new DMatrixRMaj(n + 5, 1);
    w0.set(n + 1, 0, 1);
    w0.set(n + 3, 0, 1);
    w0.set(n + 4, 0, 1);
    DMatrixRMaj x = new DMatrixRMaj(n + 5, 1);
    CommonOps_DDRM.mult(DenseSsm.expm(z), w0, x);
    return Arrays.copyOf(x.data, n);
  }

  /** int_0^T kernel(tau) u(T - tau) dtau by composite Simpson with 8000 intervals. */
  private static double[] quadrature(
      int n, double horizon, java.util.function.DoubleFunction<double[]> kernel) {
    int m = 8000;
    double h = horizon / m;
    double[] sum = new double[n];
    for (int j = 0; j <= m; j++) {
      double tau = j * h;
      double w = (j == 0 || j == m ? 1 : (j % 2 == 1 ? 4 : 2)) * h / 3 * input(horizon - tau);
      double[] k = kernel.apply(tau);
      for (int i = 0; i < n; i++) {
        sum[i] += w * k[i];
      }
    }
    return sum;
  }

  /** 2 Re(V diag(lambda) V^*) - P P^T from the record's arrays. */
  static DMatrixRMaj rebuild(Nplr d) {
    int n = d.stateSize();
    int m = n / 2;
    double[] v = d.v();
    double[] l = d.lambda();
    DMatrixRMaj out = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double s = 0;
        for (int j = 0; j < m; j++) {
          double ar = v[2 * (i * m + j)];
          double ai = v[2 * (i * m + j) + 1];
          double br = v[2 * (k * m + j)];
          double bi = -v[2 * (k * m + j) + 1];
          double pr = ar * l[2 * j] - ai * l[2 * j + 1];
          double pi = ar * l[2 * j + 1] + ai * l[2 * j];
          s += pr * br - pi * bi;
        }
        double pp = 0;
        for (int q = 0; q < d.rank(); q++) {
          pp += d.p().get(i, q) * d.p().get(k, q);
        }
        out.set(i, k, 2 * s - pp);
      }
    }
    return out;
  }
}
