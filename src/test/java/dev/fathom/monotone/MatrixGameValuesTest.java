package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link MatrixGame}'s values on a 2 × 2 game worked by hand, {@code A = [[1, -2], [3, 0.5]]}:
 * {@code ‖A‖_F = √(1 + 4 + 9 + 0.25)}, the duality gap {@code max_i (Ax)_i − min_j (Aᵀy)_j}, the
 * size and the uniform start; and {@link Resolvents#box} refuses bounds of different lengths.
 */
class MatrixGameValuesTest {
  @Test
  void normGapSizeAndStartOfASmallGame() {
    MatrixGame g = new MatrixGame(new double[][] {{1, -2}, {3, 0.5}});
    assertEquals(2, g.size());
    assertEquals(Math.sqrt(14.25), g.frobeniusNorm(), 1e-15);
    // x = (0.25, 0.75): Ax = (-1.25, 1.125); y = (0.5, 0.5): Aᵀy = (2, -0.75)
    assertEquals(1.125 - -0.75, g.dualityGap(new double[] {0.25, 0.75, 0.5, 0.5}), 1e-15);
    // x = (1, 0): Ax = (1, 3); y = (0, 1): Aᵀy = (3, 0.5)
    assertEquals(3 - 0.5, g.dualityGap(new double[] {1, 0, 0, 1}), 1e-15);
    assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, g.problem().start(), 0);
    assertEquals("matrix game n=2", g.problem().name());
  }

  @Test
  void boxBoundsOfDifferentLengthsAreRefused() {
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Resolvents.box(new double[] {0, 0}, new double[] {1, 1, 1}))
            .getMessage();
    assertTrue(m.contains("hi") && m.contains("lo"), m);
  }
}
