package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** {@link SquaredEuclidean#gram(double[][], int)} against dot products summed directly. */
class SquaredEuclideanGramTest {
  private static double[][] gaussian(long seed, int n, int d) {
    RandomGenerator rng = Rng.create(seed);
    double[][] p = new double[n][d];
    for (double[] r : p) {
      Rng.gaussian(rng, r);
    }
    return p;
  }

  @Test
  void equalsDirectDotProductsOnRaggedTilesAndIsExactlySymmetric() {
    // shapes around the tile sizes (64 rows, 512 columns), the strips and the 6-way unrolling
    int[][] shapes = {{1, 4}, {5, 3}, {70, 7}, {600, 13}, {131, 0}};
    for (int[] shape : shapes) {
      double[][] p = gaussian(shape[0] + 31L * shape[1], shape[0], shape[1]);
      double[][] g = SquaredEuclidean.gram(p, 1);
      for (int i = 0; i < p.length; i++) {
        for (int j = 0; j < p.length; j++) {
          double dot = 0;
          for (int k = 0; k < shape[1]; k++) {
            dot += p[i][k] * p[j][k];
          }
          assertEquals(dot, g[i][j], 1e-12 * (1 + Math.abs(dot)), shape[0] + "x" + shape[1]);
          assertEquals(g[j][i], g[i][j], 0.0, "symmetric");
        }
      }
    }
  }

  @Test
  void bitIdenticalForEveryThreadCountAndKernel() {
    double[][] p = gaussian(3, 300, 20);
    double[][] serial = SquaredEuclidean.gram(p, 1, null);
    for (int threads : new int[] {1, 2, 3}) {
      double[][] par = SquaredEuclidean.gram(p, threads);
      double[][] scalar = SquaredEuclidean.gram(p, threads, null);
      for (int i = 0; i < p.length; i++) {
        assertArrayEquals(serial[i], par[i], 0.0, "threads " + threads);
        assertArrayEquals(serial[i], scalar[i], 0.0, "threads " + threads);
      }
    }
  }

  @Test
  void badInputIsNamed() {
    assertEquals(
        "threads = 0: expected a positive integer",
        assertThrows(
                IllegalArgumentException.class,
                () -> SquaredEuclidean.gram(new double[][] {{1}}, 0))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SquaredEuclidean.gram(new double[][] {{1, 2}, {3}}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SquaredEuclidean.gram(new double[][] {{1e200, 1}}, 1));
    assertThrows(NullPointerException.class, () -> SquaredEuclidean.gram(null, 1));
  }
}
