package dev.fathom.relax;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixSparseCSC;

/**
 * One linear system of a sequence: {@code A x = b}, an initial guess, and a scalar context that
 * contextual policies may use (the diagonal shift, the diffusion coefficient).
 *
 * @param matrix the matrix A
 * @param rhs the right-hand side b, length n
 * @param initialGuess the starting point, length n, or null for zeros
 * @param context the side information, finite
 * @since 1.0
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

  /**
   * An instance whose matrix is given as an EJML sparse matrix, converted once to a {@link
   * CsrMatrix} (O(nnz) time and one copy of the nonzeros, less than one solver iteration); every
   * solve of the instance, at every omega, then reuses the converted matrix.
   *
   * @param matrix the square matrix, finite, nonzero diagonal (not modified)
   * @param rhs the right-hand side b, length n
   * @param initialGuess the starting point, length n, or null for zeros
   * @param context the side information, finite
   * @return the instance
   */
  public static Instance of(
      DMatrixSparseCSC matrix, double[] rhs, double[] initialGuess, double context) {
    return new Instance(CsrMatrix.from(Args.notNull("matrix", matrix)), rhs, initialGuess, context);
  }
}
