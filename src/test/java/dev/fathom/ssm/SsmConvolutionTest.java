package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Fft;
import dev.fathom.linalg.Vectors;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SsmConvolutionTest {

  @Test
  void g2FftEqualsDirectEqualsRecurrence() {
    for (S4dInit.Modes modes : new S4dInit.Modes[] {S4dInit.lin(64), S4dInit.inv(64)}) {
      DiscreteSsm sys = VandermondeKernelTest.system(modes, 1, 0.01, Discretization.ZOH);
      int len = 4096;
      double[] u = Rng.gaussian(Rng.create(1), len);
      double[] k = VandermondeKernel.compute(sys, len);
      double[] fft = SsmConvolution.causal(k, u, 0.7);
      double[] direct = SsmConvolution.direct(k, u, 0.7);
      double[] rec = Recurrence.run(sys, u, null).y();
      assertTrue(Vectors.relativeMaxError(fft, direct) <= 1e-12);
      assertTrue(Vectors.relativeMaxError(fft, rec) <= 1e-12);
      // n = 2L and n = L + LK - 1 (not a power of two) give the same result
      double[] n2 = SsmConvolution.causal(k, u, 0.7, 2 * len);
      double[] nMin = SsmConvolution.causal(k, u, 0.7, 2 * len - 1);
      assertTrue(Vectors.relativeMaxError(n2, direct) <= 1e-12);
      assertTrue(Vectors.relativeMaxError(nMin, direct) <= 1e-12);
    }
  }

  @Test
  void shortKernelTruncatesTheReceptiveField() {
    double[] k = {1, 0.5, 0.25};
    double[] u = {1, 2, 3, 4, 5};
    double[] y = SsmConvolution.causal(k, u, 0.1);
    double[] expected = {1.1, 2.7, 4.55, 6.4, 8.25};
    for (int i = 0; i < 5; i++) {
      assertEquals(expected[i], y[i], 1e-14);
    }
  }

  @Test
  void batchEqualsPerChannelDirect() {
    RandomGenerator rng = Rng.create(4);
    int h = 3;
    int b = 2;
    int len = 200;
    int lk = 150;
    double[] kernels = Rng.gaussian(rng, h * lk);
    double[] u = Rng.gaussian(rng, b * h * len);
    double[] d = {0.1, -0.2, 0.3};
    assertBatchMatchesDirect(kernels, h, u, b, d);
  }

  /**
   * Both paths of batch (the SIMD lanes when the vector module is present, and the scalar
   * JTransforms path) against direct summation on shapes that exercise partial lane groups, odd
   * lengths, kernels longer or much shorter than the input (data beyond half the FFT size), and FFT
   * sizes from the smallest SIMD one up.
   */
  @Test
  void batchPathsMatchDirectOnEveryShape() {
    RandomGenerator rng = Rng.create(11);
    int[][] shapes = {
      // channels, batch, kernel length, sequence length
      {1, 1, 16, 17},
      {3, 2, 1, 40},
      {8, 1, 33, 31},
      {9, 3, 100, 64},
      {17, 2, 257, 300},
      {5, 1, 700, 9},
      {12, 1, 5, 1000},
      {16, 2, 1024, 1024},
    };
    for (int[] sh : shapes) {
      int h = sh[0];
      int b = sh[1];
      int lk = sh[2];
      int len = sh[3];
      double[] kernels = Rng.gaussian(rng, h * lk);
      double[] u = Rng.gaussian(rng, b * h * len);
      double[] d = Rng.gaussian(rng, h);
      assertBatchMatchesDirect(kernels, h, u, b, d);
      double[] scalar = new double[u.length];
      SsmConvolution.batchScalar(
          kernels, lk, h, u, b, len, d, scalar, Fft.nextPowerOfTwo(lk + len - 1), 0);
      double[] y = SsmConvolution.batch(kernels, h, u, b, d);
      assertTrue(
          Vectors.relativeMaxError(y, scalar) <= 1e-12, Arrays.toString(sh) + " paths disagree");
      // the SIMD kernel itself on every release that has the vector module, all channels through
      // the lanes
      int n = Math.max(ConvolutionKernel.MIN_SIZE, Fft.nextPowerOfTwo(lk + len - 1));
      for (ConvolutionKernel k : ConvolutionKernel.load().stream().toList()) {
        double[] lanes = new double[u.length];
        k.convolve(kernels, lk, h, u, b, len, d, lanes, n, h);
        assertTrue(
            Vectors.relativeMaxError(lanes, scalar) <= 1e-12, Arrays.toString(sh) + " lanes");
      }
    }
  }

  /** With the vector module on a recent enough JDK, batch really takes the SIMD path. */
  @Test
  void simdPathIsSelectedWhenTheVectorModuleIsPresent() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    boolean enabled = !"false".equalsIgnoreCase(System.getProperty("fathom.simd"));
    boolean release = Runtime.version().feature() >= ConvolutionKernel.MIN_FEATURE;
    assertEquals(module && enabled && release, ConvolutionKernel.SELECTED != null);
    assertEquals(module, ConvolutionKernel.load().isPresent());
  }

  /** Every channel of SsmConvolution.batch against SsmConvolution.direct, within 1e-12. */
  private static void assertBatchMatchesDirect(
      double[] kernels, int h, double[] u, int b, double[] d) {
    int lk = kernels.length / h;
    int len = u.length / (b * h);
    double[] y = SsmConvolution.batch(kernels, h, u, b, d);
    for (int bi = 0; bi < b; bi++) {
      for (int ch = 0; ch < h; ch++) {
        int off = (bi * h + ch) * len;
        double[] ref =
            SsmConvolution.direct(
                Arrays.copyOfRange(kernels, ch * lk, (ch + 1) * lk),
                Arrays.copyOfRange(u, off, off + len),
                d[ch]);
        double err = Vectors.relativeMaxError(Arrays.copyOfRange(y, off, off + len), ref);
        assertTrue(err <= 1e-12, lk + " x " + len + ": " + err);
      }
    }
  }

  @Test
  void batchEqualsDirectAtTinyAndUnequalSizes() {
    RandomGenerator rng = Rng.create(9);
    // FFT sizes 1, 2, 4 and 512 (kernel shorter, then longer, than the input)
    int[][] sizes = {{1, 1}, {1, 2}, {2, 3}, {3, 1}, {100, 300}, {300, 100}};
    for (int[] sz : sizes) {
      int lk = sz[0];
      int len = sz[1];
      int h = 2;
      int b = 3;
      double[] kernels = Rng.gaussian(rng, h * lk);
      double[] u = Rng.gaussian(rng, b * h * len);
      double[] d = {0.25, -1.5};
      assertBatchMatchesDirect(kernels, h, u, b, d);
    }
  }

  @Test
  void batchAllocatesTheOutputPlusBuffersOfTheFftSize() {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    int h = 64;
    int len = 2048;
    double[] kernels = new double[h * len];
    double[] u = new double[h * len];
    Arrays.fill(kernels, 0.5);
    Arrays.fill(u, 1);
    double[] d = new double[h];
    // the least of repeated calls: before the JIT compiles the SIMD path, the interpreter boxes
    // every vector value; once compiled, a call allocates only its output and work buffers
    long bytes = Long.MAX_VALUE;
    double[] y = null;
    for (int rep = 0; rep < 40 && bytes > 8L * h * len + 64 * 8L * 4096; rep++) {
      long before = bean.getCurrentThreadAllocatedBytes();
      y = SsmConvolution.batch(kernels, h, u, 1, d);
      bytes = Math.min(bytes, bean.getCurrentThreadAllocatedBytes() - before);
    }
    // output 1 MB; the scalar path would take 4 buffers of the FFT size per channel (n = 4096,
    // 32 kB each) if it allocated per channel, the SIMD path two buffers of n V doubles
    assertTrue(bytes <= 8L * y.length + 64 * 8L * 4096, "allocated " + bytes);
    assertEquals(len * 0.5, y[len - 1], 1e-9);
  }

  @Test
  void g11BidirectionalMatchesTwoSidedFormula() {
    RandomGenerator rng = Rng.create(8);
    int len = 300;
    double[] k0 = Rng.gaussian(rng, len);
    double[] k1 = Rng.gaussian(rng, len);
    double[] u = Rng.gaussian(rng, len);
    double[] y = SsmConvolution.bidirectional(k0, k1, u, 0.4);
    double[] ref = new double[len];
    for (int t = 0; t < len; t++) {
      double s = 0.4 * u[t];
      for (int j = 0; j < len; j++) {
        s += j <= t ? k0[t - j] * u[j] : k1[j - t - 1] * u[j];
      }
      ref[t] = s;
    }
    assertTrue(Vectors.relativeMaxError(y, ref) <= 1e-12);
  }

  @Test
  void chunksWithStateForwardingEqualTheWholeRecurrence() {
    DiscreteSsm sys =
        VandermondeKernelTest.system(S4dInit.inv(16), 2, 0.02, Discretization.BILINEAR);
    int len = 1000;
    double[] u = Rng.gaussian(Rng.create(2), 2 * len);
    Recurrence.Result whole = Recurrence.run(sys, u, null);
    double[] state = null;
    double[] y = new double[2 * len];
    int[] cuts = {0, 300, 600, 1000};
    for (int c = 0; c + 1 < cuts.length; c++) {
      int n = cuts[c + 1] - cuts[c];
      double[] part = new double[2 * n];
      for (int h = 0; h < 2; h++) {
        System.arraycopy(u, h * len + cuts[c], part, h * n, n);
      }
      Recurrence.Result r = SsmConvolution.chunk(sys, part, state);
      for (int h = 0; h < 2; h++) {
        System.arraycopy(r.y(), h * n, y, h * len + cuts[c], n);
      }
      state = r.state();
    }
    assertTrue(Vectors.relativeMaxError(y, whole.y()) <= 1e-12);
    assertTrue(Vectors.relativeMaxError(state, whole.state()) <= 1e-12);
  }

  @Test
  void badInput() {
    double[] k = {1, 2};
    double[] u = {1, 2, 3};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SsmConvolution.causal(k, u, 0, 3));
    assertEquals("fftSize = 3: expected at least kernel.length + u.length - 1 = 4", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SsmConvolution.causal(k, new double[] {1, Double.NaN}, 0));
    assertThrows(IllegalArgumentException.class, () -> SsmConvolution.causal(new double[0], u, 0));
    assertThrows(
        IllegalArgumentException.class, () -> SsmConvolution.bidirectional(k, new double[3], u, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> SsmConvolution.batch(new double[4], 3, new double[6], 1, new double[3]));
  }
}
