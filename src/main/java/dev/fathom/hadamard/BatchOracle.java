package dev.fathom.hadamard;

import java.util.OptionalInt;

/**
 * A function on {@code n}-bit indices evaluated many points at a time, as machine-learning models
 * and simulators prefer. {@link SparseWalshHadamard} asks all its queries in one call.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface BatchOracle {
  /**
   * Evaluates the function at every index.
   *
   * @param indices the indices to evaluate, each in {@code [0, 2^n)}; not to be modified
   * @param out where to write {@code f(indices[i])}, of the same length as {@code indices}
   */
  void values(long[] indices, double[] out);

  /**
   * The number of bits {@code n} of the domain {@code [0, 2^n)}, when the oracle knows it: an
   * oracle over an array ({@link QueryOracle#ofArray}) or a {@link SparseSpectrum} does, and {@link
   * SparseWalshHadamard} then checks it against its options' {@code n}. A plain lambda does not.
   *
   * @return {@code n}, or empty when unknown (the default)
   */
  default OptionalInt bits() {
    return OptionalInt.empty();
  }
}
