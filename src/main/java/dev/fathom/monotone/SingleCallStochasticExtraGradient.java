package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.StoppingRule;
import java.util.random.RandomGenerator;

/**
 * Single-call stochastic extragradient: Popov's past extragradient (see {@link
 * SingleCallExtraGradient}) with the full pass replaced by a mini-batch of components, as analysed
 * by Hsieh, Iutzeler, Malick and Mertikopoulos (NeurIPS 2019):
 *
 * <pre>
 * x_{t+½} = J_{γ_t G}(x_t − γ_t V_{t−½})
 * V_{t+½} = (1/b) Σ_{i∈S_t} F_i(x_{t+½}),   S_t: b distinct indices, uniform
 * x_{t+1} = J_{γ_t G}(x_t − γ_t V_{t+½})
 * </pre>
 *
 * <p>{@code V} is an unbiased estimate of {@code F}; each iteration makes {@code b} oracle calls
 * (one component evaluation each), plus {@code b} for {@code V_{−½}} at {@code x_0}.
 *
 * <p><b>Step rule.</b> {@code γ_t = γ_0/(1 + t/t_0)^a}, that is {@code γ/(t + t_0)^a} with {@code γ
 * = γ_0·t_0^a}: the paper's {@code O(1/t)} last-iterate rate for a {@code μ}-strongly monotone
 * {@code F} with bounded noise variance takes {@code a = 1}, {@code γ > 1/μ} and an offset {@code
 * t_0 ≥ 4γL}, that is {@code γ_0 ≤ 1/(4L)} and {@code γ_0·t_0 > 1/μ}. Defaults: {@code a = 1},
 * {@code γ_0 = 0.25/L_Q} ({@code L_Q} the mean-square Lipschitz constant of the components, which
 * bounds the Lipschitz constant of every sampled estimate in mean square) and {@code t_0} = one
 * epoch of iterations ({@code ⌈n/b⌉}); the theory's condition {@code γ_0·t_0 > 1/μ} then holds when
 * {@code ⌈n/b⌉ > 4L_Q/μ}, otherwise pass a larger offset with {@link #withSchedule}. Exponents
 * {@code a ∈ (½, 1)} satisfy the Robbins-Monro conditions and decay more slowly; {@code a = 0} is a
 * constant step, which converges only to a noise-dominated neighbourhood (linearly when {@code b =
 * n}, where this is deterministic Popov). {@code μ} is not needed by the method.
 *
 * <p>The returned point and the monitored one is the base iterate {@code x_t} (the paper's last
 * iterate). No pass of {@code F} is ever made by the method, so the residual is checked every
 * {@link #withCheckEvery} epochs (default 1) as monitoring, charged to {@link
 * InclusionResult#monitorCalls()}.
 *
 * @since 1.1
 */
public final class SingleCallStochasticExtraGradient implements MonotoneSolver {
  private final double step;
  private final double offset;
  private final double exponent;
  private final int batch;
  private final double checkEveryEpochs;
  private final SeedSource random;

  /**
   * The default configuration (batch 1, {@code γ_t = (0.25/L_Q)/(1 + t/n)}, a check every epoch);
   * every run draws from {@code Rng.create(seed)}, so runs repeat.
   *
   * @param seed the seed of the sampling
   */
  public SingleCallStochasticExtraGradient(long seed) {
    this(Double.NaN, Double.NaN, 1.0, 1, 1.0, SeedSource.of(seed));
  }

  /**
   * The default configuration drawing from {@code rng}: successive runs continue its sequence, and
   * the solver must then stay on one thread.
   *
   * @param rng the generator of the sampling
   */
  public SingleCallStochasticExtraGradient(RandomGenerator rng) {
    this(Double.NaN, Double.NaN, 1.0, 1, 1.0, SeedSource.of(rng));
  }

  private SingleCallStochasticExtraGradient(
      double step,
      double offset,
      double exponent,
      int batch,
      double checkEveryEpochs,
      SeedSource random) {
    this.step = step;
    this.offset = offset;
    this.exponent = exponent;
    this.batch = batch;
    this.checkEveryEpochs = checkEveryEpochs;
    this.random = random;
  }

  /**
   * The same solver with a given initial step {@code γ_0} instead of {@code 0.25/L_Q}.
   *
   * @param gamma0 {@code γ_0}, finite and positive
   * @return a new solver (sharing this one's randomness)
   */
  public SingleCallStochasticExtraGradient withStep(double gamma0) {
    return new SingleCallStochasticExtraGradient(
        Args.positive("step", gamma0), offset, exponent, batch, checkEveryEpochs, random);
  }

  /**
   * The same solver with another decay {@code γ_t = γ_0/(1 + t/t_0)^a}.
   *
   * @param t0 the offset {@code t_0} in iterations, finite and positive
   * @param a the exponent, in {@code [0, 1]} ({@code 0}: a constant step)
   * @return a new solver (sharing this one's randomness)
   */
  public SingleCallStochasticExtraGradient withSchedule(double t0, double a) {
    return new SingleCallStochasticExtraGradient(
        step,
        Args.positive("t0", t0),
        Args.inRange("a", a, 0.0, 1.0),
        batch,
        checkEveryEpochs,
        random);
  }

  /**
   * The same solver with another mini-batch size.
   *
   * @param b the number of distinct components per iteration, at least 1 and at most {@code n}
   *     (checked when solving)
   * @return a new solver (sharing this one's randomness)
   */
  public SingleCallStochasticExtraGradient withBatch(int b) {
    return new SingleCallStochasticExtraGradient(
        step, offset, exponent, Args.positive("batch", b), checkEveryEpochs, random);
  }

  /**
   * The same solver with another monitoring interval.
   *
   * @param epochs the interval between residual checks in epochs, finite and positive (default 1)
   * @return a new solver (sharing this one's randomness)
   */
  public SingleCallStochasticExtraGradient withCheckEvery(double epochs) {
    return new SingleCallStochasticExtraGradient(
        step, offset, exponent, batch, Args.positive("epochs", epochs), random);
  }

  @Override
  public String name() {
    return "SC-SEG";
  }

  @Override
  public InclusionResult solve(Problem problem, StoppingRule rule, IterationListener listener) {
    int n = Args.notNull("problem", problem).size();
    if (batch > n) {
      throw Args.fail("batch", batch, "at most n = " + n);
    }
    Monitor m = new Monitor(problem, rule, listener, checkEveryEpochs);
    CountingOperator op = m.op();
    double[] x = problem.start();
    if (m.done()) {
      return m.result(name(), x, 0);
    }
    double gamma0 = Double.isNaN(step) ? 0.25 / Lipschitz.meanSquareOf(problem, op) : step;
    double t0 = Double.isNaN(offset) ? Math.ceil(n / (double) batch) : offset;
    Resolvent g = problem.resolvent();
    RandomGenerator rng = random.generator();
    Kernels.Sampler sampler = new Kernels.Sampler(n);
    int[] picked = new int[batch];
    int d = x.length;
    double[] v = new double[d];
    double[] half = new double[d];
    sample(op, sampler, rng, picked, x, v); // V_{−½} at x_{−½} = x_0
    long t = 0;
    while (!m.budgetSpent()) {
      double gamma = gamma0 / Math.pow(1 + t / t0, exponent);
      Kernels.forwardBackward(g, x, gamma, v, half);
      sample(op, sampler, rng, picked, half, v);
      Kernels.forwardBackward(g, x, gamma, v, x);
      t++;
      if (m.step(x, t)) {
        break;
      }
    }
    return m.result(name(), x, t);
  }

  /** {@code v = (1/b) Σ_{i∈S} F_i(at)} over a fresh sample {@code S} of {@code picked.length}. */
  private static void sample(
      CountingOperator op,
      Kernels.Sampler sampler,
      RandomGenerator rng,
      int[] picked,
      double[] at,
      double[] v) {
    java.util.Arrays.fill(v, 0.0);
    sampler.sample(rng, picked.length, picked);
    double scale = 1.0 / picked.length;
    for (int i : picked) {
      op.addComponent(i, scale, at, v);
    }
  }
}
