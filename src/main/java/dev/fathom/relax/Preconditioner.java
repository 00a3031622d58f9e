package dev.fathom.relax;

/**
 * A preconditioner for {@link ConjugateGradient}: applies {@code z = M^{-1} r} for a symmetric
 * positive definite M.
 *
 * @since 1.0
 */
public interface Preconditioner {
  /**
   * Computes {@code z = M^{-1} r}.
   *
   * @param r the residual (not modified)
   * @param z the output, distinct from {@code r}
   */
  void apply(double[] r, double[] z);

  /**
   * The identity preconditioner (plain CG).
   *
   * @return a preconditioner that copies r into z
   */
  static Preconditioner identity() {
    return (r, z) -> System.arraycopy(r, 0, z, 0, r.length);
  }
}
