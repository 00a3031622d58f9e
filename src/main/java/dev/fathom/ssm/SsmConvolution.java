package dev.fathom.ssm;

import dev.fathom.core.Args;
import dev.fathom.linalg.ComplexArrays;
import dev.fathom.linalg.Fft;
import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The convolution mode of an SSM layer: {@code y_k = sum_{j<=k} K_j u_{k-j} + D u_k} by FFT with
 * exact zero padding (no wrap-around), for one channel, a batch of channels, two-sided
 * (bidirectional) kernels, and chunked sequences with state forwarding.
 *
 * <p>FFT sizes: any {@code n >= L + L_K - 1} gives the same result to rounding (the reference code
 * uses {@code n = 2L} or {@code L_K + L}); the default is the next power of two. All methods are
 * static and thread-safe; inputs are not modified.
 *
 * @since 1.0
 */
public final class SsmConvolution {
  private SsmConvolution() {}

  /**
   * Causal convolution of one channel by FFT, of the next power of two of {@code LK + L - 1}. A
   * call allocates the output plus two transform buffers of that size.
   *
   * @param kernel the kernel {@code K_0..K_{LK-1}}, non-empty, finite
   * @param u the input {@code u_0..u_{L-1}}, non-empty, finite
   * @param d the feed-through D
   * @return {@code y_0..y_{L-1}}
   */
  public static double[] causal(double[] kernel, double[] u, double d) {
    check(kernel, u, d);
    return causal(kernel, u, d, Fft.nextPowerOfTwo(kernel.length + u.length - 1));
  }

  /**
   * Causal convolution of one channel by an FFT of a given size.
   *
   * @param kernel the kernel, non-empty, finite
   * @param u the input, non-empty, finite
   * @param d the feed-through D
   * @param fftSize the transform size, at least {@code kernel.length + u.length - 1}; an even size
   *     allocates the output plus two buffers of {@code fftSize} doubles, an odd one about twice
   *     that
   * @return {@code y_0..y_{L-1}}
   */
  public static double[] causal(double[] kernel, double[] u, double d, int fftSize) {
    check(kernel, u, d);
    int need = kernel.length + u.length - 1;
    if (fftSize < need) {
      throw Args.fail("fftSize", fftSize, "at least kernel.length + u.length - 1 = " + need);
    }
    Args.inRange("fftSize", fftSize, need, Fft.MAX_SIZE);
    double[] y = new double[u.length];
    if (fftSize % 2 == 0) {
      // in place in JTransforms' packed format: two buffers of fftSize doubles besides y
      batchScalar(kernel, kernel.length, 1, u, 1, u.length, new double[] {d}, y, fftSize, 0);
      return y;
    }
    Fft plan = Fft.of(fftSize);
    double[] ks = spectrum(plan, kernel);
    convolveInto(plan, ks, u, 0, u.length, d, y, 0);
    return y;
  }

  /**
   * Causal convolution by direct summation, O(L L_K): the reference.
   *
   * @param kernel the kernel, non-empty, finite
   * @param u the input, non-empty, finite
   * @param d the feed-through D
   * @return {@code y_0..y_{L-1}}
   */
  public static double[] direct(double[] kernel, double[] u, double d) {
    check(kernel, u, d);
    double[] y = new double[u.length];
    for (int k = 0; k < u.length; k++) {
      double s = d * u[k];
      int top = Math.min(k, kernel.length - 1);
      for (int j = 0; j <= top; j++) {
        s += kernel[j] * u[k - j];
      }
      y[k] = s;
    }
    return y;
  }

  /**
   * Causal convolution of a batch: input {@code (B, H, L)}, one kernel per channel, output {@code
   * (B, H, L)}. Each kernel is transformed once and reused across the batch. The FFT size is {@code
   * n}, the next power of two of {@code L_K + L - 1}. The SIMD path runs in the calling thread; the
   * scalar path's transforms follow JTransforms' process-wide thread setting (see {@link Fft}),
   * which splits transforms of about {@code n >= 8192} unless the application set it to 1.
   *
   * <p>Two paths give the same outputs to rounding (about {@code 1e-15} of the largest output). On
   * JDK 17 and later with {@code --add-modules jdk.incubator.vector} (and {@code fathom.simd} not
   * {@code false}) and {@code n >= 32}, the channels go through the transforms {@code V} at a time,
   * one per vector lane ({@code V} = 8 doubles with AVX-512, 4 with AVX2): radix-4 transforms of
   * size {@code n/2} in a split-free layout, no bit reversal, the zero padding skipped, the spectra
   * product fused into the real-to-complex step; twiddle tables are cached per {@code n}, and a
   * call allocates the output plus two buffers of {@code n V} doubles. Otherwise JTransforms
   * transforms one channel at a time, with one plan and two buffers of {@code n} doubles for the
   * whole call (it measured faster than the same loop over Fathom's own FFT kernel). Either way a
   * call allocates the output plus {@code O(n V)} doubles, whatever the batch and channel counts:
   * at most about twice the output's size once {@code B H L >= 2 n V}.
   *
   * @param kernels H kernels of length LK, channel-major (H LK doubles)
   * @param channels H, at least 1
   * @param u the inputs, B H L doubles (batch-major, then channel)
   * @param batch B, at least 1
   * @param d the feed-through per channel (H doubles)
   * @return the outputs, B H L doubles
   */
  public static double[] batch(double[] kernels, int channels, double[] u, int batch, double[] d) {
    Args.positive("channels", channels);
    Args.positive("batch", batch);
    Args.size("batch * channels", (long) batch * channels);
    Args.finite("kernels", Args.notNull("kernels", kernels));
    Args.finite("u", Args.notNull("u", u));
    Args.finite("d", Args.length("d", d, channels));
    if (kernels.length == 0 || kernels.length % channels != 0) {
      throw Args.fail("kernels.length", kernels.length, "a positive multiple of channels");
    }
    if (u.length == 0 || u.length % (batch * channels) != 0) {
      throw Args.fail("u.length", u.length, "a positive multiple of batch * channels");
    }
    int lk = kernels.length / channels;
    int len = u.length / (batch * channels);
    int n = Fft.nextPowerOfTwo(lk + len - 1);
    double[] y = new double[u.length];
    ConvolutionKernel simd = ConvolutionKernel.SELECTED;
    int split = 0;
    if (simd != null && n >= ConvolutionKernel.MIN_SIZE) {
      // a last group with fewer than 3/8 of its lanes busy is cheaper one channel at a time
      int rest = channels % simd.lanes();
      split = 8 * rest >= 3 * simd.lanes() ? channels : channels - rest;
      simd.convolve(kernels, lk, channels, u, batch, len, d, y, n, split);
    }
    batchScalar(kernels, lk, channels, u, batch, len, d, y, n, split);
    return y;
  }

  /**
   * The scalar path of {@link #batch} for the channels {@code [from, channels)}: one channel at a
   * time through JTransforms, with one plan and two transform buffers for the whole call
   * (transforms in place in JTransforms' packed half-spectrum format: no per-channel allocation, no
   * repacking).
   */
  static void batchScalar(
      double[] kernels,
      int lk,
      int channels,
      double[] u,
      int batch,
      int len,
      double[] d,
      double[] y,
      int n,
      int from) {
    if (from >= channels) {
      return;
    }
    DoubleFFT_1D plan = new DoubleFFT_1D(n);
    double[] ks = new double[n];
    double[] x = new double[n];
    for (int h = from; h < channels; h++) {
      System.arraycopy(kernels, h * lk, ks, 0, lk);
      Arrays.fill(ks, lk, n, 0);
      plan.realForward(ks);
      for (int b = 0; b < batch; b++) {
        int off = (b * channels + h) * len;
        System.arraycopy(u, off, x, 0, len);
        Arrays.fill(x, len, n, 0);
        plan.realForward(x);
        multiplyPacked(x, ks, n);
        plan.realInverse(x, true);
        double dh = d[h];
        for (int k = 0; k < len; k++) {
          y[off + k] = x[k] + dh * u[off + k];
        }
      }
    }
  }

  /**
   * a *= b for two real sequences' spectra of even length n in JTransforms' packed format ({@code
   * a[0] = X_0}, {@code a[1] = X_{n/2}}, then {@code (Re, Im) X_k} for {@code 0 < k < n/2}); for n
   * = 1 the single real value.
   */
  static void multiplyPacked(double[] a, double[] b, int n) {
    a[0] *= b[0];
    if (n == 1) {
      return;
    }
    a[1] *= b[1];
    for (int k = 2; k < n; k += 2) {
      double re = a[k] * b[k] - a[k + 1] * b[k + 1];
      a[k + 1] = a[k] * b[k + 1] + a[k + 1] * b[k];
      a[k] = re;
    }
  }

  /**
   * Bidirectional convolution with a causal kernel k0 and an anti-causal kernel k1: {@code y_t =
   * sum_{s<=t} k0[t-s] u_s + sum_{s>t} k1[s-t-1] u_s + D u_t}, computed as one circular convolution
   * of size 2L with the kernel {@code [k0, 0] + [0, reverse(k1)]} as in the S4 reference. A call
   * allocates the output plus three buffers of 2L doubles (the kernel, two transform buffers).
   *
   * @param k0 the causal kernel, length L
   * @param k1 the anti-causal kernel, length L (its lag 0 acts on {@code u_{t+1}})
   * @param u the input, length L, finite
   * @param d the feed-through D
   * @return the output, length L
   */
  public static double[] bidirectional(double[] k0, double[] k1, double[] u, double d) {
    Args.finite("u", Args.notNull("u", u));
    int len = u.length;
    if (len == 0) {
      throw Args.fail("u.length", 0, "a non-empty sequence");
    }
    Args.finite("k0", Args.length("k0", k0, len));
    Args.finite("k1", Args.length("k1", k1, len));
    Args.finite("d", d);
    double[] k = new double[2 * len];
    System.arraycopy(k0, 0, k, 0, len);
    for (int j = 0; j < len; j++) {
      k[len + j] = k1[len - 1 - j];
    }
    double[] y = new double[len];
    batchScalar(k, 2 * len, 1, u, 1, len, new double[] {d}, y, 2 * len, 0);
    return y;
  }

  /**
   * One chunk of a long sequence in convolution mode with state forwarding: the output is the
   * convolution of the chunk with the kernel plus the response to the incoming state, and the
   * returned state is the one after the chunk, so chunk after chunk reproduces the recurrence over
   * the whole sequence.
   *
   * @param sys the discrete system
   * @param u the chunk's inputs, H L doubles, channel-major
   * @param state the state before the chunk, 2 H M doubles, or null for zero
   * @return the chunk's outputs and the state after it
   */
  public static Recurrence.Result chunk(DiscreteSsm sys, double[] u, double[] state) {
    int len = Recurrence.sequenceLength(sys, u);
    int h = sys.channels();
    double[] kernels = VandermondeKernel.compute(sys, len);
    double[] y = batch(kernels, h, u, 1, sys.d());
    double[] next;
    if (state != null) {
      double[] s = VandermondeKernel.stateResponse(sys, state, len);
      for (int i = 0; i < y.length; i++) {
        y[i] += s[i];
      }
      next = Recurrence.advance(sys, state, u);
    } else {
      next = Recurrence.advance(sys, new double[2 * h * sys.modes()], u);
    }
    return new Recurrence.Result(y, next);
  }

  private static double[] spectrum(Fft plan, double[] kernel) {
    int n = plan.size();
    double[] padded = new double[n];
    System.arraycopy(kernel, 0, padded, 0, Math.min(kernel.length, n));
    double[] s = new double[2 * (n / 2 + 1)];
    plan.realForward(padded, s);
    return s;
  }

  private static void convolveInto(
      Fft plan, double[] ks, double[] u, int uOff, int len, double d, double[] y, int yOff) {
    int n = plan.size();
    double[] padded = new double[n];
    System.arraycopy(u, uOff, padded, 0, len);
    double[] s = new double[ks.length];
    plan.realForward(padded, s);
    ComplexArrays.multiply(s, ks, s);
    plan.realInverse(s, padded);
    for (int k = 0; k < len; k++) {
      y[yOff + k] = padded[k] + d * u[uOff + k];
    }
  }

  private static void check(double[] kernel, double[] u, double d) {
    Args.finite("d", d);
    Args.finite("kernel", Args.notNull("kernel", kernel));
    Args.finite("u", Args.notNull("u", u));
    if (kernel.length == 0) {
      throw Args.fail("kernel.length", 0, "a non-empty kernel");
    }
    if (u.length == 0) {
      throw Args.fail("u.length", 0, "a non-empty sequence");
    }
  }
}
