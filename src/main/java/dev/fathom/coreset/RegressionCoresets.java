package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * Coresets for regression losses {@code sum_i |y_i - x_i . beta|^p}, by importance sampling the
 * rows of the augmented matrix {@code [X, y]} (whose column space holds every residual vector):
 *
 * <ul>
 *   <li>{@link #leverage}: least squares, {@code p_i ∝ tau_i} (leverage scores);
 *   <li>{@link #lewis}: ℓp regression, {@code p_i ∝} ℓp Lewis weights ({@code p < 4});
 *   <li>{@link #rootLeverage}: ℓp regression for {@code 1 <= p < 2}, {@code p_i ∝ sqrt(tau_i)}
 *       (Woodruff-Yasuda);
 *   <li>{@link #lp}: ℓp regression for every {@code p >= 1}, {@code p_i ∝} the ℓp sensitivity
 *       bounds of {@link LpSensitivities#upperBounds} (Woodruff-Yasuda's ℓp sensitivity sampling);
 *   <li>{@link #lpWithLeverage}: ℓp regression for {@code p > 2}, {@code p_i ∝} those bounds mixed
 *       in equal parts with the leverage scores (Woodruff-Yasuda's combined sampler).
 * </ul>
 *
 * Each draw gets the weight {@code 1/(m p_i)}; see {@link SensitivitySampling}. Static and
 * thread-safe.
 *
 * @since 1.0
 */
public final class RegressionCoresets {
  private RegressionCoresets() {}

  /**
   * As {@link #leverage(double[][], double[], int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the design rows, {@code n x d}, finite, {@code [X, y]} of full column rank
   * @param y the targets, finite
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset leverage(double[][] x, double[] y, int m, long seed) {
    return leverage(x, y, m, Rng.create(seed));
  }

  /**
   * Least-squares coreset by leverage-score sampling of {@code [X, y]}.
   *
   * @param x the design rows, {@code n x d}, finite, {@code [X, y]} of full column rank
   * @param y the targets, finite
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset leverage(double[][] x, double[] y, int m, RandomGenerator rng) {
    Args.rectangular("x", x);
    Args.notNull("rng", rng);
    double[][] a = LeverageScores.augment(x, y);
    SensitivitySampling.checkSize(m, a.length);
    return SensitivitySampling.sample(LeverageScores.of(a), m, rng);
  }

  /**
   * As {@link #leverage(double[][], double[], double, double, RandomGenerator)} with the generator
   * {@code Rng.create(seed)}.
   *
   * @param x the design rows, {@code n x d}
   * @param y the targets
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset leverage(double[][] x, double[] y, double eps, double delta, long seed) {
    return leverage(x, y, eps, delta, Rng.create(seed));
  }

  /**
   * Least-squares coreset with the size from a target error, {@link CoresetSize#leverage} for the
   * {@code d + 1} columns of {@code [X, y]} (the whole input when that is at least {@code n}).
   *
   * @param x the design rows, {@code n x d}
   * @param y the targets
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset leverage(
      double[][] x, double[] y, double eps, double delta, RandomGenerator rng) {
    Args.rectangular("x", x);
    Args.notNull("rng", rng);
    double[][] a = LeverageScores.augment(x, y);
    long m = CoresetSize.leverage(eps, delta, a[0].length);
    return m >= a.length
        ? Coreset.all(a.length)
        : SensitivitySampling.sample(LeverageScores.of(a), (int) m, rng);
  }

  /**
   * As {@link #lewis(double[][], double[], double, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, finite
   * @param p the exponent, in {@code [1, 4)}
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset lewis(double[][] x, double[] y, double p, int m, long seed) {
    return lewis(x, y, p, m, Rng.create(seed));
  }

  /**
   * ℓp-regression coreset by Lewis-weight sampling of {@code [X, y]}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, finite
   * @param p the exponent, in {@code [1, 4)}
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset lewis(double[][] x, double[] y, double p, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.inRange("p", p, 1, Math.nextDown(4.0));
    double[][] a = LeverageScores.augment(x, y);
    SensitivitySampling.checkSize(m, a.length);
    return SensitivitySampling.sample(LewisWeights.compute(a, p).weights(), m, rng);
  }

  /**
   * As {@link #lewis(double[][], double[], double, double, double, RandomGenerator)} with the
   * generator {@code Rng.create(seed)}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, finite
   * @param p the exponent, in {@code [1, 4)}
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset lewis(
      double[][] x, double[] y, double p, double eps, double delta, long seed) {
    return lewis(x, y, p, eps, delta, Rng.create(seed));
  }

  /**
   * ℓp-regression coreset with the size from a target error, {@link CoresetSize#lewis} for the
   * {@code d + 1} columns of {@code [X, y]} (the whole input when that is at least {@code n}).
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, finite
   * @param p the exponent, in {@code [1, 4)}
   * @param eps the target relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset lewis(
      double[][] x, double[] y, double p, double eps, double delta, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.inRange("p", p, 1, Math.nextDown(4.0));
    double[][] a = LeverageScores.augment(x, y);
    long m = CoresetSize.lewis(eps, delta, a[0].length, p);
    return m >= a.length
        ? Coreset.all(a.length)
        : SensitivitySampling.sample(LewisWeights.compute(a, p).weights(), (int) m, rng);
  }

  /**
   * As {@link #rootLeverage(double[][], double[], int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, finite
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset rootLeverage(double[][] x, double[] y, int m, long seed) {
    return rootLeverage(x, y, m, Rng.create(seed));
  }

  /**
   * ℓp-regression coreset by root-leverage sampling, {@code p_i ∝ sqrt(tau_i)} of {@code [X, y]}.
   *
   * @param x the design rows, {@code n x d}, finite
   * @param y the targets, finite
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset rootLeverage(double[][] x, double[] y, int m, RandomGenerator rng) {
    Args.rectangular("x", x);
    Args.notNull("rng", rng);
    double[][] a = LeverageScores.augment(x, y);
    SensitivitySampling.checkSize(m, a.length);
    double[] tau = LeverageScores.of(a);
    for (int i = 0; i < tau.length; i++) {
      tau[i] = Math.sqrt(tau[i]);
    }
    return SensitivitySampling.sample(tau, m, rng);
  }

  /**
   * As {@link #lp(double[][], double[], double, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the design rows, {@code n x d}, finite, {@code [X, y]} of full column rank
   * @param y the targets, finite
   * @param p the exponent, finite, at least 1
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset lp(double[][] x, double[] y, double p, int m, long seed) {
    return lp(x, y, p, m, Rng.create(seed));
  }

  /**
   * ℓp-regression coreset by ℓp sensitivity sampling of {@code [X, y]}, with the sensitivity upper
   * bounds of {@link LpSensitivities#upperBounds} (total at most {@code (d+1)^{max(1, p/2)}}). Fit
   * it with {@link Fitters#lp}.
   *
   * @param x the design rows, {@code n x d}, finite, {@code [X, y]} of full column rank
   * @param y the targets, finite
   * @param p the exponent, finite, at least 1
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset lp(double[][] x, double[] y, double p, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    LpRegression.checkP(p);
    double[][] a = LeverageScores.augment(x, y);
    SensitivitySampling.checkSize(m, a.length);
    return SensitivitySampling.sample(LpSensitivities.upperBounds(a, p), m, rng);
  }

  /**
   * As {@link #lpWithLeverage(double[][], double[], double, int, RandomGenerator)} with the
   * generator {@code Rng.create(seed)}.
   *
   * @param x the design rows, {@code n x d}, finite, {@code [X, y]} of full column rank
   * @param y the targets, finite
   * @param p the exponent, finite, at least 1 (the mixture is meant for {@code p > 2})
   * @param m the number of draws, in {@code [1, n]}
   * @param seed the seed
   * @return the coreset
   */
  public static Coreset lpWithLeverage(double[][] x, double[] y, double p, int m, long seed) {
    return lpWithLeverage(x, y, p, m, Rng.create(seed));
  }

  /**
   * ℓp-regression coreset by Woodruff and Yasuda's combined sampler for {@code p > 2}: draws of the
   * rows of {@code [X, y]} with probabilities {@code ∝ s_i / sum s + tau_i / sum tau}, ℓp
   * sensitivity bounds and ℓ2 leverage scores in equal parts ({@link
   * LpSensitivities#withLeverage}). Fit it with {@link Fitters#lp}.
   *
   * @param x the design rows, {@code n x d}, finite, {@code [X, y]} of full column rank
   * @param y the targets, finite
   * @param p the exponent, finite, at least 1 (the mixture is meant for {@code p > 2})
   * @param m the number of draws, in {@code [1, n]}
   * @param rng the source of randomness
   * @return the coreset
   */
  public static Coreset lpWithLeverage(
      double[][] x, double[] y, double p, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    LpRegression.checkP(p);
    double[][] a = LeverageScores.augment(x, y);
    SensitivitySampling.checkSize(m, a.length);
    return SensitivitySampling.sample(LpSensitivities.withLeverage(a, p), m, rng);
  }
}
