package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
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
 */
public final class VrHalpern implements MonotoneSolver {
  private final double step;
  private final int batch;
  private final long seed;

  /**
   * VR-Halpern with the default step {@code 1/L_F} and batch {@code ⌊√n⌋}.
   *
   * @param seed the seed of the sampling
   */
  public VrHalpern(long seed) {
    this(Double.NaN, 0, seed);
  }

  /**
   * VR-Halpern with explicit parameters.
   *
   * @param step {@code η}, finite and positive, or {@code NaN} for the default {@code 1/L_F}
   * @param batch the batch size {@code b}, positive, or {@code 0} for {@code ⌊√n⌋}
   * @param seed the seed of the sampling
   */
  public VrHalpern(double step, int batch, long seed) {
    if (!Double.isNaN(step)) {
      Args.positive("step", step);
    }
    this.step = step;
    this.batch = Args.nonNegative("batch", batch);
    this.seed = seed;
  }

  @Override
  public String name() {
    return "VR-Halpern";
  }

  @Override
  public SolverResult solve(Problem problem, StoppingRule rule, IterationListener listener) {
    Monitor m = new Monitor(problem, rule, listener);
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
    RandomGenerator rng = Rng.create(seed);
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
        if (k > 0 && m.exact(x, est)) {
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
      if (!full && m.step(x)) {
        break;
      }
    }
    return m.result(name(), x, k);
  }
}
