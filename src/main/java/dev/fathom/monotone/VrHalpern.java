package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.StoppingRule;
import java.util.random.RandomGenerator;

/**
 * Variance-reduced Halpern iteration for (on-average) cocoercive finite sums: Algorithm 1 of Cai,
 * Alacaoglu and Diakonikolas (ICLR 2024), a single-loop Halpern iteration with a PAGE-style
 * recursive estimator {@code F̃_k ≈ F(x_k)}.
 *
 * <pre>
 * λ_k = 2/(k+4)
 * full pass if k ≤ 1, else with probability p_k = 4/(k+4) while k−1 ≤ √n, then 4/(√n+5)
 * full:     F̃_k = F(x_k)                                           (n calls)
 * otherwise F̃_k = F̃_{k−1} + (1/b) Σ_{i∈S} [F_i(x_k) − F_i(x_{k−1})]  (|S| = b = ⌊√n⌋, 2b calls)
 * x_{k+1} = J_{ηG}(λ_k x0 + (1−λ_k) x_k − η F̃_k)
 * </pre>
 *
 * <p>The step follows the authors' code ({@code η·F̃}, not {@code (1−λ_k)·η·F̃}). The expected cost
 * per iteration is {@code O(√n)}; the oracle complexity to reach {@code ‖F(x)‖ ≤ ε} is {@code Õ(n +
 * √n·L/ε)} against {@code O(n·L/ε)} for deterministic Halpern. The default step is {@code η =
 * 1/L_F} (the paper's theory uses a step of order {@code 1/L} with {@code L} the on-average
 * constant; {@code 2/L_F} diverges in practice). Every full pass gives a free residual check.
 *
 * <p>Configure by copy: {@code new VrHalpern(seed).withStep(0.3).withBatch(16)}.
 *
 * @since 1.0
 */
public final class VrHalpern implements MonotoneSolver {
  private final double step;
  private final int batch;
  private final double checkEveryEpochs;
  private final SeedSource random;

  /**
   * VR-Halpern with the default step {@code 1/L_F}, batch {@code ⌊√n⌋} and a monitoring check every
   * epoch; every run draws from {@code Rng.create(seed)}, so runs repeat.
   *
   * @param seed the seed of the sampling
   */
  public VrHalpern(long seed) {
    this(Double.NaN, 0, 1.0, SeedSource.of(seed));
  }

  /**
   * VR-Halpern with the default parameters, drawing from {@code rng}: successive runs continue its
   * sequence, and the solver must then stay on one thread. {@code Rng.create(s)} gives the draws of
   * {@link #VrHalpern(long) VrHalpern(s)} in the first run.
   *
   * @param rng the generator of the sampling
   */
  public VrHalpern(RandomGenerator rng) {
    this(Double.NaN, 0, 1.0, SeedSource.of(rng));
  }

  private VrHalpern(double step, int batch, double checkEveryEpochs, SeedSource random) {
    this.step = step;
    this.batch = batch;
    this.checkEveryEpochs = checkEveryEpochs;
    this.random = random;
  }

  /**
   * The same solver with a given step instead of {@code 1/L_F}.
   *
   * @param newStep {@code η}, finite and positive
   * @return a new solver (sharing this one's randomness)
   */
  public VrHalpern withStep(double newStep) {
    return new VrHalpern(Args.positive("step", newStep), batch, checkEveryEpochs, random);
  }

  /**
   * The same solver with a given batch size instead of {@code ⌊√n⌋}.
   *
   * @param newBatch the batch size {@code b}, positive (capped at {@code n})
   * @return a new solver (sharing this one's randomness)
   */
  public VrHalpern withBatch(int newBatch) {
    return new VrHalpern(step, Args.positive("batch", newBatch), checkEveryEpochs, random);
  }

  /**
   * The same solver with another monitoring interval: between the free checks of its full passes,
   * the residual is evaluated every {@code epochs} epochs of oracle calls (charged to {@link
   * InclusionResult#monitorCalls()}, not to the method).
   *
   * @param epochs the interval in epochs, finite and positive (default 1)
   * @return a new solver (sharing this one's randomness)
   */
  public VrHalpern withCheckEvery(double epochs) {
    return new VrHalpern(step, batch, Args.positive("epochs", epochs), random);
  }

  @Override
  public String name() {
    return "VR-Halpern";
  }

  @Override
  public InclusionResult solve(Problem problem, StoppingRule rule, IterationListener listener) {
    Monitor m = new Monitor(problem, rule, listener, checkEveryEpochs);
    CountingOperator op = m.op();
    int n = problem.size();
    double[] x0 = problem.start();
    double[] x = x0.clone();
    if (m.done()) {
      return m.result(name(), x, 0);
    }
    double eta = Double.isNaN(step) ? 1.0 / Lipschitz.lipschitzOf(problem, op) : step;
    int b = batch > 0 ? Math.min(batch, n) : Math.max(1, (int) Math.floor(Math.sqrt(n)));
    Resolvent g = problem.resolvent();
    RandomGenerator rng = random.generator();
    Kernels.Sampler sampler = new Kernels.Sampler(n);
    int[] idx = new int[b];
    double sqrtN = Math.sqrt(n);
    double[] est = new double[x.length];
    double[] prev = new double[x.length];
    long k = 0;
    while (!m.budgetSpent()) {
      boolean full;
      if (k <= 1) {
        full = true;
      } else if (k - 1 <= sqrtN) {
        full = rng.nextDouble() < 4.0 / (k + 4);
      } else {
        full = rng.nextDouble() < 4.0 / (sqrtN + 5);
      }
      if (full) {
        op.apply(x, est);
        if (k > 0 && m.exact(x, est, k)) {
          break;
        }
      } else {
        sampler.sample(rng, b, idx);
        double s = 1.0 / b;
        for (int c = 0; c < b; c++) {
          op.addComponentDifference(idx[c], s, x, prev, est);
        }
      }
      System.arraycopy(x, 0, prev, 0, x.length);
      double lambda = 2.0 / (k + 4);
      Kernels.anchoredStep(lambda, x0, x, eta, est, x);
      Kernels.resolve(g, eta, x, x);
      k++;
      if (!full && m.step(x, k)) {
        break;
      }
    }
    return m.result(name(), x, k);
  }
}
