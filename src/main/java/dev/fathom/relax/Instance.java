package dev.fathom.relax;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixSparseCSC;

/**
 * One linear system of a sequence: {@code A x = b}, an initial guess, and a scalar context that
 * contextual policies may use (the diagonal shift, the diffusion coefficient).
 *
 * <p>Built by name, so that the right-hand side and the initial guess (both {@code double[]})
 * cannot be swapped: {@code Instance.of(a, b).withInitialGuess(x0).withContext(c)}. An instance is
 * immutable; the {@code with} methods return a new one. It holds its arrays as given (no copy).
 *
 * @since 1.0
 */
public final class Instance {
  private final CsrMatrix matrix;
  private final double[] rhs;
  private final double[] initialGuess;
  private final double context;

  Instance(CsrMatrix matrix, double[] rhs, double[] initialGuess, double context) {
    Args.notNull("matrix", matrix);
    Args.length("rhs", rhs, matrix.size());
    if (initialGuess != null) {
      Args.length("initialGuess", initialGuess, matrix.size());
    }
    Args.finite("context", context);
    this.matrix = matrix;
    this.rhs = rhs;
    this.initialGuess = initialGuess;
    this.context = context;
  }

  /**
   * The system {@code A x = b}, starting from zeros, with context 0.
   *
   * @param matrix the matrix A
   * @param rhs the right-hand side b, length n
   * @return the instance
   */
  public static Instance of(CsrMatrix matrix, double[] rhs) {
    return new Instance(matrix, rhs, null, 0.0);
  }

  /**
   * The system {@code A x = b} whose matrix is given as an EJML sparse matrix, converted once to a
   * {@link CsrMatrix} (O(nnz) time and one copy of the nonzeros, less than one solver iteration);
   * every solve of the instance, at every omega, then reuses the converted matrix. Starts from
   * zeros, with context 0.
   *
   * @param matrix the square matrix, finite, nonzero diagonal (not modified)
   * @param rhs the right-hand side b, length n
   * @return the instance
   */
  public static Instance of(DMatrixSparseCSC matrix, double[] rhs) {
    return of(CsrMatrix.from(Args.notNull("matrix", matrix)), rhs);
  }

  /**
   * This system with another starting point.
   *
   * @param initialGuess the starting point, length n, or null for zeros
   * @return the new instance
   */
  public Instance withInitialGuess(double[] initialGuess) {
    return new Instance(matrix, rhs, initialGuess, context);
  }

  /**
   * This system with another context.
   *
   * @param context the side information, finite
   * @return the new instance
   */
  public Instance withContext(double context) {
    return new Instance(matrix, rhs, initialGuess, context);
  }

  /**
   * The matrix.
   *
   * @return the matrix A
   */
  public CsrMatrix matrix() {
    return matrix;
  }

  /**
   * The right-hand side (the array itself, not a copy).
   *
   * @return b, length n
   */
  public double[] rhs() {
    return rhs;
  }

  /**
   * The starting point (the array itself, not a copy).
   *
   * @return the initial guess, length n, or null for zeros
   */
  public double[] initialGuess() {
    return initialGuess;
  }

  /**
   * The side information contextual policies may use.
   *
   * @return the context, finite
   */
  public double context() {
    return context;
  }

  @Override
  public String toString() {
    return "Instance[n=" + matrix.size() + ", context=" + context + "]";
  }
}
