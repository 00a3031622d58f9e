package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Orthonormal eigenvectors for repeated eigenvalues, through {@link Diagonalization}. */
class EigenClustersTest {

  /** max_k ||A v_k - lambda_k v_k|| / ||A||_F, computed entry by entry from the record. */
  static double residual(DMatrixRMaj a, Diagonalization d) {
    int n = d.size();
    double[] v = d.v();
    double[] l = d.eigenvalues();
    double worst = 0;
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        double re = -(l[2 * k] * v[2 * (i * n + k)] - l[2 * k + 1] * v[2 * (i * n + k) + 1]);
        double im = -(l[2 * k] * v[2 * (i * n + k) + 1] + l[2 * k + 1] * v[2 * (i * n + k)]);
        for (int j = 0; j < n; j++) {
          re += a.get(i, j) * v[2 * (j * n + k)];
          im += a.get(i, j) * v[2 * (j * n + k) + 1];
        }
        s += re * re + im * im;
      }
      worst = Math.max(worst, Math.sqrt(s));
    }
    return worst / NormOps_DDRM.normF(a);
  }

  /** max |(V* V - I)_ij|: zero for a unitary V. */
  static double unitarity(Diagonalization d) {
    int n = d.size();
    double[] v = d.v();
    double worst = 0;
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < n; q++) {
        double re = p == q ? -1 : 0;
        double im = 0;
        for (int i = 0; i < n; i++) {
          double ar = v[2 * (i * n + p)];
          double ai = v[2 * (i * n + p) + 1];
          double br = v[2 * (i * n + q)];
          double bi = v[2 * (i * n + q) + 1];
          re += ar * br + ai * bi;
          im += ar * bi - ai * br;
        }
        worst = Math.max(worst, Math.hypot(re, im));
      }
    }
    return worst;
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6, 10, 16, 64})
  void foudIsNormalSoItsEigenbasisIsUnitary(int n) {
    // FouD = -I/2 + rotation blocks: normal, with -1/2 twice (block k = 0) and -1/2 +- 2 pi k i
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.FOUD, n);
    Diagonalization d = Diagonalization.naive(a);
    assertEquals(1, d.condition(), 1e-12);
    assertTrue(unitarity(d) <= 1e-12, "V*V - I: " + unitarity(d));
    assertTrue(residual(a, d) <= 1e-15, "residual " + residual(a, d));
    assertTrue(d.backwardError() <= 1e-14, "backward " + d.backwardError());
    int atHalf = 0;
    for (int k = 0; k < n; k++) {
      double re = d.eigenvalues()[2 * k];
      double im = d.eigenvalues()[2 * k + 1];
      assertEquals(-0.5, re, 1e-12);
      double freq = Math.abs(im) / (2 * Math.PI);
      assertEquals(Math.rint(freq), freq, 1e-12);
      atHalf += Math.abs(im) < 1e-12 ? 1 : 0;
    }
    assertEquals(2, atHalf);
    // without the step the two vectors of -1/2 are random in their eigenspace (kappa 14.8 at
    // N = 6, 22.7 at N = 10), but they are eigenvectors all the same
    Diagonalization raw = Diagonalization.naive(a, false);
    assertTrue(residual(a, raw) <= 1e-15, "raw residual " + residual(a, raw));
    if (n == 6 || n == 10) {
      assertTrue(raw.condition() > 10, "raw kappa " + raw.condition());
    }
  }

  /** Q D Q^T: Q random orthogonal, D block diagonal with 1x1 blocks and [[a, -b], [b, a]]. */
  static DMatrixRMaj plantedNormal(double[][] blocks, long seed) {
    int n = 0;
    for (double[] b : blocks) {
      n += b[1] == 0 ? 1 : 2;
    }
    DMatrixRMaj dm = new DMatrixRMaj(n, n);
    int i = 0;
    for (double[] b : blocks) {
      dm.set(i, i, b[0]);
      if (b[1] != 0) {
        dm.set(i, i + 1, -b[1]);
        dm.set(i + 1, i, b[1]);
        dm.set(i + 1, i + 1, b[0]);
        i++;
      }
      i++;
    }
    DMatrixRMaj q = randomOrthogonal(n, seed);
    DMatrixRMaj t = new DMatrixRMaj(n, n);
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(q, dm, t);
    CommonOps_DDRM.multTransB(t, q, a);
    return a;
  }

  static DMatrixRMaj randomOrthogonal(int n, long seed) {
    DMatrixRMaj g = new DMatrixRMaj(n, n);
    Rng.gaussian(Rng.create(seed), g.data);
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
    assertTrue(qr.decompose(g));
    return qr.getQ(null, false);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void plantedRepeatedEigenvaluesOfANormalMatrixGiveKappaOne(long seed) {
    // -1 three times, -0.3 +- 2i twice, and distinct -2, -0.7 +- 5i: N = 10
    double[][] blocks = {{-1, 0}, {-0.3, 2}, {-1, 0}, {-2, 0}, {-0.3, 2}, {-1, 0}, {-0.7, 5}};
    DMatrixRMaj a = plantedNormal(blocks, seed);
    Diagonalization d = Diagonalization.naive(a);
    assertEquals(1, d.condition(), 1e-10);
    assertTrue(unitarity(d) <= 1e-10, "V*V - I: " + unitarity(d));
    assertTrue(residual(a, d) <= 1e-14, "residual " + residual(a, d));
    assertTrue(d.backwardError() <= 1e-13, "backward " + d.backwardError());
    // conjugate eigenvalues keep conjugate vectors
    int n = d.size();
    for (int k = 1; k < n; k++) {
      double[] l = d.eigenvalues();
      if (l[2 * k + 1] < 0 && l[2 * k - 1] == -l[2 * k + 1]) {
        for (int i = 0; i < n; i++) {
          assertEquals(d.v()[2 * (i * n + k - 1)], d.v()[2 * (i * n + k)], 0);
          assertEquals(-d.v()[2 * (i * n + k - 1) + 1], d.v()[2 * (i * n + k) + 1], 0);
        }
      }
    }
  }

  /**
   * S diag(-1, -1 + eta) S^-1, S = [e1, (e1 + e2)/sqrt 2]: distinct eigenvalues, skewed vectors.
   */
  static DMatrixRMaj skewed(double eta) {
    DMatrixRMaj s = new DMatrixRMaj(new double[][] {{1, Math.sqrt(0.5)}, {0, Math.sqrt(0.5)}});
    DMatrixRMaj sInv = s.copy();
    assertTrue(CommonOps_DDRM.invert(sInv));
    DMatrixRMaj t = new DMatrixRMaj(2, 2);
    DMatrixRMaj a = new DMatrixRMaj(2, 2);
    CommonOps_DDRM.mult(s, CommonOps_DDRM.diag(-1, -1 + eta), t);
    CommonOps_DDRM.mult(t, sInv, a);
    return a;
  }

  @Test
  void aClusterWhoseOrthonormalBasisIsNoEigenbasisIsRejected() {
    // eta = 1e-11 ||A|| puts both eigenvalues in one cluster; given the exact eigenvectors, an
    // orthonormal basis of their span would have residual ~ eta, so they must stay
    for (double eta : new double[] {1e-11, 1e-12}) {
      DMatrixRMaj a = skewed(eta);
      CMatrix v = new CMatrix(2, 2);
      v.re.set(0, 0, 1);
      v.re.set(0, 1, Math.sqrt(0.5));
      v.re.set(1, 1, Math.sqrt(0.5));
      double[] lam = {-1, 0, -1 + eta, 0};
      double scale = NormOps_DDRM.normF(a);
      assertTrue(eta <= EigenClusters.RELATIVE_TOLERANCE * scale);
      int replaced = EigenClusters.orthonormalize(a, lam, v, new boolean[2], scale);
      assertEquals(0, replaced);
      assertEquals(Math.sqrt(0.5), v.re.get(0, 1), 0);
      assertEquals(Math.sqrt(0.5), v.re.get(1, 1), 0);
    }
    // the same call on a normal matrix with a skewed basis of a double eigenvalue replaces it
    DMatrixRMaj a = CommonOps_DDRM.diag(-1, -1, -3);
    CMatrix v = new CMatrix(3, 3);
    v.re.set(0, 0, 1);
    v.re.set(0, 1, Math.sqrt(0.5));
    v.im.set(1, 1, Math.sqrt(0.5));
    v.re.set(2, 2, 1);
    double[] lam = {-1, 0, -1, 0, -3, 0};
    assertEquals(1, EigenClusters.orthonormalize(a, lam, v, new boolean[3], NormOps_DDRM.normF(a)));
    assertEquals(1, v.condition(), 1e-14);
    for (int k = 0; k < 3; k++) {
      assertTrue(EigenClusters.residual(CMatrix.real(a), v.column(k), lam[2 * k], 0) <= 1e-15);
    }
  }

  /**
   * X diag(-1, -1, -2, -3) X^-1 for random X: the double eigenvalue often comes back as a pair -1
   * +- 1e-15 i, whose vectors v, conj(v) were nearly parallel (kappa(V) 58 where the unit columns
   * of X give 2.96). Against the reference kappa of X with unit columns: within 1.5x on 40 draws,
   * conjugate pairs still have conjugate, orthogonal vectors, residuals at rounding level.
   */
  @Test
  void aRealDoubleEigenvalueSplitIntoAConjugatePairGetsAnOrthonormalConjugatePair() {
    int n = 4;
    int pairs = 0;
    for (long seed = 1; seed <= 40; seed++) {
      RandomGenerator rng = Rng.create(seed);
      DMatrixRMaj x = new DMatrixRMaj(n, n);
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          x.set(i, j, rng.nextGaussian());
          s += x.get(i, j) * x.get(i, j);
        }
        for (int i = 0; i < n; i++) {
          x.set(i, j, x.get(i, j) / Math.sqrt(s));
        }
      }
      DMatrixRMaj xInv = x.copy();
      assertTrue(CommonOps_DDRM.invert(xInv));
      DMatrixRMaj t = new DMatrixRMaj(n, n);
      DMatrixRMaj a = new DMatrixRMaj(n, n);
      CommonOps_DDRM.mult(x, CommonOps_DDRM.diag(-1, -1, -2, -3), t);
      CommonOps_DDRM.mult(t, xInv, a);
      Diagonalization d = Diagonalization.naive(a);
      double reference = CMatrix.real(x).condition();
      assertTrue(
          d.condition() <= 1.5 * reference,
          "seed " + seed + ": kappa(V) " + d.condition() + ", kappa(X) " + reference);
      assertTrue(residual(a, d) <= 1e-14 * NormOps_DDRM.normF(a), "seed " + seed);
      double[] l = d.eigenvalues();
      double[] v = d.v();
      for (int k = 1; k < n; k++) {
        if (l[2 * k + 1] < 0 && l[2 * k - 1] == -l[2 * k + 1]) {
          pairs++;
          double ipRe = 0;
          double ipIm = 0;
          for (int i = 0; i < n; i++) {
            int p = 2 * (i * n + k - 1);
            int q = 2 * (i * n + k);
            assertEquals(v[p], v[q], 0);
            assertEquals(-v[p + 1], v[q + 1], 0);
            ipRe += v[p] * v[q] + v[p + 1] * v[q + 1];
            ipIm += v[p] * v[q + 1] - v[p + 1] * v[q];
          }
          assertTrue(Math.hypot(ipRe, ipIm) <= 1e-12, "seed " + seed + " overlap");
        }
      }
    }
    assertTrue(pairs >= 3, "pairs " + pairs); // the case this test is about occurs
  }

  @Test
  void nearlyEqualEigenvaluesOfANonNormalMatrixAreNotMadeWorse() {
    // inverse iteration cannot separate eigenvalues 1e-12 apart, so the vectors are already
    // mixed; the step must leave them exactly as they were
    for (double eta : new double[] {1e-9, 1e-11, 1e-12, 1e-14}) {
      DMatrixRMaj a = skewed(eta);
      Diagonalization d = Diagonalization.naive(a);
      Diagonalization raw = Diagonalization.naive(a, false);
      assertTrue(
          residual(a, d) <= Math.max(residual(a, raw), EigenClusters.RESIDUAL_FLOOR),
          "eta " + eta + " residual " + residual(a, d) + " vs " + residual(a, raw));
      assertTrue(residual(a, d) <= 1e-12, "eta " + eta + " residual " + residual(a, d));
    }
    // far enough apart to be resolved: kappa of [e1, (e1 + e2)/sqrt 2] is cot(pi/8) = 1 + sqrt 2
    assertEquals(1 + Math.sqrt(2), Diagonalization.naive(skewed(1e-9)).condition(), 1e-4);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1e-30, 1e-24, 1e-20, 1e-16, 1e-12})
  void nearDefectiveJordanBlocksKeepTheirEigenvectors(double delta) {
    // Q (J + delta e2 e1^T) Q^T, J a 3x3 Jordan block at -1 next to distinct -3, -0.5 +- i:
    // the near-equal eigenvalues have nearly parallel eigenvectors, whose span is not invariant
    int n = 6;
    DMatrixRMaj j = new DMatrixRMaj(n, n);
    j.set(0, 0, -1);
    j.set(1, 1, -1);
    j.set(2, 2, -1);
    j.set(0, 1, 1);
    j.set(1, 2, 1);
    j.set(2, 0, delta);
    j.set(3, 3, -3);
    j.set(4, 4, -0.5);
    j.set(5, 5, -0.5);
    j.set(4, 5, -1);
    j.set(5, 4, 1);
    DMatrixRMaj q = randomOrthogonal(n, 11);
    DMatrixRMaj t = new DMatrixRMaj(n, n);
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(q, j, t);
    CommonOps_DDRM.multTransB(t, q, a);
    Diagonalization d = Diagonalization.naive(a);
    Diagonalization raw = Diagonalization.naive(a, false);
    // the eigenvectors are the ones inverse iteration found (the computed eigenvalues of a 3x3
    // Jordan block are u^(1/3) ~ 6e-6 apart, far outside the cluster tolerance)
    assertEquals(Arrays.toString(raw.v()), Arrays.toString(d.v()));
    assertEquals(raw.condition(), d.condition(), 0);
    // each is an eigenvector to the accuracy the Jordan block allows (sqrt of the eigenvalue
    // error); the decomposition is rightly reported as ill-conditioned
    assertTrue(residual(a, d) <= 1e-5, "delta " + delta + " residual " + residual(a, d));
    assertTrue(d.condition() > 1e7, "kappa " + d.condition());
  }

  @Test
  void perturbedKeepsDistinctEigenvaluesAndOrthonormalizesOnlyTrueRepeats() {
    // a symmetric-block perturbation of FouD that keeps it normal: still kappa 1
    int n = 10;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.FOUD, n);
    DMatrixRMaj e = CommonOps_DDRM.identity(n);
    CommonOps_DDRM.scale(1e-3, e);
    Diagonalization shifted = Diagonalization.perturbed(a, e);
    assertEquals(1, shifted.condition(), 1e-12);
    assertTrue(residual(CommonOps_DDRM.add(a, e, null), shifted) <= 1e-14);
    assertEquals(1e-3 / Diagonalization.norm2(a), shifted.backwardError(), 1e-12);
    // a random E splits -1/2 into two distinct eigenvalues of a non-normal A + E, whose
    // eigenvectors are genuinely skewed: those are not merged, and A + E = V Lambda V^-1 holds
    DMatrixRMaj ee = new DMatrixRMaj(n, n);
    Rng.gaussian(Rng.create(1), ee.data);
    CommonOps_DDRM.scale(1e-8 * Diagonalization.norm2(a) / Diagonalization.norm2(ee), ee);
    Diagonalization p = Diagonalization.perturbed(a, ee);
    DMatrixRMaj ae = CommonOps_DDRM.add(a, ee, null);
    assertTrue(residual(ae, p) <= 1e-14, "residual " + residual(ae, p));
    assertTrue(p.condition() > 1.01, "kappa " + p.condition());
  }

  @Test
  void diagonalMatrixWithRepeatsKeepsTheStandardBasis() {
    DMatrixRMaj a = CommonOps_DDRM.diag(-2, -1, -2, -1, -2);
    Diagonalization d = Diagonalization.naive(a);
    assertEquals(1, d.condition(), 1e-15);
    for (int i = 0; i < 5; i++) {
      for (int k = 0; k < 5; k++) {
        assertEquals(i == k ? 1 : 0, Math.abs(d.v()[2 * (i * 5 + k)]), 0);
      }
    }
  }

  @Test
  void gramSchmidtGivesAnOrthonormalBasisOfTheSameSpanAndRejectsDependentVectors() {
    RandomGenerator rng = Rng.create(7);
    int n = 6;
    double[][] x = new double[3][];
    for (int k = 0; k < 3; k++) {
      x[k] = Rng.gaussian(rng, 2 * n);
    }
    double[][] q = {x[0].clone(), x[1].clone(), x[2].clone()};
    assertTrue(EigenClusters.gramSchmidt(q));
    for (int p = 0; p < 3; p++) {
      for (int r = 0; r < 3; r++) {
        double[] ip = EigenClusters.inner(q[p], q[r]);
        assertEquals(p == r ? 1 : 0, ip[0], 1e-14);
        assertEquals(0, ip[1], 1e-14);
      }
    }
    // each x_k is reproduced by its projection onto the q's
    for (double[] xk : x) {
      double[] rest = xk.clone();
      for (double[] qp : q) {
        double[] c = EigenClusters.inner(qp, xk);
        for (int i = 0; i < 2 * n; i += 2) {
          rest[i] -= c[0] * qp[i] - c[1] * qp[i + 1];
          rest[i + 1] -= c[0] * qp[i + 1] + c[1] * qp[i];
        }
      }
      for (double t : rest) {
        assertEquals(0, t, 1e-12);
      }
    }
    // a complex multiple of x_0 is dependent: (2 - 3i) x_0
    double[] dep = new double[2 * n];
    for (int i = 0; i < 2 * n; i += 2) {
      dep[i] = 2 * x[0][i] + 3 * x[0][i + 1];
      dep[i + 1] = 2 * x[0][i + 1] - 3 * x[0][i];
    }
    assertFalse(EigenClusters.gramSchmidt(new double[][] {x[0].clone(), dep}));
  }

  @Test
  void foudTransferFunctionThroughTheUnitaryBasisMatchesTheDenseResolvent() {
    int n = 10;
    DMatrixRMaj a = Hippo.transition(Hippo.Measure.FOUD, n);
    double[] b = Hippo.input(Hippo.Measure.FOUD, n);
    double[] c = Rng.gaussian(Rng.create(3), n);
    DiagonalSsm sys = Diagonalization.naive(a).toSystem(b, c, 1, Diagonalization.Stability.NONE);
    // V unitary: ||V^-1 B|| = ||B|| and ||V^T C|| = ||C||
    double bb = 0;
    double bt = 0;
    double cc = 0;
    double ct = 0;
    for (int k = 0; k < n; k++) {
      bb += b[k] * b[k];
      cc += c[k] * c[k];
      bt += sys.b()[2 * k] * sys.b()[2 * k] + sys.b()[2 * k + 1] * sys.b()[2 * k + 1];
      ct += sys.c()[2 * k] * sys.c()[2 * k] + sys.c()[2 * k + 1] * sys.c()[2 * k + 1];
    }
    assertEquals(bb, bt, 1e-13 * bb);
    assertEquals(cc, ct, 1e-13 * cc);
    for (double w : new double[] {0, 0.3, 2 * Math.PI, 7, 100}) {
      double[] g = DenseSsm.transfer(a, b, c, 0, w);
      double[] h = sys.transfer(0, 0, w);
      assertEquals(g[0], h[0], 1e-13 * (1 + Math.hypot(g[0], g[1])), "Re G at " + w);
      assertEquals(g[1], h[1], 1e-13 * (1 + Math.hypot(g[0], g[1])), "Im G at " + w);
    }
  }

  @Test
  void defectiveLagtIsReportedAsSingularInsteadOfFailing() {
    // LagT (GLagT) is lower triangular with -1/2 (-0.505) N times and one eigenvector: no
    // eigenbasis; substitution used to overflow to NaN and make the SVD of V throw
    for (Hippo.Measure m : new Hippo.Measure[] {Hippo.Measure.LAGT, Hippo.Measure.GLAGT}) {
      DMatrixRMaj a = Hippo.transition(m, 8);
      Diagonalization d = Diagonalization.naive(a);
      assertEquals(Double.POSITIVE_INFINITY, d.condition(), m.toString());
      assertEquals(Double.POSITIVE_INFINITY, d.backwardError(), m.toString());
      assertTrue(Double.isNaN(d.vInverse()[0]), m.toString());
      for (int k = 0; k < 8; k++) {
        assertEquals(a.get(0, 0), d.eigenvalues()[2 * k], 0);
      }
    }
  }
}
