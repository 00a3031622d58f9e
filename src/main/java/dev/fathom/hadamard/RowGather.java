package dev.fathom.hadamard;

/**
 * The SIMD form of SPRIGHT's front-end read from an array ({@link HashGroup#gatherRows}): one
 * vector gather instruction per vector of a row instead of one load per entry. Implemented by the
 * double-precision {@code VectorKernel} (its float twin has no counterpart: SPRIGHT reads doubles
 * only) and used when {@link Simd#gather()} returns it.
 */
interface RowGather {
  /** Vector length in doubles (a power of two, at least 2). */
  int lanes();

  /**
   * Reads {@code rows} rows of {@code width} entries: {@code out[off + r width + d] = x[index[r
   * width + d]]} for {@code d < count}, and {@code 0.0} for {@code count <= d < width}, where the
   * index entries, padding included, must lie in {@code [0, x.length)} (the padding ones are read
   * but not stored; {@code index[r width]} costs no extra memory access). Requires {@code width} to
   * be a multiple of {@link #lanes()} and {@code 1 <= count <= width}.
   *
   * @return the largest magnitude read, as the bit pattern of a non-negative double: for finite
   *     values the largest {@code |x|}'s bits; at or above {@code +infinity}'s bits when a value
   *     read is infinite or NaN
   */
  long gatherRows(double[] x, int[] index, double[] out, int off, int rows, int width, int count);
}
