package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The tiled Gram kernel against direct differences, across thread counts and SIMD kernels. */
class SquaredEuclideanTest {
  /** Gaussian points shifted far from the origin (the Gram trick must centre them). */
  private static double[][] shifted(long seed, int n, int d, double shift) {
    RandomGenerator rng = Rng.create(seed);
    double[][] p = new double[n][d];
    for (double[] r : p) {
      Rng.gaussian(rng, r);
      for (int k = 0; k < d; k++) {
        r[k] += shift * (k + 1);
      }
    }
    return p;
  }

  /** The reference: direct differences, max D - D, no Gram matrix, no tiles. */
  private static double[][] reference(double[][] p) {
    int n = p.length;
    double[][] dist = new double[n][n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < p[i].length; k++) {
          double t = p[i][k] - p[j][k];
          s += t * t;
        }
        dist[i][j] = s;
        max = Math.max(max, s);
      }
    }
    for (double[] r : dist) {
      for (int j = 0; j < n; j++) {
        r[j] = max - r[j];
      }
    }
    return dist;
  }

  @Test
  void doubleAndFloatMatchDirectDifferences() {
    // 150 points: three tile rows, a partial one; d = 13: two six-wide passes and a remainder
    double[][] p = shifted(3, 150, 13, 1e3);
    double[][] ref = reference(p);
    double max = ref[0][0];
    double[][] d = SquaredEuclidean.similarity(p, 1);
    float[][] f = SquaredEuclidean.similarityFloat(p, 2);
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p.length; j++) {
        assertEquals(ref[i][j], d[i][j], 1e-12 * max, "double s(" + i + ", " + j + ")");
        assertEquals(ref[i][j], f[i][j], 1e-6 * max, "float s(" + i + ", " + j + ")");
      }
    }
  }

  @Test
  void bitIdenticalForEveryThreadCount() {
    // 600 points: 10 tile rows, two tile columns in the first rows, so threads share the work
    double[][] p = shifted(7, 600, 20, 1);
    double[][] serial = SquaredEuclidean.similarity(p, 1);
    float[][] serialF = SquaredEuclidean.similarityFloat(p, 1);
    // and the scalar loops for every thread count, whether or not the SIMD kernel is present
    double[][] scalar = SquaredEuclidean.similarity(p, 1, null);
    for (int threads : new int[] {2, 3}) {
      double[][] par = SquaredEuclidean.similarity(p, threads, null);
      for (int i = 0; i < p.length; i++) {
        assertArrayEquals(scalar[i], par[i], 0.0, "scalar, threads " + threads + ", row " + i);
      }
    }
    for (int threads : new int[] {2, 3, 8}) {
      double[][] par = SquaredEuclidean.similarity(p, threads);
      float[][] parF = SquaredEuclidean.similarityFloat(p, threads);
      for (int i = 0; i < p.length; i++) {
        assertArrayEquals(serial[i], par[i], 0.0, "threads " + threads + ", row " + i);
        assertArrayEquals(serialF[i], parF[i], 0f, "threads " + threads + ", row " + i);
      }
    }
  }

  @Test
  void simdKernelIsSelectedWithTheModuleAndBitIdenticalToTheScalarLoops() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    boolean enabled = !"false".equalsIgnoreCase(System.getProperty("fathom.simd"));
    GramKernel k = GramKernel.SELECTED;
    assertEquals(module && enabled, k != null, "SIMD kernel selected");
    if (k == null) {
      return; // the default build runs the tests with the module, so this path is exercised there
    }
    assertTrue(SquaredEuclidean.selfCheck(k));
    // shapes with ragged row blocks, ragged strips and coordinate counts around the unrolling
    int[][] shapes = {{5, 3}, {37, 1}, {150, 13}, {600, 20}, {131, 0}};
    for (int[] shape : shapes) {
      double[][] p = shifted(23, shape[0], shape[1], 2);
      double[][] simd = SquaredEuclidean.similarity(p, 2, k);
      double[][] scalar = SquaredEuclidean.similarity(p, 1, null);
      float[][] simdF = SquaredEuclidean.similarityFloat(p, 2, k);
      float[][] scalarF = SquaredEuclidean.similarityFloat(p, 1, null);
      for (int i = 0; i < p.length; i++) {
        assertArrayEquals(scalar[i], simd[i], 0.0, "n, d = " + shape[0] + ", " + shape[1]);
        assertArrayEquals(scalarF[i], simdF[i], 0f, "n, d = " + shape[0] + ", " + shape[1]);
      }
    }
  }

  @Test
  void badInput() {
    double[][] p = {{0, 1}, {2, 3}};
    assertEquals(
        "threads = 0: expected a positive integer",
        assertThrows(IllegalArgumentException.class, () -> SquaredEuclidean.similarity(p, 0))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SquaredEuclidean.similarityFloat(new double[][] {{0, 1}, {2}}, 1));
    assertThrows(NullPointerException.class, () -> SquaredEuclidean.similarity(null, 1));
  }
}
