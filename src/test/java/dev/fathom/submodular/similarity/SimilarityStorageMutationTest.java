package dev.fathom.submodular.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The similarity storages' gains, values and neighbour graphs against direct evaluation and brute
 * force (found by mutation testing).
 */
class SimilarityStorageMutationTest {
  /** The facility-location gain from the stored values: sum_i max(s(e, i) - cur_i, 0). */
  private static double directGain(Similarity s, int e, double[] cur) {
    double g = 0;
    for (int i = 0; i < s.clients(); i++) {
      g += Math.max(s.get(e, i) - cur[i], 0);
    }
    return g;
  }

  private static double sq(double[] a, double[] b) {
    double d = 0;
    for (int t = 0; t < a.length; t++) {
      d += (a[t] - b[t]) * (a[t] - b[t]);
    }
    return d;
  }

  @Test
  void knnHoldsTheExactNeighboursWithGaussianValuesOfTheMeanStoredDistance() {
    RandomGenerator rng = Rng.create(17);
    for (int k : new int[] {1, 3, 7}) {
      double[][] x = Instances.points(rng, 40, 3);
      int n = x.length;
      SparseSimilarity s = SparseSimilarity.knn(x, k);
      assertEquals(n, s.candidates());
      assertEquals(n, s.clients());
      assertEquals(n * k, s.nonZeros());
      double sum = 0;
      Integer[][] near = new Integer[n][];
      for (int j = 0; j < n; j++) {
        final int jj = j;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> sq(x[jj], x[i])));
        near[j] = Arrays.copyOf(order, k);
        for (Integer i : near[j]) {
          sum += sq(x[j], x[i]);
        }
      }
      double h = sum > 0 ? sum / (n * (double) k) : 1; // all stored distances 0: all values 1
      for (int j = 0; j < n; j++) {
        assertEquals(j, near[j][0], "each point is its own nearest neighbour");
        boolean[] in = new boolean[n];
        for (Integer i : near[j]) {
          in[i] = true;
        }
        for (int i = 0; i < n; i++) {
          double expected = in[i] ? Math.exp(-sq(x[j], x[i]) / h) : 0;
          assertEquals(expected, s.get(j, i), 1e-12, "k " + k + " j " + j + " i " + i);
        }
      }
    }
  }

  @Test
  void knnOfIdenticalPointsUsesBandwidthOne() {
    double[][] x = {{1, 2}, {1, 2}, {1, 2}};
    SparseSimilarity s = SparseSimilarity.knn(x, 2);
    for (double v : s.values()) {
      assertEquals(1.0, v);
    }
  }

  @Test
  void mostSimilarKeepsTheTopKPerClientWithTiesToTheLowerId() {
    RandomGenerator rng = Rng.create(4);
    int n = 9;
    int m = 7;
    double[][] rows = new double[n][m];
    for (double[] r : rows) {
      for (int i = 0; i < m; i++) {
        r[i] = rng.nextInt(4); // many ties
      }
    }
    Similarity dense = Similarity.dense(rows);
    for (int k = 1; k <= n; k++) {
      SparseSimilarity s = SparseSimilarity.mostSimilar(dense, k);
      for (int i = 0; i < m; i++) {
        final int ii = i;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(
            order, Comparator.<Integer>comparingDouble(j -> -rows[j][ii]).thenComparingInt(j -> j));
        boolean[] kept = new boolean[n];
        for (int t = 0; t < k; t++) {
          kept[order[t]] = true;
        }
        for (int j = 0; j < n; j++) {
          assertEquals(kept[j] ? rows[j][i] : 0.0, s.get(j, i), "k " + k + " i " + i + " j " + j);
        }
      }
      // every client keeps exactly k entries, zeros included
      assertEquals(m * k, s.nonZeros());
    }
  }

  @Test
  void sparseOfAcceptsOneCandidateAndNamesADecreasingPointer() {
    SparseSimilarity one =
        SparseSimilarity.of(3, new int[] {0, 2}, new int[] {2, 0}, new double[] {0.5, 0.25});
    assertEquals(1, one.candidates());
    assertEquals(0.5, one.get(0, 2));
    assertEquals(0.25, one.get(0, 0));
    assertEquals(0.0, one.get(0, 1));
    assertEquals(
        "ptr[2] = 1: expected at least ptr[1] = 2",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SparseSimilarity.of(
                        3, new int[] {0, 2, 1, 3}, new int[] {0, 1, 2}, new double[] {1, 1, 1}))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SparseSimilarity.of(3, new int[] {0}, new int[0], new double[0]));
  }

  @Test
  void floatStorageGainsAndRaisesMatchTheStoredValues() {
    RandomGenerator rng = Rng.create(8);
    for (int m : new int[] {1, 2, 3, 5, 7, 8, 255, 256, 300, 530}) {
      double[][] x = Instances.points(rng, m, 2);
      DenseFloatSimilarity s =
          (DenseFloatSimilarity) Similarity.squaredEuclidean(x, 1, Similarity.Precision.FLOAT);
      Similarity exact = Similarity.squaredEuclidean(x);
      assertEquals(m, s.clients());
      assertEquals(m, s.candidates());
      double[] cur = new double[m];
      float[] curF = new float[m];
      for (int step = 0; step < 4; step++) {
        int e = rng.nextInt(m);
        for (int i = 0; i < m; i++) {
          assertEquals(exact.get(e, i), s.get(e, i), 1e-5 * (1 + Math.abs(exact.get(e, i))));
        }
        double direct = directGain(s, e, cur);
        assertEquals(direct, s.gain(e, cur), 1e-9 * (1 + direct), "m " + m);
        assertEquals(direct, s.gain(e, curF), 1e-4 * (1 + direct), "m " + m + " float");
        s.raise(e, cur);
        s.raise(e, curF);
        for (int i = 0; i < m; i++) {
          assertEquals((float) cur[i], curF[i]);
          assertTrue(cur[i] >= s.get(e, i));
        }
      }
    }
  }

  @Test
  void blockedStorageGainsAndValuesMatchItsRows() {
    for (int m = 1; m <= 6; m++) {
      final int mm = m;
      Similarity s =
          Similarity.blocked(
              5,
              m,
              (j, row) -> {
                for (int i = 0; i < mm; i++) {
                  row[i] = (j * 7 + i * 3) % 5 * 0.25;
                }
              });
      assertEquals(5, s.candidates());
      assertEquals(m, s.clients());
      double[] cur = new double[m];
      for (int j = 0; j < 5; j++) {
        for (int i = 0; i < m; i++) {
          assertEquals((j * 7 + i * 3) % 5 * 0.25, s.get(j, i));
        }
      }
      for (int e : new int[] {3, 1, 4, 0}) {
        double g = 0;
        for (int i = 0; i < m; i++) {
          g += Math.max((e * 7 + i * 3) % 5 * 0.25 - cur[i], 0);
        }
        assertEquals(g, s.gain(e, cur), "m " + m + " e " + e);
        s.raise(e, cur);
      }
    }
  }

  @Test
  void submodlibCosineStaysWithinMinusOneAndOne() {
    // parallel rows: the Gram entries of unit rows round to 1 +- ulp, and the builder clips them
    RandomGenerator rng = Rng.create(3);
    double[][] x = new double[60][];
    for (int i = 0; i < x.length; i++) {
      double[] base = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
      double c = (i % 2 == 0 ? 1 : -1) * (0.1 + rng.nextDouble() * 7);
      x[i] = new double[] {c * base[0], c * base[1], c * base[2]};
      if (i % 3 == 0 && i > 0) {
        double f = 1 + rng.nextDouble();
        x[i] = new double[] {f * x[i - 1][0], f * x[i - 1][1], f * x[i - 1][2]};
      }
    }
    Similarity s = PointSimilarity.submodlibCosine(x, 1);
    for (int j = 0; j < x.length; j++) {
      for (int i = 0; i < x.length; i++) {
        double v = s.get(j, i);
        assertTrue(v <= 1 && v >= -1, j + ", " + i + ": " + v);
      }
    }
  }
}
