package dev.fathom.relax;

import dev.fathom.linalg.Args;

/**
 * One linear system of a sequence: {@code A x = b}, an initial guess, and a scalar context that
 * contextual policies may use (the diagonal shift, the diffusion coefficient).
 *
 * @param matrix the matrix A
 * @param rhs the right-hand side b, length n
 * @param initialGuess the starting point, length n, or null for zeros
 * @param context the side information, finite
 */
public record Instance(CsrMatrix matrix, double[] rhs, double[] initialGuess, double context) {
  /**
   * Validates the instance.
   *
   * @param matrix the matrix A
   * @param rhs the right-hand side b, length n
   * @param initialGuess the starting point, length n, or null for zeros
   * @param context the side information, finite
   */
  public Instance {
    Args.notNull("matrix", matrix);
    Args.length("rhs", rhs, matrix.size());
    if (initialGuess != null) {
      Args.length("initialGuess", initialGuess, matrix.size());
    }
    Args.finite("context", context);
  }
}
