package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

class SorTest {
  private static final double[] GRID = {1.0, 1.2, 1.4, 1.6, 1.8, 1.9};

  /** The spec's table (section C.5): shift, then iterations at GRID and at omega*. */
  private static final double[][] TABLE = {
    {0.0, 201, 132, 80, 41, 86, 178, 39},
    {-0.15, 2630, 1753, 1126, 653, 266, 180, 136},
    {0.45, 58, 36, 26, 41, 87, 177, 23},
  };

  @Test
  void iterationCountsMatchTheSpecTableAndOmegaStarBeatsTheGrid() {
    double[] b = TestSystems.rhs(100, 1);
    for (double[] row : TABLE) {
      CsrMatrix a = CsrMatrix.laplacian2d(10).plusDiagonal(row[0]);
      long[] counts = new long[GRID.length];
      for (int g = 0; g < GRID.length; g++) {
        SolveResult r = Sor.solve(a, b, null, GRID[g], StoppingRule.relative(1e-8, 10_000));
        assertEquals(Status.CONVERGED, r.status());
        counts[g] = r.iterations();
        // The spec used a different random b: agree within 3 iterations or 3 %.
        double slack = Math.max(3, 0.03 * row[g + 1]);
        assertEquals(row[g + 1], counts[g], slack, "shift " + row[0] + ", omega " + GRID[g]);
      }
      long star =
          Sor.solve(a, b, null, OptimalOmega.of(a), StoppingRule.relative(1e-8, 10_000))
              .iterations();
      assertEquals(row[7], star, Math.max(3, 0.03 * row[7]), "omega* at shift " + row[0]);
      for (int g = 0; g < GRID.length; g++) {
        assertTrue(star < counts[g], "omega* " + star + " vs omega " + GRID[g] + ": " + counts[g]);
      }
    }
  }

  @Test
  void fusedResidualCountsEqualTheTextbookLoop() {
    DMatrixSparseCSC spd = TestSystems.randomSpd(40, 0.15, 9);
    DMatrixSparseCSC lap = TestSystems.laplacianCsc(6, -0.1);
    for (DMatrixSparseCSC csc : new DMatrixSparseCSC[] {spd, lap}) {
      CsrMatrix a = CsrMatrix.from(csc);
      double[][] d = TestSystems.dense(csc);
      double[] b = TestSystems.rhs(a.size(), 5);
      for (double omega : new double[] {0.6, 1.0, 1.3, 1.7, 1.95}) {
        int ref = TestSystems.denseSorIterations(d, b, omega, 1e-10, 5000);
        long got = Sor.solve(a, b, null, omega, StoppingRule.relative(1e-10, 5000)).iterations();
        assertEquals(ref, got, 1, "omega " + omega);
      }
    }
  }

  @Test
  void solutionsAgreeWithEjmlDirectSolve() {
    DMatrixSparseCSC csc = TestSystems.laplacianCsc(12, 0.05);
    CsrMatrix a = CsrMatrix.from(csc);
    double[] b = TestSystems.rhs(144, 2);
    double[] exact = TestSystems.directSolve(csc, b);
    StoppingRule rule = StoppingRule.relative(1e-12, 10_000).withHistory();
    SolveResult sor = Sor.solve(a, b, null, 1.6, rule);
    SolveResult ssor = Sor.solveSymmetric(a, b, null, 1.4, rule);
    for (SolveResult r : new SolveResult[] {sor, ssor}) {
      assertEquals(Status.CONVERGED, r.status());
      assertArrayEquals(exact, r.solution(), 1e-10);
      double[] h = r.residualHistory();
      assertEquals(r.iterations() + 1, h.length);
      assertEquals(norm(b), h[0], 1e-15 * norm(b), "the history starts at ||b - A 0||");
      assertEquals(norm(b), r.initialResidual(), 1e-15 * norm(b));
      assertTrue(h[h.length - 1] <= 1e-12 * norm(b));
      double[] res = new double[144];
      double truth = a.residual(b, r.solution(), res);
      assertEquals(truth, r.residual(), 1e-14 * norm(b));
      assertEquals(truth, h[h.length - 1], 1e-14 * norm(b));
      assertEquals(truth / norm(b), r.relativeResidual(), 1e-14);
    }
  }

  @Test
  void warmStartCapAndDivergenceAreStatuses() {
    CsrMatrix a = CsrMatrix.laplacian2d(8);
    double[] b = TestSystems.rhs(64, 3);
    double[] x0 = new double[64];
    SolveResult capped = Sor.solve(a, b, x0, 1.0, StoppingRule.relative(1e-8, 5));
    assertEquals(Status.MAX_ITERATIONS, capped.status());
    assertEquals(5, capped.iterations());
    assertArrayEquals(new double[64], x0, 0, "x0 must not be modified");
    SolveResult one = Sor.solve(a, b, null, 1.0, StoppingRule.relative(1e-8, 1));
    assertEquals(1, one.iterations());
    double[] manual = new double[64];
    Sor.forwardSweep(a, b, manual, 1.0);
    assertArrayEquals(manual, one.solution(), 1e-14);

    SolveResult exact = Sor.solve(a, b, null, 1.5, StoppingRule.relative(1e-13, 10_000));
    StoppingRule rhs =
        ResidualReference.RIGHT_HAND_SIDE.ruleFor(StoppingRule.relative(1e-8, 10), b);
    SolveResult warm = Sor.solve(a, b, exact.solution(), 1.5, rhs);
    assertEquals(0, warm.iterations());
    assertEquals(Status.CONVERGED, warm.status());
    // Against its own tiny initial residual the warm start still has to reduce it 1e8-fold.
    assertTrue(
        Sor.solve(a, b, exact.solution(), 1.5, StoppingRule.relative(1e-8, 10)).iterations() > 0);

    double[][] indefinite = {{1, 3}, {3, 1}};
    CsrMatrix c =
        CsrMatrix.from(
            org.ejml.ops.DConvertMatrixStruct.convert(
                new org.ejml.data.DMatrixRMaj(indefinite), (DMatrixSparseCSC) null, 0));
    SolveResult div =
        Sor.solve(c, new double[] {1, 1}, null, 1.0, StoppingRule.relative(1e-8, 10_000));
    assertEquals(Status.DIVERGED, div.status());
  }

  @Test
  void badInputIsRefused() {
    CsrMatrix a = CsrMatrix.laplacian2d(3);
    double[] b = new double[9];
    for (double w : new double[] {0, 2, -0.5, 2.5, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Sor.solve(a, b, null, w, StoppingRule.relative(1e-8, 10_000)));
      assertEquals("omega = " + w + ": expected a number in (0.0, 2.0)", e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sor.solve(a, new double[8], null, 1, StoppingRule.relative(1e-8, 10_000)));
    assertEquals("b.length = 8: expected 9", e.getMessage());
    double[] nan = new double[9];
    nan[4] = Double.NaN;
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sor.solveSymmetric(a, nan, null, 1, StoppingRule.relative(1e-8, 10_000)));
    assertEquals("b[4] = NaN: expected a finite number", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sor.solve(a, b, new double[3], 1, StoppingRule.relative(1e-8, 10_000)));
    assertEquals("x0.length = 3: expected 9", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StoppingRule.relative(0, 10));
    assertEquals("tolerance = 0.0: expected a relative tolerance in (0, 1)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StoppingRule.relative(1e-8, 0));
    assertEquals("maxIterations = 0: expected a positive integer", e.getMessage());
  }

  private static double norm(double[] v) {
    return dev.fathom.linalg.Vectors.norm2(v);
  }
}
