package dev.fathom.submodular.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.core.Rng;
import dev.fathom.linalg.SquaredEuclidean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SimilarityTest {
  @Test
  void positivePartSumIsBitIdenticalToSummingMax() {
    RandomGenerator rng = Rng.create(11);
    for (int m : new int[] {1, 3, 4, 7, 1000}) {
      double[] r = new double[m];
      double[] cur = new double[m];
      for (int i = 0; i < m; i++) {
        r[i] = rng.nextDouble() * Math.pow(10, rng.nextInt(12) - 6);
        cur[i] = i % 5 == 0 ? r[i] : rng.nextDouble() * Math.pow(10, rng.nextInt(12) - 6);
      }
      double g0 = 0;
      double g1 = 0;
      double g2 = 0;
      double g3 = 0;
      int i = 0;
      for (; i + 3 < m; i += 4) {
        g0 += Math.max(r[i] - cur[i], 0.0);
        g1 += Math.max(r[i + 1] - cur[i + 1], 0.0);
        g2 += Math.max(r[i + 2] - cur[i + 2], 0.0);
        g3 += Math.max(r[i + 3] - cur[i + 3], 0.0);
      }
      for (; i < m; i++) {
        g0 += Math.max(r[i] - cur[i], 0.0);
      }
      double expected = (g0 + g1) + (g2 + g3);
      assertEquals(expected, DenseSimilarity.positivePartSum(r, 0, cur, r.length), 0.0, "m = " + m);
    }
  }

  @Test
  void floatLimitKeepsTheFloatGainSumsFinite() {
    // the float gain adds BLOCK / 8 doubled similarities per lane: at most FLOAT_LIMIT each
    double perLane = 2.0 * DenseFloatSimilarity.BLOCK / 8 * SquaredEuclidean.FLOAT_LIMIT;
    assertEquals(Float.MAX_VALUE, perLane, Float.MAX_VALUE * 1e-12);
    float[][] rows = new float[1][DenseFloatSimilarity.BLOCK];
    java.util.Arrays.fill(rows[0], (float) SquaredEuclidean.FLOAT_LIMIT);
    double g = new DenseFloatSimilarity(rows).gain(0, new float[DenseFloatSimilarity.BLOCK]);
    assertEquals(
        DenseFloatSimilarity.BLOCK * (double) (float) SquaredEuclidean.FLOAT_LIMIT, g, 1e-6 * g);
  }

  @Test
  void sparseFromDenseKeepsTheNonZerosAndCopiesItsArrays() {
    double[][] dense = {{0, 2, 0}, {1, 0, 3}, {0, 0, 0}};
    SparseSimilarity s = SparseSimilarity.fromDense(dense);
    assertEquals(3, s.candidates());
    assertEquals(3, s.clients());
    assertEquals(3, s.nonZeros());
    assertArrayEquals(new int[] {0, 1, 3, 3}, s.rowPointers());
    assertArrayEquals(new int[] {1, 0, 2}, s.clientIds());
    assertArrayEquals(new double[] {2, 1, 3}, s.values(), 0.0);
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < 3; i++) {
        assertEquals(dense[j][i], s.get(j, i), 0.0);
      }
    }
    s.values()[0] = 99;
    s.rowPointers()[1] = 0;
    assertEquals(2.0, s.get(0, 1), 0.0, "accessors return copies");
    assertEquals(
        "rows[1][0] = -1.0: expected a finite non-negative number",
        assertThrows(
                IllegalArgumentException.class,
                () -> SparseSimilarity.fromDense(new double[][] {{1, 0}, {-1, 0}}))
            .getMessage());
    assertThrows(NullPointerException.class, () -> SparseSimilarity.fromDense(null));
  }
}
