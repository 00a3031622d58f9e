package dev.fathom.submodular.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.SquaredEuclidean;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The dense squared-Euclidean similarity storages and facility location on them. */
class SquaredEuclideanSimilarityTest {
  /** Gaussian points shifted far from the origin (the Gram trick must centre them). */
  private static double[][] shifted(long seed, int n, int d, double shift) {
    double[][] p = Instances.points(Rng.create(seed), n, d);
    for (double[] r : p) {
      for (int k = 0; k < d; k++) {
        r[k] += shift * (k + 1);
      }
    }
    return p;
  }

  private static double[][] entries(Similarity s) {
    int n = s.candidates();
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = s.get(i, j);
      }
    }
    return m;
  }

  @Test
  void storesTheKernelsRowsExactly() {
    // the kernel itself is checked against direct differences in linalg.SquaredEuclideanTest
    double[][] p = shifted(3, 150, 13, 1e3);
    double[][] d = SquaredEuclidean.similarity(p, 1);
    float[][] f = SquaredEuclidean.similarityFloat(p, 1);
    double[][] gotD = entries(Similarity.squaredEuclidean(p, 2, Similarity.Precision.DOUBLE));
    double[][] gotF = entries(Similarity.squaredEuclidean(p, 2, Similarity.Precision.FLOAT));
    for (int i = 0; i < p.length; i++) {
      assertArrayEquals(d[i], gotD[i], 0.0, "double row " + i);
      for (int j = 0; j < p.length; j++) {
        assertEquals(f[i][j], gotF[i][j], 0.0, "float s(" + i + ", " + j + ")");
      }
    }
    assertArrayEquals(d[0], entries(Similarity.squaredEuclidean(p))[0], 0.0);
  }

  @Test
  void symmetricWithExactDiagonalAndZeroMinimum() {
    for (Similarity.Precision precision : Similarity.Precision.values()) {
      double[][] s = entries(Similarity.squaredEuclidean(shifted(5, 140, 7, 10), 2, precision));
      double max = s[0][0];
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i < s.length; i++) {
        assertEquals(max, s[i][i], 0.0, "diagonal " + i);
        for (int j = 0; j < s.length; j++) {
          assertEquals(s[i][j], s[j][i], 0.0, "symmetry " + i + ", " + j);
          assertTrue(s[i][j] >= 0 && s[i][j] <= max);
          min = Math.min(min, s[i][j]);
        }
      }
      assertEquals(0.0, min, 0.0, "the farthest pair has similarity 0");
    }
  }

  @Test
  void smallShapes() {
    // one point: D = 0, s = 0
    assertEquals(0.0, Similarity.squaredEuclidean(new double[][] {{3, 4}}).get(0, 0), 0.0);
    // one dimension, collinear points: s = max - (x_i - x_j)^2 exactly
    Similarity s =
        Similarity.squaredEuclidean(new double[][] {{0}, {1}, {3}}, 2, Similarity.Precision.DOUBLE);
    assertEquals(9.0, s.get(0, 0), 0.0);
    assertEquals(8.0, s.get(0, 1), 0.0);
    assertEquals(0.0, s.get(2, 0), 0.0);
    assertEquals(5.0, s.get(1, 2), 0.0);
  }

  @Test
  void floatFacilityGainsMatchDoubleArithmetic() {
    // FacilityLocation on float storage sums float differences; compare with the entries' gains
    // computed in double from scratch, against a set grown greedily
    double[][] p = shifted(19, 700, 6, 3);
    Similarity sim = Similarity.squaredEuclidean(p, 2, Similarity.Precision.FLOAT);
    FacilityLocation f = new FacilityLocation(sim);
    int n = p.length;
    double[] cur = new double[n];
    for (int e : new int[] {3, 250, 699, 41}) {
      for (int c = 0; c < n; c += 37) {
        double expected = 0;
        for (int i = 0; i < n; i++) {
          expected += Math.max(sim.get(c, i) - cur[i], 0.0);
        }
        assertEquals(expected, f.gain(c), 1e-6 * expected + 1e-9, "candidate " + c);
        assertEquals(expected, sim.gain(c, cur), 1e-12 * expected, "interface gain " + c);
      }
      f.add(e);
      for (int i = 0; i < n; i++) {
        cur[i] = Math.max(cur[i], sim.get(e, i));
      }
    }
    FacilityLocation copy = f.copy();
    assertEquals(f.gain(7), copy.gain(7), 0.0);
    copy.reset();
    assertEquals(new FacilityLocation(sim).gain(7), copy.gain(7), 0.0);
  }

  @Test
  void lazyEqualsNaiveOnFloatStorage() {
    double[][] p = shifted(13, 300, 5, 0);
    FacilityLocation f =
        new FacilityLocation(Similarity.squaredEuclidean(p, 2, Similarity.Precision.FLOAT));
    Selection naive = Greedy.naive(f, Constraint.cardinality(25));
    Selection lazy = Greedy.lazy(f, Constraint.cardinality(25));
    assertArrayEquals(naive.elements(), lazy.elements());
    assertArrayEquals(naive.gains(), lazy.gains(), 0.0);
    assertTrue(lazy.oracleCalls() < naive.oracleCalls());
  }

  @Test
  void floatPathSelectsLikeTheDoublePath() {
    // well-separated clusters: the float path's near-ties are far below the gaps between gains,
    // so it picks the same exemplars; its value, re-evaluated in double, is within 1e-6
    RandomGenerator rng = Rng.create(17);
    double[][] p = new double[400][16];
    for (int i = 0; i < p.length; i++) {
      Rng.gaussian(rng, p[i]);
      p[i][i % 8] += 40 * (1 + i % 8);
    }
    FacilityLocation fd = new FacilityLocation(Similarity.squaredEuclidean(p));
    FacilityLocation ff =
        new FacilityLocation(Similarity.squaredEuclidean(p, 2, Similarity.Precision.FLOAT));
    Selection sd = Greedy.lazy(fd, Constraint.cardinality(8));
    Selection sf = Greedy.lazy(ff, Constraint.cardinality(8));
    assertArrayEquals(sd.elements(), sf.elements());
    assertEquals(sd.value(), fd.evaluate(sf.elements()), 1e-6 * sd.value());
    assertEquals(sd.value(), sf.value(), 1e-6 * sd.value());
  }

  @Test
  void badInput() {
    double[][] p = {{0, 1}, {2, 3}};
    assertEquals(
        "threads = 0: expected a positive integer",
        assertThrows(
                IllegalArgumentException.class,
                () -> Similarity.squaredEuclidean(p, 0, Similarity.Precision.DOUBLE))
            .getMessage());
    assertThrows(NullPointerException.class, () -> Similarity.squaredEuclidean(p, 1, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> Similarity.squaredEuclidean(new double[][] {{0, 1}, {2}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Similarity.squaredEuclidean(new double[][] {{0, Double.NaN}}));
    assertThrows(
        IllegalArgumentException.class, () -> Similarity.squaredEuclidean(new double[0][]));
  }

  @Test
  void hugeEqualCoordinatesGiveZeroDistances() {
    // a plain coordinate sum would overflow to infinity here; the distances are all 0
    double[][] p = {{1e308, -1e308}, {1e308, -1e308}, {1e308, -1e308}};
    for (Similarity.Precision precision : Similarity.Precision.values()) {
      Similarity sim = Similarity.squaredEuclidean(p, 2, precision);
      for (int i = 0; i < p.length; i++) {
        for (int j = 0; j < p.length; j++) {
          assertEquals(0.0, sim.get(i, j), 0.0, precision + " (" + i + ", " + j + ")");
        }
      }
    }
  }

  @Test
  void distancesBeyondThePrecisionAreRefused() {
    // double: squared distance 4e308 overflows
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Similarity.squaredEuclidean(
                    new double[][] {{1e154}, {-1e154}}, 1, Similarity.Precision.DOUBLE));
    assertTrue(e.getMessage().startsWith("points[0] = squared distance"), e.getMessage());
    // float: 8 points, squared distance 2.56e38 fits a float, but a float gain of it would not
    double[][] p = new double[8][1];
    p[0][0] = 1.6e19;
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Similarity.squaredEuclidean(p, 2, Similarity.Precision.FLOAT));
    assertTrue(e.getMessage().startsWith("points = largest squared distance"), e.getMessage());
    assertTrue(e.getMessage().contains("expected at most " + SquaredEuclidean.FLOAT_LIMIT));
    // the same points in double storage are fine, and their gains are finite
    FacilityLocation f =
        new FacilityLocation(Similarity.squaredEuclidean(p, 2, Similarity.Precision.DOUBLE));
    assertEquals(7 * 2.56e38, f.gain(1), 1e-12 * 7 * 2.56e38);
    // just under the float limit: accepted, and every float gain stays finite
    double[][] q = new double[300][1];
    double half = Math.sqrt(SquaredEuclidean.FLOAT_LIMIT) / 2 * 0.999;
    for (int i = 0; i < q.length; i++) {
      q[i][0] = i % 2 == 0 ? half : -half;
    }
    FacilityLocation g =
        new FacilityLocation(Similarity.squaredEuclidean(q, 1, Similarity.Precision.FLOAT));
    for (int c = 0; c < q.length; c += 7) {
      assertTrue(Double.isFinite(g.gain(c)), "gain " + c);
    }
  }
}
