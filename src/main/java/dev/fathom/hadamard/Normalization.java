package dev.fathom.hadamard;

/**
 * The scaling of a Walsh-Hadamard transform of length {@code N = 2^n}, with {@code H[k][m] =
 * (-1)^popcount(k & m)} in natural (Sylvester) order. The references disagree on this, so every
 * transform in this package names it explicitly.
 *
 * @since 1.0
 */
public enum Normalization {
  /** {@code y = H x}, no scaling (FFHT, Commons Math forward). Its inverse is {@code H y / N}. */
  UNNORMALIZED,
  /** {@code y = H x / sqrt(N)}: orthonormal and self-inverse, preserves the Euclidean norm. */
  ORTHONORMAL,
  /**
   * {@code y = H x / N}: the pseudo-Boolean Fourier coefficients {@code f^(k)}, such that {@code
   * f(m) = sum_k f^(k) (-1)^<k,m>}. This is the output convention of the sparse transform.
   */
  FOURIER;

  /**
   * The factor this normalization applies to the unnormalized transform {@code H x}.
   *
   * @param log2n the number of bits {@code n}, in {@code [0, 62]}
   * @return 1, {@code 2^(-n/2)} or {@code 2^-n}
   */
  public double scale(int log2n) {
    if (log2n < 0 || log2n > 62) {
      throw dev.fathom.core.Args.fail("log2n", log2n, "an integer in [0, 62]");
    }
    switch (this) {
      case ORTHONORMAL:
        return Math.scalb(1.0, -log2n / 2) * ((log2n & 1) == 0 ? 1.0 : Math.sqrt(0.5));
      case FOURIER:
        return Math.scalb(1.0, -log2n);
      default:
        return 1.0;
    }
  }
}
