package dev.fathom.monotone;

/**
 * A single-valued operator {@code F : R^d → R^d}.
 *
 * <p>Implementations need not be thread-safe.
 *
 * @since 1.0
 */
public interface Operator {
  /**
   * The dimension {@code d} of the space.
   *
   * @return {@code d}, at least 1
   */
  int dimension();

  /**
   * Evaluates {@code out = F(x)}. {@code out} must not alias {@code x}.
   *
   * @param x the point, length {@code d}, not modified
   * @param out the value, length {@code d}, overwritten
   */
  void apply(double[] x, double[] out);
}
