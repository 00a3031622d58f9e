package dev.fathom.coreset;

import dev.fathom.core.Args;

/**
 * Ready per-point losses. Each factory validates and keeps (does not copy) its data: rows {@code
 * x[i]}, targets or labels {@code y[i]}. Regression and classification queries are coefficient
 * vectors {@code beta} of length {@code d} (add a column of ones for an intercept); clustering
 * queries are center sets {@code double[k][d]}.
 *
 * <p>The regularized classifiers spread their ridge term evenly over the points, {@code loss_i =
 * data term_i + lambda/(2n) ||beta||^2}, so the full loss is {@code sum data terms + lambda/2
 * ||beta||^2} and an unbiased coreset of total weight about {@code n} reproduces it.
 *
 * @since 1.0
 */
public final class Losses {
  private Losses() {}

  /**
   * Least squares, {@code loss_i = (y_i - x_i . beta)^2}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, length {@code n}, finite
   * @return the loss
   */
  public static PointLoss<double[]> leastSquares(double[][] x, double[] y) {
    return lp(x, y, 2);
  }

  /**
   * ℓp regression, {@code loss_i = |y_i - x_i . beta|^p}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, length {@code n}, finite
   * @param p the exponent, in {@code [1, 16]}
   * @return the loss
   */
  public static PointLoss<double[]> lp(double[][] x, double[] y, double p) {
    int d = checkXy(x, y);
    Args.inRange("p", p, 1, 16);
    return new Linear(x, d) {
      @Override
      public double loss(int i, double[] beta) {
        double r = Math.abs(y[i] - dot(i, beta));
        return p == 2 ? r * r : Math.pow(r, p);
      }
    };
  }

  /**
   * Binary logistic regression with labels in {@code {-1, +1}}: {@code loss_i = log(1 + exp(-y_i
   * x_i . beta)) + lambda/(2n) ||beta||^2}.
   *
   * @param x the feature rows, {@code n x d}, finite
   * @param y the labels, each -1 or +1
   * @param lambda the ridge strength, finite and non-negative
   * @return the loss
   */
  public static PointLoss<double[]> logistic(double[][] x, double[] y, double lambda) {
    int d = checkLabels(x, y);
    Args.nonNegative("lambda", lambda);
    return new Linear(x, d) {
      @Override
      public double loss(int i, double[] beta) {
        double margin = y[i] * dot(i, beta);
        double data =
            margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
        return data + ridge(beta, lambda);
      }
    };
  }

  /**
   * Linear SVM (hinge loss) with labels in {@code {-1, +1}}: {@code loss_i = max(0, 1 - y_i x_i .
   * beta) + lambda/(2n) ||beta||^2}.
   *
   * @param x the feature rows, {@code n x d}, finite
   * @param y the labels, each -1 or +1
   * @param lambda the ridge strength, finite and non-negative
   * @return the loss
   */
  public static PointLoss<double[]> hinge(double[][] x, double[] y, double lambda) {
    int d = checkLabels(x, y);
    Args.nonNegative("lambda", lambda);
    return new Linear(x, d) {
      @Override
      public double loss(int i, double[] beta) {
        return Math.max(0, 1 - y[i] * dot(i, beta)) + ridge(beta, lambda);
      }
    };
  }

  /**
   * k-means: {@code loss_i = min_c ||x_i - c||^2} over the query's centers.
   *
   * @param x the points, {@code n x d}, finite
   * @return the loss
   */
  public static PointLoss<double[][]> kMeans(double[][] x) {
    return new Clustering(x, 2);
  }

  /**
   * k-median: {@code loss_i = min_c ||x_i - c||} over the query's centers.
   *
   * @param x the points, {@code n x d}, finite
   * @return the loss
   */
  public static PointLoss<double[][]> kMedian(double[][] x) {
    return new Clustering(x, 1);
  }

  static int checkXy(double[][] x, double[] y) {
    int d = Args.rectangular("x", x);
    Args.finite("y", y);
    if (y.length != x.length) {
      throw Args.fail("y.length", y.length, "x.length = " + x.length);
    }
    return d;
  }

  static int checkLabels(double[][] x, double[] y) {
    int d = checkXy(x, y);
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 1 && y[i] != -1) {
        throw Args.fail("y[" + i + "]", y[i], "a label -1 or +1");
      }
    }
    return d;
  }

  /** Squared distance from {@code x} to its nearest row of {@code centers}. */
  static double nearestSquared(double[] x, double[][] centers) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] c : centers) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        double t = x[j] - c[j];
        s += t * t;
      }
      if (s < best) {
        best = s;
      }
    }
    return best;
  }

  private abstract static class Linear implements PointLoss<double[]> {
    final double[][] x;
    final int d;

    Linear(double[][] x, int d) {
      this.x = x;
      this.d = d;
    }

    @Override
    public int size() {
      return x.length;
    }

    final double dot(int i, double[] beta) {
      if (beta.length != d) {
        throw Args.fail("beta.length", beta.length, String.valueOf(d));
      }
      double[] r = x[i];
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += r[j] * beta[j];
      }
      return s;
    }

    final double ridge(double[] beta, double lambda) {
      if (lambda == 0) {
        return 0;
      }
      double s = 0;
      for (double b : beta) {
        s += b * b;
      }
      return lambda * s / (2.0 * x.length);
    }
  }

  private static final class Clustering implements PointLoss<double[][]> {
    private final double[][] x;
    private final int d;
    private final int z;

    Clustering(double[][] x, int z) {
      this.d = Args.rectangular("x", x);
      this.x = x;
      this.z = z;
    }

    @Override
    public int size() {
      return x.length;
    }

    @Override
    public double loss(int i, double[][] centers) {
      if (centers.length == 0) {
        throw Args.fail("centers.length", 0, "at least one center");
      }
      if (centers[0].length != d) {
        throw Args.fail("centers[0].length", centers[0].length, String.valueOf(d));
      }
      double s = nearestSquared(x[i], centers);
      return z == 2 ? s : Math.sqrt(s);
    }
  }
}
