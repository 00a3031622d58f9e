package dev.fathom.hadamard;

import dev.fathom.core.Args;

/**
 * Fast Walsh-Hadamard transform (FWHT), in place, in natural (Sylvester) order: {@code y[k] = c *
 * sum_m (-1)^popcount(k & m) x[m]} with the factor {@code c} given by a {@link Normalization}.
 *
 * <p>The scalar schedule does {@code N log2 N} additions: an unrolled 16-point kernel and radix-4
 * passes inside cache-sized blocks of 4096 elements, then the remaining levels in tiles gathered
 * into a small buffer so that large arrays cost about one memory sweep per 12 levels, with the
 * normalization fused into the last sweep. See {@code docs/hadamard.md}. When the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, the double- and single-precision transforms use
 * optional SIMD kernels doing the same additions in the same order (bitwise the same results); see
 * {@link #simdAvailable()} and {@link #simdFloatLanes()}.
 *
 * <p>Results are bit-exact on integer-valued inputs whose partial sums stay exactly representable
 * (for example {@code +-1} entries with {@code N <= 2^30} in double precision); otherwise they
 * match the textbook transform up to rounding, because only the order of the additions differs.
 * Non-finite entries propagate as IEEE arithmetic dictates and are not checked, to keep the kernel
 * a single pass. The parallel variants use the common fork-join pool for sizes of at least {@code
 * 2^16} and give bitwise the same result as the serial ones. All methods are static and thread-safe
 * (they share no state; concurrent calls on the same array are the caller's concern).
 *
 * @since 1.0
 */
public final class WalshHadamard {
  /** The largest supported {@code log2} of the length: {@code 2^30} elements. */
  public static final int MAX_LOG2 = 30;

  private WalshHadamard() {}

  /**
   * Transforms {@code x} in place.
   *
   * @param x the data, of length {@code 2^n} with {@code n <= 30}; overwritten by the transform
   * @param normalization the scaling of the result
   * @throws IllegalArgumentException if the length is not a power of two
   */
  public static void transform(double[] x, Normalization normalization) {
    Args.notNull("x", x);
    Args.powerOfTwo("x.length", Args.notNull("x", x).length);
    transform(x, 0, x.length, normalization);
  }

  /**
   * Transforms {@code x[offset, offset + length)} in place, leaving the rest of {@code x} alone.
   *
   * @param x the array holding the data
   * @param offset the first element
   * @param length the number of elements, a power of two
   * @param normalization the scaling of the result
   * @throws IllegalArgumentException if the range is outside {@code x} or {@code length} is not a
   *     power of two
   */
  public static void transform(double[] x, int offset, int length, Normalization normalization) {
    Args.notNull("x", x);
    int log2n = checkRange(offset, length, x.length, normalization);
    DoubleKernel.transform(x, offset, log2n, normalization.scale(log2n), false);
  }

  /**
   * Transforms {@code x} in place, in single precision.
   *
   * @param x the data, of length {@code 2^n} with {@code n <= 30}; overwritten by the transform
   * @param normalization the scaling of the result
   * @throws IllegalArgumentException if the length is not a power of two
   */
  public static void transform(float[] x, Normalization normalization) {
    Args.notNull("x", x);
    Args.powerOfTwo("x.length", Args.notNull("x", x).length);
    transform(x, 0, x.length, normalization);
  }

  /**
   * Transforms {@code x[offset, offset + length)} in place, in single precision.
   *
   * @param x the array holding the data
   * @param offset the first element
   * @param length the number of elements, a power of two
   * @param normalization the scaling of the result
   * @throws IllegalArgumentException if the range is outside {@code x} or {@code length} is not a
   *     power of two
   */
  public static void transform(float[] x, int offset, int length, Normalization normalization) {
    Args.notNull("x", x);
    int log2n = checkRange(offset, length, x.length, normalization);
    FloatKernel.transform(x, offset, log2n, (float) normalization.scale(log2n), false);
  }

  /**
   * Transforms each row of a row-major batch in place: rows {@code x[r * rowLength, (r + 1) *
   * rowLength)} for {@code r = 0 .. x.length / rowLength - 1}.
   *
   * @param x the rows, back to back; its length must be a multiple of {@code rowLength}
   * @param rowLength the length of one row, a power of two
   * @param normalization the scaling of each row's result
   * @throws IllegalArgumentException if {@code rowLength} is not a power of two or does not divide
   *     {@code x.length}
   */
  public static void transformRows(double[] x, int rowLength, Normalization normalization) {
    Args.notNull("x", x);
    int log2n = checkRows(x.length, rowLength, normalization);
    double scale = normalization.scale(log2n);
    for (int off = 0; off < x.length; off += rowLength) {
      DoubleKernel.transform(x, off, log2n, scale, false);
    }
  }

  /**
   * Transforms each row of a row-major batch in place, in single precision.
   *
   * @param x the rows, back to back; its length must be a multiple of {@code rowLength}
   * @param rowLength the length of one row, a power of two
   * @param normalization the scaling of each row's result
   * @throws IllegalArgumentException if {@code rowLength} is not a power of two or does not divide
   *     {@code x.length}
   */
  public static void transformRows(float[] x, int rowLength, Normalization normalization) {
    Args.notNull("x", x);
    int log2n = checkRows(x.length, rowLength, normalization);
    float scale = (float) normalization.scale(log2n);
    for (int off = 0; off < x.length; off += rowLength) {
      FloatKernel.transform(x, off, log2n, scale, false);
    }
  }

  /**
   * Transforms each array of {@code rows} in place (a batch of separate arrays).
   *
   * @param rows the arrays, each of length {@code 2^n} (lengths may differ between rows)
   * @param normalization the scaling of each result
   * @throws IllegalArgumentException if a row's length is not a power of two
   */
  public static void transformRows(double[][] rows, Normalization normalization) {
    Args.notNull("rows", rows);
    for (int r = 0; r < rows.length; r++) {
      double[] row = Args.notNull("rows[" + r + "]", rows[r]);
      int log2n = log2(row.length);
      Args.notNull("normalization", normalization);
      DoubleKernel.transform(row, 0, log2n, normalization.scale(log2n), false);
    }
  }

  /**
   * Transforms {@code x} in place using the common fork-join pool when {@code x.length >= 2^16};
   * the result is bitwise identical to {@link #transform(double[], Normalization)}.
   *
   * @param x the data, of length {@code 2^n} with {@code n <= 30}; overwritten by the transform
   * @param normalization the scaling of the result
   * @throws IllegalArgumentException if the length is not a power of two
   */
  public static void transformParallel(double[] x, Normalization normalization) {
    Args.powerOfTwo("x.length", Args.notNull("x", x).length);
    int log2n = checkRange(0, x.length, x.length, normalization);
    DoubleKernel.transform(x, 0, log2n, normalization.scale(log2n), true);
  }

  /**
   * Transforms {@code x} in place, in single precision, using the common fork-join pool when {@code
   * x.length >= 2^16}; bitwise identical to {@link #transform(float[], Normalization)}.
   *
   * @param x the data, of length {@code 2^n} with {@code n <= 30}; overwritten by the transform
   * @param normalization the scaling of the result
   * @throws IllegalArgumentException if the length is not a power of two
   */
  public static void transformParallel(float[] x, Normalization normalization) {
    Args.powerOfTwo("x.length", Args.notNull("x", x).length);
    int log2n = checkRange(0, x.length, x.length, normalization);
    FloatKernel.transform(x, 0, log2n, (float) normalization.scale(log2n), true);
  }

  /**
   * Whether the double-precision transforms use the optional SIMD kernel. It is selected once per
   * JVM when the JVM runs with {@code --add-modules jdk.incubator.vector} (and the system property
   * {@code fathom.simd} is not {@code false}); otherwise the scalar kernel is used. Both give
   * bitwise the same results. The float transforms have their own kernel: see {@link
   * #simdFloatLanes()}. Like {@link #warmUp()}, this waits for the kernels' background selection
   * and warm-up.
   *
   * @return {@code true} if the SIMD kernel is in use
   */
  public static boolean simdAvailable() {
    return warmUp();
  }

  /**
   * Waits until the SIMD kernels are selected and warmed up, and returns {@link #simdAvailable()}.
   *
   * <p>With the vector module, the first calls of a SIMD kernel run in the interpreter, where they
   * are many times slower than the scalar kernel (over a second for a first 2^20 transform). So by
   * default the selection and a warm-up (at most about 3 s of CPU, usually well under one) run in a
   * daemon thread started at the first transform, and the transforms use the scalar kernel, which
   * gives bitwise the same results, until the SIMD kernel is ready: short programs do not pay for
   * the warm-up and long ones get SIMD speed after it. Call this method at start-up to wait for
   * SIMD speed instead (benchmarks do). With {@code -Dfathom.simd.warmup=none} the kernels are
   * selected at the first transform in the calling thread and used from then on. Without the vector
   * module this returns {@code false} at once.
   *
   * @return {@code true} if the double-precision SIMD kernel is in use from now on
   */
  public static boolean warmUp() {
    Simd.await();
    return Simd.kernel() != null;
  }

  /**
   * The number of doubles per SIMD vector of the kernel in use, or {@code 1} for the scalar kernel.
   * Waits for the background selection like {@link #warmUp()}.
   *
   * @return the vector length in doubles
   */
  public static int simdLanes() {
    Simd.await();
    SimdKernel<double[]> k = Simd.kernel();
    return k == null ? 1 : k.lanes();
  }

  /**
   * The number of floats per SIMD vector of the single-precision kernel in use, or {@code 1} for
   * the scalar kernel. The float kernel is selected like the double one (same module, same {@code
   * fathom.simd} property, its own bitwise self-check), so it is normally in use exactly when
   * {@link #simdAvailable()} is {@code true}. Waits for the background selection like {@link
   * #warmUp()}.
   *
   * @return the vector length in floats
   */
  public static int simdFloatLanes() {
    Simd.await();
    SimdKernel<float[]> k = Simd.floatKernel();
    return k == null ? 1 : k.lanes();
  }

  /**
   * Returns {@code n} for a transform length {@code 2^n}.
   *
   * @param length the length, a power of two in {@code [1, 2^30]}
   * @return {@code log2(length)}
   * @throws IllegalArgumentException if {@code length} is not a power of two
   */
  public static int log2(int length) {
    Args.powerOfTwo("length", length);
    return Integer.numberOfTrailingZeros(length);
  }

  private static int checkRange(int offset, int length, int size, Normalization normalization) {
    Args.notNull("normalization", normalization);
    int log2n = log2(length);
    Args.range(offset, length, size);
    return log2n;
  }

  private static int checkRows(int size, int rowLength, Normalization normalization) {
    Args.notNull("normalization", normalization);
    int log2n = log2(Args.powerOfTwo("rowLength", rowLength));
    if (size % rowLength != 0) {
      throw Args.fail("x.length", size, "a multiple of rowLength = " + rowLength);
    }
    return log2n;
  }
}
