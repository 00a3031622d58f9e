package dev.fathom.relax;

/**
 * A square linear map given only by its action, for matrix-free solvers such as {@link
 * ConjugateGradient}. Implementations must not modify {@code x}.
 *
 * @since 1.0
 */
public interface LinearOperator {
  /**
   * The dimension n of the square operator.
   *
   * @return n
   */
  int size();

  /**
   * Computes {@code out = A x}.
   *
   * @param x the input, length n (not modified)
   * @param out the output, length n, distinct from {@code x}
   */
  void apply(double[] x, double[] out);
}
