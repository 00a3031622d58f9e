package dev.fathom.hadamard;

/**
 * The optional SIMD passes of the FWHT for one element type, {@code A} being {@code double[]} or
 * {@code float[]}. The implementations, {@code VectorKernel} (double) and {@code FloatVectorKernel}
 * (float), live in the separate source root {@code src/main/vector} (they use the incubating {@code
 * jdk.incubator.vector} module) and are loaded reflectively by {@link Simd}; when the module is
 * absent the scalar passes of {@link DoubleKernel} and {@link FloatKernel} are used. Both give
 * bitwise the same result: the SIMD passes do the same additions in the same order, only several at
 * a time.
 *
 * @param <A> the array type, {@code double[]} or {@code float[]}
 */
interface SimdKernel<A> {
  /** Vector length in elements (a power of two, at least 2). */
  int lanes();

  /** The smallest {@code log2n} that {@link #transform} accepts. */
  int minTransformLog2();

  /**
   * The whole unnormalized transform of {@code a[off, off + 2^log2n)} by the kernel's own
   * recursive, cache-blocked schedule; requires {@code log2n >= minTransformLog2()}.
   */
  void transform(A a, int off, int log2n);

  /**
   * Levels [0, t) of each contiguous block of 2^t elements in {@code a[off, off + 2^t)}; requires
   * {@code 2^t >= 2 * lanes()}.
   */
  void block(A a, int off, int t);

  /** Levels [from, to) on {@code a[off, off + len)}; requires {@code 2^from >= lanes()}. */
  void levels(A a, int off, int len, int from, int to);
}
