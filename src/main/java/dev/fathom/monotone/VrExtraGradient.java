package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.StoppingRule;
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
 *
 * @since 1.0
 */
public final class VrExtraGradient implements MonotoneSolver {
  private final double step;
  private final double probability;
  private final double checkEveryEpochs;
  private final SeedSource random;

  /**
   * VR-EG with the default step and probability and a monitoring check every epoch; every run draws
   * from {@code Rng.create(seed)}, so runs repeat.
   *
   * @param seed the seed of the sampling
   */
  public VrExtraGradient(long seed) {
    this(Double.NaN, Double.NaN, 1.0, SeedSource.of(seed));
  }

  /**
   * VR-EG with the default parameters, drawing from {@code rng}: successive runs continue its
   * sequence, and the solver must then stay on one thread.
   *
   * @param rng the generator of the sampling
   */
  public VrExtraGradient(RandomGenerator rng) {
    this(Double.NaN, Double.NaN, 1.0, SeedSource.of(rng));
  }

  private VrExtraGradient(
      double step, double probability, double checkEveryEpochs, SeedSource random) {
    this.step = step;
    this.probability = probability;
    this.checkEveryEpochs = checkEveryEpochs;
    this.random = random;
  }

  /**
   * The same solver with a given step instead of {@code 0.99·√p/L_Q}.
   *
   * @param newStep {@code γ}, finite and positive
   * @return a new solver (sharing this one's randomness)
   */
  public VrExtraGradient withStep(double newStep) {
    return new VrExtraGradient(
        Args.positive("step", newStep), probability, checkEveryEpochs, random);
  }

  /**
   * The same solver with a given refresh probability instead of {@code 1/n}.
   *
   * @param newProbability {@code p} in {@code (0, 1]}
   * @return a new solver (sharing this one's randomness)
   */
  public VrExtraGradient withProbability(double newProbability) {
    if (!(newProbability > 0 && newProbability <= 1)) {
      throw Args.fail("probability", newProbability, "a number in (0, 1]");
    }
    return new VrExtraGradient(step, newProbability, checkEveryEpochs, random);
  }

  /**
   * The same solver with another monitoring interval: between the free checks of its refreshes, the
   * residual is evaluated every {@code epochs} epochs of oracle calls (charged to {@link
   * InclusionResult#monitorCalls()}, not to the method).
   *
   * @param epochs the interval in epochs, finite and positive (default 1)
   * @return a new solver (sharing this one's randomness)
   */
  public VrExtraGradient withCheckEvery(double epochs) {
    return new VrExtraGradient(step, probability, Args.positive("epochs", epochs), random);
  }

  @Override
  public String name() {
    return "VR-EG";
  }

  @Override
  public InclusionResult solve(Problem problem, StoppingRule rule, IterationListener listener) {
    Monitor m = new Monitor(problem, rule, listener, checkEveryEpochs);
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
    RandomGenerator rng = random.generator();
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
        if (m.exact(w, fw, k)) {
          break;
        }
      } else if (m.step(z, k)) {
        break;
      }
    }
    return m.result(name(), z, k);
  }
}
