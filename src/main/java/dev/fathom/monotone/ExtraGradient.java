package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.StoppingRule;

/**
 * The deterministic extragradient baselines for monotone Lipschitz {@code F}: Korpelevich's EG and
 * the anchored EG (EAG) of Yoon and Ryu (2021), with {@code λ_k = 1/(k+2)} (0 for EG):
 *
 * <pre>
 * z̄ = J_{ηG}(λ_k z0 + (1−λ_k) z_k − ηF(z_k))
 * z_{k+1} = J_{ηG}(λ_k z0 + (1−λ_k) z_k − ηF(z̄))
 * </pre>
 *
 * <p>Two full passes per iteration; the first gives a free residual check at {@code z_k}. Default
 * steps: {@code η = 0.9/L_F} for EG (theory: {@code η < 1/L_F}) and {@code η = 0.5/L_F} for EAG.
 * Yoon and Ryu prove {@code ‖F(z_k)‖ = O(L‖z0 − z*‖/k)} for EAG-C with {@code η ≤ 1/(8L_F)}; that
 * step was four to eight times slower on the built-in problems and {@code 0.5/L_F} was stable on
 * all of them, so it is the default; {@link #eagProven()} keeps the proven step.
 *
 * @since 1.0
 */
public final class ExtraGradient implements MonotoneSolver {
  /**
   * The step of the EAG-C convergence proof (Yoon and Ryu 2021), as a multiple of {@code 1/L_F}.
   */
  public static final double PROVEN_EAG_STEP_FACTOR = 0.125;

  private final boolean anchored;
  private final double step;
  private final double stepFactor;

  private ExtraGradient(boolean anchored, double step, double stepFactor) {
    if (!Double.isNaN(step)) {
      Args.positive("step", step);
    }
    this.anchored = anchored;
    this.step = step;
    this.stepFactor = stepFactor;
  }

  /**
   * EG with the default step {@code 0.9/L_F}.
   *
   * @return the solver
   */
  public static ExtraGradient eg() {
    return new ExtraGradient(false, Double.NaN, 0.9);
  }

  /**
   * EG with a given step.
   *
   * @param step {@code η}, finite and positive
   * @return the solver
   */
  public static ExtraGradient eg(double step) {
    return new ExtraGradient(false, Args.positive("step", step), Double.NaN);
  }

  /**
   * Anchored EG with the default step {@code 0.5/L_F}.
   *
   * @return the solver
   */
  public static ExtraGradient eag() {
    return new ExtraGradient(true, Double.NaN, 0.5);
  }

  /**
   * Anchored EG with the step {@code 1/(8L_F)} of Yoon and Ryu's proof (EAG-C), which guarantees
   * {@code ‖F(z_k)‖ = O(L_F‖z0 − z*‖/k)} for every monotone {@code L_F}-Lipschitz {@code F}; the
   * default {@link #eag()} uses the faster {@code 0.5/L_F}, which is stable on the built-in
   * problems but not covered by that proof.
   *
   * @return the solver
   */
  public static ExtraGradient eagProven() {
    return new ExtraGradient(true, Double.NaN, PROVEN_EAG_STEP_FACTOR);
  }

  /**
   * Anchored EG with a given step.
   *
   * @param step {@code η}, finite and positive
   * @return the solver
   */
  public static ExtraGradient eag(double step) {
    return new ExtraGradient(true, Args.positive("step", step), Double.NaN);
  }

  @Override
  public String name() {
    return anchored ? "EAG" : "EG";
  }

  @Override
  public InclusionResult solve(Problem problem, StoppingRule rule, IterationListener listener) {
    Monitor m = new Monitor(problem, rule, listener, 1.0);
    CountingOperator op = m.op();
    double[] z0 = problem.start();
    double[] z = z0.clone();
    if (m.done()) {
      return m.result(name(), z, 0);
    }
    double eta = Double.isNaN(step) ? stepFactor / Lipschitz.lipschitzOf(problem, op) : step;
    Resolvent g = problem.resolvent();
    int d = z.length;
    double[] fz = new double[d];
    double[] bar = new double[d];
    long k = 0;
    while (!m.budgetSpent()) {
      op.apply(z, fz);
      if (k > 0 && m.exact(z, fz, k)) {
        break;
      }
      double lambda = anchored ? 1.0 / (k + 2) : 0.0;
      Kernels.anchoredStep(lambda, z0, z, eta, fz, bar);
      Kernels.resolve(g, eta, bar, bar);
      op.apply(bar, fz);
      Kernels.anchoredStep(lambda, z0, z, eta, fz, z);
      Kernels.resolve(g, eta, z, z);
      k++;
    }
    return m.result(name(), z, k);
  }
}
