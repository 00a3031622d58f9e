package dev.fathom.submodular.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** submodlib's dense kernel forms against their definitions evaluated directly. */
class SubmodlibKernelsTest {
  private static double[][] points(long seed, int n, int d) {
    RandomGenerator rng = Rng.create(seed);
    double[][] x = new double[n][d];
    for (double[] r : x) {
      for (int t = 0; t < d; t++) {
        r[t] = 3 * rng.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void euclideanIsExpOfMinusDistanceOverDimension() {
    double[][] x = points(1, 40, 5);
    Similarity s = PointSimilarity.submodlibEuclidean(x, 1);
    Similarity s3 = PointSimilarity.submodlibEuclidean(x, 3);
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        double sq = 0;
        for (int t = 0; t < 5; t++) {
          double v = x[i][t] - x[j][t];
          sq += v * v;
        }
        double want = Math.exp(-Math.sqrt(sq) / 5);
        assertEquals(want, s.get(j, i), 1e-12, i + "," + j);
        assertEquals(s.get(j, i), s3.get(j, i), 0.0, "thread counts agree bitwise");
      }
      assertEquals(1.0, s.get(i, i), 0.0);
    }
  }

  @Test
  void cosineIsPlainCosineWithZeroRowsAtZero() {
    double[][] x = points(2, 30, 4);
    x[7] = new double[4];
    Similarity s = PointSimilarity.submodlibCosine(x, 2);
    boolean negative = false;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        double dot = 0;
        double ni = 0;
        double nj = 0;
        for (int t = 0; t < 4; t++) {
          dot += x[i][t] * x[j][t];
          ni += x[i][t] * x[i][t];
          nj += x[j][t] * x[j][t];
        }
        double want = ni == 0 || nj == 0 ? 0 : dot / Math.sqrt(ni * nj);
        assertEquals(want, s.get(j, i), 1e-12, i + "," + j);
        negative |= s.get(j, i) < -0.1;
      }
    }
    assertTrue(negative, "plain cosine keeps its sign (apricot's form squares it)");
  }

  @Test
  void badInputIsRefusedByName() {
    double[][] x = points(3, 5, 2);
    String m =
        assertThrows(IllegalArgumentException.class, () -> PointSimilarity.submodlibEuclidean(x, 0))
            .getMessage();
    assertTrue(m.startsWith("threads = 0"), m);
    x[2][1] = Double.NaN;
    m =
        assertThrows(IllegalArgumentException.class, () -> PointSimilarity.submodlibCosine(x, 1))
            .getMessage();
    assertTrue(m.startsWith("points[2][1] = NaN"), m);
  }
}
