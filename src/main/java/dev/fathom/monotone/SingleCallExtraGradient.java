package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.StoppingRule;

/**
 * The deterministic single-call extragradient methods for monotone Lipschitz {@code F}: one full
 * pass of {@code F} per iteration where {@link ExtraGradient} needs two. In the notation of Hsieh,
 * Iutzeler, Malick and Mertikopoulos, "On the convergence of single-call stochastic extra-gradient
 * methods" (NeurIPS 2019), with {@code J = J_{γG}}:
 *
 * <ul>
 *   <li>{@linkplain #popov() Popov's past extragradient} (PEG):
 *       <pre>
 * x_{t+½} = J(x_t − γF(x_{t−½}))
 * x_{t+1} = J(x_t − γF(x_{t+½}))
 * </pre>
 *       the extragradient step with the leading evaluation {@code F(x_t)} replaced by the one of
 *       the previous iteration, {@code F(x_{t−½})}; two resolvents per iteration, started with
 *       {@code x_{−½} = x_0}.
 *   <li>{@linkplain #optimistic() optimistic gradient} (OG) in its reflected, one-resolvent form
 *       (the forward-reflected-backward method of Malitsky and Tam for inclusions):
 *       <pre>z_{k+1} = J(z_k − γ[2F(z_k) − F(z_{k−1})]),   z_{−1} = z_0 = x_0.</pre>
 * </ul>
 *
 * <p>With {@code G = 0} and a constant step the two are one method: Popov's leading points are the
 * OG iterates, {@code x_{t+½} = z_{t+1}} (eliminate {@code x_t}: {@code x_{t+3/2} = x_{t+½} −
 * 2γF(x_{t+½}) + γF(x_{t−½})}), so both query {@code F} at the same points. With a constraint or a
 * proximal term they differ: OG takes one resolvent per iteration, PEG two.
 *
 * <p>Both check the residual for free where they evaluate {@code F}: PEG at its leading point
 * {@code x_{t+½}} (feasible, and returned as the solution), OG at {@code z_k}. Cost: one initial
 * full pass at {@code x_0} (PEG) or {@code z_0} (OG), then one full pass ({@code n} oracle calls)
 * per iteration. Default step {@code γ = 0.45/L_F}: both are proven for constant steps {@code γ <
 * 1/(2L_F)} (Hsieh et al. for PEG and OG, Malitsky and Tam for the forward-reflected-backward
 * form). The stochastic version with decreasing steps is {@link SingleCallStochasticExtraGradient}.
 *
 * @since 1.1
 */
public final class SingleCallExtraGradient implements MonotoneSolver {
  /** The default step as a multiple of {@code 1/L_F} (theory: below 0.5). */
  public static final double DEFAULT_STEP_FACTOR = 0.45;

  private final boolean optimistic;
  private final double step;

  private SingleCallExtraGradient(boolean optimistic, double step) {
    this.optimistic = optimistic;
    this.step = step;
  }

  /**
   * Popov's past extragradient with the default step {@code 0.45/L_F}.
   *
   * @return the solver
   */
  public static SingleCallExtraGradient popov() {
    return new SingleCallExtraGradient(false, Double.NaN);
  }

  /**
   * Popov's past extragradient with a given step.
   *
   * @param step {@code γ}, finite and positive (theory: {@code γ < 1/(2L_F)})
   * @return the solver
   */
  public static SingleCallExtraGradient popov(double step) {
    return new SingleCallExtraGradient(false, Args.positive("step", step));
  }

  /**
   * The optimistic gradient (forward-reflected-backward) method with the default step {@code
   * 0.45/L_F}.
   *
   * @return the solver
   */
  public static SingleCallExtraGradient optimistic() {
    return new SingleCallExtraGradient(true, Double.NaN);
  }

  /**
   * The optimistic gradient (forward-reflected-backward) method with a given step.
   *
   * @param step {@code γ}, finite and positive (theory: {@code γ < 1/(2L_F)})
   * @return the solver
   */
  public static SingleCallExtraGradient optimistic(double step) {
    return new SingleCallExtraGradient(true, Args.positive("step", step));
  }

  @Override
  public String name() {
    return optimistic ? "OG" : "Popov";
  }

  @Override
  public InclusionResult solve(Problem problem, StoppingRule rule, IterationListener listener) {
    Monitor m = new Monitor(problem, rule, listener, 1.0);
    CountingOperator op = m.op();
    double[] x = problem.start();
    if (m.done()) {
      return m.result(name(), x, 0);
    }
    double gamma =
        Double.isNaN(step) ? DEFAULT_STEP_FACTOR / Lipschitz.lipschitzOf(problem, op) : step;
    Resolvent g = problem.resolvent();
    int d = x.length;
    double[] f = new double[d];
    double[] other = new double[d];
    long k = 0;
    if (optimistic) {
      while (!m.budgetSpent()) {
        op.apply(x, f); // F(z_k)
        if (k > 0 && m.exact(x, f, k)) {
          break;
        }
        Kernels.reflected(x, gamma, f, k == 0 ? f : other, x);
        Kernels.resolve(g, gamma, x, x);
        double[] swap = other; // other := F(z_k), the next iteration's F(z_{k−1})
        other = f;
        f = swap;
        k++;
      }
      return m.result(name(), x, k);
    }
    double[] half = other;
    op.apply(x, f); // F(x_{−½}) with x_{−½} = x_0
    while (!m.budgetSpent()) {
      Kernels.forwardBackward(g, x, gamma, f, half);
      op.apply(half, f);
      k++;
      if (m.exact(half, f, k)) {
        break;
      }
      Kernels.forwardBackward(g, x, gamma, f, x);
    }
    return m.result(name(), k == 0 ? x : half, k);
  }
}
