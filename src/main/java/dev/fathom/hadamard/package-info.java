/**
 * Walsh-Hadamard transforms: the dense in-place fast transform ({@link
 * dev.fathom.hadamard.WalshHadamard}, with explicit {@link dev.fathom.hadamard.Normalization} and
 * optional {@link dev.fathom.hadamard.Ordering}) and the SPRIGHT sparse transform over a query
 * oracle.
 *
 * <p>Convention: {@code n} bits, {@code N = 2^n}, natural (Sylvester) order {@code H[k][m] =
 * (-1)^popcount(k & m)}, bit {@code i} of an index is {@code (m >> i) & 1}.
 */
package dev.fathom.hadamard;
