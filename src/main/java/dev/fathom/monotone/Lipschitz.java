package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;

/**
 * Estimates of the Lipschitz constants a problem did not supply.
 *
 * <p>{@link #operator} runs a power iteration on difference quotients {@code v ← (F(x + h v) −
 * F(x)) / h} with {@code h = 1e-4 max(‖x‖, ‖F(x)‖)}, so that the estimate does not change when the
 * problem is scaled ({@code F_c(y) = c F(y / c)}); for a linear {@code F} with a normal matrix
 * (symmetric, skew-symmetric: least squares, bilinear games) it converges to {@code ‖F‖}. In
 * general it returns a lower bound, so solvers multiply it by {@link #SAFETY}. Each iteration costs
 * one full pass ({@code n} oracle calls) of the operator it is given.
 *
 * @since 1.0
 */
public final class Lipschitz {
  /** The factor solvers apply to an estimated constant. */
  public static final double SAFETY = 1.1;

  /** The finite-difference step relative to the scale of the point and the operator value. */
  private static final double STEP = 1e-4;

  private Lipschitz() {}

  /**
   * Estimates {@code L_F}, the Lipschitz constant of {@code F}, near {@code x}.
   *
   * @param f the operator
   * @param x the point, length {@code d}, finite
   * @param iterations power iterations, at least 1
   * @param seed seed of the random start direction
   * @return the estimate (the largest difference quotient seen), positive
   */
  public static double operator(Operator f, double[] x, int iterations, long seed) {
    return operator(f, x, iterations, Rng.create(seed));
  }

  /**
   * Estimates {@code L_F} as {@link #operator(Operator, double[], int, long)}, drawing the start
   * direction from {@code rng}.
   *
   * @param f the operator
   * @param x the point, length {@code d}, finite
   * @param iterations power iterations, at least 1
   * @param rng the generator of the random start direction
   * @return the estimate (the largest difference quotient seen), positive
   */
  public static double operator(Operator f, double[] x, int iterations, RandomGenerator rng) {
    Args.notNull("f", f);
    int d = f.dimension();
    Args.length("x", x, d);
    Args.finite("x", x);
    Args.positive("iterations", iterations);
    Args.notNull("rng", rng);
    double[] v = Rng.gaussian(rng, d);
    Vectors.scale(1.0 / Vectors.norm2(v), v);
    double[] fx = new double[d];
    double[] fy = new double[d];
    double[] y = new double[d];
    f.apply(x, fx);
    // The step is relative to the scale of x and F(x), so that the estimate is the same for the
    // problem scaled by any c (F_c(y) = c F(y / c)): a fixed step would be lost in the rounding of
    // F(x) at large scales and far from x at small ones.
    double size = Math.max(Vectors.norm2(x), Vectors.norm2(fx));
    double h = STEP * (size > 0 ? size : 1.0);
    double best = 0;
    for (int t = 0; t < iterations; t++) {
      for (int j = 0; j < d; j++) {
        y[j] = x[j] + h * v[j];
      }
      f.apply(y, fy);
      for (int j = 0; j < d; j++) {
        v[j] = (fy[j] - fx[j]) / h;
      }
      double q = Vectors.norm2(v);
      if (!(q > 0) || !Double.isFinite(q)) {
        break;
      }
      best = Math.max(best, q);
      Vectors.scale(1.0 / q, v);
    }
    return best > 0 ? best : Double.MIN_NORMAL;
  }

  /**
   * Estimates {@code L_Q} with {@code (1/n) Σ ‖F_i(u) − F_i(v)‖² ≤ L_Q² ‖u − v‖²} near {@code x},
   * as the largest mean-square difference quotient over {@code directions} random directions, with
   * the step {@code h = 1e-4 max(‖x‖, max_i ‖F_i(x)‖)} (one extra pass of {@code n} component
   * calls) so that the estimate does not change when the problem is scaled.
   *
   * @param f the finite-sum operator
   * @param x the point, length {@code d}, finite
   * @param directions how many directions, at least 1 (each costs {@code 2n} component calls)
   * @param seed seed of the directions
   * @return the estimate, positive
   */
  public static double meanSquare(FiniteSumOperator f, double[] x, int directions, long seed) {
    return meanSquare(f, x, directions, Rng.create(seed));
  }

  /**
   * Estimates {@code L_Q} as {@link #meanSquare(FiniteSumOperator, double[], int, long)}, drawing
   * the directions from {@code rng}.
   *
   * @param f the finite-sum operator
   * @param x the point, length {@code d}, finite
   * @param directions how many directions, at least 1 (each costs {@code 2n} component calls)
   * @param rng the generator of the directions
   * @return the estimate, positive
   */
  public static double meanSquare(
      FiniteSumOperator f, double[] x, int directions, RandomGenerator rng) {
    Args.notNull("f", f);
    int d = f.dimension();
    Args.length("x", x, d);
    Args.finite("x", x);
    Args.positive("directions", directions);
    Args.notNull("rng", rng);
    double[] y = new double[d];
    double[] diff = new double[d];
    // As in operator(): the step is relative to the scale of x and of the components F_i(x), so
    // that the estimate is the same for the problem scaled by any c (F_c,i(y) = c F_i(y / c)).
    double size = Vectors.norm2(x);
    for (int i = 0; i < f.size(); i++) {
      java.util.Arrays.fill(diff, 0.0);
      f.addComponent(i, 1.0, x, diff);
      size = Math.max(size, Vectors.norm2(diff));
    }
    double h = STEP * (size > 0 ? size : 1.0);
    double best = 0;
    for (int t = 0; t < directions; t++) {
      double[] v = Rng.gaussian(rng, d);
      Vectors.scale(1.0 / Vectors.norm2(v), v);
      for (int j = 0; j < d; j++) {
        y[j] = x[j] + h * v[j];
      }
      double sum = 0;
      for (int i = 0; i < f.size(); i++) {
        java.util.Arrays.fill(diff, 0.0);
        f.addComponentDifference(i, 1.0 / h, y, x, diff);
        double q = Vectors.norm2(diff);
        sum += q * q;
      }
      best = Math.max(best, Math.sqrt(sum / f.size()));
    }
    return best > 0 ? best : Double.MIN_NORMAL;
  }

  /** {@code L_F} of the problem, or its estimate (times {@link #SAFETY}) charged to {@code op}. */
  static double lipschitzOf(Problem p, CountingOperator op) {
    if (!Double.isNaN(p.lipschitz())) {
      return p.lipschitz();
    }
    return SAFETY * operator(op, p.start(), 30, 0x5eedL);
  }

  /** {@code L_Q} of the problem, or its estimate (times {@link #SAFETY}) charged to {@code op}. */
  static double meanSquareOf(Problem p, CountingOperator op) {
    if (!Double.isNaN(p.meanSquareLipschitz())) {
      return p.meanSquareLipschitz();
    }
    return SAFETY * meanSquare(op, p.start(), 5, 0x5eedL);
  }
}
