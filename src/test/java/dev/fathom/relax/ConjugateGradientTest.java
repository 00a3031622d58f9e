package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

class ConjugateGradientTest {
  @Test
  void cgAndPcgAgreeWithEjmlDirectSolve() {
    for (DMatrixSparseCSC csc :
        new DMatrixSparseCSC[] {
          TestSystems.laplacianCsc(20, 0.0), TestSystems.randomSpd(200, 0.03, 11)
        }) {
      CsrMatrix a = CsrMatrix.from(csc);
      double[] b = TestSystems.rhs(a.size(), 6);
      double[] exact = TestSystems.directSolve(csc, b);
      double scale = Vectors.normInf(exact);
      StoppingRule rule = StoppingRule.relative(1e-12, 5000).withHistory();
      SolveResult cg = ConjugateGradient.solve(a, b, null, rule);
      assertEquals(Status.CONVERGED, cg.status());
      assertArrayEquals(exact, cg.solution(), 1e-9 * scale);
      for (double omega : new double[] {0.5, 1.0, 1.5, 1.9}) {
        SolveResult pcg = ConjugateGradient.solveSsor(a, b, null, omega, rule);
        assertEquals(Status.CONVERGED, pcg.status(), "omega " + omega);
        assertArrayEquals(exact, pcg.solution(), 1e-9 * scale, "omega " + omega);
        assertEquals(pcg.iterations() + 1, pcg.residualHistory().length);
        double[] r = new double[a.size()];
        assertTrue(a.residual(b, pcg.solution(), r) / Vectors.norm2(b) < 1e-12);
      }
    }
  }

  @Test
  void ssorPreconditioningCutsIterationsOnTheLaplacian() {
    // Unpreconditioned CG needs O(m) iterations on the m x m Laplacian, SSOR-PCG at a good omega
    // O(sqrt(m)): on m = 40 the gap is large.
    CsrMatrix a = CsrMatrix.laplacian2d(40);
    double[] b = TestSystems.rhs(a.size(), 8);
    long cg = ConjugateGradient.solve(a, b, null, StoppingRule.relative(1e-8, 10_000)).iterations();
    long pcg =
        ConjugateGradient.solveSsor(a, b, null, 1.8, StoppingRule.relative(1e-8, 10_000))
            .iterations();
    assertTrue(cg < a.size(), "CG terminates within n steps in exact arithmetic: " + cg);
    assertTrue(2 * pcg < cg, "PCG " + pcg + " vs CG " + cg);
  }

  @Test
  void ssorPreconditionerInvertsItsDefiningProduct() {
    // M z = r with M = (D + wL) D^-1 (D + wU) / (w(2 - w)), checked by multiplying out densely.
    DMatrixSparseCSC csc = TestSystems.randomSpd(30, 0.2, 12);
    double[][] d = TestSystems.dense(csc);
    double w = 1.3;
    double[] r = TestSystems.rhs(30, 13);
    double[] z = new double[30];
    new SsorPreconditioner(CsrMatrix.from(csc), w).apply(r, z);
    double[] u = new double[30];
    for (int i = 0; i < 30; i++) {
      u[i] = d[i][i] * z[i];
      for (int j = i + 1; j < 30; j++) {
        u[i] += w * d[i][j] * z[j];
      }
      u[i] /= d[i][i];
    }
    for (int i = 0; i < 30; i++) {
      double s = d[i][i] * u[i];
      for (int j = 0; j < i; j++) {
        s += w * d[i][j] * u[j];
      }
      assertEquals(r[i], s / (w * (2 - w)), 1e-12);
    }
  }

  @Test
  void matrixFreeOperatorWarmStartAndBreakdown() {
    // Diagonal operator given only by its action: CG converges in as many steps as distinct
    // eigenvalues.
    double[] diag = {1, 2, 3, 1, 2, 3, 1, 2};
    LinearOperator op =
        new LinearOperator() {
          @Override
          public int size() {
            return diag.length;
          }

          @Override
          public void apply(double[] x, double[] out) {
            for (int i = 0; i < x.length; i++) {
              out[i] = diag[i] * x[i];
            }
          }
        };
    double[] b = {1, 1, 1, 1, 1, 1, 1, 1};
    SolveResult r = ConjugateGradient.solve(op, b, null, StoppingRule.relative(1e-12, 100));
    assertEquals(Status.CONVERGED, r.status());
    assertEquals(3, r.iterations());
    assertEquals(1.0 / 3, r.solution()[2], 1e-12);
    SolveResult warm =
        ConjugateGradient.solve(
            op,
            b,
            r.solution(),
            ResidualReference.RIGHT_HAND_SIDE.ruleFor(StoppingRule.relative(1e-8, 100), b));
    assertEquals(0, warm.iterations());

    LinearOperator indefinite =
        new LinearOperator() {
          @Override
          public int size() {
            return 2;
          }

          @Override
          public void apply(double[] x, double[] out) {
            out[0] = x[0];
            out[1] = -x[1];
          }
        };
    SolveResult br =
        ConjugateGradient.solve(
            indefinite, new double[] {0, 1}, null, StoppingRule.relative(1e-8, 10_000));
    assertEquals(Status.BREAKDOWN, br.status());
    SolveResult capped =
        ConjugateGradient.solve(
            CsrMatrix.laplacian2d(10),
            TestSystems.rhs(100, 1),
            null,
            StoppingRule.relative(1e-8, 3));
    assertEquals(Status.MAX_ITERATIONS, capped.status());
    assertEquals(3, capped.iterations());
  }

  @Test
  void badInputIsRefused() {
    CsrMatrix a = CsrMatrix.laplacian2d(3);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ConjugateGradient.solveSsor(
                    a, new double[9], null, 2.0, StoppingRule.relative(1e-8, 10_000)));
    assertEquals("omega = 2.0: expected a number in (0.0, 2.0)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ConjugateGradient.solve(
                    a, new double[10], null, StoppingRule.relative(1e-8, 10_000)));
    assertEquals("b.length = 10: expected 9", e.getMessage());
    double[] inf = new double[9];
    inf[0] = Double.POSITIVE_INFINITY;
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConjugateGradient.solve(a, inf, null, StoppingRule.relative(1e-8, 10_000)));
    assertEquals("b[0] = Infinity: expected a finite number", e.getMessage());
    assertThrows(
        NullPointerException.class,
        () ->
            ConjugateGradient.solve(
                (LinearOperator) null, new double[9], null, StoppingRule.relative(1e-8, 10_000)));
  }
}
