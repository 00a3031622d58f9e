package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The self-check refuses a SIMD kernel that computes a wrong transform or has bad lane counts. */
class SimdRejectionTest {
  /** Leaves its input unchanged: a wrong transform of any non-trivial vector. */
  static class IdentityKernel implements SimdKernel<double[]> {
    @Override
    public int lanes() {
      return 4;
    }

    @Override
    public int minTransformLog2() {
      return 2;
    }

    @Override
    public void transform(double[] a, int off, int log2n) {}

    @Override
    public void block(double[] a, int off, int t) {}

    @Override
    public void levels(double[] a, int off, int len, int from, int to) {}
  }

  /** Claims three lanes (not a power of two): refused before any check. */
  static class ThreeLaneKernel extends IdentityKernel {
    @Override
    public int lanes() {
      return 3;
    }
  }

  @Test
  void wrongKernelsAreNotSelected() {
    assertNull(Simd.selectDouble(true, true, IdentityKernel.class.getName()), "a wrong transform");
    assertNull(Simd.selectDouble(true, true, ThreeLaneKernel.class.getName()), "three lanes");
  }
}
