/**
 * The shared numerical kernels every Fathom package may use: dense real vector kernels ({@link
 * dev.fathom.linalg.Vectors}), interleaved complex arrays ({@link
 * dev.fathom.linalg.ComplexArrays}), real and complex FFTs ({@link dev.fathom.linalg.Fft}) and
 * linear convolution ({@link dev.fathom.linalg.Convolution}). Argument checks and randomness live
 * in {@link dev.fathom.core}.
 */
package dev.fathom.linalg;
