package dev.fathom.hadamard;

/**
 * The optional SIMD passes of the double-precision FWHT. The only implementation, {@code
 * VectorKernel}, lives in the separate source root {@code src/main/vector} (it uses the incubating
 * {@code jdk.incubator.vector} module) and is loaded reflectively by {@link Simd}; when the module
 * is absent the scalar passes of {@link DoubleKernel} are used. Both give bitwise the same result:
 * the SIMD passes do the same additions in the same order, only several at a time.
 */
interface SimdKernel {
  /** Vector length in doubles (a power of two in [2, 8]). */
  int lanes();

  /** Levels [0, t) of each contiguous block of 2^t elements in {@code a[off, off + 2^t)}. */
  void block(double[] a, int off, int t);

  /** Levels [from, to) on {@code a[off, off + len)}; requires {@code 2^from >= lanes()}. */
  void levels(double[] a, int off, int len, int from, int to);
}
