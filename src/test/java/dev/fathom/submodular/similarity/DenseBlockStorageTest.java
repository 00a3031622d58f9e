package dev.fathom.submodular.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.SquaredEuclidean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The squared-Euclidean storage (rows at offsets inside blocks of many rows) against the same
 * similarity as plain rows: every entry, gain and raise bitwise, in double and float.
 */
class DenseBlockStorageTest {
  private static double[][] points(RandomGenerator rng, int n, int d) {
    double[][] p = new double[n][d];
    for (double[] r : p) {
      Rng.gaussian(rng, r);
    }
    return p;
  }

  @Test
  void blockedStorageGainsAndRaisesAreBitwiseThoseOfRows() {
    RandomGenerator rng = Rng.create(17);
    // the block boundaries themselves (layouts of any row count) are tested in linalg; here the
    // rows sit at offsets i * n of one block, or in several blocks, as the JVM's regions decide
    for (int n : new int[] {1, 2, 3, 63, 64, 65, 257, 700}) {
      double[][] p = points(rng, n, 1 + n % 7);
      Similarity blocked = Similarity.squaredEuclidean(p, 2, Similarity.Precision.DOUBLE);
      Similarity rows = new DenseSimilarity(SquaredEuclidean.similarity(p, 1));
      DenseFloatSimilarity blockedF =
          (DenseFloatSimilarity) Similarity.squaredEuclidean(p, 2, Similarity.Precision.FLOAT);
      DenseFloatSimilarity rowsF = new DenseFloatSimilarity(SquaredEuclidean.similarityFloat(p, 1));
      assertEquals(n, blocked.candidates());
      assertEquals(n, blocked.clients());
      assertEquals(n, blockedF.clients());
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
          assertEquals(rows.get(j, i), blocked.get(j, i), 0.0);
          assertEquals(rowsF.get(j, i), blockedF.get(j, i), 0.0);
        }
      }
      double[] cur = new double[n];
      double[] curRows = new double[n];
      float[] curF = new float[n];
      float[] curFRows = new float[n];
      double[] curD = new double[n];
      double[] curDRows = new double[n];
      for (int step = 0; step < Math.min(n, 12); step++) {
        for (int e : new int[] {0, n - 1, rng.nextInt(n)}) {
          String at = "n " + n + ", step " + step + ", e " + e;
          assertEquals(rows.gain(e, curRows), blocked.gain(e, cur), 0.0, at);
          assertEquals(rowsF.gain(e, curFRows), blockedF.gain(e, curF), 0.0, at);
          assertEquals(rowsF.gain(e, curDRows), blockedF.gain(e, curD), 0.0, at);
        }
        int e = rng.nextInt(n);
        blocked.raise(e, cur);
        rows.raise(e, curRows);
        blockedF.raise(e, curF);
        rowsF.raise(e, curFRows);
        blockedF.raise(e, curD);
        rowsF.raise(e, curDRows);
        assertEquals(java.util.Arrays.toString(curRows), java.util.Arrays.toString(cur));
        assertEquals(java.util.Arrays.toString(curFRows), java.util.Arrays.toString(curF));
        assertEquals(java.util.Arrays.toString(curDRows), java.util.Arrays.toString(curD));
      }
      assertTrue(blocked.gain(0, new double[n]) >= 0);
    }
  }
}
