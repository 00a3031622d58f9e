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

  /**
   * The sparse mode keeps, per client, exactly its k most similar candidates (lower id on ties).
   */
  @Test
  void sparseModeKeepsEachClientsMostSimilar() {
    double[][] x = points(4, 60, 3);
    x[11] = x[10].clone(); // a tie
    Similarity dense = PointSimilarity.submodlibEuclidean(x, 1);
    for (int k : new int[] {1, 5, 60}) {
      SparseSimilarity sparse = SparseSimilarity.mostSimilar(dense, k);
      for (int i = 0; i < x.length; i++) {
        final int client = i;
        Integer[] order = new Integer[x.length];
        for (int j = 0; j < order.length; j++) {
          order[j] = j;
        }
        java.util.Arrays.sort(
            order,
            (a, b) -> {
              int c = Double.compare(dense.get(b, client), dense.get(a, client));
              return c != 0 ? c : Integer.compare(a, b);
            });
        java.util.Set<Integer> top =
            new java.util.HashSet<>(java.util.List.of(order).subList(0, k));
        for (int j = 0; j < x.length; j++) {
          double want = top.contains(j) ? dense.get(j, i) : 0;
          assertEquals(want, sparse.get(j, i), 0.0, "k " + k + ", s(" + j + ", " + i + ")");
        }
      }
    }
    String m =
        assertThrows(IllegalArgumentException.class, () -> SparseSimilarity.mostSimilar(dense, 61))
            .getMessage();
    assertTrue(m.startsWith("k = 61"), m);
    // plain cosine keeps negative values when k reaches them: refused by entry
    Similarity cos = PointSimilarity.submodlibCosine(points(5, 6, 2), 1);
    m =
        assertThrows(IllegalArgumentException.class, () -> SparseSimilarity.mostSimilar(cos, 6))
            .getMessage();
    assertTrue(m.contains("a non-negative similarity to keep"), m);
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
