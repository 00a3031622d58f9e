package dev.fathom.hadamard;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD passes of the single-precision FWHT: {@link VectorKernel} with {@code FloatVector}
 * (twice the lanes, so up to four in-register levels, 16 floats on AVX-512) and the same schedule.
 * Every output is bitwise the scalar {@link FloatKernel}'s: the butterflies are the same additions
 * and subtractions in the same order, and the in-register ones multiply by {@code +-1} only, which
 * is exact.
 */
final class FloatVectorKernel implements SimdKernel<float[]> {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int LOG2L = VectorSupport.log2Lanes(S);

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

  /** Levels 0 .. LOG2L - 1 inside one register. */
  private static FloatVector inRegister(FloatVector v) {
    if (L >= 2) {
      v = v.rearrange(SWAP1).add(v.mul(SIGN1));
    }
    if (L >= 4) {
      v = v.rearrange(SWAP2).add(v.mul(SIGN2));
    }
    if (L >= 8) {
      v = v.rearrange(SWAP4).add(v.mul(SIGN4));
    }
    if (L >= 16) {
      v = v.rearrange(SWAP8).add(v.mul(SIGN8));
    }
    return v;
  }

  @Override
  public void block(float[] a, int off, int t) {
    int end = off + (1 << t);
    // Levels 0 .. LOG2L in one sweep: in-register levels on two vectors, then one butterfly.
    for (int p = off; p < end; p += 2 * L) {
      FloatVector v0 = inRegister(FloatVector.fromArray(S, a, p));
      FloatVector v1 = inRegister(FloatVector.fromArray(S, a, p + L));
      v0.add(v1).intoArray(a, p);
      v0.sub(v1).intoArray(a, p + L);
    }
    levels(a, off, 1 << t, LOG2L + 1, t);
  }

  @Override
  public void levels(float[] a, int off, int len, int from, int to) {
    int s = from;
    for (; s + 2 <= to; s += 2) {
      pass4(a, off, len, 1 << s);
    }
    if (s < to) {
      pass2(a, off, len, 1 << s);
    }
  }

  /** Levels s and s + 1 (h = 2^s >= L) in one sweep. */
  private static void pass4(float[] a, int off, int len, int h) {
    int end = off + len;
    for (int j = off; j < end; j += 4 * h) {
      for (int k = j, stop = j + h; k < stop; k += L) {
        FloatVector x0 = FloatVector.fromArray(S, a, k);
        FloatVector x1 = FloatVector.fromArray(S, a, k + h);
        FloatVector x2 = FloatVector.fromArray(S, a, k + 2 * h);
        FloatVector x3 = FloatVector.fromArray(S, a, k + 3 * h);
        FloatVector s01 = x0.add(x1);
        FloatVector d01 = x0.sub(x1);
        FloatVector s23 = x2.add(x3);
        FloatVector d23 = x2.sub(x3);
        s01.add(s23).intoArray(a, k);
        d01.add(d23).intoArray(a, k + h);
        s01.sub(s23).intoArray(a, k + 2 * h);
        d01.sub(d23).intoArray(a, k + 3 * h);
      }
    }
  }

  /** Level s (h = 2^s >= L). */
  private static void pass2(float[] a, int off, int len, int h) {
    int end = off + len;
    for (int j = off; j < end; j += 2 * h) {
      for (int k = j, stop = j + h; k < stop; k += L) {
        FloatVector x0 = FloatVector.fromArray(S, a, k);
        FloatVector x1 = FloatVector.fromArray(S, a, k + h);
        x0.add(x1).intoArray(a, k);
        x0.sub(x1).intoArray(a, k + h);
      }
    }
  }
}
