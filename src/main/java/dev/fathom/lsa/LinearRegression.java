package dev.fathom.lsa;

import dev.fathom.core.Args;
import dev.fathom.linalg.Vectors;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Least-squares SGD as linear stochastic approximation: {@code A_k = a aᵀ}, {@code b_k = y a}, so
 * that the recursion is {@code θ ← θ − α a (aᵀθ − y)} and {@code Ā = E[a aᵀ]}, {@code b̄ = E[y a]}.
 *
 * <p>Two sources: an isotropic Gaussian model ({@code a ~ N(0, I)}, {@code y = aᵀθ* + σ ε}), for
 * which {@code Ā = I} and the noise covariance is {@code σ² I}, so the fixed-step stationary MSE of
 * the last iterate is {@code α σ² d / (2 − α(d + 2))} ≈ {@code α σ² d / 2}; and a finite data set
 * sampled uniformly with replacement, whose rows may be sparse (only non-zeros are touched).
 *
 * <p>Immutable; each {@link #stream()} call returns a new, non-thread-safe stream.
 *
 * @since 1.0
 */
public final class LinearRegression {
  private final LinearSystem mean;
  private final DMatrixRMaj noise;
  private final Supplier<LsaStream> streams;

  private LinearRegression(LinearSystem mean, DMatrixRMaj noise, Supplier<LsaStream> streams) {
    this.mean = mean;
    this.noise = noise;
    this.streams = streams;
  }

  /**
   * The isotropic Gaussian model {@code a ~ N(0, I_d)}, {@code y = aᵀθ* + σ ε}, {@code ε ~ N(0,
   * 1)}.
   *
   * @param thetaStar the true coefficients, finite (copied)
   * @param sigma the noise standard deviation, finite and non-negative
   * @return the problem
   */
  public static LinearRegression gaussian(double[] thetaStar, double sigma) {
    Args.finite("thetaStar", Args.notNull("thetaStar", thetaStar));
    int d = Args.positive("thetaStar.length", thetaStar.length);
    Args.nonNegative("sigma", sigma);
    double[] ts = thetaStar.clone();
    LinearSystem mean = new LinearSystem(CommonOps_DDRM.identity(d), ts);
    DMatrixRMaj noise = CommonOps_DDRM.identity(d);
    CommonOps_DDRM.scale(sigma * sigma, noise);
    return new LinearRegression(mean, noise, () -> new GaussianStream(ts, sigma, mean));
  }

  /**
   * A finite data set, rows sampled uniformly with replacement: {@code Ā = XᵀX/n}, {@code b̄ =
   * Xᵀy/n}, noise covariance {@code (1/n) Σ_i (x_iᵀθ* − y_i)² x_i x_iᵀ} with {@code θ*} the
   * least-squares solution. Zero entries of the rows are skipped by the stream.
   *
   * @param x the rows {@code x_i}, {@code n x d}, finite (copied)
   * @param y the responses, length {@code n}, finite (copied)
   * @return the problem
   * @throws IllegalArgumentException if the shapes disagree, an entry is not finite, or {@code XᵀX}
   *     is singular
   */
  public static LinearRegression dataset(double[][] x, double[] y) {
    int d = Args.rectangular("x", x);
    int n = x.length;
    Args.finite("y", Args.length("y", y, n));
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    double[] b = new double[d];
    int[][] idx = new int[n][];
    double[][] val = new double[n][];
    for (int r = 0; r < n; r++) {
      int nz = 0;
      for (double v : x[r]) {
        nz += v != 0 ? 1 : 0;
      }
      idx[r] = new int[nz];
      val[r] = new double[nz];
      int k = 0;
      for (int i = 0; i < d; i++) {
        if (x[r][i] != 0) {
          idx[r][k] = i;
          val[r][k++] = x[r][i];
          b[i] += x[r][i] * y[r] / n;
          for (int j = 0; j < d; j++) {
            a.data[i * d + j] += x[r][i] * x[r][j] / n;
          }
        }
      }
    }
    LinearSystem mean = new LinearSystem(a, b);
    double[] ts = mean.solve();
    DMatrixRMaj noise = new DMatrixRMaj(d, d);
    for (int r = 0; r < n; r++) {
      double res = -y[r];
      for (int k = 0; k < idx[r].length; k++) {
        res += val[r][k] * ts[idx[r][k]];
      }
      for (int p = 0; p < idx[r].length; p++) {
        for (int q = 0; q < idx[r].length; q++) {
          noise.add(idx[r][p], idx[r][q], res * res * val[r][p] * val[r][q] / n);
        }
      }
    }
    double[] yy = y.clone();
    LsaStream.RankOneSampler sampler =
        (rng, out) -> {
          int r = rng.nextInt(n);
          int[] ir = idx[r];
          double[] vr = val[r];
          for (int k = 0; k < ir.length; k++) {
            out.addU(ir[k], vr[k]);
            out.addV(ir[k], vr[k]);
          }
          out.setY(yy[r]);
        };
    return new LinearRegression(mean, noise, () -> LsaStream.rankOne(d, sampler, mean));
  }

  /**
   * The dimension.
   *
   * @return {@code d}
   */
  public int dimension() {
    return mean.dimension();
  }

  /**
   * The exact mean system.
   *
   * @return {@code (Ā, b̄)}
   */
  public LinearSystem meanSystem() {
    return mean;
  }

  /**
   * The solution {@code θ* = Ā⁻¹ b̄} (the true coefficients of the Gaussian model, the
   * least-squares fit of a data set).
   *
   * @return {@code θ*}
   */
  public double[] solution() {
    return mean.solve();
  }

  /**
   * The covariance {@code Σ = Cov(A_k θ* − b_k)} of the (i.i.d.) noise at the solution.
   *
   * @return a copy of {@code Σ}
   */
  public DMatrixRMaj noiseCovariance() {
    return noise.copy();
  }

  /**
   * A new SGD stream.
   *
   * @return the stream
   */
  public LsaStream stream() {
    return streams.get();
  }

  /** θ ← θ − α a (aᵀθ − y) with a Gaussian a, O(d) per step. */
  private static final class GaussianStream extends SeededStream {
    private final double[] thetaStar;
    private final double sigma;
    private final double[] a;

    GaussianStream(double[] thetaStar, double sigma, LinearSystem mean) {
      super(thetaStar.length, mean);
      this.thetaStar = thetaStar;
      this.sigma = sigma;
      this.a = new double[thetaStar.length];
    }

    @Override
    public void update(double alpha, double[] theta) {
      double t = 0;
      for (int i = 0; i < a.length; i++) {
        a[i] = rng.nextGaussian();
        t += a[i] * (theta[i] - thetaStar[i]);
      }
      t -= sigma * rng.nextGaussian(); // aᵀθ − y with y = aᵀθ* + σε
      Vectors.axpy(-alpha * t, a, theta);
    }
  }
}
