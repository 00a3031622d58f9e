package dev.fathom.ssm;

import dev.fathom.core.SimdKernels;
import java.lang.invoke.MethodHandles;
import java.util.Optional;

/**
 * The optional SIMD path of {@link SsmConvolution#batch}: causal FFT convolution of many channels
 * at once, one channel per vector lane, so that every butterfly of the transforms is plain
 * lane-wise arithmetic (no shuffles). The only implementation, {@code VectorConvolution}, lives in
 * the separate source root {@code src/main/vector} (it uses the incubating {@code
 * jdk.incubator.vector} module) and is loaded reflectively when the JVM runs with {@code
 * --add-modules jdk.incubator.vector} and the system property {@code fathom.simd} is not {@code
 * false}; otherwise the scalar path (JTransforms, one channel at a time) is used. Both agree to
 * rounding (about {@code 1e-15} relative to the largest output).
 *
 * <p>The SIMD path is selected from JDK {@value #MIN_FEATURE} on (JDK 17 and 25 are tested). {@code
 * VectorConvolution} casts every vector value to the species' concrete class: without that, JDK
 * 17's incubating vector API stopped intrinsifying its stores once another vector kernel (the S4D
 * kernel, for one) had run first in the same JVM, and boxed every vector (940 MB of garbage per
 * call at H = 256, L = 16384; see its class comment for the mechanism).
 */
interface ConvolutionKernel {
  /** The name of the SIMD implementation class (compiled from {@code src/main/vector}). */
  String VECTOR_CLASS = "dev.fathom.ssm.VectorConvolution";

  /** The first Java feature release on which the SIMD path is selected. */
  int MIN_FEATURE = 17;

  /** The smallest FFT size the SIMD path takes; shorter problems use the scalar path. */
  int MIN_SIZE = 32;

  /**
   * The number of channels a group takes, one per lane.
   *
   * @return the vector length in doubles
   */
  int lanes();

  /**
   * Writes {@code y[(b C + h) L + t] = sum_{j <= t, j < lk} kernels[h lk + j] u[(b C + h) L + t -
   * j] + d[h] u[(b C + h) L + t]} for every batch entry {@code b}, channel {@code h < C} and time
   * {@code t < L}, for the channels {@code h < end}, through transforms of size {@code n}.
   *
   * @param kernels the kernels, {@code C lk} doubles, channel-major
   * @param lk the kernel length
   * @param channels the channel count {@code C}
   * @param u the inputs, {@code batch C L} doubles
   * @param batch the batch size
   * @param len the sequence length {@code L}
   * @param d the skip weights, {@code C} doubles
   * @param y the output, {@code batch C L} doubles
   * @param n the FFT size: a power of two, at least {@code max(MIN_SIZE, lk + L - 1)}
   * @param end the channels to do, {@code [0, end)}
   */
  void convolve(
      double[] kernels,
      int lk,
      int channels,
      double[] u,
      int batch,
      int len,
      double[] d,
      double[] y,
      int n,
      int end);

  /** The selected kernel, or {@code null} for the scalar path. */
  ConvolutionKernel SELECTED =
      SimdKernels.enabled() && Runtime.version().feature() >= MIN_FEATURE
          ? load().orElse(null)
          : null;

  /**
   * The SIMD implementation whatever the Java release (for tests), if the vector module is present.
   *
   * @return the kernel, or empty
   */
  static Optional<ConvolutionKernel> load() {
    return SimdKernels.load(MethodHandles.lookup(), VECTOR_CLASS, ConvolutionKernel.class);
  }
}
