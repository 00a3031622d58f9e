package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A known solution must be finite (issue 15: a NaN solution made every error NaN). */
class ProblemSolutionTest {
  @Test
  void aNonFiniteSolutionIsRefusedByName() {
    Problem p = Problems.leastSquares(6, 3, 2);
    double[] xs = {1, Double.NaN, 0};
    String m = assertThrows(IllegalArgumentException.class, () -> p.withSolution(xs)).getMessage();
    assertTrue(m.startsWith("xs[1] = NaN"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> p.withSolution(new double[2]))
            .getMessage();
    assertTrue(m.startsWith("xs.length = 2"), m);
    assertArrayEquals(new double[] {1, 2, 3}, p.withSolution(new double[] {1, 2, 3}).solution());
  }
}
