package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/** The overloads that take EJML's DMatrixSparseCSC directly. */
class EjmlEntryPointsTest {
  @Test
  void everySolverOnCscEqualsTheCsrPathAndEjmlsDirectSolve() {
    for (DMatrixSparseCSC csc :
        new DMatrixSparseCSC[] {
          TestSystems.laplacianCsc(12, 0.1), TestSystems.randomSpd(150, 0.04, 21)
        }) {
      DMatrixSparseCSC copy = csc.copy();
      CsrMatrix a = CsrMatrix.from(csc);
      double[] b = TestSystems.rhs(a.size(), 22);
      double[] exact = TestSystems.directSolve(csc, b);
      double scale = Vectors.normInf(exact);
      StoppingRule rule = StoppingRule.relative(1e-11, 20000);
      SolveResult[] viaCsc = {
        Sor.solve(csc, b, null, 1.5, rule),
        Sor.solveSymmetric(csc, b, null, 1.3, rule),
        ConjugateGradient.solve(csc, b, null, rule),
        ConjugateGradient.solveSsor(csc, b, null, 1.4, rule)
      };
      SolveResult[] viaCsr = {
        Sor.solve(a, b, null, 1.5, rule),
        Sor.solveSymmetric(a, b, null, 1.3, rule),
        ConjugateGradient.solve(a, b, null, rule),
        ConjugateGradient.solveSsor(a, b, null, 1.4, rule)
      };
      for (int s = 0; s < viaCsc.length; s++) {
        assertEquals(Status.CONVERGED, viaCsc[s].status(), "solver " + s);
        assertEquals(viaCsr[s].iterations(), viaCsc[s].iterations(), "solver " + s);
        assertArrayEquals(viaCsr[s].solution(), viaCsc[s].solution(), 0.0, "solver " + s);
        assertArrayEquals(exact, viaCsc[s].solution(), 1e-8 * scale, "solver " + s);
      }
      // The input matrix is not modified.
      assertTrue(org.ejml.sparse.csc.CommonOps_DSCC.checkStructure(csc));
      assertEquals(0.0, org.ejml.sparse.csc.CommonOps_DSCC.elementMaxAbs(diff(csc, copy)));
    }
  }

  private static DMatrixSparseCSC diff(DMatrixSparseCSC x, DMatrixSparseCSC y) {
    DMatrixSparseCSC d = new DMatrixSparseCSC(x.numRows, x.numCols, 0);
    org.ejml.sparse.csc.CommonOps_DSCC.add(1.0, x, -1.0, y, d, null, null);
    return d;
  }

  @Test
  void tuningOverCscMatricesEqualsTheSameRunOverInstances() {
    ShiftedLaplacians seq = ShiftedLaplacians.highVariance(31);
    List<DMatrixSparseCSC> matrices = new ArrayList<>();
    List<double[]> rhs = new ArrayList<>();
    List<Instance> instances = new ArrayList<>();
    int count = 60;
    double[] contexts = new double[count];
    for (int t = 0; t < count; t++) {
      Instance in = seq.next();
      // Rebuild each system from an independent EJML assembly of the shifted Laplacian.
      DMatrixSparseCSC csc = TestSystems.laplacianCsc(10, in.context());
      matrices.add(csc);
      rhs.add(in.rhs());
      contexts[t] = in.context();
      instances.add(Instance.of(csc, in.rhs()).withContext(in.context()));
    }
    RelaxedSolver sor = RelaxedSolver.sor(StoppingRule.relative(1e-8, 10_000));
    double[] grid = GridBandit.paperGrid();
    TuningRun viaCsc = Tuning.run(new TsallisInf(grid, 5), matrices, rhs, contexts, sor);
    TuningRun viaList =
        Tuning.run(
            new TsallisInf(grid, 5), InstanceSequence.of(instances, -0.15, 0.45), sor, count);
    assertArrayEquals(viaList.iterations(), viaCsc.iterations());
    assertArrayEquals(viaList.omegas(), viaCsc.omegas(), 0.0);
    // And each count is what SOR on the package's own Laplacian gives at that omega.
    for (int t = 0; t < count; t += 7) {
      CsrMatrix a = CsrMatrix.laplacian2d(10).plusDiagonal(contexts[t]);
      long direct =
          Sor.solve(a, rhs.get(t), null, viaCsc.omegas()[t], StoppingRule.relative(1e-8, 10_000))
              .iterations();
      assertEquals(direct, viaCsc.iterations()[t], "system " + t);
    }
    // Without contexts the policy still runs (contexts are zero).
    TuningRun noContext = Tuning.run(OmegaPolicy.fixed(1.6), matrices, rhs, null, sor);
    assertEquals(count, noContext.iterations().length);
  }

  @Test
  void badInputIsRefused() {
    DMatrixSparseCSC rect = new DMatrixSparseCSC(3, 4, 0);
    double[] b = new double[3];
    StoppingRule rule = StoppingRule.relative(1e-8, 10_000);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sor.solve(rect, b, null, 1.0, rule));
    assertEquals("A.numCols = 4: expected A.numRows = 3 (a square matrix)", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ConjugateGradient.solveSsor(rect, b, null, 1, rule));
    DMatrixSparseCSC lap = TestSystems.laplacianCsc(3, 0.0);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sor.solveSymmetric(lap, new double[9], null, 2.0, rule));
    assertEquals("omega = 2.0: expected a number in (0.0, 2.0)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Tuning.run(
                    OmegaPolicy.fixed(1.0),
                    List.of(lap, lap),
                    List.of(new double[9]),
                    null,
                    RelaxedSolver.sor(rule)));
    assertEquals("rhs.size() = 1: expected matrices.size() = 2", e.getMessage());
  }
}
