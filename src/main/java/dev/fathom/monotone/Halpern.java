package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.StoppingRule;

/**
 * Deterministic Halpern iteration in fixed-point form for a cocoercive {@code F}: with {@code T(x)
 * = J_{ηG}(x − ηF(x))}, which is nonexpansive for {@code η ≤ 2/L_F} when {@code F} is {@code
 * 1/L_F}-cocoercive,
 *
 * <pre>x_{k+1} = x0/(k+2) + (1 − 1/(k+2))·T(x_k).</pre>
 *
 * <p>Last-iterate guarantee (Lieder; Diakonikolas): {@code ‖x_k − T x_k‖ ≤ 2‖x0 − x*‖/(k+1)}; with
 * {@code G = 0} and {@code η = 2/L_F} this is {@code ‖F(x_k)‖ ≤ L_F‖x0 − x*‖/(k+1)}. Each iteration
 * costs one full pass ({@code n} oracle calls), whose value gives a free residual check.
 *
 * @since 1.0
 */
public final class Halpern implements MonotoneSolver {
  private final double step;

  /** Halpern with the default step {@code η = 2/L_F}. */
  public Halpern() {
    this.step = Double.NaN;
  }

  /**
   * Halpern with a given step.
   *
   * @param step {@code η}, finite and positive (nonexpansive {@code T} needs {@code η ≤ 2/L_F})
   */
  public Halpern(double step) {
    this.step = Args.positive("step", step);
  }

  @Override
  public String name() {
    return "Halpern";
  }

  @Override
  public InclusionResult solve(Problem problem, StoppingRule rule, IterationListener listener) {
    Monitor m = new Monitor(problem, rule, listener, 1.0);
    CountingOperator op = m.op();
    double[] x0 = problem.start();
    double[] x = x0.clone();
    if (m.done()) {
      return m.result(name(), x, 0);
    }
    double eta = Double.isNaN(step) ? 2.0 / Lipschitz.lipschitzOf(problem, op) : step;
    Resolvent g = problem.resolvent();
    double[] fx = new double[x.length];
    double[] t = new double[x.length];
    long k = 0;
    while (!m.budgetSpent()) {
      op.apply(x, fx);
      if (k > 0 && m.exact(x, fx, k)) {
        break;
      }
      Kernels.forward(x, eta, fx, t);
      Kernels.resolve(g, eta, t, t);
      double lambda = 1.0 / (k + 2);
      Kernels.mix(lambda, x0, t, x);
      k++;
    }
    return m.result(name(), x, k);
  }
}
