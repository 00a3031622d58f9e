package dev.fathom.hadamard;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD passes of the double-precision FWHT through {@code jdk.incubator.vector} ({@link
 * FloatVectorKernel} is the single-precision twin). Compiled from the separate source root {@code
 * src/main/vector} and only loaded (reflectively, by {@link Simd}) when the JVM runs with {@code
 * --add-modules jdk.incubator.vector}.
 *
 * <p>Levels with {@code h = 2^s < L} (the vector length) are done inside a register: with {@code w}
 * the vector whose lanes are swapped at distance {@code h}, the butterfly is {@code w + sign * v}
 * where {@code sign} is {@code +1} on the lanes whose bit {@code h} is clear and {@code -1} on the
 * others; the product by {@code +-1} is exact, so every output is bitwise the scalar {@code x0 +
 * x1} or {@code x0 - x1}. Levels with {@code h >= L} are lanewise butterflies between vectors, by
 * radix-4 passes as in the scalar kernel.
 */
final class VectorKernel implements SimdKernel<double[]> {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int LOG2L = VectorSupport.log2Lanes(S);

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

  /** Levels 0 .. LOG2L - 1 inside one register. */
  private static DoubleVector inRegister(DoubleVector v) {
    if (L >= 2) {
      v = v.rearrange(SWAP1).add(v.mul(SIGN1));
    }
    if (L >= 4) {
      v = v.rearrange(SWAP2).add(v.mul(SIGN2));
    }
    if (L >= 8) {
      v = v.rearrange(SWAP4).add(v.mul(SIGN4));
    }
    return v;
  }

  @Override
  public void block(double[] a, int off, int t) {
    int end = off + (1 << t);
    // Levels 0 .. LOG2L in one sweep: in-register levels on two vectors, then one butterfly.
    for (int p = off; p < end; p += 2 * L) {
      DoubleVector v0 = inRegister(DoubleVector.fromArray(S, a, p));
      DoubleVector v1 = inRegister(DoubleVector.fromArray(S, a, p + L));
      v0.add(v1).intoArray(a, p);
      v0.sub(v1).intoArray(a, p + L);
    }
    levels(a, off, 1 << t, LOG2L + 1, t);
  }

  @Override
  public void levels(double[] a, int off, int len, int from, int to) {
    int s = from;
    for (; s + 2 <= to; s += 2) {
      pass4(a, off, len, 1 << s);
    }
    if (s < to) {
      pass2(a, off, len, 1 << s);
    }
  }

  /** Levels s and s + 1 (h = 2^s >= L) in one sweep. */
  private static void pass4(double[] a, int off, int len, int h) {
    int end = off + len;
    for (int j = off; j < end; j += 4 * h) {
      for (int k = j, stop = j + h; k < stop; k += L) {
        DoubleVector x0 = DoubleVector.fromArray(S, a, k);
        DoubleVector x1 = DoubleVector.fromArray(S, a, k + h);
        DoubleVector x2 = DoubleVector.fromArray(S, a, k + 2 * h);
        DoubleVector x3 = DoubleVector.fromArray(S, a, k + 3 * h);
        DoubleVector s01 = x0.add(x1);
        DoubleVector d01 = x0.sub(x1);
        DoubleVector s23 = x2.add(x3);
        DoubleVector d23 = x2.sub(x3);
        s01.add(s23).intoArray(a, k);
        d01.add(d23).intoArray(a, k + h);
        s01.sub(s23).intoArray(a, k + 2 * h);
        d01.sub(d23).intoArray(a, k + 3 * h);
      }
    }
  }

  /** Level s (h = 2^s >= L). */
  private static void pass2(double[] a, int off, int len, int h) {
    int end = off + len;
    for (int j = off; j < end; j += 2 * h) {
      for (int k = j, stop = j + h; k < stop; k += L) {
        DoubleVector x0 = DoubleVector.fromArray(S, a, k);
        DoubleVector x1 = DoubleVector.fromArray(S, a, k + h);
        x0.add(x1).intoArray(a, k);
        x0.sub(x1).intoArray(a, k + h);
      }
    }
  }
}
