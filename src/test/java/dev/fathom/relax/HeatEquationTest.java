package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class HeatEquationTest {
  @Test
  void diffusionCoefficientFollowsItsFormula() {
    assertEquals(0.1, HeatEquation.diffusion(0.25), 1e-12);
    assertEquals(10, HeatEquation.diffusion(0.75), 1e-12);
    assertEquals(0, HeatEquation.diffusion(0.5), 1e-12);
  }

  @Test
  void crankNicolsonSystemMatchesADenseAssembly() {
    int nx = 6;
    int steps = 10;
    HeatEquation pde = HeatEquation.builder(nx).steps(steps).stopTime(1.0).build();
    double dt = 0.1;
    double[] u0 = pde.state();
    Instance in = pde.next();
    double kappa = HeatEquation.diffusion(0.05);
    assertEquals(kappa, in.context(), 1e-15);
    int m = nx - 1;
    int n = m * m;
    double h2 = 1.0 / (nx * nx);
    // Dense 5-point Laplacian / h^2, entry by entry.
    double[][] lap = new double[n][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        int k = i * m + j;
        lap[k][k] = -4 / h2;
        if (i > 0) {
          lap[k][k - m] = 1 / h2;
        }
        if (i < m - 1) {
          lap[k][k + m] = 1 / h2;
        }
        if (j > 0) {
          lap[k][k - 1] = 1 / h2;
        }
        if (j < m - 1) {
          lap[k][k + 1] = 1 / h2;
        }
      }
    }
    double cx = 0.5 + Math.cos(16 * Math.PI * 0.05) / 4;
    double cy = 0.5 + Math.sin(16 * Math.PI * 0.05) / 4;
    for (int r = 0; r < n; r++) {
      double rhs = 0;
      for (int c = 0; c < n; c++) {
        double a = (r == c ? 1 : 0) - 0.5 * kappa * dt * lap[r][c];
        assertEquals(a, in.matrix().get(r, c), 1e-12);
        rhs += ((r == c ? 1 : 0) + 0.5 * kappa * dt * lap[r][c]) * u0[c];
      }
      double x = (r / m + 1.0) / nx;
      double y = (r % m + 1.0) / nx;
      double q = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (0.125 * 0.125);
      rhs += dt * 32 * (q < 1 ? Math.exp(1 - 1 / (1 - q)) : 0);
      assertEquals(rhs, in.rhs()[r], 1e-12);
    }
    assertArrayEquals(u0, in.initialGuess(), 0);
    assertTrue(in.matrix().isSymmetric());
  }

  @Test
  void ssorPcgStepsMatchDirectSolvesAndTheSequenceEnds() {
    HeatEquation pde = HeatEquation.builder(20).steps(30).stopTime(0.5).build();
    StoppingRule rule = StoppingRule.relative(1e-10, 10_000);
    for (int t = 0; t < 30; t++) {
      Instance in = pde.next();
      double[] exact = TestSystems.directSolve(in.matrix().toCsc(), in.rhs());
      SolveResult r =
          ConjugateGradient.solveSsor(
              in.matrix(),
              in.rhs(),
              in.initialGuess(),
              1.5,
              ResidualReference.RIGHT_HAND_SIDE.ruleFor(rule, in.rhs()));
      assertEquals(Status.CONVERGED, r.status());
      assertArrayEquals(exact, r.solution(), 1e-8);
      pde.accept(r.solution());
    }
    assertEquals(30, pde.step());
    assertThrows(NoSuchElementException.class, pde::next);
  }

  @Test
  void protocolAndBadInputAreEnforced() {
    HeatEquation pde = HeatEquation.builder(5).steps(3).stopTime(1.0).build();
    assertThrows(IllegalStateException.class, () -> pde.accept(new double[16]));
    pde.next();
    assertThrows(IllegalStateException.class, pde::next);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pde.accept(new double[15]));
    assertEquals("solution.length = 15: expected 16", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HeatEquation.builder(2).steps(3).stopTime(1.0).build());
    assertEquals("nx = 2: expected an integer in [3, 20000]", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HeatEquation.builder(5).steps(3).stopTime(-1.0).build());
    assertEquals("stopTime = -1.0: expected a finite positive number", e.getMessage());
  }
}
