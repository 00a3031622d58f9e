package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

/**
 * The optional SIMD kernels (double and float). The default test run adds {@code
 * jdk.incubator.vector}, so there these tests compare the SIMD kernels with the scalar ones and the
 * triple loop; the surefire execution {@code scalar-fallback} runs this class again without the
 * module, where they prove the scalar kernels are selected and correct.
 */
class SimdSelectionTest {
  private static boolean modulePresent() {
    return ModuleLayer.boot().findModule(Simd.VECTOR_MODULE).isPresent();
  }

  private static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty("fathom.simd"));
  }

  @Test
  void simdIsSelectedExactlyWhenTheModuleIsPresent() {
    assertEquals(modulePresent() && enabled(), WalshHadamard.simdAvailable());
    int lanes = WalshHadamard.simdLanes();
    if (WalshHadamard.simdAvailable()) {
      assertEquals(Simd.kernel().lanes(), lanes);
      assertEquals(1, Integer.bitCount(lanes));
    } else {
      assertEquals(1, lanes);
    }
  }

  @Test
  void selectionLogicFallsBackToScalar() {
    assertNull(Simd.selectDouble(false, true, Simd.VECTOR_CLASS), "module absent");
    assertNull(Simd.selectDouble(true, false, Simd.VECTOR_CLASS), "disabled by fathom.simd=false");
    assertNull(Simd.selectDouble(true, true, "dev.fathom.hadamard.NoSuchKernel"), "class missing");
    assertNull(Simd.selectDouble(true, true, "java.lang.String"), "not a SimdKernel");
    assertNull(Simd.selectDouble(true, true, Simd.FLOAT_VECTOR_CLASS), "a float kernel");
    SimdKernel<double[]> k = Simd.selectDouble(true, true, Simd.VECTOR_CLASS);
    if (modulePresent()) {
      assertNotNull(k, "module present: the vector kernel loads");
    } else {
      assertNull(k, "module absent: the vector kernel cannot link");
    }
  }

  @Test
  void selectedKernelMatchesTripleLoopOnSigns() {
    for (int n = 0; n <= 18; n++) {
      double[] x = signs(11 * n + 1, n);
      double[] ref = x.clone();
      Reference.tripleLoop(ref);
      WalshHadamard.transform(x, Normalization.UNNORMALIZED);
      assertArrayEquals(ref, x, 0.0, "n = " + n);
    }
  }

  @Test
  void simdIsBitwiseTheScalarKernel() {
    SimdKernel<double[]> k = Simd.selectDouble(true, true, Simd.VECTOR_CLASS);
    if (k == null) {
      assertEquals(false, modulePresent(), "only a missing module may disable SIMD here");
      return;
    }
    for (int n = 4; n <= 19; n++) { // n >= 18: tiled groups
      for (int groupMax = 1; groupMax <= 8; groupMax += 7) {
        for (int tileLog2 : new int[] {1, 3, 6}) {
          double[] x = Rng.gaussian(Rng.create(1000 + 17 * n + tileLog2), 1 << n);
          double[] scalar = x.clone();
          double scale = Normalization.ORTHONORMAL.scale(n);
          DoubleKernel.transform(scalar, 0, n, scale, false, groupMax, tileLog2, null);
          DoubleKernel.transform(x, 0, n, scale, false, groupMax, tileLog2, k);
          assertArrayEquals(scalar, x, 0.0, "n = " + n + ", tile = " + tileLog2);
        }
      }
    }
    // Parallel, with an offset inside a larger array.
    int n = 18;
    double[] x = Rng.gaussian(Rng.create(7), (1 << n) + 8);
    double[] scalar = x.clone();
    DoubleKernel.transform(scalar, 8, n, 1.0, false, DoubleKernel.GROUP_MAX, 6, null);
    DoubleKernel.transform(x, 8, n, 1.0, true, DoubleKernel.GROUP_MAX, 6, k);
    assertArrayEquals(scalar, x, 0.0);
  }

  @Test
  void simdMatchesQuadraticReferenceToRounding() {
    SimdKernel<double[]> k = Simd.selectDouble(true, true, Simd.VECTOR_CLASS);
    for (int n : new int[] {4, 5, 9, 12}) {
      double[] x = Rng.gaussian(Rng.create(50 + n), 1 << n);
      double[] ref = Reference.quadratic(x);
      DoubleKernel.transform(
          x, 0, n, 1.0, false, DoubleKernel.GROUP_MAX, DoubleKernel.TILE_LOG2, k);
      assertEquals(0.0, Reference.relErr(x, ref), 1e-14 * n, "n = " + n);
    }
  }

  @Test
  void floatSimdIsSelectedExactlyWhenTheModuleIsPresent() {
    int lanes = WalshHadamard.simdFloatLanes();
    if (modulePresent() && enabled()) {
      assertNotNull(Simd.floatKernel(), "module present: the float vector kernel is in use");
      assertEquals(Simd.floatKernel().lanes(), lanes);
      assertEquals(1, Integer.bitCount(lanes));
      assertEquals(
          2 * WalshHadamard.simdLanes(), lanes, "the same register holds twice the floats");
    } else {
      assertNull(Simd.floatKernel());
      assertEquals(1, lanes);
    }
  }

  @Test
  void floatSelectionLogicFallsBackToScalar() {
    String cls = Simd.FLOAT_VECTOR_CLASS;
    assertNull(Simd.selectFloat(false, true, cls), "module absent");
    assertNull(Simd.selectFloat(true, false, cls), "disabled by fathom.simd=false");
    assertNull(Simd.selectFloat(true, true, "dev.fathom.hadamard.NoSuchKernel"), "class missing");
    assertNull(Simd.selectFloat(true, true, "java.lang.String"), "not a SimdKernel");
    assertNull(Simd.selectFloat(true, true, Simd.VECTOR_CLASS), "a double kernel");
    SimdKernel<float[]> k = Simd.selectFloat(true, true, cls);
    assertEquals(modulePresent(), k != null, "the float kernel loads exactly with the module");
  }

  /** The explicit float kernel against the scalar passes, on every schedule variant. */
  @Test
  void floatSimdIsBitwiseTheScalarKernel() {
    SimdKernel<float[]> k = Simd.selectFloat(true, true, Simd.FLOAT_VECTOR_CLASS);
    if (k == null) {
      assertEquals(false, modulePresent(), "only a missing module may disable SIMD here");
      return;
    }
    for (int n = 4; n <= 20; n++) { // 4: below two vectors of 16; n >= 19: tiled groups
      for (int groupMax = 1; groupMax <= 8; groupMax += 7) {
        for (int tileLog2 : new int[] {1, 3, 4, 6}) { // tiles narrower than a vector stay scalar
          float[] x = gaussianFloats(2000 + 17 * n + tileLog2, 1 << n);
          float[] scalar = x.clone();
          float scale = (float) Normalization.ORTHONORMAL.scale(n);
          FloatKernel.transform(scalar, 0, n, scale, false, groupMax, tileLog2, null);
          FloatKernel.transform(x, 0, n, scale, false, groupMax, tileLog2, k);
          assertArrayEquals(
              scalar, x, "n = " + n + ", groupMax = " + groupMax + ", tile = " + tileLog2);
        }
      }
    }
  }

  /**
   * The public float transforms equal the textbook float triple loop bit for bit on Gaussian data
   * (the same additions in the same order), for every size 2^0 .. 2^22: one block, the in-place
   * levels above it, one and two tiled groups.
   */
  @Test
  void floatTransformIsBitwiseTheTextbookLoop() {
    for (int n = 0; n <= 22; n++) {
      float[] x = gaussianFloats(300 + n, 1 << n);
      float[] expected = textbook(x, 0, n, Normalization.UNNORMALIZED);
      WalshHadamard.transform(x, Normalization.UNNORMALIZED);
      assertArrayEquals(expected, x, "n = " + n);
    }
  }

  /** Ranges at offsets that are not multiples of the vector length, rows, parallel. */
  @Test
  void floatRangesRowsAndParallelAreBitwiseTheTextbookLoop() {
    Normalization norm = Normalization.ORTHONORMAL;
    for (int n : new int[] {0, 3, 4, 5, 12, 13, 17, 18, 20}) {
      for (int off : new int[] {0, 1, 3, 17}) {
        float[] all = gaussianFloats(500 + 31 * n + off, (1 << n) + off + 5);
        float[] expected = textbook(all, off, n, norm);
        WalshHadamard.transform(all, off, 1 << n, norm);
        assertArrayEquals(expected, all, "range n = " + n + ", offset = " + off);
      }
    }
    for (int n : new int[] {5, 13, 18}) {
      int rows = 3;
      float[] all = gaussianFloats(700 + n, rows << n);
      float[] expected = all;
      for (int r = 0; r < rows; r++) {
        expected = textbook(expected, r << n, n, Normalization.FOURIER);
      }
      WalshHadamard.transformRows(all, 1 << n, Normalization.FOURIER);
      assertArrayEquals(expected, all, "rows of 2^" + n);
    }
    for (int n : new int[] {16, 18, 21}) {
      float[] x = gaussianFloats(900 + n, 1 << n);
      float[] expected = textbook(x, 0, n, norm);
      WalshHadamard.transformParallel(x, norm);
      assertArrayEquals(expected, x, "parallel n = " + n);
    }
  }

  @Test
  void floatSelectedKernelMatchesTripleLoopOnSigns() {
    for (int n = 0; n <= 18; n++) {
      double[] x = signs(13 * n + 5, n);
      double[] ref = x.clone();
      Reference.tripleLoop(ref); // in double: integers, exact in float for n <= 24
      float[] xf = WalshHadamardTest.toFloat(x);
      WalshHadamard.transform(xf, Normalization.UNNORMALIZED);
      assertArrayEquals(WalshHadamardTest.toFloat(ref), xf, "n = " + n);
    }
  }

  /**
   * A copy of {@code x} whose range {@code [off, off + 2^n)} holds the textbook float triple loop's
   * transform, times the float scale of {@code norm}.
   */
  private static float[] textbook(float[] x, int off, int n, Normalization norm) {
    float[] range = java.util.Arrays.copyOfRange(x, off, off + (1 << n));
    Reference.tripleLoop(range);
    float scale = (float) norm.scale(n);
    if (scale != 1.0f) {
      for (int i = 0; i < range.length; i++) {
        range[i] *= scale;
      }
    }
    float[] out = x.clone();
    System.arraycopy(range, 0, out, off, range.length);
    return out;
  }

  private static float[] gaussianFloats(long seed, int size) {
    return WalshHadamardTest.toFloat(Rng.gaussian(Rng.create(seed), size));
  }

  private static double[] signs(long seed, int n) {
    java.util.random.RandomGenerator r = Rng.create(seed);
    double[] x = new double[1 << n];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextBoolean() ? 1.0 : -1.0;
    }
    return x;
  }
}
