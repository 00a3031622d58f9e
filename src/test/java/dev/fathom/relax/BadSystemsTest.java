package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/** SOR on a diverging system and CG on a non-symmetric one report what happened (issue 15). */
class BadSystemsTest {
  private static DMatrixSparseCSC csc(double[][] a) {
    DMatrixSparseCSC m = new DMatrixSparseCSC(a.length, a.length);
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        if (a[i][j] != 0) {
          m.set(i, j, a[i][j]);
        }
      }
    }
    return m;
  }

  @Test
  void sorOnADivergingSystemReturnsTheIterateItsResidualAndHistoryDescribe() {
    // Gauss-Seidel on [[1, 3], [3, 1]] multiplies the error by 9 per sweep.
    double[][] a = {{1, 3}, {3, 1}};
    double[] b = {1, 2};
    SolveResult r =
        Sor.solve(csc(a), b, null, 1.0, StoppingRule.relative(1e-10, 10_000).withHistory());
    assertEquals(Status.DIVERGED, r.status());
    assertEquals(r.iterations() + 1, r.residualHistory().length);
    double actual = TestSystems.residualNorm(a, b, r.solution());
    assertEquals(actual, r.residual(), 1e-9 * actual);
    assertEquals(r.residual(), r.residualHistory()[r.residualHistory().length - 1], 0);
  }

  @Test
  void conjugateGradientsDetectsANonSymmetricMatrix() {
    // positive definite in the sense x.Ax > 0 (so no curvature breakdown), but not symmetric
    double[][] a = {{4, 1, 0}, {-1, 4, 1}, {0, -1, 4}};
    SolveResult r =
        ConjugateGradient.solve(
            csc(a), new double[] {1, 2, 3}, null, StoppingRule.relative(1e-12, 1000));
    assertEquals(Status.BREAKDOWN, r.status());
    assertTrue(r.iterations() <= 1, "stopped after " + r.iterations());
    // the symmetric part solves normally
    double[][] s = {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}};
    SolveResult ok =
        ConjugateGradient.solve(
            csc(s), new double[] {1, 2, 3}, null, StoppingRule.relative(1e-12, 1000));
    assertEquals(Status.CONVERGED, ok.status());
  }
}
