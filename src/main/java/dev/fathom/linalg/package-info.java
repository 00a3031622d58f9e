/**
 * The few shared kernels every Fathom package uses: argument checks ({@link
 * dev.fathom.linalg.Args}), dense real vector kernels ({@link dev.fathom.linalg.Vectors}),
 * interleaved complex arrays ({@link dev.fathom.linalg.ComplexArrays}), real and complex FFTs
 * ({@link dev.fathom.linalg.Fft}), linear convolution ({@link dev.fathom.linalg.Convolution}) and
 * reproducible random streams ({@link dev.fathom.linalg.Rng}).
 */
package dev.fathom.linalg;
