package dev.fathom.monotone;

import dev.fathom.core.Args;

/**
 * A finite-sum operator that counts oracle calls: one per component evaluation, two per component
 * difference, {@code n} per full evaluation. Solvers wrap the problem's operator in one of these,
 * so every reported oracle count is measured, not estimated. Not thread-safe.
 *
 * @since 1.0
 */
public final class CountingOperator implements FiniteSumOperator {
  private final FiniteSumOperator inner;
  private long calls;

  /**
   * Wraps an operator with a zero count.
   *
   * @param inner the operator to count
   */
  public CountingOperator(FiniteSumOperator inner) {
    this.inner = Args.notNull("inner", inner);
  }

  /**
   * The number of component evaluations so far.
   *
   * @return the oracle calls
   */
  public long calls() {
    return calls;
  }

  /**
   * The oracle calls divided by {@code n}.
   *
   * @return the number of epochs
   */
  public double epochs() {
    return calls / (double) inner.size();
  }

  /**
   * Adds calls made outside this wrapper (for example by an estimator run on the raw operator).
   *
   * @param extra the number of calls, at least 0
   */
  public void charge(long extra) {
    if (extra < 0) {
      throw Args.fail("extra", extra, "a non-negative count");
    }
    calls += extra;
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public int size() {
    return inner.size();
  }

  @Override
  public void addComponent(int i, double scale, double[] x, double[] acc) {
    calls++;
    inner.addComponent(i, scale, x, acc);
  }

  @Override
  public void component(int i, double[] x, double[] out) {
    calls++;
    inner.component(i, x, out);
  }

  @Override
  public void addComponentDifference(int i, double scale, double[] x, double[] y, double[] acc) {
    calls += 2;
    inner.addComponentDifference(i, scale, x, y, acc);
  }

  @Override
  public void apply(double[] x, double[] out) {
    calls += inner.size();
    inner.apply(x, out);
  }
}
