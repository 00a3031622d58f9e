package dev.fathom.monotone;

/**
 * The resolvent {@code J_{ηG} = (I + η G)^{-1}} of a maximal monotone operator {@code G} on a block
 * of {@code R^d}: the projection onto a closed convex set when {@code G} is its normal cone
 * (independent of {@code η}), or the proximal map {@code prox_{η g}} when {@code G = ∂g}.
 *
 * <p>Build them with {@link Resolvents}. A resolvent acts on the coordinates {@code [from, from +
 * dimension())} of its arguments, so blocks compose into products without copying. Instances may
 * hold workspace and are not thread-safe.
 *
 * @since 1.0
 */
public interface Resolvent {
  /**
   * The number of coordinates this resolvent acts on.
   *
   * @return the block dimension, at least 1
   */
  int dimension();

  /**
   * Writes {@code out[from..from+dim) = J_{ηG}(z[from..from+dim))}. {@code out} may be {@code z}.
   *
   * @param step the step {@code η > 0}
   * @param z the point
   * @param from the first coordinate of the block
   * @param out the result
   */
  void apply(double step, double[] z, int from, double[] out);

  /**
   * Writes {@code out = J_{ηG}(z)} on the whole vector. {@code out} may be {@code z}.
   *
   * @param step the step {@code η > 0}
   * @param z the point, length {@link #dimension()}
   * @param out the result, length {@link #dimension()}
   */
  default void apply(double step, double[] z, double[] out) {
    apply(step, z, 0, out);
  }

  /**
   * Whether this is the identity ({@code G = 0}); solvers then skip it.
   *
   * @return true for the identity
   */
  default boolean isIdentity() {
    return false;
  }
}
