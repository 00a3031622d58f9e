/**
 * The shared numerical kernels every Fathom package may use: dense real vector kernels ({@link
 * dev.fathom.linalg.Vectors}), interleaved complex arrays ({@link
 * dev.fathom.linalg.ComplexArrays}), real and complex FFTs ({@link dev.fathom.linalg.Fft}) and
 * linear convolution ({@link dev.fathom.linalg.Convolution}), the dense squared-Euclidean
 * similarity of a point set from a tiled Gram matrix ({@link dev.fathom.linalg.SquaredEuclidean},
 * with an optional SIMD micro-kernel compiled from {@code src/main/vector}) and exact
 * k-nearest-neighbour search ({@link dev.fathom.linalg.KdTree}). Point sets are {@code double[][]}
 * rows. Argument checks and randomness live in {@link dev.fathom.core}.
 */
package dev.fathom.linalg;
