package dev.fathom.hadamard;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD passes of the double-precision FWHT through {@code jdk.incubator.vector} ({@link
 * FloatVectorKernel} is the single-precision twin, generated from this file by replacing the
 * element type: edit both alike; only {@link #gatherRows}, SPRIGHT's read of doubles, has no twin).
 * Compiled from the separate source root {@code src/main/vector} and only loaded (reflectively, by
 * {@link Simd}) when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Levels with {@code h = 2^s < L} (the vector length) are done inside a register: with {@code w}
 * the vector whose lanes are swapped at distance {@code h}, the butterfly is {@code w + sign * v}
 * where {@code sign} is {@code +1} on the lanes whose bit {@code h} is clear and {@code -1} on the
 * others; the product by {@code +-1} is exact, so every output is bitwise the scalar {@code x0 +
 * x1} or {@code x0 - x1}. With {@link VectorSupport#FMA} it is one fused {@code v.fma(sign, w)},
 * whose single rounding is the sum's: the same bits. Levels with {@code h >= L} are lanewise
 * butterflies between vectors.
 *
 * <p>Schedule of {@link #transform}, recursive and in place like FFHT's: a block of at most {@code
 * 2^BASE} elements (32 KiB, the L1 data cache of current cores) gets one sweep for the in-register
 * levels and the next one or three (see {@code base}), then radix-8 passes (three levels per sweep)
 * and one radix-4 or radix-2 pass for the rest, all in L1. A larger block first transforms its
 * {@code 2^r} sub-blocks ({@code r <= 3}) recursively and then does its top {@code r} levels in one
 * radix-{@code 2^r} pass, so above the cache each element crosses memory once per three levels, and
 * the sub-transforms of sizes between L1 and L2 complete in L2. Radix 8 rather than 16: a radix-16
 * pass reads 16 streams at a power-of-two stride, more than the associativity of the L1 (8 ways),
 * and measured 1.5x to 3x slower than radix 8 between 2^14 and 2^18 on AVX-512; radix 8 needs 8 of
 * 32 vector registers.
 *
 * <p>Every vector operation sits in the method that loads and stores its vectors, with no vector
 * argument or result crossing a call that C2 might not inline (such a vector is boxed on the heap,
 * about 10x slower; a version doing the first sweep on eight registers at once hit C2's inlining
 * budget and allocated this way).
 *
 * <p>Every vector a load or an operation produces is cast to {@link #X}, the species' concrete
 * (final) vector class, through {@link Class#cast}, which the JIT compiles to nothing (as in {@code
 * dev.fathom.ssm.VectorConvolution}, whose comment explains the mechanism). On JDK 17, when other
 * vector kernels ran first in the JVM, the class-check traps their operators leave in the shared
 * vector methods add up past {@code PerMethodTrapLimit} in a compilation that inlines {@link #base}
 * into the recursive {@link #transform}; C2 then no longer treats the results as the concrete
 * class, the store intrinsic fails and every stored vector is boxed (measured: 12 to 28 MB of
 * garbage per transform of 2^20 doubles instead of none). With the casts the types are exact
 * without the profile.
 */
final class VectorKernel implements SimdKernel<double[]>, RowGather {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /** The concrete class of {@link #S}'s vectors: every vector value is cast to it (see above). */
  private static final Class<? extends Vector<Double>> X = S.vectorType();

  private static final int LOG2L = VectorSupport.log2Lanes(S);

  /** The long species of {@link #S}'s shape and its concrete class (for the gather's maximum). */
  private static final VectorSpecies<Long> SL = LongVector.SPECIES_PREFERRED;

  private static final Class<? extends Vector<Long>> XL = SL.vectorType();

  /** Log2 of the largest block transformed in L1 without recursion (32 KiB). */
  static final int BASE = 12;

  /** Most levels per pass between vectors (radix 8). */
  private static final int RADIX_LOG2 = 3;

  private static final VectorShuffle<Double> SWAP1 = VectorSupport.swap(S, 1);
  private static final VectorShuffle<Double> SWAP2 = VectorSupport.swap(S, 2);
  private static final VectorShuffle<Double> SWAP4 = VectorSupport.swap(S, 4);
  private static final DoubleVector SIGN1 = (DoubleVector) VectorSupport.sign(S, 1);
  private static final DoubleVector SIGN2 = (DoubleVector) VectorSupport.sign(S, 2);
  private static final DoubleVector SIGN4 = (DoubleVector) VectorSupport.sign(S, 4);

  VectorKernel() {}

  @Override
  public int lanes() {
    return L;
  }

  @Override
  public int minTransformLog2() {
    return LOG2L + 1;
  }

  @Override
  public void transform(double[] a, int off, int log2n) {
    if (log2n <= BASE) {
      base(a, off, log2n);
      return;
    }
    int r = Math.min(RADIX_LOG2, log2n - BASE);
    int sub = log2n - r;
    for (int i = 0; i < 1 << r; i++) {
      transform(a, off + (i << sub), sub);
    }
    passes(a, off, 1 << log2n, sub, log2n);
  }

  @Override
  public void block(double[] a, int off, int t) {
    base(a, off, t);
  }

  /** All levels of the contiguous block {@code a[off, off + 2^t)}, 2^t >= 2L. */
  private static void base(double[] a, int off, int t) {
    int end = off + (1 << t);
    if (1 << t < 8 * L) {
      sweep2(a, off, end);
      passes(a, off, 1 << t, LOG2L + 1, t);
      return;
    }
    boolean wide = (t - LOG2L - 1) % 3 != 0;
    sweep8(a, off, end, wide);
    passes(a, off, 1 << t, wide ? LOG2L + 3 : LOG2L + 1, t);
  }

  /**
   * Levels 0 .. LOG2L of {@code a[off, end)} in one sweep: in-register levels on two vectors, then
   * one butterfly. (The two first sweeps are separate methods: together in one, they were more than
   * C1 could compile at tier 3 without fused multiply-adds, "out of virtual registers", and the
   * method stayed in the interpreter, about 25x slower, until C2 compiled it.)
   */
  private static void sweep2(double[] a, int off, int end) {
    for (int p = off; p < end; p += 2 * L) {
      DoubleVector v0 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p)));
      DoubleVector v1 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p + L)));
      if (L >= 2) {
        v0 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN1, (DoubleVector) X.cast(v0.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v0.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v0.mul(SIGN1))))));
        v1 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN1, (DoubleVector) X.cast(v1.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v1.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v1.mul(SIGN1))))));
      }
      if (L >= 4) {
        v0 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN2, (DoubleVector) X.cast(v0.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v0.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v0.mul(SIGN2))))));
        v1 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN2, (DoubleVector) X.cast(v1.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v1.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v1.mul(SIGN2))))));
      }
      if (L >= 8) {
        v0 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN4, (DoubleVector) X.cast(v0.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v0.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v0.mul(SIGN4))))));
        v1 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN4, (DoubleVector) X.cast(v1.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v1.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v1.mul(SIGN4))))));
      }
      ((DoubleVector) X.cast(v0.add(v1))).intoArray(a, p);
      ((DoubleVector) X.cast(v0.sub(v1))).intoArray(a, p + L);
    }
  }

  /**
   * The first sweep of {@code a[off, end)} with eight vectors per iteration: in-register levels on
   * each, then either one butterfly per pair (levels 0 .. LOG2L) or, {@code wide}, one radix-8
   * butterfly between all eight (levels 0 .. LOG2L + 2, the operations of pass8), which saves one
   * sweep of the passes when the levels left are not a multiple of three. Eight vectors per
   * iteration also amortize JDK 17's conversion of each shuffle into its index vector, done once
   * per iteration.
   */
  private static void sweep8(double[] a, int off, int end, boolean wide) {
    for (int p = off; p < end; p += 8 * L) {
      DoubleVector v0 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p + 0 * L)));
      DoubleVector v1 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p + 1 * L)));
      DoubleVector v2 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p + 2 * L)));
      DoubleVector v3 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p + 3 * L)));
      DoubleVector v4 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p + 4 * L)));
      DoubleVector v5 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p + 5 * L)));
      DoubleVector v6 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p + 6 * L)));
      DoubleVector v7 = ((DoubleVector) X.cast(DoubleVector.fromArray(S, a, p + 7 * L)));
      if (L >= 2) {
        v0 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN1, (DoubleVector) X.cast(v0.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v0.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v0.mul(SIGN1))))));
        v1 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN1, (DoubleVector) X.cast(v1.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v1.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v1.mul(SIGN1))))));
        v2 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v2.fma(SIGN1, (DoubleVector) X.cast(v2.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v2.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v2.mul(SIGN1))))));
        v3 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v3.fma(SIGN1, (DoubleVector) X.cast(v3.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v3.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v3.mul(SIGN1))))));
        v4 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v4.fma(SIGN1, (DoubleVector) X.cast(v4.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v4.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v4.mul(SIGN1))))));
        v5 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v5.fma(SIGN1, (DoubleVector) X.cast(v5.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v5.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v5.mul(SIGN1))))));
        v6 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v6.fma(SIGN1, (DoubleVector) X.cast(v6.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v6.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v6.mul(SIGN1))))));
        v7 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v7.fma(SIGN1, (DoubleVector) X.cast(v7.rearrange(SWAP1)))
                        : ((DoubleVector) X.cast(v7.rearrange(SWAP1)))
                            .add((DoubleVector) X.cast(v7.mul(SIGN1))))));
      }
      if (L >= 4) {
        v0 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN2, (DoubleVector) X.cast(v0.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v0.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v0.mul(SIGN2))))));
        v1 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN2, (DoubleVector) X.cast(v1.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v1.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v1.mul(SIGN2))))));
        v2 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v2.fma(SIGN2, (DoubleVector) X.cast(v2.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v2.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v2.mul(SIGN2))))));
        v3 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v3.fma(SIGN2, (DoubleVector) X.cast(v3.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v3.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v3.mul(SIGN2))))));
        v4 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v4.fma(SIGN2, (DoubleVector) X.cast(v4.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v4.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v4.mul(SIGN2))))));
        v5 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v5.fma(SIGN2, (DoubleVector) X.cast(v5.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v5.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v5.mul(SIGN2))))));
        v6 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v6.fma(SIGN2, (DoubleVector) X.cast(v6.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v6.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v6.mul(SIGN2))))));
        v7 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v7.fma(SIGN2, (DoubleVector) X.cast(v7.rearrange(SWAP2)))
                        : ((DoubleVector) X.cast(v7.rearrange(SWAP2)))
                            .add((DoubleVector) X.cast(v7.mul(SIGN2))))));
      }
      if (L >= 8) {
        v0 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN4, (DoubleVector) X.cast(v0.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v0.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v0.mul(SIGN4))))));
        v1 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN4, (DoubleVector) X.cast(v1.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v1.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v1.mul(SIGN4))))));
        v2 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v2.fma(SIGN4, (DoubleVector) X.cast(v2.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v2.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v2.mul(SIGN4))))));
        v3 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v3.fma(SIGN4, (DoubleVector) X.cast(v3.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v3.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v3.mul(SIGN4))))));
        v4 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v4.fma(SIGN4, (DoubleVector) X.cast(v4.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v4.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v4.mul(SIGN4))))));
        v5 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v5.fma(SIGN4, (DoubleVector) X.cast(v5.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v5.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v5.mul(SIGN4))))));
        v6 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v6.fma(SIGN4, (DoubleVector) X.cast(v6.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v6.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v6.mul(SIGN4))))));
        v7 =
            ((DoubleVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v7.fma(SIGN4, (DoubleVector) X.cast(v7.rearrange(SWAP4)))
                        : ((DoubleVector) X.cast(v7.rearrange(SWAP4)))
                            .add((DoubleVector) X.cast(v7.mul(SIGN4))))));
      }
      if (!wide) {
        ((DoubleVector) X.cast(v0.add(v1))).intoArray(a, p + 0 * L);
        ((DoubleVector) X.cast(v0.sub(v1))).intoArray(a, p + 1 * L);
        ((DoubleVector) X.cast(v2.add(v3))).intoArray(a, p + 2 * L);
        ((DoubleVector) X.cast(v2.sub(v3))).intoArray(a, p + 3 * L);
        ((DoubleVector) X.cast(v4.add(v5))).intoArray(a, p + 4 * L);
        ((DoubleVector) X.cast(v4.sub(v5))).intoArray(a, p + 5 * L);
        ((DoubleVector) X.cast(v6.add(v7))).intoArray(a, p + 6 * L);
        ((DoubleVector) X.cast(v6.sub(v7))).intoArray(a, p + 7 * L);
        continue;
      }
      DoubleVector a0 = ((DoubleVector) X.cast(v0.add(v1)));
      DoubleVector a1 = ((DoubleVector) X.cast(v0.sub(v1)));
      DoubleVector a2 = ((DoubleVector) X.cast(v2.add(v3)));
      DoubleVector a3 = ((DoubleVector) X.cast(v2.sub(v3)));
      DoubleVector a4 = ((DoubleVector) X.cast(v4.add(v5)));
      DoubleVector a5 = ((DoubleVector) X.cast(v4.sub(v5)));
      DoubleVector a6 = ((DoubleVector) X.cast(v6.add(v7)));
      DoubleVector a7 = ((DoubleVector) X.cast(v6.sub(v7)));
      DoubleVector b0 = ((DoubleVector) X.cast(a0.add(a2)));
      DoubleVector b2 = ((DoubleVector) X.cast(a0.sub(a2)));
      DoubleVector b1 = ((DoubleVector) X.cast(a1.add(a3)));
      DoubleVector b3 = ((DoubleVector) X.cast(a1.sub(a3)));
      DoubleVector b4 = ((DoubleVector) X.cast(a4.add(a6)));
      DoubleVector b6 = ((DoubleVector) X.cast(a4.sub(a6)));
      DoubleVector b5 = ((DoubleVector) X.cast(a5.add(a7)));
      DoubleVector b7 = ((DoubleVector) X.cast(a5.sub(a7)));
      ((DoubleVector) X.cast(b0.add(b4))).intoArray(a, p + 0 * L);
      ((DoubleVector) X.cast(b1.add(b5))).intoArray(a, p + 1 * L);
      ((DoubleVector) X.cast(b2.add(b6))).intoArray(a, p + 2 * L);
      ((DoubleVector) X.cast(b3.add(b7))).intoArray(a, p + 3 * L);
      ((DoubleVector) X.cast(b0.sub(b4))).intoArray(a, p + 4 * L);
      ((DoubleVector) X.cast(b1.sub(b5))).intoArray(a, p + 5 * L);
      ((DoubleVector) X.cast(b2.sub(b6))).intoArray(a, p + 6 * L);
      ((DoubleVector) X.cast(b3.sub(b7))).intoArray(a, p + 7 * L);
    }
  }

  @Override
  public void levels(double[] a, int off, int len, int from, int to) {
    passes(a, off, len, from, to);
  }

  /**
   * Levels [from, to) by radix-8 passes and one radix-4 or radix-2 pass for the rest. The last two
   * are written out here rather than called, which keeps this method above C2's inlining size (325
   * bytecodes): it is always compiled on its own, with every vector operation inlined.
   */
  private static void passes(double[] a, int off, int len, int from, int to) {
    int s = from;
    for (; s + 3 <= to; s += 3) {
      pass8(a, off, len, 1 << s);
    }
    int h = 1 << s;
    int end = off + len;
    if (s + 2 == to) {
      for (int j = off; j < end; j += 4 * h) {
        for (int k = j, stop = j + h; k < stop; k += L) {
          DoubleVector x0 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k));
          DoubleVector x1 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + h));
          DoubleVector x2 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + 2 * h));
          DoubleVector x3 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + 3 * h));
          DoubleVector s01 = (DoubleVector) X.cast(x0.add(x1));
          DoubleVector d01 = (DoubleVector) X.cast(x0.sub(x1));
          DoubleVector s23 = (DoubleVector) X.cast(x2.add(x3));
          DoubleVector d23 = (DoubleVector) X.cast(x2.sub(x3));
          ((DoubleVector) X.cast(s01.add(s23))).intoArray(a, k);
          ((DoubleVector) X.cast(d01.add(d23))).intoArray(a, k + h);
          ((DoubleVector) X.cast(s01.sub(s23))).intoArray(a, k + 2 * h);
          ((DoubleVector) X.cast(d01.sub(d23))).intoArray(a, k + 3 * h);
        }
      }
    } else if (s + 1 == to) {
      for (int j = off; j < end; j += 2 * h) {
        for (int k = j, stop = j + h; k < stop; k += L) {
          DoubleVector x0 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k));
          DoubleVector x1 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + h));
          ((DoubleVector) X.cast(x0.add(x1))).intoArray(a, k);
          ((DoubleVector) X.cast(x0.sub(x1))).intoArray(a, k + h);
        }
      }
    }
  }

  /** Levels s .. s + 2 (h = 2^s >= L) in one sweep. */
  private static void pass8(double[] a, int off, int len, int h) {
    int end = off + len;
    for (int j = off; j < end; j += 8 * h) {
      for (int k = j, stop = j + h; k < stop; k += L) {
        DoubleVector x0 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k));
        DoubleVector x1 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + h));
        DoubleVector x2 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + 2 * h));
        DoubleVector x3 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + 3 * h));
        DoubleVector x4 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + 4 * h));
        DoubleVector x5 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + 5 * h));
        DoubleVector x6 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + 6 * h));
        DoubleVector x7 = (DoubleVector) X.cast(DoubleVector.fromArray(S, a, k + 7 * h));
        DoubleVector a0 = (DoubleVector) X.cast(x0.add(x1)),
            a1 = (DoubleVector) X.cast(x0.sub(x1)),
            a2 = (DoubleVector) X.cast(x2.add(x3)),
            a3 = (DoubleVector) X.cast(x2.sub(x3));
        DoubleVector a4 = (DoubleVector) X.cast(x4.add(x5)),
            a5 = (DoubleVector) X.cast(x4.sub(x5)),
            a6 = (DoubleVector) X.cast(x6.add(x7)),
            a7 = (DoubleVector) X.cast(x6.sub(x7));
        DoubleVector b0 = (DoubleVector) X.cast(a0.add(a2)),
            b2 = (DoubleVector) X.cast(a0.sub(a2)),
            b1 = (DoubleVector) X.cast(a1.add(a3)),
            b3 = (DoubleVector) X.cast(a1.sub(a3));
        DoubleVector b4 = (DoubleVector) X.cast(a4.add(a6)),
            b6 = (DoubleVector) X.cast(a4.sub(a6)),
            b5 = (DoubleVector) X.cast(a5.add(a7)),
            b7 = (DoubleVector) X.cast(a5.sub(a7));
        ((DoubleVector) X.cast(b0.add(b4))).intoArray(a, k);
        ((DoubleVector) X.cast(b1.add(b5))).intoArray(a, k + h);
        ((DoubleVector) X.cast(b2.add(b6))).intoArray(a, k + 2 * h);
        ((DoubleVector) X.cast(b3.add(b7))).intoArray(a, k + 3 * h);
        ((DoubleVector) X.cast(b0.sub(b4))).intoArray(a, k + 4 * h);
        ((DoubleVector) X.cast(b1.sub(b5))).intoArray(a, k + 5 * h);
        ((DoubleVector) X.cast(b2.sub(b6))).intoArray(a, k + 6 * h);
        ((DoubleVector) X.cast(b3.sub(b7))).intoArray(a, k + 7 * h);
      }
    }
  }

  /**
   * One gather instruction per vector of a row ({@code DoubleVector.fromArray} with an index map):
   * with a new seed in every SPRIGHT call, where most entries come from memory, measured 0.7-0.8x
   * the time of one scalar load per entry (AVX-512; see docs/hadamard.md, "Speed"). A partial
   * vector's padding lanes are replaced by zeros before the store and the maximum.
   */
  @Override
  public long gatherRows(
      double[] x, int[] index, double[] out, int off, int rows, int width, int count) {
    int full = count & -L;
    VectorMask<Double> pad = S.indexInRange(full, count).not();
    DoubleVector zero = (DoubleVector) X.cast(DoubleVector.zero(S));
    LongVector largest = (LongVector) XL.cast(LongVector.zero(SL));
    for (int r = 0, i = 0, o = off; r < rows; r++, i += width, o += width) {
      int d = 0;
      for (; d < full; d += L) {
        DoubleVector v = (DoubleVector) X.cast(DoubleVector.fromArray(S, x, 0, index, i + d));
        v.intoArray(out, o + d);
        largest =
            (LongVector)
                XL.cast(
                    largest.max((LongVector) XL.cast(v.reinterpretAsLongs().and(Long.MAX_VALUE))));
      }
      if (d < count) {
        DoubleVector v = (DoubleVector) X.cast(DoubleVector.fromArray(S, x, 0, index, i + d));
        v = (DoubleVector) X.cast(v.blend(zero, pad));
        v.intoArray(out, o + d);
        largest =
            (LongVector)
                XL.cast(
                    largest.max((LongVector) XL.cast(v.reinterpretAsLongs().and(Long.MAX_VALUE))));
        d += L;
      }
      for (; d < width; d += L) {
        zero.intoArray(out, o + d);
      }
    }
    return largest.reduceLanes(VectorOperators.MAX);
  }
}
