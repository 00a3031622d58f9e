package dev.fathom.hadamard;

import dev.fathom.core.Args;

/**
 * A function on {@code n}-bit indices, {@code f(m)} for {@code m} in {@code [0, 2^n)}, queried one
 * point at a time. Its batch form loops over the points.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface QueryOracle extends BatchOracle {
  /**
   * Evaluates the function at one index.
   *
   * @param index the index, in {@code [0, 2^n)}
   * @return {@code f(index)}
   */
  double value(long index);

  @Override
  default void values(long[] indices, double[] out) {
    for (int i = 0; i < indices.length; i++) {
      out[i] = value(indices[i]);
    }
  }

  /**
   * Wraps a dense array as an oracle: {@code f(m) = values[m]}. The array is not copied. The oracle
   * knows its {@link #bits()}, {@code n = log2(values.length)}, so a transform whose options have
   * another {@code n} rejects it instead of reading only part of the array.
   *
   * @param values the function values, of length {@code 2^n} with {@code 1 <= n <= 30}
   * @return an oracle reading {@code values}
   * @throws IllegalArgumentException if the length is not a power of two
   */
  static QueryOracle ofArray(double[] values) {
    Args.powerOfTwo("values.length", Args.notNull("values", values).length);
    return new ArrayOracle(values);
  }
}
