package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * Loopless variance-reduced extragradient (Alacaoglu and Malitsky, COLT 2022), a baseline in the
 * VR-Halpern experiments:
 *
 * <pre>
 * z̄ = (1−p) z + p w
 * z½ = J_{γG}(z̄ − γF(w))
 * z⁺ = J_{γG}(z̄ − γ[F(w) + F_i(z½) − F_i(w)]),   i uniform
 * w ← z⁺ with probability p (then F(w) is recomputed: n calls)
 * </pre>
 *
 * <p>Defaults: {@code p = 1/n} and {@code γ = 0.99·√p/L_Q} (the theory's {@code γ = τ√(1−α)/L} with
 * {@code α = 1 − p}, {@code τ < 1}). Expected cost per iteration: 3 oracle calls. Each refresh of
 * {@code F(w)} gives a free residual check at {@code w}.
 */
public final class VrExtraGradient implements MonotoneSolver {
  private final double step;
  private final double probability;
  private final long seed;

  /**
   * VR-EG with default step and probability.
   *
   * @param seed the seed of the sampling
   */
  public VrExtraGradient(long seed) {
    this(Double.NaN, Double.NaN, seed);
  }

  /**
   * VR-EG with explicit parameters.
   *
   * @param step {@code γ > 0}, or {@code NaN} for {@code 0.99·√p/L_Q}
   * @param probability {@code p} in {@code (0, 1]}, or {@code NaN} for {@code 1/n}
   * @param seed the seed of the sampling
   */
  public VrExtraGradient(double step, double probability, long seed) {
    if (!Double.isNaN(step)) {
      Args.positive("step", step);
    }
    if (!Double.isNaN(probability) && !(probability > 0 && probability <= 1)) {
      throw Args.fail("probability", probability, "a number in (0, 1]");
    }
    this.step = step;
    this.probability = probability;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "VR-EG";
  }

  @Override
  public SolverResult solve(Problem problem, StoppingRule rule, IterationListener listener) {
    Monitor m = new Monitor(problem, rule, listener);
    CountingOperator op = m.op();
    int n = problem.size();
    double[] z0 = problem.start();
    double[] z = z0.clone();
    if (m.done()) {
      return m.result(name(), z, 0);
    }
    double p = Double.isNaN(probability) ? 1.0 / n : probability;
    double gamma =
        Double.isNaN(step) ? 0.99 * Math.sqrt(p) / Lipschitz.meanSquareOf(problem, op) : step;
    Resolvent g = problem.resolvent();
    RandomGenerator rng = Rng.create(seed);
    int d = z.length;
    double[] w = z0.clone();
    double[] fw = new double[d];
    double[] bar = new double[d];
    double[] half = new double[d];
    double[] dir = new double[d];
    op.apply(w, fw);
    long k = 0;
    while (!m.budgetSpent()) {
      Kernels.mix(1.0 - p, z, w, bar);
      Kernels.forward(bar, gamma, fw, half);
      Kernels.resolve(g, gamma, half, half);
      System.arraycopy(fw, 0, dir, 0, d);
      op.addComponentDifference(rng.nextInt(n), 1.0, half, w, dir);
      Kernels.forward(bar, gamma, dir, z);
      Kernels.resolve(g, gamma, z, z);
      k++;
      if (rng.nextDouble() < p) {
        System.arraycopy(z, 0, w, 0, d);
        op.apply(w, fw);
        if (m.exact(w, fw)) {
          break;
        }
      } else if (m.step(z)) {
        break;
      }
    }
    return m.result(name(), z, k);
  }
}
