package dev.fathom.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Vectors;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RngTest {
  @Test
  void sameSeedSameSequence() {
    assertArrayEquals(Rng.gaussian(Rng.create(5), 100), Rng.gaussian(Rng.create(5), 100), 0);
    assertNotEquals(
        Arrays.toString(Rng.gaussian(Rng.create(5), 10)),
        Arrays.toString(Rng.gaussian(Rng.create(6), 10)));
  }

  @Test
  void streamsReproduceASerialRunOnAnyThreadCount() throws Exception {
    int tasks = 16;
    double[] serial = new double[tasks];
    for (int t = 0; t < tasks; t++) {
      serial[t] = sumOf(Rng.stream(77, t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      double[] parallel = new double[tasks];
      Future<?>[] fs = new Future<?>[tasks];
      for (int t = tasks - 1; t >= 0; t--) {
        int task = t;
        fs[t] = pool.submit(() -> parallel[task] = sumOf(Rng.stream(77, task)));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      assertArrayEquals(serial, parallel, 0);
    } finally {
      pool.shutdown();
    }
    RandomGenerator.SplittableGenerator[] split = Rng.split(77, tasks);
    for (int t = 0; t < tasks; t++) {
      assertEquals(serial[t], sumOf(split[t]), 0);
    }
  }

  private static double sumOf(RandomGenerator g) {
    double s = 0;
    for (int i = 0; i < 1000; i++) {
      s += g.nextDouble();
    }
    return s;
  }

  @Test
  void streamsAreUncorrelated() {
    int n = 20000;
    double[] a = Rng.gaussian(Rng.stream(1, 0), n);
    double[] b = Rng.gaussian(Rng.stream(1, 1), n);
    double corr = Vectors.dot(a, b) / (Vectors.norm2(a) * Vectors.norm2(b));
    // |corr| of independent samples is about 1/sqrt(n) = 0.007; 5 sigma.
    assertTrue(Math.abs(corr) < 5 / Math.sqrt(n), "corr " + corr);
  }

  @Test
  void permutationsAndSamplesAreValidAndUniform() {
    RandomGenerator g = Rng.create(3);
    int[] p = Rng.permutation(g, 50);
    int[] sorted = p.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 50; i++) {
      assertEquals(i, sorted[i]);
    }
    int n = 10;
    int trials = 20000;
    for (int k : new int[] {2, 9}) {
      int[] counts = new int[n];
      for (int t = 0; t < trials; t++) {
        int[] s = Rng.sampleWithoutReplacement(g, n, k);
        Set<Integer> seen = new HashSet<>();
        for (int v : s) {
          assertTrue(v >= 0 && v < n);
          assertTrue(seen.add(v), "repeated index");
          counts[v]++;
        }
      }
      double expected = (double) trials * k / n;
      double chi2 = 0;
      for (int c : counts) {
        chi2 += (c - expected) * (c - expected) / expected;
      }
      // 9 degrees of freedom: P(chi2 > 30) < 0.001.
      assertTrue(chi2 < 30, "chi2 " + chi2 + " for k = " + k);
    }
    int[] big = Rng.sampleWithoutReplacement(g, 1_000_000, 3);
    assertEquals(3, big.length);
  }

  @Test
  void gammaAndBetaHaveTheirMomentsAndLaws() {
    RandomGenerator g = Rng.create(21);
    int n = 200_000;
    for (double shape : new double[] {0.3, 0.75, 1, 2.5, 9}) {
      double s = 0;
      double ss = 0;
      int belowOne = 0;
      for (int i = 0; i < n; i++) {
        double x = Rng.gamma(g, shape);
        assertTrue(x >= 0);
        s += x;
        ss += x * x;
        if (x < 1) {
          belowOne++;
        }
      }
      double mean = s / n;
      double var = ss / n - mean * mean;
      // Gamma(k, 1): mean = variance = k; standard error of the mean sqrt(k / n).
      assertEquals(shape, mean, 5 * Math.sqrt(shape / n), "mean, shape " + shape);
      assertEquals(shape, var, 0.03 * shape + 5 * Math.sqrt(shape / n), "variance, shape " + shape);
      if (shape == 1) {
        // Gamma(1) is Exp(1): P(X < 1) = 1 - 1/e.
        assertEquals(1 - Math.exp(-1), (double) belowOne / n, 5 * Math.sqrt(0.25 / n));
      }
    }
    for (double[] ab : new double[][] {{0.5, 1.5}, {2, 6}, {1, 1}}) {
      double a = ab[0];
      double b = ab[1];
      double s = 0;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double x = Rng.beta(g, a, b);
        assertTrue(x >= 0 && x <= 1);
        s += x;
        ss += x * x;
      }
      double mean = s / n;
      double var = ss / n - mean * mean;
      double m = a / (a + b);
      double v = a * b / ((a + b) * (a + b) * (a + b + 1));
      assertEquals(m, mean, 5 * Math.sqrt(v / n));
      assertEquals(v, var, 0.03 * v);
    }
    assertEquals(
        "shape = 0.0: expected a finite positive number",
        assertThrows(IllegalArgumentException.class, () -> Rng.gamma(g, 0)).getMessage());
    assertEquals(
        "b = NaN: expected a finite positive number",
        assertThrows(IllegalArgumentException.class, () -> Rng.beta(g, 1, Double.NaN))
            .getMessage());
  }

  @Test
  void badInputIsRefused() {
    assertEquals(
        "k = 11: expected an integer in [0, 10]",
        assertThrows(
                IllegalArgumentException.class,
                () -> Rng.sampleWithoutReplacement(Rng.create(1), 10, 11))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rng.split(1, -1));
    assertThrows(
        IllegalArgumentException.class, () -> Rng.uniform(Rng.create(1), 1, 1, new double[1]));
    assertThrows(NullPointerException.class, () -> Rng.gaussian(null, new double[1]));
  }
}
