package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.linalg.Vectors;

/**
 * A finite-sum monotone inclusion {@code 0 ∈ F(x) + G(x)} with a starting point and what is known
 * about it. Immutable; built by {@link #of} and refined by the {@code with...} copies:
 *
 * <pre>{@code
 * Problem p = Problem.of("least squares", op, Resolvents.identity(d), new double[d])
 *     .withLipschitz(op.lipschitz())
 *     .withMeanSquareLipschitz(op.meanSquareLipschitz());
 * }</pre>
 *
 * <p>{@link #lipschitz()} is the Lipschitz constant {@code L_F} of {@code F} (for a cocoercive
 * {@code F}, {@code F} is {@code 1/L_F}-cocoercive); {@link #meanSquareLipschitz()} is {@code L_Q}
 * with {@code (1/n) Σ ‖F_i(u) − F_i(v)‖² ≤ L_Q² ‖u − v‖²}. When one is not given, solvers estimate
 * it (see {@link Lipschitz}) and charge the estimation's oracle calls to the run.
 *
 * @since 1.0
 */
public final class Problem {
  private final String name;
  private final FiniteSumOperator operator;
  private final Resolvent resolvent;
  private final double[] start;
  private final double lipschitz;
  private final double meanSquareLipschitz;
  private final double[] solution;

  private Problem(
      String name,
      FiniteSumOperator operator,
      Resolvent resolvent,
      double[] start,
      double lipschitz,
      double meanSquareLipschitz,
      double[] solution) {
    this.name = name;
    this.operator = operator;
    this.resolvent = resolvent;
    this.start = start;
    this.lipschitz = lipschitz;
    this.meanSquareLipschitz = meanSquareLipschitz;
    this.solution = solution;
  }

  /**
   * A problem with unknown constants and solution.
   *
   * @param name a short name for reports, non-null
   * @param operator the finite-sum operator {@code F}, with at least one component
   * @param resolvent the resolvent of {@code G} of the operator's dimension (use {@link
   *     Resolvents#identity} when {@code G = 0})
   * @param start the starting point {@code x0}, finite, of the operator's dimension (copied)
   * @return the problem
   * @throws IllegalArgumentException naming the first bad argument
   */
  public static Problem of(
      String name, FiniteSumOperator operator, Resolvent resolvent, double[] start) {
    Args.notNull("name", name);
    Args.notNull("operator", operator);
    Args.notNull("resolvent", resolvent);
    int d = operator.dimension();
    Args.positive("operator.dimension()", d);
    Args.positive("operator.size()", operator.size());
    if (resolvent.dimension() != d) {
      throw Args.fail("resolvent.dimension()", resolvent.dimension(), "d = " + d);
    }
    return new Problem(
        name, operator, resolvent, checkedStart("start", start, d), Double.NaN, Double.NaN, null);
  }

  private static double[] checkedStart(String what, double[] x, int d) {
    Args.length(what, x, d);
    Args.finite(what, x);
    return x.clone();
  }

  /**
   * The same problem with a known Lipschitz constant of {@code F}.
   *
   * @param lf {@code L_F}, finite and positive
   * @return the new problem
   */
  public Problem withLipschitz(double lf) {
    return new Problem(
        name,
        operator,
        resolvent,
        start,
        Args.positive("lipschitz", lf),
        meanSquareLipschitz,
        solution);
  }

  /**
   * The same problem with a known mean-square Lipschitz constant of the components.
   *
   * @param lq {@code L_Q}, finite and positive
   * @return the new problem
   */
  public Problem withMeanSquareLipschitz(double lq) {
    return new Problem(
        name,
        operator,
        resolvent,
        start,
        lipschitz,
        Args.positive("meanSquareLipschitz", lq),
        solution);
  }

  /**
   * The same problem with both constants unknown (solvers then estimate them).
   *
   * @return the new problem
   */
  public Problem withoutConstants() {
    return new Problem(name, operator, resolvent, start, Double.NaN, Double.NaN, solution);
  }

  /**
   * The same problem with a known solution.
   *
   * @param xs {@code x*}, finite, of the operator's dimension (copied)
   * @return the new problem
   */
  public Problem withSolution(double[] xs) {
    Args.finite("xs", Args.length("xs", xs, dimension()));
    return new Problem(
        name, operator, resolvent, start, lipschitz, meanSquareLipschitz, xs.clone());
  }

  /**
   * The same problem from another starting point.
   *
   * @param x0 the new start, finite, of the operator's dimension (copied)
   * @return the new problem
   */
  public Problem withStart(double[] x0) {
    return new Problem(
        name,
        operator,
        resolvent,
        checkedStart("x0", x0, dimension()),
        lipschitz,
        meanSquareLipschitz,
        solution);
  }

  /**
   * The name for reports.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The finite-sum operator {@code F}.
   *
   * @return {@code F}
   */
  public FiniteSumOperator operator() {
    return operator;
  }

  /**
   * The resolvent of {@code G}.
   *
   * @return {@code J_G}
   */
  public Resolvent resolvent() {
    return resolvent;
  }

  /**
   * The starting point {@code x0}.
   *
   * @return a copy of {@code x0}
   */
  public double[] start() {
    return start.clone();
  }

  /**
   * The Lipschitz constant {@code L_F} of {@code F}, if known.
   *
   * @return {@code L_F}, or {@code NaN} when not given
   */
  public double lipschitz() {
    return lipschitz;
  }

  /**
   * The mean-square Lipschitz constant {@code L_Q} of the components, if known.
   *
   * @return {@code L_Q}, or {@code NaN} when not given
   */
  public double meanSquareLipschitz() {
    return meanSquareLipschitz;
  }

  /**
   * The known solution, if any.
   *
   * @return a copy of {@code x*}, or {@code null} if unknown
   */
  public double[] solution() {
    return solution == null ? null : solution.clone();
  }

  /**
   * The dimension {@code d}.
   *
   * @return {@code d}
   */
  public int dimension() {
    return operator.dimension();
  }

  /**
   * The number of components {@code n}.
   *
   * @return {@code n}
   */
  public int size() {
    return operator.size();
  }

  /**
   * The natural-map residual {@code ‖x − J_G(x − F(x))‖} ({@code ‖F(x)‖} when {@code G = 0}). Costs
   * one full pass of {@code F}.
   *
   * @param x the point, length {@code d}
   * @return the residual
   */
  public double residual(double[] x) {
    Args.length("x", x, dimension());
    double[] fx = new double[x.length];
    operator.apply(x, fx);
    return naturalResidual(x, fx, new double[x.length]);
  }

  /** The natural-map residual from a known {@code F(x)}; {@code work} is scratch. */
  double naturalResidual(double[] x, double[] fx, double[] work) {
    if (resolvent.isIdentity()) {
      return Vectors.norm2(fx);
    }
    for (int j = 0; j < x.length; j++) {
      work[j] = x[j] - fx[j];
    }
    resolvent.apply(1.0, work, work);
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      double e = x[j] - work[j];
      s += e * e;
    }
    return Math.sqrt(s);
  }
}
