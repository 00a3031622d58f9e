package dev.fathom.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.StoppingRule;
import dev.fathom.linalg.Vectors;
import org.junit.jupiter.api.Test;

/**
 * SOR, SSOR and CG on {@code A x = c b} for c = 1e-12 and 1e12 give c times the answer at c = 1,
 * after the same number of iterations: their relative tolerance reads against the starting residual
 * {@code ||c b - A 0||}, so the run does not depend on the unit of b.
 */
class ScaledSystemsTest {
  private static final double[] SCALES = {1e-12, 1e12};

  private static double[] scaled(double[] v, double c) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= c;
    }
    return out;
  }

  private static void assertScaled(SolveResult one, SolveResult sc, double c, String what) {
    assertEquals(one.status(), sc.status(), what);
    assertEquals(one.iterations(), sc.iterations(), what + " iterations");
    double err = Vectors.relativeMaxError(sc.solution(), scaled(one.solution(), c));
    assertTrue(err <= 1e-12, what + " at scale " + c + ": " + err);
  }

  @Test
  void sorSsorAndCgGiveTheScaledAnswerInTheSameIterations() {
    CsrMatrix a = CsrMatrix.laplacian2d(8);
    double[] b = new double[a.size()];
    Rng.uniform(Rng.create(5), -1, 1, b);
    double[] x0 = new double[b.length];
    StoppingRule rule = StoppingRule.relative(1e-9, 20_000);
    SolveResult sor = Sor.solve(a, b, x0, 1.6, rule);
    SolveResult ssor = Sor.solveSymmetric(a, b, x0, 1.3, rule);
    SolveResult cg = ConjugateGradient.solve(a, b, x0, rule);
    assertTrue(sor.iterations() > 10 && cg.iterations() > 5, "the runs iterate");
    for (double c : SCALES) {
      double[] bc = scaled(b, c);
      assertScaled(sor, Sor.solve(a, bc, x0, 1.6, rule), c, "SOR");
      assertScaled(ssor, Sor.solveSymmetric(a, bc, x0, 1.3, rule), c, "SSOR");
      assertScaled(cg, ConjugateGradient.solve(a, bc, x0, rule), c, "CG");
    }
  }
}
