package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Built-in problems to start from: the VR-Halpern paper's two experiments ({@link
 * MatrixGame#policemanBurglar} and {@link #ouyangXu}), finite-sum least squares, and a regularized
 * bilinear saddle-point problem with a known solution. Every problem carries exact Lipschitz
 * constants.
 *
 * @since 1.0
 */
public final class Problems {
  private Problems() {}

  /**
   * Consistent finite-sum least squares: rows {@code a_i ~ N(0, I_d)}, {@code x* ~ N(0, I_d)},
   * {@code b = Ax*}, start {@code x0 = 0}. The solution is {@code x*} (unique when {@code n ≥ d}).
   *
   * @param n the number of components, at least 1
   * @param d the dimension, at least 1
   * @param seed the seed
   * @return the problem
   */
  public static Problem leastSquares(int n, int d, long seed) {
    return leastSquares(n, d, Rng.create(seed));
  }

  /**
   * Consistent finite-sum least squares as {@link #leastSquares(int, int, long)}, drawing from
   * {@code rng}.
   *
   * @param n the number of components, at least 1
   * @param d the dimension, at least 1
   * @param rng the generator
   * @return the problem
   */
  public static Problem leastSquares(int n, int d, RandomGenerator rng) {
    Args.positive("n", n);
    Args.positive("d", d);
    Args.notNull("rng", rng);
    Args.size("n * d", (long) n * d);
    double[] xs = Rng.gaussian(rng, d);
    double[][] rows = new double[n][];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i] = Rng.gaussian(rng, d);
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += rows[i][j] * xs[j];
      }
      b[i] = s;
    }
    LeastSquares op = new LeastSquares(rows, b);
    return Problem.of("least squares n=" + n + " d=" + d, op, Resolvents.identity(d), new double[d])
        .withLipschitz(op.lipschitz())
        .withMeanSquareLipschitz(op.meanSquareLipschitz())
        .withSolution(xs);
  }

  /**
   * The Ouyang-Xu lower-bound quadratic min-max of the VR-Halpern paper's second experiment: {@code
   * A} with {@code A[i][n−1−i] = 1}, {@code A[i][n−2−i] = −1}, divided by 4; {@code H = 2AᵀA},
   * {@code b = 𝟙/4}, {@code h = e_n/4}; {@code F(x, y) = (Hx − h − Aᵀy, Ax − b)} on {@code
   * R^{2n}}, unconstrained, {@code n} components (component {@code i} owns the columns of {@code
   * x_i} and {@code y_i}), start {@code 𝟙/n}. The solution is computed by a dense solve.
   *
   * @param n the size, at least 2
   * @return the problem
   */
  public static Problem ouyangXu(int n) {
    Args.inRange("n", n, 2, 1 << 13);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][n - 1 - i] = 0.25;
      if (i < n - 1) {
        a[i][n - 2 - i] = -0.25;
      }
    }
    double[][] m = new double[2 * n][2 * n];
    for (int r = 0; r < n; r++) {
      for (int col = 0; col < n; col++) {
        double h = 0;
        for (int k = 0; k < n; k++) {
          h += a[k][r] * a[k][col];
        }
        m[r][col] = 2 * h; // H
        m[r][n + col] = -a[col][r]; // −Aᵀ
        m[n + r][col] = a[r][col]; // A
      }
    }
    double[] c = new double[2 * n];
    c[n - 1] = 0.25; // h = e_n / 4
    for (int i = 0; i < n; i++) {
      c[n + i] = 0.25; // b
    }
    int[][] groups = new int[n][];
    for (int i = 0; i < n; i++) {
      groups[i] = new int[] {i, n + i};
    }
    LinearFiniteSum op = new LinearFiniteSum(m, c, groups);
    double[] start = new double[2 * n];
    Arrays.fill(start, 1.0 / n);
    return Problem.of("Ouyang-Xu QP n=" + n, op, Resolvents.identity(2 * n), start)
        .withLipschitz(op.lipschitz())
        .withMeanSquareLipschitz(op.meanSquareLipschitz())
        .withSolution(op.solveLinear());
  }

  /**
   * A regularized bilinear saddle point {@code min_x max_y (μ/2)‖x‖² + yᵀBx − (μ/2)‖y‖² − pᵀx −
   * qᵀy} with {@code B ~ N(0,1)^{m×d}} and a planted solution {@code z* = (x*, y*) ~ N(0, I)}:
   * {@code F(z) = Mz − c}, {@code M = [[μI, Bᵀ], [−B, μI]]}, {@code c = Mz*}. {@code F} is {@code
   * μ}-strongly monotone (so {@code μ/L²}-cocoercive). With {@code boxed}, {@code G} is the normal
   * cone of the box {@code |z_j| ≤ |z*_j| + 1}, which does not move the solution. Components: the
   * {@code d + m} columns split round-robin into {@code n} groups.
   *
   * @param d the dimension of {@code x}, at least 1
   * @param m the dimension of {@code y}, at least 1
   * @param n the number of components, in {@code [1, d + m]}
   * @param mu the regularization {@code μ}, finite and positive
   * @param boxed whether to add the box constraint
   * @param seed the seed
   * @return the problem, with its known solution
   */
  public static Problem regularizedBilinear(
      int d, int m, int n, double mu, boolean boxed, long seed) {
    return regularizedBilinear(d, m, n, mu, boxed, Rng.create(seed));
  }

  /**
   * The regularized bilinear saddle point of {@link #regularizedBilinear(int, int, int, double,
   * boolean, long)}, drawing from {@code rng}.
   *
   * @param d the dimension of {@code x}, at least 1
   * @param m the dimension of {@code y}, at least 1
   * @param n the number of components, in {@code [1, d + m]}
   * @param mu the regularization {@code μ}, finite and positive
   * @param boxed whether to add the box constraint
   * @param rng the generator
   * @return the problem, with its known solution
   */
  public static Problem regularizedBilinear(
      int d, int m, int n, double mu, boolean boxed, RandomGenerator rng) {
    Args.positive("d", d);
    Args.positive("m", m);
    Args.positive("mu", mu);
    int dim = d + m;
    Args.inRange("n", n, 1, dim);
    Args.notNull("rng", rng);
    double[][] mat = new double[dim][dim];
    for (int j = 0; j < dim; j++) {
      mat[j][j] = mu;
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        double v = rng.nextGaussian() / Math.sqrt(d);
        mat[j][d + i] = v; // Bᵀ
        mat[d + i][j] = -v; // −B
      }
    }
    double[] zs = Rng.gaussian(rng, dim);
    double[] c = new double[dim];
    for (int r = 0; r < dim; r++) {
      double s = 0;
      for (int j = 0; j < dim; j++) {
        s += mat[r][j] * zs[j];
      }
      c[r] = s;
    }
    LinearFiniteSum op = new LinearFiniteSum(mat, c, LinearFiniteSum.roundRobin(dim, n));
    Resolvent g;
    if (boxed) {
      double[] lo = new double[dim];
      double[] hi = new double[dim];
      for (int j = 0; j < dim; j++) {
        hi[j] = Math.abs(zs[j]) + 1;
        lo[j] = -hi[j];
      }
      g = Resolvents.box(lo, hi);
    } else {
      g = Resolvents.identity(dim);
    }
    return Problem.of(
            "regularized bilinear d=" + d + " m=" + m + (boxed ? " boxed" : ""),
            op,
            g,
            new double[dim])
        .withLipschitz(op.lipschitz())
        .withMeanSquareLipschitz(op.meanSquareLipschitz())
        .withSolution(zs);
  }
}
