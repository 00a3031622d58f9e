package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.linalg.Vectors;

/**
 * A finite-sum monotone inclusion {@code 0 ∈ F(x) + G(x)} with a starting point and what is known
 * about it.
 *
 * <p>{@code lipschitz} is the Lipschitz constant {@code L_F} of {@code F} (for a cocoercive {@code
 * F}, {@code F} is {@code 1/L_F}-cocoercive); {@code meanSquareLipschitz} is {@code L_Q} with
 * {@code (1/n) Σ ‖F_i(u) − F_i(v)‖² ≤ L_Q² ‖u − v‖²}. Either may be {@code NaN} (unknown); solvers
 * then estimate it (see {@link Lipschitz}) and charge the estimation's oracle calls to the run.
 *
 * @param name a short name for reports
 * @param operator the finite-sum operator {@code F}
 * @param resolvent the resolvent of {@code G} (use {@link Resolvents#identity} when {@code G = 0})
 * @param start the starting point {@code x0} (copied)
 * @param lipschitz {@code L_F}, positive, or {@code NaN} if unknown
 * @param meanSquareLipschitz {@code L_Q}, positive, or {@code NaN} if unknown
 * @param solution a known solution {@code x*} (copied), or {@code null}
 */
public record Problem(
    String name,
    FiniteSumOperator operator,
    Resolvent resolvent,
    double[] start,
    double lipschitz,
    double meanSquareLipschitz,
    double[] solution) {
  /**
   * Validates dimensions and constants.
   *
   * @param name non-null
   * @param operator non-null, with at least one component
   * @param resolvent non-null, of the operator's dimension
   * @param start finite, of the operator's dimension
   * @param lipschitz positive or NaN
   * @param meanSquareLipschitz positive or NaN
   * @param solution null or of the operator's dimension
   */
  public Problem {
    Args.notNull("name", name);
    Args.notNull("operator", operator);
    Args.notNull("resolvent", resolvent);
    int d = operator.dimension();
    Args.positive("operator.dimension()", d);
    Args.positive("operator.size()", operator.size());
    if (resolvent.dimension() != d) {
      throw Args.fail("resolvent.dimension()", resolvent.dimension(), "d = " + d);
    }
    Args.length("start", start, d);
    Args.finite("start", start);
    start = start.clone();
    if (!Double.isNaN(lipschitz)) {
      Args.positive("lipschitz", lipschitz);
    }
    if (!Double.isNaN(meanSquareLipschitz)) {
      Args.positive("meanSquareLipschitz", meanSquareLipschitz);
    }
    if (solution != null) {
      Args.length("solution", solution, d);
      solution = solution.clone();
    }
  }

  /**
   * The starting point {@code x0}.
   *
   * @return a copy of {@code x0}
   */
  @Override
  public double[] start() {
    return start.clone();
  }

  /**
   * The known solution, if any.
   *
   * @return a copy of {@code x*}, or {@code null} if unknown
   */
  @Override
  public double[] solution() {
    return solution == null ? null : solution.clone();
  }

  /**
   * A problem with unknown constants and solution.
   *
   * @param name a short name
   * @param operator the operator
   * @param resolvent the resolvent of {@code G}
   * @param start the starting point
   * @return the problem
   */
  public static Problem of(
      String name, FiniteSumOperator operator, Resolvent resolvent, double[] start) {
    return new Problem(name, operator, resolvent, start, Double.NaN, Double.NaN, null);
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
   * The same problem from another starting point.
   *
   * @param x0 the new start
   * @return the new problem
   */
  public Problem withStart(double[] x0) {
    return new Problem(name, operator, resolvent, x0, lipschitz, meanSquareLipschitz, solution);
  }

  /**
   * The same problem with other constants ({@code NaN}: unknown).
   *
   * @param lf the Lipschitz constant of {@code F}
   * @param lq the mean-square Lipschitz constant of the components
   * @return the new problem
   */
  public Problem withLipschitz(double lf, double lq) {
    return new Problem(name, operator, resolvent, start, lf, lq, solution);
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
