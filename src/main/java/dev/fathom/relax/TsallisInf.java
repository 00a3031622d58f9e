package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * Tsallis-INF with the 1/2-Tsallis entropy (Zimmert and Seldin), the bandit of "Learning to Relax",
 * over a grid of omega values with the iteration count as the loss.
 *
 * <p>Round t plays arm i with probability {@code p_i = 4 / (eta_t (Lhat_i - x))^2}, where {@code
 * eta_t = 2 / sqrt(t)}, {@code Lhat_i} is the arm's importance-weighted cumulative normalised loss,
 * and the normaliser {@code x < min_i Lhat_i} makes the p_i sum to one (found by Newton's method,
 * safeguarded by bisection on the bracket {@code [min Lhat - 2 sqrt(K) / eta, min Lhat - 2 /
 * eta]}). After playing arm i with cost c, {@code Lhat_i += (c - 1) / p_i}, measured in units of
 * {@code mean(observed costs) - 1}, so the losses need no known bound. This is the authors'
 * reference rule ({@link Estimator#IMPORTANCE_WEIGHTED}, the default).
 *
 * <p>{@link Estimator#REDUCED_VARIANCE} is Zimmert and Seldin's reduced-variance estimator instead:
 * {@code Lhat_i += (c - 1 - B) / p_i + B} for the played arm and {@code Lhat_j += B} for every
 * other arm, where {@code B = 0} for arms with {@code p < eta_t^2} and otherwise B is one unit of
 * the loss scale, {@code mean(earlier costs) - 1} (the running mean normalised loss; Zimmert and
 * Seldin use 1/2, the centre of losses in [0, 1]). It is unbiased for any B fixed before the round,
 * and lowers the variance of the estimates of the arms that are played most.
 *
 * <p>Reproducible from its seed. Not thread-safe.
 *
 * @since 1.0
 */
public final class TsallisInf extends GridBandit {
  /** The loss estimator. */
  public enum Estimator {
    /** {@code (c - 1) / p} on the played arm: the authors' TsallisINF.m (the default). */
    IMPORTANCE_WEIGHTED,
    /** Zimmert and Seldin's reduced-variance estimator with the running mean as the offset. */
    REDUCED_VARIANCE
  }

  private final Estimator estimator;
  private final RandomGenerator rng;
  private final double[] cumulative;
  private final double[] probs;
  private long rounds;
  private double costSum;
  private double scale = 1.0;

  /**
   * Creates the bandit.
   *
   * @param grid the omega values, each in (0, 2)
   * @param seed the random seed
   */
  public TsallisInf(double[] grid, long seed) {
    this(grid, Estimator.IMPORTANCE_WEIGHTED, seed);
  }

  /**
   * Creates the bandit with a chosen loss estimator.
   *
   * @param grid the omega values, each in (0, 2)
   * @param estimator the loss estimator
   * @param seed the random seed
   */
  public TsallisInf(double[] grid, Estimator estimator, long seed) {
    this(grid, estimator, Rng.create(seed));
  }

  /**
   * Creates the bandit drawing from {@code rng}; {@code Rng.create(seed)} gives the draws of {@link
   * #TsallisInf(double[], long)}.
   *
   * @param grid the omega values, each in (0, 2)
   * @param rng the generator, used by this bandit alone from now on
   */
  public TsallisInf(double[] grid, RandomGenerator rng) {
    this(grid, Estimator.IMPORTANCE_WEIGHTED, rng);
  }

  /**
   * Creates the bandit with a chosen loss estimator, drawing from {@code rng}.
   *
   * @param grid the omega values, each in (0, 2)
   * @param estimator the loss estimator
   * @param rng the generator, used by this bandit from now on
   */
  public TsallisInf(double[] grid, Estimator estimator, RandomGenerator rng) {
    super(grid);
    this.estimator = Args.notNull("estimator", estimator);
    this.rng = Args.notNull("rng", rng);
    this.cumulative = new double[grid.length];
    this.probs = new double[grid.length];
  }

  @Override
  public String name() {
    return estimator == Estimator.IMPORTANCE_WEIGHTED ? "Tsallis-INF" : "Tsallis-INF (RV)";
  }

  /**
   * The loss estimator in use.
   *
   * @return the estimator
   */
  public Estimator estimator() {
    return estimator;
  }

  /**
   * The distribution the next round samples from.
   *
   * @return the probabilities, one per arm, summing to 1
   */
  public double[] probabilities() {
    double[] p = new double[arms()];
    distribution(p);
    return p;
  }

  @Override
  protected int pick(double context) {
    distribution(probs);
    return sample(probs, rng.nextDouble());
  }

  @Override
  protected void learn(int arm, double cost) {
    if (estimator == Estimator.REDUCED_VARIANCE) {
      // B_i = one loss unit (the scale of the earlier rounds) where p_i >= eta_t^2, else 0.
      double eta = eta();
      for (int i = 0; i < probs.length; i++) {
        double b = probs[i] >= eta * eta ? scale : 0.0;
        cumulative[i] += i == arm ? (cost - 1 - b) / probs[i] + b : b;
      }
    } else {
      cumulative[arm] += (cost - 1) / probs[arm];
    }
    rounds++;
    costSum += cost;
    double s = costSum / rounds - 1;
    scale = s > 0 ? s : 1.0;
  }

  private void distribution(double[] p) {
    double[] losses = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      losses[i] = cumulative[i] / scale;
    }
    distribution(losses, eta(), p);
  }

  /** The rate of the current round, {@code 2 / sqrt(t)} with t counted from 1. */
  private double eta() {
    return 2 / Math.sqrt(rounds + 1);
  }

  /**
   * The 1/2-Tsallis distribution {@code p_i = 4 / (eta (L_i - x))^2} with x chosen so that the p_i
   * sum to one.
   */
  static void distribution(double[] losses, double eta, double[] p) {
    int k = p.length;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      min = Math.min(min, losses[i]);
    }
    // sum(x) = sum_i 4 / (eta (L_i - x))^2 is increasing on x < min; the root lies in [lo, hi].
    double lo = min - 2 * Math.sqrt(k) / eta;
    double hi = min - 2 / eta;
    double x = lo;
    for (int it = 0; it < 100; it++) {
      double sum = 0;
      double slope = 0;
      for (int i = 0; i < k; i++) {
        double g = eta * (losses[i] - x);
        double pi = 4 / (g * g);
        sum += pi;
        slope += eta * pi * Math.sqrt(pi);
      }
      if (sum > 1) {
        hi = x;
      } else {
        lo = x;
      }
      if (Math.abs(sum - 1) < 1e-12) {
        break;
      }
      double next = x - (sum - 1) / slope;
      x = next > lo && next < hi ? next : 0.5 * (lo + hi);
    }
    double total = 0;
    for (int i = 0; i < k; i++) {
      double g = eta * (losses[i] - x);
      p[i] = 4 / (g * g);
      total += p[i];
    }
    for (int i = 0; i < k; i++) {
      p[i] /= total;
    }
  }
}
