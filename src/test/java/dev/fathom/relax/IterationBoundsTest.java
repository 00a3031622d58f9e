package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class IterationBoundsTest {
  private static final double[] OMEGAS = {0.9, 1.0, 1.3, 1.5, 1.7, 1.9};

  private static DMatrixRMaj dense(CsrMatrix a) {
    int n = a.size();
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m.set(i, j, a.get(i, j));
      }
    }
    return m;
  }

  /** The eigenvalues of M^{-1} A, M the SSOR preconditioner, densely: ascending. */
  private static double[] ssorSpectrum(DMatrixRMaj a, double w) {
    int n = a.numRows;
    DMatrixRMaj x = new DMatrixRMaj(n, n); // D + w L
    DMatrixRMaj dInv = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      dInv.set(i, i, 1 / a.get(i, i));
      for (int j = 0; j <= i; j++) {
        x.set(i, j, j == i ? a.get(i, i) : w * a.get(i, j));
      }
    }
    DMatrixRMaj t = new DMatrixRMaj(n, n);
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(x, dInv, t);
    CommonOps_DDRM.multTransB(t, x, m);
    CommonOps_DDRM.scale(1 / (w * (2 - w)), m);
    DMatrixRMaj mInvA = new DMatrixRMaj(n, n);
    CommonOps_DDRM.solve(m, a, mInvA);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, false);
    assertTrue(eig.decompose(mInvA));
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = eig.getEigenvalue(i).real;
    }
    java.util.Arrays.sort(out);
    return out;
  }

  /** ||I - W^{-1} A||_A for W = D / w + L, as the 2-norm of G^T E G^{-T}, A = G G^T. */
  private static double sorEnergyNormExact(DMatrixRMaj a, double w) {
    int n = a.numRows;
    DMatrixRMaj wm = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        wm.set(i, j, j == i ? a.get(i, i) / w : a.get(i, j));
      }
    }
    DMatrixRMaj e = new DMatrixRMaj(n, n);
    CommonOps_DDRM.solve(wm, a, e);
    CommonOps_DDRM.scale(-1, e);
    for (int i = 0; i < n; i++) {
      e.add(i, i, 1);
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    assertTrue(chol.decompose(a.copy()));
    DMatrixRMaj g = chol.getT(null);
    DMatrixRMaj gInvT = new DMatrixRMaj(n, n);
    CommonOps_DDRM.transpose(g, gInvT);
    CommonOps_DDRM.invert(gInvT);
    DMatrixRMaj t1 = new DMatrixRMaj(n, n);
    DMatrixRMaj t2 = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(g, e, t1);
    CommonOps_DDRM.mult(t1, gInvT, t2);
    return NormOps_DDRM.normP2(t2);
  }

  @Test
  void constantsBoundTheExactSpectraComputedDensely() {
    for (double shift : new double[] {-0.15, 0.0, 0.45}) {
      CsrMatrix a = CsrMatrix.laplacian2d(8).plusDiagonal(shift);
      DMatrixRMaj d = dense(a);
      IterationBounds bounds = IterationBounds.of(a);
      // Closed form: the eigenvalues of the shifted m x m Laplacian are 4 + c - 2cos(i pi/(m+1))
      // - 2cos(j pi/(m+1)).
      double lo = 4 + shift - 4 * Math.cos(Math.PI / 9);
      double hi = 4 + shift + 4 * Math.cos(Math.PI / 9);
      assertEquals(hi / lo, bounds.conditionNumber(), 1e-8 * hi / lo);
      for (double w : OMEGAS) {
        double[] spec = ssorSpectrum(d, w);
        double c = bounds.ssorSpectrumLowerBound(w);
        assertTrue(spec[spec.length - 1] <= 1 + 1e-9, "lambda_max " + spec[spec.length - 1]);
        assertTrue(
            c <= spec[0] * (1 + 1e-9), "shift " + shift + " w " + w + ": " + c + " vs " + spec[0]);
        // The energy norm against the 2-norm of G^T E G^{-T}, E the explicit SOR matrix.
        assertEquals(sorEnergyNormExact(d, w), bounds.sorEnergyNorm(w), 1e-9);
      }
    }
  }

  @Test
  void boundsHoldForTheObservedCountsOnShiftedLaplacians() {
    ShiftedLaplacians seq = ShiftedLaplacians.highVariance(77);
    StoppingRule rule = StoppingRule.relative(1e-8, 10_000);
    for (int t = 0; t < 6; t++) {
      Instance in = seq.next();
      IterationBounds bounds = IterationBounds.of(in.matrix());
      double tol = rule.relativeTolerance();
      long cg = ConjugateGradient.solve(in.matrix(), in.rhs(), null, rule).iterations();
      assertTrue(cg <= bounds.cg(tol), "CG " + cg + " vs " + bounds.cg(tol));
      for (double w : OMEGAS) {
        long pcg = ConjugateGradient.solveSsor(in.matrix(), in.rhs(), null, w, rule).iterations();
        assertTrue(pcg <= bounds.ssorPcg(w, tol), "PCG w " + w + ": " + pcg);
        long sor = Sor.solve(in.matrix(), in.rhs(), null, w, rule).iterations();
        assertTrue(
            sor <= bounds.sor(w, tol), "SOR w " + w + ": " + sor + " vs " + bounds.sor(w, tol));
      }
      // The PCG bound is informative: within a small factor of the observed count at w = 1.5.
      long pcg = ConjugateGradient.solveSsor(in.matrix(), in.rhs(), null, 1.5, rule).iterations();
      assertTrue(bounds.ssorPcg(1.5, tol) < 10 * pcg, bounds.ssorPcg(1.5, tol) + " vs " + pcg);
    }
  }

  @Test
  void pcgBoundHoldsOnTheHeatEquationWithWarmStarts() {
    // Warm starts and ||r|| < tol ||b||: the bound applies with eps = tol ||b|| / ||r0||.
    HeatEquation pde = HeatEquation.builder(12).steps(20).stopTime(1.0).build();
    StoppingRule rule = StoppingRule.relative(1e-8, 10_000);
    int checked = 0;
    for (int t = 0; t < 20; t++) {
      Instance in = pde.next();
      IterationBounds bounds = IterationBounds.of(in.matrix());
      double[] r = new double[in.rhs().length];
      double r0 = in.matrix().residual(in.rhs(), in.initialGuess(), r);
      double eps = rule.relativeTolerance() * Vectors.norm2(in.rhs()) / r0;
      SolveResult last = null;
      for (double w : new double[] {1.0, 1.5, 1.9}) {
        last =
            ConjugateGradient.solveSsor(
                in.matrix(),
                in.rhs(),
                in.initialGuess(),
                w,
                ResidualReference.RIGHT_HAND_SIDE.ruleFor(rule, in.rhs()));
        if (eps < 1) {
          assertTrue(last.iterations() <= bounds.ssorPcg(w, eps), "step " + t + " w " + w);
          checked++;
        } else {
          assertEquals(0, last.iterations());
        }
      }
      pde.accept(last.solution());
    }
    assertTrue(checked > 0);
  }

  @Test
  void badInputIsRefused() {
    IterationBounds bounds = IterationBounds.of(CsrMatrix.laplacian2d(3));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> bounds.ssorPcg(2.0, 1e-8));
    assertEquals("omega = 2.0: expected a number in (0.0, 2.0)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> bounds.cg(0.0));
    assertTrue(e.getMessage().startsWith("tolerance = 0.0: expected"), e.getMessage());
    CsrMatrix indefinite = CsrMatrix.laplacian2d(3).plusDiagonal(-3.0);
    e = assertThrows(IllegalArgumentException.class, () -> IterationBounds.of(indefinite));
    assertTrue(e.getMessage().startsWith("lambda_min(A) = "), e.getMessage());
  }
}
