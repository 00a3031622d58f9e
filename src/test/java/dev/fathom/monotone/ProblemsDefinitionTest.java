package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The built-in problems against their documented definitions, built here entry by entry: the
 * Ouyang-Xu operator {@code F(x, y) = (Hx − h − Aᵀy, Ax − b)} and start {@code 𝟙/n}; the
 * regularized bilinear problem's resolvent (the box {@code |z_j| ≤ |z*_j| + 1} when boxed, the
 * identity otherwise) and name; the size check of least squares.
 */
class ProblemsDefinitionTest {

  @Test
  void ouyangXuIsTheDocumentedQuadraticMinMax() {
    for (int n : new int[] {2, 5}) {
      double[][] a = new double[n][n];
      for (int i = 0; i < n; i++) {
        a[i][n - 1 - i] = 0.25;
        if (n - 2 - i >= 0) {
          a[i][n - 2 - i] = -0.25;
        }
      }
      Problem p = Problems.ouyangXu(n);
      double[] start = new double[2 * n];
      Arrays.fill(start, 1.0 / n);
      assertArrayEquals(start, p.start(), 0);
      RandomGenerator rng = Rng.create(n);
      for (int t = 0; t < 3; t++) {
        double[] z = Rng.gaussian(rng, 2 * n);
        double[] want = new double[2 * n];
        for (int r = 0; r < n; r++) {
          double hx = 0; // (H x)_r with H = 2 AᵀA
          double aty = 0; // (Aᵀ y)_r
          double ax = 0; // (A x)_r
          for (int c = 0; c < n; c++) {
            double h = 0;
            for (int k = 0; k < n; k++) {
              h += 2 * a[k][r] * a[k][c];
            }
            hx += h * z[c];
            aty += a[c][r] * z[n + c];
            ax += a[r][c] * z[c];
          }
          want[r] = hx - (r == n - 1 ? 0.25 : 0) - aty;
          want[n + r] = ax - 0.25;
        }
        double[] got = new double[2 * n];
        p.operator().apply(z, got);
        assertArrayEquals(want, got, 1e-12, "n = " + n);
      }
    }
  }

  @Test
  void regularizedBilinearBoxesAroundThePlantedSolutionOnlyWhenAsked() {
    Problem boxed = Problems.regularizedBilinear(4, 3, 5, 0.3, true, 2);
    Problem free = Problems.regularizedBilinear(4, 3, 5, 0.3, false, 2);
    assertEquals("regularized bilinear d=4 m=3 boxed", boxed.name());
    assertEquals("regularized bilinear d=4 m=3", free.name());
    assertArrayEquals(boxed.solution(), free.solution(), 0);
    double[] zs = boxed.solution();
    double[] far = new double[7];
    for (int j = 0; j < 7; j++) {
      far[j] = (j % 2 == 0 ? 1 : -1) * (Math.abs(zs[j]) + 5);
    }
    double[] out = new double[7];
    boxed.resolvent().apply(0.7, far, out);
    for (int j = 0; j < 7; j++) {
      assertEquals(Math.signum(far[j]) * (Math.abs(zs[j]) + 1), out[j], 1e-15, "entry " + j);
    }
    assertTrue(free.resolvent().isIdentity());
    free.resolvent().apply(0.7, far, out);
    assertArrayEquals(far, out, 0);
  }

  @Test
  void leastSquaresRefusesMoreEntriesThanAnArrayHolds() {
    String m =
        assertThrows(
                IllegalArgumentException.class, () -> Problems.leastSquares(1 << 16, 1 << 16, 1))
            .getMessage();
    assertTrue(m.startsWith("n * d = 4294967296"), m);
  }
}
