package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fathom.linalg.Rng;
import org.junit.jupiter.api.Test;

/**
 * The optional SIMD kernel. The default test run adds {@code jdk.incubator.vector}, so there these
 * tests compare the SIMD kernel with the scalar one and the triple loop; the surefire execution
 * {@code scalar-fallback} runs this class again without the module, where they prove the scalar
 * kernel is selected and correct.
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
      assertEquals(Simd.KERNEL.lanes(), lanes);
      assertEquals(1, Integer.bitCount(lanes));
    } else {
      assertEquals(1, lanes);
    }
  }

  @Test
  void selectionLogicFallsBackToScalar() {
    assertNull(Simd.select(false, true, Simd.VECTOR_CLASS), "module absent");
    assertNull(Simd.select(true, false, Simd.VECTOR_CLASS), "disabled by fathom.simd=false");
    assertNull(Simd.select(true, true, "dev.fathom.hadamard.NoSuchKernel"), "class missing");
    assertNull(Simd.select(true, true, "java.lang.String"), "not a SimdKernel");
    SimdKernel k = Simd.select(true, true, Simd.VECTOR_CLASS);
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
    SimdKernel k = Simd.select(true, true, Simd.VECTOR_CLASS);
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
    SimdKernel k = Simd.select(true, true, Simd.VECTOR_CLASS);
    for (int n : new int[] {4, 5, 9, 12}) {
      double[] x = Rng.gaussian(Rng.create(50 + n), 1 << n);
      double[] ref = Reference.quadratic(x);
      DoubleKernel.transform(
          x, 0, n, 1.0, false, DoubleKernel.GROUP_MAX, DoubleKernel.TILE_LOG2, k);
      assertEquals(0.0, Reference.relErr(x, ref), 1e-14 * n, "n = " + n);
    }
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
