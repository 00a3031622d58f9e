package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.StoppingRule;
import org.junit.jupiter.api.Test;

class OptimalOmegaTest {
  @Test
  void lanczosRadiusMatchesTheClosedFormOfTheShiftedLaplacian() {
    // Jacobi matrix of A + cI (A the m x m Laplacian) has radius 4 cos(pi / (m + 1)) / (4 + c).
    for (int m : new int[] {5, 10, 30}) {
      for (double c : new double[] {-0.15, 0.0, 0.45}) {
        CsrMatrix a = CsrMatrix.laplacian2d(m).plusDiagonal(c);
        double exact = 4 * Math.cos(Math.PI / (m + 1)) / (4 + c);
        assertEquals(exact, OptimalOmega.jacobiRadius(a, 120), 1e-9, "m " + m + " c " + c);
      }
    }
  }

  @Test
  void youngsFormulaMatchesTheSpecTable() {
    assertEquals(1.5604, OptimalOmega.fromJacobiRadius(0.9595), 1e-3);
    assertEquals(1.5604, OptimalOmega.of(CsrMatrix.laplacian2d(10)), 1e-4);
    assertEquals(1.8536, OptimalOmega.of(CsrMatrix.laplacian2d(10).plusDiagonal(-0.15)), 1e-4);
    assertEquals(1.3279, OptimalOmega.of(CsrMatrix.laplacian2d(10).plusDiagonal(0.45)), 1e-4);
    assertEquals(1.0, OptimalOmega.fromJacobiRadius(0), 0);
    // 2 / (1 + sqrt(1 - beta^2)) is the same formula.
    double beta = 0.97;
    assertEquals(2 / (1 + Math.sqrt(1 - beta * beta)), OptimalOmega.fromJacobiRadius(beta), 1e-14);
  }

  @Test
  void omegaStarMinimisesSorIterationsOverAFineGrid() {
    CsrMatrix a = CsrMatrix.laplacian2d(12).plusDiagonal(0.1);
    double[] b = TestSystems.rhs(a.size(), 4);
    double star = OptimalOmega.of(a);
    long atStar = Sor.solve(a, b, null, star, StoppingRule.relative(1e-8, 10_000)).iterations();
    long best = Long.MAX_VALUE;
    for (double w = 1.0; w < 1.99; w += 0.01) {
      best =
          Math.min(
              best, Sor.solve(a, b, null, w, StoppingRule.relative(1e-8, 10_000)).iterations());
    }
    assertTrue(atStar <= best + 2, "omega* " + atStar + " vs best on the grid " + best);
  }

  @Test
  void closedFormPolicyAgreesWithLanczosPerInstance() {
    ShiftedLaplacians seq = ShiftedLaplacians.highVariance(6);
    OmegaPolicy closed = seq.closedFormOmegaStar();
    OmegaPolicy lanczos = OmegaPolicy.asymptoticOptimal();
    for (Instance in : seq.take(20)) {
      assertEquals(lanczos.choose(in), closed.choose(in), 1e-9);
    }
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OptimalOmega.fromJacobiRadius(1.0));
    assertEquals(
        "beta = 1.0: expected a number in [0, 1) (a convergent Jacobi iteration)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OptimalOmega.fromJacobiRadius(Double.NaN));
    CsrMatrix negative = CsrMatrix.laplacian2d(3).scaleAndShift(-1, 0);
    e = assertThrows(IllegalArgumentException.class, () -> OptimalOmega.jacobiRadius(negative, 10));
    assertEquals("A[0][0] = -4.0: expected a positive diagonal entry", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OptimalOmega.jacobiRadius(CsrMatrix.laplacian2d(3), 0));
    assertEquals("steps = 0: expected a positive integer", e.getMessage());
  }
}
