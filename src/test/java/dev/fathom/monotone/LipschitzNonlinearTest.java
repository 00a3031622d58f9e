package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link Lipschitz} on nonlinear operators, against the exact Jacobians: {@code F_i(x) = M_i x +
 * x³} (cube taken entrywise), whose Jacobian at {@code x} is {@code J_i = M_i + 3 diag(x²)}. The
 * references run the same iterations on the exact Jacobians from the same start directions (the
 * estimators draw them with {@code Rng.gaussian(rng, d)}), so they check the values of the
 * difference quotients, not only bounds; and the scaled problem {@code c F(y / c)} at {@code c x}
 * has the same Jacobian, so the estimates must not move with {@code c}.
 */
class LipschitzNonlinearTest {
  private static final int N = 5;
  private static final int D = 4;

  /** {@code F_i(x) = M_i x + c (x / c)³}: the problem scaled by {@code c}. */
  private static FiniteSumOperator cubic(double[][][] m, double c) {
    return new FiniteSumOperator() {
      @Override
      public int dimension() {
        return D;
      }

      @Override
      public int size() {
        return N;
      }

      @Override
      public void addComponent(int i, double scale, double[] x, double[] acc) {
        for (int r = 0; r < D; r++) {
          double u = x[r] / c;
          acc[r] += scale * (Vectors.dot(m[i][r], x) + c * u * u * u);
        }
      }
    };
  }

  /** The Jacobian of component {@code i} at {@code x} (scale 1). */
  private static double[][] jacobian(double[][][] m, int i, double[] x) {
    double[][] j = new double[D][];
    for (int r = 0; r < D; r++) {
      j[r] = m[i][r].clone();
      j[r][r] += 3 * x[r] * x[r];
    }
    return j;
  }

  private static double[] times(double[][] a, double[] v) {
    double[] out = new double[v.length];
    for (int r = 0; r < a.length; r++) {
      out[r] = Vectors.dot(a[r], v);
    }
    return out;
  }

  /** Symmetric components, so that the mean Jacobian is symmetric and power iteration converges. */
  private static double[][][] symmetricComponents(RandomGenerator rng) {
    double[][][] m = new double[N][D][D];
    for (int i = 0; i < N; i++) {
      for (int r = 0; r < D; r++) {
        for (int s = 0; s <= r; s++) {
          double v = rng.nextGaussian();
          m[i][r][s] = v;
          m[i][s][r] = v;
        }
      }
    }
    return m;
  }

  @Test
  void operatorEstimateFollowsThePowerIterationOnTheExactJacobian() {
    RandomGenerator rng = Rng.create(41);
    double[][][] m = symmetricComponents(rng);
    double[] x = Rng.gaussian(rng, D);
    // the Jacobian of F = (1/n) Σ F_i
    double[][] jac = new double[D][D];
    for (int i = 0; i < N; i++) {
      double[][] ji = jacobian(m, i, x);
      for (int r = 0; r < D; r++) {
        for (int s = 0; s < D; s++) {
          jac[r][s] += ji[r][s] / N;
        }
      }
    }
    for (int iterations : new int[] {1, 2, 3, 40}) {
      // reference: power iteration on the exact Jacobian from the estimator's start direction
      double[] v = Rng.gaussian(Rng.create(7), D);
      Vectors.scale(1.0 / Vectors.norm2(v), v);
      double best = 0;
      for (int t = 0; t < iterations; t++) {
        v = times(jac, v);
        double q = Vectors.norm2(v);
        best = Math.max(best, q);
        Vectors.scale(1.0 / q, v);
      }
      for (double c : new double[] {1e-12, 1, 1e12}) {
        double[] xc = x.clone();
        Vectors.scale(c, xc);
        double est = Lipschitz.operator(cubic(m, c), xc, iterations, Rng.create(7));
        double seeded = Lipschitz.operator(cubic(m, c), xc, iterations, 7L);
        assertEquals(est, seeded, 0, "the seed overload draws from Rng.create(seed)");
        // the forward difference errs by O(h · F'') with h = 1e-4 max(‖x‖, ‖F(x)‖)
        assertEquals(best, est, 5e-4 * best, "iterations " + iterations + " scale " + c);
      }
    }
  }

  @Test
  void meanSquareEstimateIsTheLargestExactMeanSquareQuotientOverTheDrawnDirections() {
    RandomGenerator rng = Rng.create(43);
    double[][][] m = new double[N][D][];
    for (int i = 0; i < N; i++) {
      for (int r = 0; r < D; r++) {
        m[i][r] = Rng.gaussian(rng, D);
      }
    }
    double[] x = Rng.gaussian(rng, D);
    for (int directions : new int[] {1, 3, 8}) {
      RandomGenerator draws = Rng.create(9);
      double best = 0;
      for (int t = 0; t < directions; t++) {
        double[] v = Rng.gaussian(draws, D);
        Vectors.scale(1.0 / Vectors.norm2(v), v);
        double sum = 0;
        for (int i = 0; i < N; i++) {
          double q = Vectors.norm2(times(jacobian(m, i, x), v));
          sum += q * q;
        }
        best = Math.max(best, Math.sqrt(sum / N));
      }
      for (double c : new double[] {1e-12, 1, 1e12}) {
        double[] xc = x.clone();
        Vectors.scale(c, xc);
        double est = Lipschitz.meanSquare(cubic(m, c), xc, directions, Rng.create(9));
        assertEquals(est, Lipschitz.meanSquare(cubic(m, c), xc, directions, 9L), 0);
        assertEquals(best, est, 5e-4 * best, "directions " + directions + " scale " + c);
      }
    }
  }

  @Test
  void atTheOriginOfAHomogeneousOperatorTheStepFallsBackToAnAbsoluteOne() {
    // x = 0 and F(0) = 0 give no scale: the step is 1e-4, and the linear quotient is exact
    double[][][] m = symmetricComponents(Rng.create(47));
    FiniteSumOperator linear =
        new FiniteSumOperator() {
          @Override
          public int dimension() {
            return D;
          }

          @Override
          public int size() {
            return 1;
          }

          @Override
          public void addComponent(int i, double scale, double[] x, double[] acc) {
            for (int r = 0; r < D; r++) {
              acc[r] += scale * Vectors.dot(m[0][r], x);
            }
          }
        };
    double[] v = Rng.gaussian(Rng.create(3), D);
    Vectors.scale(1.0 / Vectors.norm2(v), v);
    double first = Vectors.norm2(times(m[0], v));
    assertEquals(first, Lipschitz.operator(linear, new double[D], 1, 3L), 1e-9 * first);
    assertEquals(first, Lipschitz.meanSquare(linear, new double[D], 1, 3L), 1e-9 * first);
  }

  @Test
  void aConstantOperatorGivesTheSmallestPositiveEstimate() {
    FiniteSumOperator constant =
        new FiniteSumOperator() {
          @Override
          public int dimension() {
            return 3;
          }

          @Override
          public int size() {
            return 2;
          }

          @Override
          public void addComponent(int i, double scale, double[] x, double[] acc) {
            acc[i] += scale * (i + 1);
          }
        };
    double[] x = {1, -2, 0.5};
    assertEquals(Double.MIN_NORMAL, Lipschitz.operator(constant, x, 5, 1L), 0);
    assertEquals(Double.MIN_NORMAL, Lipschitz.meanSquare(constant, x, 5, 1L), 0);
  }
}
