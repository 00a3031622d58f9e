package dev.fathom.hadamard;

import dev.fathom.core.Args;

/**
 * Orders of the Walsh functions, offered as permutations of the natural-order output of {@link
 * WalshHadamard}. Row {@code k} of the natural (Sylvester) matrix is {@code (-1)^popcount(k & m)}.
 *
 * @since 1.0
 */
public enum Ordering {
  /** Natural (Sylvester, Hadamard) order: the identity permutation. */
  NATURAL,
  /**
   * Sequency (Walsh) order: the {@code s}-th function has exactly {@code s} sign changes. It is the
   * natural row {@code bitReverse(gray(s))}.
   */
  SEQUENCY,
  /**
   * Dyadic (Paley) order: the {@code p}-th function is the product of the Rademacher functions
   * {@code r_(i+1)} for the set bits {@code i} of {@code p}. It is the natural row {@code
   * bitReverse(p)}.
   */
  DYADIC;

  /**
   * The permutation {@code perm} such that the {@code i}-th coefficient in this order is the
   * natural-order coefficient {@code perm[i]}.
   *
   * @param log2n the number of bits {@code n}, in {@code [0, 30]}
   * @return a new permutation of {@code 0 .. 2^n - 1}
   * @throws IllegalArgumentException if {@code log2n} is out of range
   */
  public int[] permutation(int log2n) {
    Args.inRange("log2n", log2n, 0, WalshHadamard.MAX_LOG2);
    int size = 1 << log2n;
    int[] perm = new int[size];
    for (int i = 0; i < size; i++) {
      perm[i] = naturalIndex(i, log2n);
    }
    return perm;
  }

  /**
   * Returns the coefficients of a natural-order transform rearranged into this order: {@code out[i]
   * = natural[perm[i]]}.
   *
   * @param natural the output of {@link WalshHadamard}, of length {@code 2^n}; not modified
   * @return a new array in this order
   * @throws IllegalArgumentException if the length is not a power of two
   */
  public double[] reorder(double[] natural) {
    Args.notNull("natural", natural);
    int log2n = WalshHadamard.log2(natural.length);
    double[] out = new double[natural.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = natural[naturalIndex(i, log2n)];
    }
    return out;
  }

  private int naturalIndex(int i, int log2n) {
    switch (this) {
      case SEQUENCY:
        return reverse(i ^ (i >>> 1), log2n);
      case DYADIC:
        return reverse(i, log2n);
      default:
        return i;
    }
  }

  private static int reverse(int v, int bits) {
    return bits == 0 ? 0 : Integer.reverse(v) >>> (32 - bits);
  }
}
