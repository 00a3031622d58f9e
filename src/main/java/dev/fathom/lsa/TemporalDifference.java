package dev.fathom.lsa;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * TD(0) with linear features {@code V(s) ≈ φ(s)ᵀθ} on a finite {@link MarkovRewardProcess}, as
 * linear stochastic approximation: {@code A_k = φ(s)(φ(s) − γφ(s'))ᵀ}, {@code b_k = r(s) φ(s)}.
 *
 * <p>Everything the theory talks about is computed exactly from the process: the mean system {@code
 * Ā = Φᵀ D_μ (I − γP) Φ}, {@code b̄ = Φᵀ D_μ r} (with {@code μ} the stationary law), the TD fixed
 * point {@code θ* = Ā⁻¹ b̄}, the noise covariance for i.i.d. and Markovian sampling, and the exact
 * stationary mean of the fixed-step iterate along a trajectory (whose O(α) offset from {@code θ*}
 * is what Richardson-Romberg extrapolation removes).
 *
 * <p>Immutable; each {@link #stream(Sampling)} call returns a new, non-thread-safe stream.
 *
 * @since 1.0
 */
public final class TemporalDifference {
  /** How transitions are drawn. */
  public enum Sampling {
    /** Along one trajectory of the chain, started in stationarity: Markovian noise. */
    MARKOV,
    /** Each step an independent {@code s ~ μ} and {@code s' ~ P(s, ·)}: i.i.d. noise. */
    IID
  }

  private final MarkovRewardProcess mrp;
  private final double[] phi;
  private final int d;
  private final double gamma;
  private final double[] mu;
  private final LinearSystem mean;

  /**
   * TD(0) on {@code mrp} with feature rows {@code features[s] = φ(s)} and discount {@code gamma}.
   *
   * @param mrp the process, irreducible
   * @param features one row of length {@code d} per state, finite (copied)
   * @param gamma the discount, in {@code [0, 1)}
   * @throws IllegalArgumentException if the feature rows are ragged or non-finite, their number
   *     differs from the number of states, {@code gamma} is outside {@code [0, 1)}, or {@code Ā} is
   *     singular (dependent features)
   */
  public TemporalDifference(MarkovRewardProcess mrp, double[][] features, double gamma) {
    this.mrp = Args.notNull("mrp", mrp);
    this.d = Args.rectangular("features", features);
    if (features.length != mrp.states()) {
      throw Args.fail("features.length", features.length, "mrp.states() = " + mrp.states());
    }
    if (!(gamma >= 0 && gamma < 1)) {
      throw Args.fail("gamma", gamma, "a discount in [0, 1)");
    }
    this.gamma = gamma;
    int n = mrp.states();
    this.phi = new double[n * d];
    for (int s = 0; s < n; s++) {
      System.arraycopy(features[s], 0, phi, s * d, d);
    }
    this.mu = mrp.stationaryDistribution();
    this.mean = buildMean();
    mean.solve(); // refuses dependent features now rather than at first use
  }

  /**
   * A random instance: {@link MarkovRewardProcess#random(int, int, long)} with Gaussian features of
   * variance {@code 1/d} (so {@code ‖φ(s)‖ ≈ 1}).
   *
   * @param states the number of states, at least 2
   * @param outDegree successors per state, in {@code [2, states]}
   * @param features the number of features {@code d}, in {@code [1, states]}
   * @param gamma the discount, in {@code [0, 1)}
   * @param seed the seed
   * @return the problem
   */
  public static TemporalDifference random(
      int states, int outDegree, int features, double gamma, long seed) {
    return random(states, outDegree, features, gamma, Rng.create(seed));
  }

  /**
   * A random instance as {@link #random(int, int, int, double, long)}, drawing the process and then
   * the features from {@code rng}.
   *
   * @param states the number of states, at least 2
   * @param outDegree successors per state, in {@code [2, states]}
   * @param features the number of features {@code d}, in {@code [1, states]}
   * @param gamma the discount, in {@code [0, 1)}
   * @param rng the generator
   * @return the problem
   */
  public static TemporalDifference random(
      int states, int outDegree, int features, double gamma, RandomGenerator rng) {
    Args.inRange("states", states, 2, Integer.MAX_VALUE);
    Args.inRange("outDegree", outDegree, 2, states);
    Args.size("states * outDegree", (long) states * outDegree);
    Args.inRange("features", features, 1, states);
    Args.size("states * features", (long) states * features);
    Args.notNull("rng", rng);
    MarkovRewardProcess mrp = MarkovRewardProcess.random(states, outDegree, rng);
    double[][] f = new double[states][];
    double scale = 1 / Math.sqrt(features);
    for (int s = 0; s < states; s++) {
      f[s] = Rng.gaussian(rng, features);
      for (int i = 0; i < features; i++) {
        f[s][i] *= scale;
      }
    }
    return new TemporalDifference(mrp, f, gamma);
  }

  private LinearSystem buildMean() {
    int n = mrp.states();
    double[] pphi = expectedNextFeatures();
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    double[] b = new double[d];
    for (int s = 0; s < n; s++) {
      int ps = s * d;
      for (int i = 0; i < d; i++) {
        double w = mu[s] * phi[ps + i];
        for (int j = 0; j < d; j++) {
          a.data[i * d + j] += w * (phi[ps + j] - gamma * pphi[ps + j]);
        }
        b[i] += w * mrp.reward(s);
      }
    }
    return new LinearSystem(a, b);
  }

  /** Row s of the result is (PΦ)(s) = Σ_t P(s,t) φ(t). */
  double[] expectedNextFeatures() {
    double[] pphi = new double[mrp.states() * d];
    mrp.forEachTransition(
        (s, t, p) -> {
          for (int i = 0; i < d; i++) {
            pphi[s * d + i] += p * phi[t * d + i];
          }
        });
    return pphi;
  }

  /**
   * The process.
   *
   * @return the Markov reward process
   */
  public MarkovRewardProcess process() {
    return mrp;
  }

  /**
   * The number of features.
   *
   * @return {@code d}
   */
  public int dimension() {
    return d;
  }

  /**
   * The discount.
   *
   * @return {@code γ}
   */
  public double gamma() {
    return gamma;
  }

  /**
   * The stationary law of the process.
   *
   * @return a copy of {@code μ}
   */
  public double[] stationaryDistribution() {
    return mu.clone();
  }

  /**
   * The feature vector of a state.
   *
   * @param s the state
   * @return a copy of {@code φ(s)}
   */
  public double[] features(int s) {
    double[] f = new double[d];
    System.arraycopy(phi, s * d, f, 0, d);
    return f;
  }

  /**
   * The exact mean system {@code Ā = Φᵀ D_μ (I − γP) Φ}, {@code b̄ = Φᵀ D_μ r}.
   *
   * @return the mean system
   */
  public LinearSystem meanSystem() {
    return mean;
  }

  /**
   * The TD fixed point {@code θ* = Ā⁻¹ b̄}.
   *
   * @return {@code θ*}
   */
  public double[] fixedPoint() {
    return mean.solve();
  }

  /**
   * A new TD(0) stream. Costs O(d) per transition with dense features; when at most a quarter of
   * the feature entries are non-zero (one-hot, tile coding, ...) the stream keeps the rows in
   * compressed form and costs O(nnz φ(s) + nnz φ(s')).
   *
   * @param sampling how transitions are drawn
   * @return the stream (reset it, or let {@link Lsa} reset it, before use)
   */
  public LsaStream stream(Sampling sampling) {
    int nnz = 0;
    for (double v : phi) {
      nnz += v != 0 ? 1 : 0;
    }
    return stream(sampling, 4L * nnz <= phi.length);
  }

  TdStream stream(Sampling sampling, boolean sparse) {
    Args.notNull("sampling", sampling);
    TdStream s = new TdStream(this, phi, mu, sampling == Sampling.MARKOV, sparse);
    s.reset(0);
    return s;
  }

  /**
   * The covariance {@code Σ} of the noise {@code A_k θ* − b_k} entering the CLT covariance {@code
   * Ā⁻¹ΣĀ⁻ᵀ} of the averaged iterate: for i.i.d. sampling the one-step covariance {@code Σ_0 =
   * E[δ*² φ(s)φ(s)ᵀ]}; for Markovian sampling the asymptotic covariance {@code Σ_0 + C + Cᵀ}
   * including all autocovariances, {@code C = Σ_{j≥1} E[ε_0 ε_jᵀ]}, obtained from the Poisson
   * equation of the chain.
   *
   * @param sampling the sampling scheme
   * @return {@code Σ}, {@code d x d}
   */
  public DMatrixRMaj noiseCovariance(Sampling sampling) {
    Args.notNull("sampling", sampling);
    return TdExact.noiseCovariance(this, phi, mu, sampling == Sampling.MARKOV);
  }

  /**
   * The exact stationary mean {@code lim E[θ_k]} of fixed-step TD(0) along a trajectory ({@link
   * Sampling#MARKOV}), from the linear equations of {@code m_s = E[θ_k 1{s_k = s}]}. It differs
   * from {@code θ*} by {@code O(α)}; with i.i.d. sampling it would equal {@code θ*}. Costs a dense
   * solve of size {@code n·d}.
   *
   * @param alpha the step size, positive and stable
   * @return {@code Σ_s m_s}
   * @throws IllegalArgumentException if {@code n·d > 4000}, or the step is so large that the joint
   *     chain has no stationary mean
   */
  public double[] stationaryMean(double alpha) {
    Args.positive("alpha", alpha);
    return TdExact.stationaryMean(this, phi, mu, alpha);
  }
}
