package dev.fathom.hadamard;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD passes of the single-precision FWHT: {@link VectorKernel} with {@code FloatVector}
 * (generated from it by replacing the element type; edit both alike), so twice the lanes, up to
 * four in-register levels (16 floats on AVX-512), and a base block of twice the elements (32 KiB).
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
 * class, the store intrinsic fails and every stored vector is boxed (measured: 6 to 22 MB of
 * garbage per transform of 2^20 floats instead of none). With the casts the types are exact without
 * the profile.
 */
final class FloatVectorKernel implements SimdKernel<float[]> {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /** The concrete class of {@link #S}'s vectors: every vector value is cast to it (see above). */
  private static final Class<? extends Vector<Float>> X = S.vectorType();

  private static final int LOG2L = VectorSupport.log2Lanes(S);

  /** Log2 of the largest block transformed in L1 without recursion (32 KiB). */
  static final int BASE = 13;

  /** Most levels per pass between vectors (radix 8). */
  private static final int RADIX_LOG2 = 3;

  private static final VectorShuffle<Float> SWAP1 = VectorSupport.swap(S, 1);
  private static final VectorShuffle<Float> SWAP2 = VectorSupport.swap(S, 2);
  private static final VectorShuffle<Float> SWAP4 = VectorSupport.swap(S, 4);
  private static final VectorShuffle<Float> SWAP8 = VectorSupport.swap(S, 8);
  private static final FloatVector SIGN1 = (FloatVector) VectorSupport.sign(S, 1);
  private static final FloatVector SIGN2 = (FloatVector) VectorSupport.sign(S, 2);
  private static final FloatVector SIGN4 = (FloatVector) VectorSupport.sign(S, 4);
  private static final FloatVector SIGN8 = (FloatVector) VectorSupport.sign(S, 8);

  FloatVectorKernel() {}

  @Override
  public int lanes() {
    return L;
  }

  @Override
  public int minTransformLog2() {
    return LOG2L + 1;
  }

  @Override
  public void transform(float[] a, int off, int log2n) {
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
  public void block(float[] a, int off, int t) {
    base(a, off, t);
  }

  /** All levels of the contiguous block {@code a[off, off + 2^t)}, 2^t >= 2L. */
  private static void base(float[] a, int off, int t) {
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
  private static void sweep2(float[] a, int off, int end) {
    for (int p = off; p < end; p += 2 * L) {
      FloatVector v0 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p)));
      FloatVector v1 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p + L)));
      if (L >= 2) {
        v0 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN1, (FloatVector) X.cast(v0.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v0.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v0.mul(SIGN1))))));
        v1 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN1, (FloatVector) X.cast(v1.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v1.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v1.mul(SIGN1))))));
      }
      if (L >= 4) {
        v0 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN2, (FloatVector) X.cast(v0.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v0.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v0.mul(SIGN2))))));
        v1 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN2, (FloatVector) X.cast(v1.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v1.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v1.mul(SIGN2))))));
      }
      if (L >= 8) {
        v0 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN4, (FloatVector) X.cast(v0.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v0.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v0.mul(SIGN4))))));
        v1 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN4, (FloatVector) X.cast(v1.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v1.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v1.mul(SIGN4))))));
      }
      if (L >= 16) {
        v0 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN8, (FloatVector) X.cast(v0.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v0.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v0.mul(SIGN8))))));
        v1 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN8, (FloatVector) X.cast(v1.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v1.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v1.mul(SIGN8))))));
      }
      ((FloatVector) X.cast(v0.add(v1))).intoArray(a, p);
      ((FloatVector) X.cast(v0.sub(v1))).intoArray(a, p + L);
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
  private static void sweep8(float[] a, int off, int end, boolean wide) {
    for (int p = off; p < end; p += 8 * L) {
      FloatVector v0 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p + 0 * L)));
      FloatVector v1 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p + 1 * L)));
      FloatVector v2 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p + 2 * L)));
      FloatVector v3 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p + 3 * L)));
      FloatVector v4 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p + 4 * L)));
      FloatVector v5 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p + 5 * L)));
      FloatVector v6 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p + 6 * L)));
      FloatVector v7 = ((FloatVector) X.cast(FloatVector.fromArray(S, a, p + 7 * L)));
      if (L >= 2) {
        v0 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN1, (FloatVector) X.cast(v0.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v0.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v0.mul(SIGN1))))));
        v1 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN1, (FloatVector) X.cast(v1.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v1.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v1.mul(SIGN1))))));
        v2 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v2.fma(SIGN1, (FloatVector) X.cast(v2.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v2.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v2.mul(SIGN1))))));
        v3 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v3.fma(SIGN1, (FloatVector) X.cast(v3.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v3.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v3.mul(SIGN1))))));
        v4 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v4.fma(SIGN1, (FloatVector) X.cast(v4.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v4.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v4.mul(SIGN1))))));
        v5 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v5.fma(SIGN1, (FloatVector) X.cast(v5.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v5.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v5.mul(SIGN1))))));
        v6 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v6.fma(SIGN1, (FloatVector) X.cast(v6.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v6.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v6.mul(SIGN1))))));
        v7 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v7.fma(SIGN1, (FloatVector) X.cast(v7.rearrange(SWAP1)))
                        : ((FloatVector) X.cast(v7.rearrange(SWAP1)))
                            .add((FloatVector) X.cast(v7.mul(SIGN1))))));
      }
      if (L >= 4) {
        v0 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN2, (FloatVector) X.cast(v0.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v0.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v0.mul(SIGN2))))));
        v1 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN2, (FloatVector) X.cast(v1.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v1.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v1.mul(SIGN2))))));
        v2 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v2.fma(SIGN2, (FloatVector) X.cast(v2.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v2.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v2.mul(SIGN2))))));
        v3 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v3.fma(SIGN2, (FloatVector) X.cast(v3.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v3.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v3.mul(SIGN2))))));
        v4 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v4.fma(SIGN2, (FloatVector) X.cast(v4.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v4.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v4.mul(SIGN2))))));
        v5 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v5.fma(SIGN2, (FloatVector) X.cast(v5.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v5.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v5.mul(SIGN2))))));
        v6 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v6.fma(SIGN2, (FloatVector) X.cast(v6.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v6.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v6.mul(SIGN2))))));
        v7 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v7.fma(SIGN2, (FloatVector) X.cast(v7.rearrange(SWAP2)))
                        : ((FloatVector) X.cast(v7.rearrange(SWAP2)))
                            .add((FloatVector) X.cast(v7.mul(SIGN2))))));
      }
      if (L >= 8) {
        v0 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN4, (FloatVector) X.cast(v0.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v0.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v0.mul(SIGN4))))));
        v1 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN4, (FloatVector) X.cast(v1.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v1.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v1.mul(SIGN4))))));
        v2 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v2.fma(SIGN4, (FloatVector) X.cast(v2.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v2.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v2.mul(SIGN4))))));
        v3 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v3.fma(SIGN4, (FloatVector) X.cast(v3.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v3.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v3.mul(SIGN4))))));
        v4 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v4.fma(SIGN4, (FloatVector) X.cast(v4.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v4.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v4.mul(SIGN4))))));
        v5 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v5.fma(SIGN4, (FloatVector) X.cast(v5.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v5.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v5.mul(SIGN4))))));
        v6 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v6.fma(SIGN4, (FloatVector) X.cast(v6.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v6.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v6.mul(SIGN4))))));
        v7 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v7.fma(SIGN4, (FloatVector) X.cast(v7.rearrange(SWAP4)))
                        : ((FloatVector) X.cast(v7.rearrange(SWAP4)))
                            .add((FloatVector) X.cast(v7.mul(SIGN4))))));
      }
      if (L >= 16) {
        v0 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v0.fma(SIGN8, (FloatVector) X.cast(v0.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v0.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v0.mul(SIGN8))))));
        v1 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v1.fma(SIGN8, (FloatVector) X.cast(v1.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v1.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v1.mul(SIGN8))))));
        v2 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v2.fma(SIGN8, (FloatVector) X.cast(v2.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v2.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v2.mul(SIGN8))))));
        v3 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v3.fma(SIGN8, (FloatVector) X.cast(v3.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v3.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v3.mul(SIGN8))))));
        v4 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v4.fma(SIGN8, (FloatVector) X.cast(v4.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v4.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v4.mul(SIGN8))))));
        v5 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v5.fma(SIGN8, (FloatVector) X.cast(v5.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v5.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v5.mul(SIGN8))))));
        v6 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v6.fma(SIGN8, (FloatVector) X.cast(v6.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v6.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v6.mul(SIGN8))))));
        v7 =
            ((FloatVector)
                X.cast(
                    (VectorSupport.FMA
                        ? v7.fma(SIGN8, (FloatVector) X.cast(v7.rearrange(SWAP8)))
                        : ((FloatVector) X.cast(v7.rearrange(SWAP8)))
                            .add((FloatVector) X.cast(v7.mul(SIGN8))))));
      }
      if (!wide) {
        ((FloatVector) X.cast(v0.add(v1))).intoArray(a, p + 0 * L);
        ((FloatVector) X.cast(v0.sub(v1))).intoArray(a, p + 1 * L);
        ((FloatVector) X.cast(v2.add(v3))).intoArray(a, p + 2 * L);
        ((FloatVector) X.cast(v2.sub(v3))).intoArray(a, p + 3 * L);
        ((FloatVector) X.cast(v4.add(v5))).intoArray(a, p + 4 * L);
        ((FloatVector) X.cast(v4.sub(v5))).intoArray(a, p + 5 * L);
        ((FloatVector) X.cast(v6.add(v7))).intoArray(a, p + 6 * L);
        ((FloatVector) X.cast(v6.sub(v7))).intoArray(a, p + 7 * L);
        continue;
      }
      FloatVector a0 = ((FloatVector) X.cast(v0.add(v1)));
      FloatVector a1 = ((FloatVector) X.cast(v0.sub(v1)));
      FloatVector a2 = ((FloatVector) X.cast(v2.add(v3)));
      FloatVector a3 = ((FloatVector) X.cast(v2.sub(v3)));
      FloatVector a4 = ((FloatVector) X.cast(v4.add(v5)));
      FloatVector a5 = ((FloatVector) X.cast(v4.sub(v5)));
      FloatVector a6 = ((FloatVector) X.cast(v6.add(v7)));
      FloatVector a7 = ((FloatVector) X.cast(v6.sub(v7)));
      FloatVector b0 = ((FloatVector) X.cast(a0.add(a2)));
      FloatVector b2 = ((FloatVector) X.cast(a0.sub(a2)));
      FloatVector b1 = ((FloatVector) X.cast(a1.add(a3)));
      FloatVector b3 = ((FloatVector) X.cast(a1.sub(a3)));
      FloatVector b4 = ((FloatVector) X.cast(a4.add(a6)));
      FloatVector b6 = ((FloatVector) X.cast(a4.sub(a6)));
      FloatVector b5 = ((FloatVector) X.cast(a5.add(a7)));
      FloatVector b7 = ((FloatVector) X.cast(a5.sub(a7)));
      ((FloatVector) X.cast(b0.add(b4))).intoArray(a, p + 0 * L);
      ((FloatVector) X.cast(b1.add(b5))).intoArray(a, p + 1 * L);
      ((FloatVector) X.cast(b2.add(b6))).intoArray(a, p + 2 * L);
      ((FloatVector) X.cast(b3.add(b7))).intoArray(a, p + 3 * L);
      ((FloatVector) X.cast(b0.sub(b4))).intoArray(a, p + 4 * L);
      ((FloatVector) X.cast(b1.sub(b5))).intoArray(a, p + 5 * L);
      ((FloatVector) X.cast(b2.sub(b6))).intoArray(a, p + 6 * L);
      ((FloatVector) X.cast(b3.sub(b7))).intoArray(a, p + 7 * L);
    }
  }

  @Override
  public void levels(float[] a, int off, int len, int from, int to) {
    passes(a, off, len, from, to);
  }

  /**
   * Levels [from, to) by radix-8 passes and one radix-4 or radix-2 pass for the rest. The last two
   * are written out here rather than called, which keeps this method above C2's inlining size (325
   * bytecodes): it is always compiled on its own, with every vector operation inlined.
   */
  private static void passes(float[] a, int off, int len, int from, int to) {
    int s = from;
    for (; s + 3 <= to; s += 3) {
      pass8(a, off, len, 1 << s);
    }
    int h = 1 << s;
    int end = off + len;
    if (s + 2 == to) {
      for (int j = off; j < end; j += 4 * h) {
        for (int k = j, stop = j + h; k < stop; k += L) {
          FloatVector x0 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k));
          FloatVector x1 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + h));
          FloatVector x2 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + 2 * h));
          FloatVector x3 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + 3 * h));
          FloatVector s01 = (FloatVector) X.cast(x0.add(x1));
          FloatVector d01 = (FloatVector) X.cast(x0.sub(x1));
          FloatVector s23 = (FloatVector) X.cast(x2.add(x3));
          FloatVector d23 = (FloatVector) X.cast(x2.sub(x3));
          ((FloatVector) X.cast(s01.add(s23))).intoArray(a, k);
          ((FloatVector) X.cast(d01.add(d23))).intoArray(a, k + h);
          ((FloatVector) X.cast(s01.sub(s23))).intoArray(a, k + 2 * h);
          ((FloatVector) X.cast(d01.sub(d23))).intoArray(a, k + 3 * h);
        }
      }
    } else if (s + 1 == to) {
      for (int j = off; j < end; j += 2 * h) {
        for (int k = j, stop = j + h; k < stop; k += L) {
          FloatVector x0 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k));
          FloatVector x1 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + h));
          ((FloatVector) X.cast(x0.add(x1))).intoArray(a, k);
          ((FloatVector) X.cast(x0.sub(x1))).intoArray(a, k + h);
        }
      }
    }
  }

  /** Levels s .. s + 2 (h = 2^s >= L) in one sweep. */
  private static void pass8(float[] a, int off, int len, int h) {
    int end = off + len;
    for (int j = off; j < end; j += 8 * h) {
      for (int k = j, stop = j + h; k < stop; k += L) {
        FloatVector x0 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k));
        FloatVector x1 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + h));
        FloatVector x2 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + 2 * h));
        FloatVector x3 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + 3 * h));
        FloatVector x4 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + 4 * h));
        FloatVector x5 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + 5 * h));
        FloatVector x6 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + 6 * h));
        FloatVector x7 = (FloatVector) X.cast(FloatVector.fromArray(S, a, k + 7 * h));
        FloatVector a0 = (FloatVector) X.cast(x0.add(x1)),
            a1 = (FloatVector) X.cast(x0.sub(x1)),
            a2 = (FloatVector) X.cast(x2.add(x3)),
            a3 = (FloatVector) X.cast(x2.sub(x3));
        FloatVector a4 = (FloatVector) X.cast(x4.add(x5)),
            a5 = (FloatVector) X.cast(x4.sub(x5)),
            a6 = (FloatVector) X.cast(x6.add(x7)),
            a7 = (FloatVector) X.cast(x6.sub(x7));
        FloatVector b0 = (FloatVector) X.cast(a0.add(a2)),
            b2 = (FloatVector) X.cast(a0.sub(a2)),
            b1 = (FloatVector) X.cast(a1.add(a3)),
            b3 = (FloatVector) X.cast(a1.sub(a3));
        FloatVector b4 = (FloatVector) X.cast(a4.add(a6)),
            b6 = (FloatVector) X.cast(a4.sub(a6)),
            b5 = (FloatVector) X.cast(a5.add(a7)),
            b7 = (FloatVector) X.cast(a5.sub(a7));
        ((FloatVector) X.cast(b0.add(b4))).intoArray(a, k);
        ((FloatVector) X.cast(b1.add(b5))).intoArray(a, k + h);
        ((FloatVector) X.cast(b2.add(b6))).intoArray(a, k + 2 * h);
        ((FloatVector) X.cast(b3.add(b7))).intoArray(a, k + 3 * h);
        ((FloatVector) X.cast(b0.sub(b4))).intoArray(a, k + 4 * h);
        ((FloatVector) X.cast(b1.sub(b5))).intoArray(a, k + 5 * h);
        ((FloatVector) X.cast(b2.sub(b6))).intoArray(a, k + 6 * h);
        ((FloatVector) X.cast(b3.sub(b7))).intoArray(a, k + 7 * h);
      }
    }
  }
}
