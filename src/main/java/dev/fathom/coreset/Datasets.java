package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * Built-in synthetic data sets for examples, the tour and the benchmarks; the same seed always
 * gives the same data.
 *
 * @since 1.0
 */
public final class Datasets {
  private Datasets() {}

  /**
   * As {@link #blobs(int, int, int, RandomGenerator)} with the generator {@code Rng.create(seed)}.
   *
   * @param n the number of points, positive
   * @param d the dimension, positive
   * @param k the number of clusters, positive
   * @param seed the seed
   * @return the {@code n x d} points
   */
  public static double[][] blobs(int n, int d, int k, long seed) {
    return blobs(n, d, k, Rng.create(seed));
  }

  /**
   * Gaussian blobs of very unequal sizes: {@code k} unit-variance clusters whose centers are drawn
   * with standard deviation 10, cluster {@code c} having probability proportional to {@code 0.3^c};
   * the few points of the small clusters are what uniform sampling misses.
   *
   * @param n the number of points, positive
   * @param d the dimension, positive
   * @param k the number of clusters, positive
   * @param rng the source of randomness
   * @return the {@code n x d} points
   */
  public static double[][] blobs(int n, int d, int k, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.positive("n", n);
    Args.positive("d", d);
    Args.positive("k", k);
    Args.size("n * d", (long) n * d);
    Args.size("k * d", (long) k * d);
    double[][] means = new double[k][d];
    for (double[] m : means) {
      for (int j = 0; j < d; j++) {
        m[j] = 10 * rng.nextGaussian();
      }
    }
    double[] cum = new double[k];
    double tot = 0;
    for (int c = 0; c < k; c++) {
      tot += Math.pow(0.3, c);
      cum[c] = tot;
    }
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble() * tot;
      int c = 0;
      while (c < k - 1 && cum[c] < u) {
        c++;
      }
      for (int j = 0; j < d; j++) {
        x[i][j] = means[c][j] + rng.nextGaussian();
      }
    }
    return x;
  }

  /**
   * As {@link #logistic(int, int, RandomGenerator)} with the generator {@code Rng.create(seed)}.
   *
   * @param n the number of points, positive
   * @param d the number of features before the intercept column, positive
   * @param seed the seed
   * @return {@code {x, y}}: {@code x} is {@code n x (d+1)}, {@code y} is {@code y[0]} of length n
   */
  public static double[][][] logistic(int n, int d, long seed) {
    return logistic(n, d, Rng.create(seed));
  }

  /**
   * A labelled classification set: features with a heavy-tailed scale (each row a standard Gaussian
   * vector times {@code 1/sqrt(U)}, {@code U} uniform, so a few rows are far out), a last column of
   * ones (intercept), and labels {@code +-1} drawn from a logistic model with coefficients {@code
   * (1, -1, 1, ...)/sqrt(d)}.
   *
   * @param n the number of points, positive
   * @param d the number of features before the intercept column, positive
   * @param rng the source of randomness
   * @return {@code {x, y}}: {@code x} is {@code n x (d+1)}, {@code y} is {@code y[0]} of length n
   */
  public static double[][][] logistic(int n, int d, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.positive("n", n);
    Args.positive("d", d);
    Args.size("n * (d + 1)", (long) n * (d + 1));
    double[][] x = new double[n][d + 1];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double scale = 1 / Math.sqrt(rng.nextDouble(1e-4, 1));
      double m = 0;
      for (int j = 0; j < d; j++) {
        x[i][j] = scale * rng.nextGaussian();
        m += x[i][j] * ((j % 2 == 0) ? 1 : -1) / Math.sqrt(d);
      }
      x[i][d] = 1;
      y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-m)) ? 1 : -1;
    }
    return new double[][][] {x, {y}};
  }
}
