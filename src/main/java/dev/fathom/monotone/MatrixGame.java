package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A bilinear matrix game {@code min_{x∈Δ_m} max_{y∈Δ_n} yᵀAx} as the monotone inclusion with {@code
 * z = (x, y)}, {@code F(z) = (Aᵀy, −Ax)} and {@code G} the normal cone of {@code Δ_m × Δ_n}. For a
 * square {@code A} the finite sum has {@code n} components, component {@code i} owning the columns
 * of {@code x_i} and {@code y_i} of the block operator: {@code F_i = n·(A_{i,:}ᵀ y_i, −A_{:,i}
 * x_i)}.
 *
 * <p>The duality gap {@link #dualityGap} is an independent optimality certificate. Immutable.
 *
 * @since 1.0
 */
public final class MatrixGame {
  private final double[][] a;
  private final LinearFiniteSum operator;

  /**
   * A game with payoff matrix {@code A} (square, {@code n × n}).
   *
   * @param a the payoff matrix, square and finite
   */
  public MatrixGame(double[][] a) {
    int n = Args.rectangular("a", a);
    if (a.length != n) {
      throw Args.fail("a.length", a.length, "a square matrix with " + n + " rows");
    }
    this.a = new double[n][];
    for (int i = 0; i < n; i++) {
      this.a[i] = a[i].clone();
    }
    double[][] m = new double[2 * n][2 * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[j][n + i] = a[i][j]; // x-part: (Aᵀ y)_j = Σ_i A_ij y_i
        m[n + i][j] = -a[i][j]; // y-part: −(A x)_i
      }
    }
    int[][] groups = new int[n][];
    for (int i = 0; i < n; i++) {
      groups[i] = new int[] {i, n + i};
    }
    this.operator = new LinearFiniteSum(m, new double[2 * n], groups);
  }

  /**
   * Nemirovski's policeman-and-burglar game as in the VR-Halpern paper: {@code A_ij = w_j·(1 −
   * exp(−0.8|i − j|))} with {@code w = |N(0, I)|}.
   *
   * @param n the number of houses, at least 2
   * @param seed the seed of {@code w}
   * @return the game
   */
  public static MatrixGame policemanBurglar(int n, long seed) {
    return policemanBurglar(n, Rng.create(seed));
  }

  /**
   * Nemirovski's policeman-and-burglar game of {@link #policemanBurglar(int, long)}, drawing {@code
   * w} from {@code rng}.
   *
   * @param n the number of houses, at least 2
   * @param rng the generator of {@code w}
   * @return the game
   */
  public static MatrixGame policemanBurglar(int n, RandomGenerator rng) {
    Args.inRange("n", n, 2, 1 << 14);
    Args.notNull("rng", rng);
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      w[j] = Math.abs(rng.nextGaussian());
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = w[j] * (1 - Math.exp(-0.8 * Math.abs(i - j)));
      }
    }
    return new MatrixGame(a);
  }

  /**
   * The finite-sum operator on {@code R^{2n}}.
   *
   * @return the operator
   */
  public LinearFiniteSum operator() {
    return operator;
  }

  /**
   * The game's size {@code n}.
   *
   * @return {@code n}
   */
  public int size() {
    return a.length;
  }

  /**
   * The Frobenius norm of {@code A} (the paper's step sizes are multiples of its inverse).
   *
   * @return {@code ‖A‖_F}
   */
  public double frobeniusNorm() {
    double s = 0;
    for (double[] row : a) {
      for (double v : row) {
        s += v * v;
      }
    }
    return Math.sqrt(s);
  }

  /**
   * The problem: this operator, the product of two unit simplices, the uniform start, exact {@code
   * L_F = ‖A‖₂} and {@code L_Q}; the solution is not known in closed form.
   *
   * @return the problem
   */
  public Problem problem() {
    int n = a.length;
    double[] start = new double[2 * n];
    Arrays.fill(start, 1.0 / n);
    return Problem.of(
            "matrix game n=" + n,
            operator,
            Resolvents.product(Resolvents.simplex(n, 1.0), Resolvents.simplex(n, 1.0)),
            start)
        .withLipschitz(operator.lipschitz())
        .withMeanSquareLipschitz(operator.meanSquareLipschitz());
  }

  /**
   * The duality gap {@code max_i (Ax)_i − min_j (Aᵀy)_j} of {@code z = (x, y)} with both blocks in
   * the simplices; zero exactly at a saddle point.
   *
   * @param z the point {@code (x, y)}, length {@code 2n}
   * @return the gap (non-negative for feasible {@code z})
   */
  public double dualityGap(double[] z) {
    int n = a.length;
    Args.length("z", z, 2 * n);
    double maxAx = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += a[i][j] * z[j];
      }
      maxAx = Math.max(maxAx, s);
    }
    double minAty = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += a[i][j] * z[n + i];
      }
      minAty = Math.min(minAty, s);
    }
    return maxAx - minAty;
  }
}
