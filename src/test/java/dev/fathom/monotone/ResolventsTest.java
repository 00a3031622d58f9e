package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ResolventsTest {

  /** Brute force: the best point over every support set of the simplex's faces. */
  private static double[] bruteSimplex(double[] v, double r) {
    int d = v.length;
    double best = Double.POSITIVE_INFINITY;
    double[] arg = null;
    for (int mask = 1; mask < (1 << d); mask++) {
      int k = Integer.bitCount(mask);
      double s = 0;
      for (int j = 0; j < d; j++) {
        if ((mask >> j & 1) != 0) {
          s += v[j];
        }
      }
      double theta = (s - r) / k;
      double[] x = new double[d];
      boolean feasible = true;
      for (int j = 0; j < d; j++) {
        if ((mask >> j & 1) != 0) {
          x[j] = v[j] - theta;
          feasible &= x[j] >= -1e-15;
        }
      }
      if (!feasible) {
        continue;
      }
      double dist = 0;
      for (int j = 0; j < d; j++) {
        dist += (x[j] - v[j]) * (x[j] - v[j]);
      }
      if (dist < best) {
        best = dist;
        arg = x;
      }
    }
    return arg;
  }

  @Test
  void simplexProjectionMatchesBruteForceOverAllFaces() {
    RandomGenerator rng = Rng.create(11);
    for (int trial = 0; trial < 300; trial++) {
      int d = 1 + rng.nextInt(8);
      double r = 0.5 + 2 * rng.nextDouble();
      double[] v = new double[d];
      for (int j = 0; j < d; j++) {
        v[j] = 3 * rng.nextGaussian();
      }
      if (trial % 5 == 0 && d > 1) {
        v[1] = v[0]; // ties
      }
      assertArrayEquals(bruteSimplex(v, r), Resolvents.projectSimplex(v, r), 1e-12);
      double[] out = new double[d];
      Resolvents.simplex(d, r).apply(1.0, v, out);
      assertArrayEquals(bruteSimplex(v, r), out, 1e-12);
    }
  }

  /** The projection p of v onto C satisfies ⟨v − p, y − p⟩ ≤ 0 for every y in C. */
  private static void assertProjection(double[] v, double[] p, double[][] samples) {
    for (double[] y : samples) {
      double s = 0;
      for (int j = 0; j < v.length; j++) {
        s += (v[j] - p[j]) * (y[j] - p[j]);
      }
      assertTrue(s <= 1e-10, "variational inequality violated: " + s);
    }
  }

  @Test
  void boxBallAndProductSatisfyTheVariationalInequalityOnSampledPoints() {
    RandomGenerator rng = Rng.create(5);
    int d = 6;
    double[] lo = {-1, 0, -2, Double.NEGATIVE_INFINITY, 0.5, -0.1};
    double[] hi = {1, 3, -1, 0, 0.5, 0.1};
    Resolvent box = Resolvents.box(lo, hi);
    Resolvent ball = Resolvents.ball(d, 1.5);
    Resolvent prod = Resolvents.product(Resolvents.simplex(3, 1), Resolvents.box(3, -1, 1));
    double[][] boxPts = new double[500][d];
    double[][] ballPts = new double[500][d];
    double[][] prodPts = new double[500][d];
    for (int s = 0; s < 500; s++) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        double l = Double.isInfinite(lo[j]) ? -10 : lo[j];
        boxPts[s][j] = l + (hi[j] - l) * rng.nextDouble();
        ballPts[s][j] = rng.nextGaussian();
        norm += ballPts[s][j] * ballPts[s][j];
      }
      double f = 1.5 * Math.pow(rng.nextDouble(), 1.0 / d) / Math.sqrt(norm);
      for (int j = 0; j < d; j++) {
        ballPts[s][j] *= f;
      }
      double e0 = -Math.log(rng.nextDouble());
      double e1 = -Math.log(rng.nextDouble());
      double e2 = -Math.log(rng.nextDouble());
      double t = e0 + e1 + e2;
      prodPts[s] = new double[] {e0 / t, e1 / t, e2 / t, 2 * rng.nextDouble() - 1, 0, 1};
    }
    for (int trial = 0; trial < 50; trial++) {
      double[] v = Rng.gaussian(rng, d);
      for (int j = 0; j < d; j++) {
        v[j] *= 3;
      }
      double[] p = new double[d];
      box.apply(1.0, v, p);
      for (int j = 0; j < d; j++) {
        assertTrue(p[j] >= lo[j] && p[j] <= hi[j]);
      }
      assertProjection(v, p, boxPts);
      ball.apply(1.0, v, p);
      assertTrue(
          Math.sqrt(
                  p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + p[3] * p[3] + p[4] * p[4] + p[5] * p[5])
              <= 1.5 + 1e-12);
      assertProjection(v, p, ballPts);
      prod.apply(1.0, v, p);
      assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
      assertProjection(v, p, prodPts);
    }
  }

  /** Minimizes (1/2)(x − v)² + h(x) by golden-section search on [−20, 20]. */
  private static double argmin1d(java.util.function.DoubleUnaryOperator f) {
    double a = -20;
    double b = 20;
    double g = (Math.sqrt(5) - 1) / 2;
    for (int it = 0; it < 200; it++) {
      double c = b - g * (b - a);
      double d = a + g * (b - a);
      if (f.applyAsDouble(c) < f.applyAsDouble(d)) {
        b = d;
      } else {
        a = c;
      }
    }
    return (a + b) / 2;
  }

  @Test
  void proximalMapsMinimizeTheirObjectivesByOneDimensionalSearch() {
    RandomGenerator rng = Rng.create(9);
    int d = 5;
    double w = 0.7;
    double step = 1.3;
    Resolvent l1 = Resolvents.l1(d, w);
    Resolvent l2 = Resolvents.squaredL2(d, w);
    for (int trial = 0; trial < 20; trial++) {
      double[] v = Rng.gaussian(rng, d);
      double[] p1 = new double[d];
      double[] p2 = new double[d];
      l1.apply(step, v, p1);
      l2.apply(step, v, p2);
      for (int j = 0; j < d; j++) {
        double vj = v[j];
        double ref1 = argmin1d(x -> 0.5 * (x - vj) * (x - vj) + step * w * Math.abs(x));
        double ref2 = argmin1d(x -> 0.5 * (x - vj) * (x - vj) + step * w * 0.5 * x * x);
        assertEquals(ref1, p1[j], 1e-7);
        assertEquals(ref2, p2[j], 1e-7);
      }
    }
  }

  @Test
  void inPlaceApplicationGivesTheSameAnswerAndIdentityIsFlagged() {
    double[] v = {0.3, -1.2, 2.5, 0.1};
    double[] out = new double[4];
    Resolvent s = Resolvents.simplex(4, 2);
    s.apply(1.0, v, out);
    double[] w = v.clone();
    s.apply(1.0, w, w);
    assertArrayEquals(out, w, 0.0);
    assertTrue(Resolvents.identity(3).isIdentity());
    assertTrue(Resolvents.product(Resolvents.identity(2), Resolvents.identity(1)).isIdentity());
    assertTrue(!Resolvents.product(Resolvents.identity(2), Resolvents.ball(1, 1)).isIdentity());
  }

  @Test
  void badInputIsRejectedWithTheParameterNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Resolvents.box(new double[] {0, 1}, new double[] {1, 0}));
    assertTrue(e.getMessage().startsWith("hi[1] = 0.0: expected"));
    assertThrows(IllegalArgumentException.class, () -> Resolvents.simplex(3, 0));
    assertThrows(IllegalArgumentException.class, () -> Resolvents.simplex(0, 1));
    assertThrows(IllegalArgumentException.class, () -> Resolvents.ball(2, -1));
    assertThrows(IllegalArgumentException.class, () -> Resolvents.l1(2, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Resolvents.product());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Resolvents.projectSimplex(new double[] {1, Double.NaN}, 1));
    assertTrue(e.getMessage().contains("NaN"));
    assertThrows(NullPointerException.class, () -> Resolvents.box(null, new double[1]));
  }
}
