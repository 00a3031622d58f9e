package dev.fathom.monotone;

import java.util.Arrays;

/**
 * A finite-sum operator {@code F = (1/n) Σ_{i<n} F_i} whose components can be evaluated one at a
 * time. One component evaluation is one oracle call; a full evaluation of {@code F} costs {@code n}
 * oracle calls (one epoch).
 *
 * <p>The primitive is {@link #addComponent}, which accumulates {@code scale·F_i(x)} so that sparse
 * components cost only their support. Implementations override {@link #apply} and {@link
 * #addComponentDifference} when the structure allows a faster full pass or difference.
 *
 * @since 1.0
 */
public interface FiniteSumOperator extends Operator {
  /**
   * The number {@code n} of components.
   *
   * @return {@code n}, at least 1
   */
  int size();

  /**
   * Accumulates {@code acc += scale·F_i(x)}.
   *
   * @param i the component, in {@code [0, n)}
   * @param scale the factor
   * @param x the point, not modified
   * @param acc the accumulator, must not alias {@code x}
   */
  void addComponent(int i, double scale, double[] x, double[] acc);

  /**
   * Evaluates {@code out = F_i(x)}.
   *
   * @param i the component, in {@code [0, n)}
   * @param x the point, not modified
   * @param out the value, overwritten; must not alias {@code x}
   */
  default void component(int i, double[] x, double[] out) {
    Arrays.fill(out, 0.0);
    addComponent(i, 1.0, x, out);
  }

  /**
   * Accumulates {@code acc += scale·(F_i(x) − F_i(y))}; counts as two oracle calls.
   *
   * @param i the component, in {@code [0, n)}
   * @param scale the factor
   * @param x the first point, not modified
   * @param y the second point, not modified
   * @param acc the accumulator, must alias neither point
   */
  default void addComponentDifference(int i, double scale, double[] x, double[] y, double[] acc) {
    addComponent(i, scale, x, acc);
    addComponent(i, -scale, y, acc);
  }

  /**
   * Evaluates {@code out = F(x) = (1/n) Σ F_i(x)} (one epoch).
   *
   * @param x the point, not modified
   * @param out the value, overwritten; must not alias {@code x}
   */
  @Override
  default void apply(double[] x, double[] out) {
    Arrays.fill(out, 0.0);
    int n = size();
    double s = 1.0 / n;
    for (int i = 0; i < n; i++) {
      addComponent(i, s, x, out);
    }
  }
}
