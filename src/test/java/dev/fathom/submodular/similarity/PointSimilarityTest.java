package dev.fathom.submodular.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The builders against their definitions evaluated directly, pair by pair. */
class PointSimilarityTest {
  private static double[][] points(long seed, int n, int d) {
    return Instances.points(Rng.create(seed), n, d);
  }

  /** Pearson's r from the textbook sums formula. */
  private static double pearson(double[] x, double[] y) {
    int m = x.length;
    double sx = 0;
    double sy = 0;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int t = 0; t < m; t++) {
      sx += x[t];
      sy += y[t];
      sxy += x[t] * y[t];
      sxx += x[t] * x[t];
      syy += y[t] * y[t];
    }
    return (m * sxy - sx * sy) / Math.sqrt((m * sxx - sx * sx) * (m * syy - sy * sy));
  }

  private static double cos(double[] x, double[] y) {
    double xy = 0;
    double xx = 0;
    double yy = 0;
    for (int t = 0; t < x.length; t++) {
      xy += x[t] * y[t];
      xx += x[t] * x[t];
      yy += y[t] * y[t];
    }
    return xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
  }

  /** Every entry is the square of {@code c} on distinct points, 1 on the diagonal. */
  private static void assertSquares(
      Similarity s, double[][] p, java.util.function.ToDoubleBiFunction<double[], double[]> c) {
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p.length; j++) {
        double r = i == j ? 1 : c.applyAsDouble(p[i], p[j]);
        assertEquals(r * r, s.get(i, j), 1e-12, i + "," + j);
      }
    }
  }

  @Test
  void cosineIsTheSquaredCosineWithAUnitDiagonal() {
    double[][] p = points(1, 30, 5);
    p[7] = new double[5]; // a zero point: cosine 0 with the others, self-similarity 1
    p[9] = p[3].clone(); // a duplicate: similarity 1
    Similarity s = PointSimilarity.cosine(p);
    assertSquares(s, p, PointSimilarityTest::cos);
    assertEquals(1, s.get(3, 9), 1e-12);
    assertEquals(0, s.get(7, 2), 0.0);
  }

  @Test
  void correlationIsTheSquaredPearsonCoefficient() {
    double[][] p = points(2, 25, 6);
    p[4] = Arrays.stream(p[5]).map(v -> -3 * v + 2).toArray(); // r = -1 with row 5
    Similarity s = PointSimilarity.correlation(p);
    assertSquares(s, p, PointSimilarityTest::pearson);
    assertEquals(1, s.get(4, 5), 1e-12);
  }

  @Test
  void tiledGramPathMatchesTheDefinitionsAcrossTiles() {
    // more points than one tile row block (64) and column block (512), ragged at both ends
    double[][] p = points(12, 700, 9);
    p[100] = new double[9];
    assertSquares(PointSimilarity.cosine(p), p, PointSimilarityTest::cos);
    p[100][0] = 1;
    Similarity r = PointSimilarity.correlation(p);
    assertSquares(r, p, PointSimilarityTest::pearson);
    // bitwise the same with threads
    Similarity c = PointSimilarity.cosine(p);
    Similarity c3 = PointSimilarity.cosine(p, 3);
    Similarity r2 = PointSimilarity.correlation(p, 2);
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p.length; j++) {
        assertEquals(c.get(i, j), c3.get(i, j), 0.0);
        assertEquals(r.get(i, j), r2.get(i, j), 0.0);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> PointSimilarity.cosine(p, 0));
    assertThrows(IllegalArgumentException.class, () -> PointSimilarity.correlation(p, -1));
  }

  @Test
  void anyDistanceBecomesMaxMinusDistance() {
    double[][] p = points(3, 20, 3);
    Distance chebyshev =
        (a, b) ->
            IntStream.range(0, a.length).mapToDouble(t -> Math.abs(a[t] - b[t])).max().orElse(0);
    Similarity s = PointSimilarity.fromDistance(p, chebyshev);
    double max = 0;
    for (double[] a : p) {
      for (double[] b : p) {
        max = Math.max(max, chebyshev.between(a, b));
      }
    }
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j < 20; j++) {
        assertEquals(max - chebyshev.between(p[i], p[j]), s.get(i, j), 0.0);
      }
    }
    // the squared-Euclidean case is apricot's dense Euclidean similarity
    Similarity sq = PointSimilarity.fromDistance(p, Distance.SQUARED_EUCLIDEAN);
    Similarity ref = Similarity.squaredEuclidean(p);
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j < 20; j++) {
        assertEquals(ref.get(i, j), sq.get(i, j), 1e-12);
      }
    }
  }

  @Test
  void knnKeepsTheKNearestUnderAnyDistance() {
    double[][] p = points(4, 40, 3);
    int k = 6;
    for (Distance d : new Distance[] {Distance.EUCLIDEAN, Distance.MANHATTAN}) {
      SparseSimilarity s = PointSimilarity.knn(p, k, d);
      assertEquals(40 * k, s.nonZeros());
      Integer[][] nearest = new Integer[40][];
      double max = 0;
      for (int j = 0; j < 40; j++) {
        final int jj = j;
        nearest[j] =
            IntStream.range(0, 40)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> d.between(p[jj], p[i])))
                .limit(k)
                .toArray(Integer[]::new);
        for (int i : nearest[j]) {
          max = Math.max(max, d.between(p[j], p[i]));
        }
      }
      for (int j = 0; j < 40; j++) {
        assertEquals(j, (int) nearest[j][0], "each point is its own nearest neighbour");
        for (int i : nearest[j]) {
          assertEquals(max - d.between(p[j], p[i]), s.get(j, i), 1e-12);
        }
        int[] ids = Arrays.copyOfRange(s.clientIds(), s.rowPointers()[j], s.rowPointers()[j + 1]);
        int[] want = Arrays.stream(nearest[j]).mapToInt(Integer::intValue).sorted().toArray();
        Arrays.sort(ids);
        assertEquals(Arrays.toString(want), Arrays.toString(ids));
      }
    }
  }

  @Test
  void knnBreaksDistanceTiesToTheLowerId() {
    double[][] line = {{0}, {1}, {1}, {2}, {-1}};
    SparseSimilarity s = PointSimilarity.knn(line, 3, Distance.MANHATTAN);
    // row 0: itself, then ids 1, 2 and 4 all at distance 1: the lower ids 1 and 2 are kept
    assertEquals("[0, 1, 2]", Arrays.toString(Arrays.copyOfRange(s.clientIds(), 0, 3)));
    // row 4: itself (0), 0 (1), then 1 and 2 at distance 2: 1 is kept
    assertEquals("[4, 0, 1]", Arrays.toString(Arrays.copyOfRange(s.clientIds(), 12, 15)));
  }

  @Test
  void knnCosineAndCorrelationKeepTheMostSimilarEntriesOfTheDenseMatrix() {
    double[][] p = points(5, 35, 4);
    int k = 5;
    for (int variant = 0; variant < 2; variant++) {
      SparseSimilarity s =
          variant == 0 ? PointSimilarity.knnCosine(p, k) : PointSimilarity.knnCorrelation(p, k);
      for (int j = 0; j < 35; j++) {
        final int jj = j;
        final int v = variant;
        double[] direct =
            IntStream.range(0, 35)
                .mapToDouble(
                    i -> {
                      double c = i == jj ? 1 : v == 0 ? cos(p[jj], p[i]) : pearson(p[jj], p[i]);
                      return c * c;
                    })
                .toArray();
        double kth =
            Arrays.stream(direct)
                .boxed()
                .sorted(Comparator.reverseOrder())
                .skip(k - 1)
                .findFirst()
                .orElseThrow();
        int stored = 0;
        for (int i = 0; i < 35; i++) {
          if (s.get(j, i) != 0) {
            stored++;
            assertEquals(direct[i], s.get(j, i), 1e-12);
            assertTrue(direct[i] >= kth - 1e-12);
          } else {
            assertTrue(direct[i] <= kth + 1e-12);
          }
        }
        assertEquals(k, stored);
        assertEquals(1, s.get(j, j), 1e-12);
      }
    }
  }

  @Test
  void badInputIsNamed() {
    double[][] p = points(6, 5, 3);
    assertEquals(
        "k = 0: expected an integer in [1, 5]",
        assertThrows(
                IllegalArgumentException.class, () -> PointSimilarity.knn(p, 0, Distance.EUCLIDEAN))
            .getMessage());
    assertEquals(
        "distance = null: expected a non-null value",
        assertThrows(NullPointerException.class, () -> PointSimilarity.fromDistance(p, null))
            .getMessage());
    assertEquals(
        "distance(points[0], points[0]) = -1.0: expected a finite non-negative number",
        assertThrows(
                IllegalArgumentException.class, () -> PointSimilarity.fromDistance(p, (a, b) -> -1))
            .getMessage());
    double[][] constant = {{1, 2}, {3, 3}};
    assertEquals(
        "points[1] = a constant row: expected a non-constant row for a correlation",
        assertThrows(IllegalArgumentException.class, () -> PointSimilarity.correlation(constant))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> PointSimilarity.knnCorrelation(new double[][] {{1}, {2}}, 1));
    assertThrows(NullPointerException.class, () -> PointSimilarity.cosine(null));
    assertThrows(
        IllegalArgumentException.class,
        () -> PointSimilarity.knnCosine(new double[][] {{1, Double.NaN}}, 1));
  }
}
