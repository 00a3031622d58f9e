package dev.fathom.hadamard;

import dev.fathom.core.Args;

/**
 * A function on {@code n}-bit indices, {@code f(m)} for {@code m} in {@code [0, 2^n)}, queried one
 * point at a time. Its batch form loops over the points.
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
   * Wraps a dense array as an oracle: {@code f(m) = values[m]}. The array is not copied.
   *
   * @param values the function values, of length {@code 2^n}
   * @return an oracle reading {@code values}
   * @throws IllegalArgumentException if the length is not a power of two
   */
  static QueryOracle ofArray(double[] values) {
    Args.notNull("values", values);
    WalshHadamard.log2(values.length);
    return index -> {
      if (index < 0 || index >= values.length) {
        throw Args.fail("index", index, "an index in [0, " + values.length + ")");
      }
      return values[(int) index];
    };
  }
}
