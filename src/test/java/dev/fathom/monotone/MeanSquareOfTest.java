package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Solvers use a supplied {@code L_Q} as is and otherwise the estimate times {@link
 * Lipschitz#SAFETY}: checked on least squares with the identity rows, where every direction gives
 * the exact {@code L_Q = 1 / sqrt(d)}.
 */
class MeanSquareOfTest {
  @Test
  void suppliedConstantIsUsedAndAMissingOneIsEstimatedWithTheSafetyFactor() {
    int d = 4;
    double[][] rows = new double[d][d];
    for (int i = 0; i < d; i++) {
      rows[i][i] = 1;
    }
    LeastSquares ls = new LeastSquares(rows, new double[] {1, -2, 3, 0.5});
    assertEquals(1 / Math.sqrt(d), ls.meanSquareLipschitz(), 1e-12);
    Problem bare = Problem.of("identity rows", ls, Resolvents.identity(d), new double[d]);
    CountingOperator op = new CountingOperator(ls);
    assertEquals(Lipschitz.SAFETY / Math.sqrt(d), Lipschitz.meanSquareOf(bare, op), 1e-9);
    Problem given = bare.withMeanSquareLipschitz(0.75);
    assertEquals(0.75, Lipschitz.meanSquareOf(given, op), 0);
  }
}
