package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalshHadamardTest {
  private static double[] gaussian(long seed, int n) {
    return Rng.gaussian(Rng.create(seed), 1 << n);
  }

  private static double[] signs(long seed, int n) {
    RandomGenerator rng = Rng.create(seed);
    double[] x = new double[1 << n];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextBoolean() ? 1 : -1;
    }
    return x;
  }

  private static double[] transformed(double[] x, Normalization norm) {
    double[] y = x.clone();
    WalshHadamard.transform(y, norm);
    return y;
  }

  @Test
  void knownVectors() {
    assertArrayEquals(
        new double[] {10, -4, 2, -4, 2, -12, 6, 8},
        transformed(new double[] {1, 4, -2, 3, 0, 1, 4, -1}, Normalization.UNNORMALIZED));
    assertArrayEquals(
        new double[] {10, -2, -4, 0},
        transformed(new double[] {1, 2, 3, 4}, Normalization.UNNORMALIZED));
    assertArrayEquals(
        new double[] {8, 0, 8, 0, 8, 8, 0, 0},
        transformed(new double[] {4, 2, 2, 0, 0, 2, -2, 0}, Normalization.UNNORMALIZED));
    assertArrayEquals(
        new double[] {1, 0, 0, 0}, transformed(new double[] {1, 1, 1, 1}, Normalization.FOURIER));
    assertArrayEquals(
        new double[] {Math.sqrt(2), 0},
        transformed(new double[] {1, 1}, Normalization.ORTHONORMAL),
        1e-15);
    assertArrayEquals(new double[] {3.5}, transformed(new double[] {3.5}, Normalization.FOURIER));
  }

  @Test
  void matchesQuadraticDefinitionForAllNormalizations() {
    for (int n = 0; n <= 12; n++) {
      double[] x = gaussian(n, n);
      double[] ref = Reference.quadratic(x);
      for (Normalization norm : Normalization.values()) {
        double[] y = transformed(x, norm);
        double c = norm.scale(n);
        double[] scaled = new double[ref.length];
        for (int i = 0; i < ref.length; i++) {
          scaled[i] = c * ref[i];
        }
        assertTrue(Reference.relErr(y, scaled) <= 1e-13, "n = " + n + ", " + norm);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 15, 16, 17, 19, 22})
  void matchesTripleLoopAndIsAnInvolution(int n) {
    double[] x = gaussian(100 + n, n);
    double[] ref = x.clone();
    Reference.tripleLoop(ref);
    double[] y = transformed(x, Normalization.UNNORMALIZED);
    assertTrue(Reference.relErr(y, ref) <= 1e-13, "vs triple loop");
    WalshHadamard.transform(y, Normalization.FOURIER);
    assertTrue(Reference.relErr(y, x) <= 1e-12 * n, "H(Hx)/N = x");
  }

  @Test
  void multiGroupScheduleMatchesTripleLoop() {
    // Small group sizes force the tiled schedule through several groups at a test-friendly size.
    for (int groupMax = 1; groupMax <= 5; groupMax++) {
      for (int n : new int[] {18, 19, 20}) { // several groups (the parallel schedule)
        double[] x = signs(7 * n + groupMax, n);
        double[] ref = x.clone();
        Reference.tripleLoop(ref);
        DoubleKernel.transform(x, 0, n, 1.0, false, groupMax, 1 + groupMax % 5);
        assertArrayEquals(ref, x, 0.0, "n = " + n + ", groupMax = " + groupMax);
        float[] xf = toFloat(signs(7 * n + groupMax, n));
        FloatKernel.transform(xf, 0, n, 1.0f, false, groupMax, 1 + groupMax % 5);
        assertArrayEquals(toFloat(ref), xf, 0.0f, "float n = " + n + ", groupMax = " + groupMax);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 4, 8, 12, 13, 17, 20})
  void orthonormalIsSelfInverseAndKeepsTheNorm(int n) {
    double[] x = gaussian(200 + n, n);
    double[] y = transformed(x, Normalization.ORTHONORMAL);
    double nx = 0;
    double ny = 0;
    for (int i = 0; i < x.length; i++) {
      nx += x[i] * x[i];
      ny += y[i] * y[i];
    }
    assertEquals(nx, ny, 1e-12 * nx * Math.max(1, n));
    WalshHadamard.transform(y, Normalization.ORTHONORMAL);
    assertTrue(Reference.relErr(y, x) <= 1e-13 * Math.max(1, n));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5, 6, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void everyScheduleIsBitwiseTheTextbookLoopOnGaussianData(int n) {
    // Every schedule (scalar, SIMD recursive with each split of the levels above its base block)
    // does each butterfly on the same two operands as the textbook loop, so even rounded sums
    // agree bit for bit.
    double[] x = gaussian(400 + n, n);
    double[] ref = x.clone();
    Reference.tripleLoop(ref);
    assertArrayEquals(ref, transformed(x, Normalization.UNNORMALIZED), 0.0);
    float[] xf = toFloat(x);
    float[] reff = xf.clone();
    Reference.tripleLoop(reff);
    WalshHadamard.transform(xf, Normalization.UNNORMALIZED);
    assertArrayEquals(reff, xf, 0.0f);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 5, 10, 14, 18, 22})
  void plusMinusOneInputIsBitExact(int n) {
    double[] x = signs(300 + n, n);
    double[] ref = x.clone();
    Reference.tripleLoop(ref);
    double[] y = transformed(x, Normalization.UNNORMALIZED);
    assertArrayEquals(ref, y, 0.0);
    for (double v : y) {
      assertEquals(Math.rint(v), v);
    }
    if (n <= 20) {
      float[] xf = toFloat(x);
      WalshHadamard.transform(xf, Normalization.UNNORMALIZED);
      assertArrayEquals(toFloat(ref), xf, 0.0f);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 9, 13, 18})
  void floatMatchesDouble(int n) {
    double[] x = gaussian(400 + n, n);
    for (Normalization norm : Normalization.values()) {
      double[] y = transformed(x, norm);
      float[] xf = toFloat(x);
      WalshHadamard.transform(xf, norm);
      double[] back = new double[xf.length];
      for (int i = 0; i < xf.length; i++) {
        back[i] = xf[i];
      }
      assertTrue(Reference.relErr(back, y) <= 1e-4, norm.toString());
    }
  }

  @Test
  void offsetLengthTouchesOnlyTheRange() {
    double[] x = gaussian(5, 14);
    double[] big = new double[x.length + 37];
    java.util.Arrays.fill(big, 9.25);
    System.arraycopy(x, 0, big, 11, x.length);
    WalshHadamard.transform(big, 11, x.length, Normalization.ORTHONORMAL);
    double[] y = transformed(x, Normalization.ORTHONORMAL);
    for (int i = 0; i < big.length; i++) {
      if (i < 11 || i >= 11 + x.length) {
        assertEquals(9.25, big[i]);
      } else {
        assertEquals(y[i - 11], big[i]);
      }
    }
    float[] bf = new float[40];
    float[] xf = toFloat(gaussian(6, 5));
    System.arraycopy(xf, 0, bf, 3, 32);
    WalshHadamard.transform(bf, 3, 32, Normalization.FOURIER);
    WalshHadamard.transform(xf, Normalization.FOURIER);
    assertArrayEquals(xf, java.util.Arrays.copyOfRange(bf, 3, 35));
    assertEquals(0f, bf[0]);
    assertEquals(0f, bf[39]);
  }

  @Test
  void batchOfRowsEqualsRowByRow() {
    int n = 13;
    int rows = 5;
    double[] all = Rng.gaussian(Rng.create(8), rows << n);
    double[] expect = all.clone();
    double[][] separate = new double[rows][];
    for (int r = 0; r < rows; r++) {
      WalshHadamard.transform(expect, r << n, 1 << n, Normalization.FOURIER);
      separate[r] = java.util.Arrays.copyOfRange(all, r << n, (r + 1) << n);
    }
    float[] allF = toFloat(all);
    WalshHadamard.transformRows(all, 1 << n, Normalization.FOURIER);
    assertArrayEquals(expect, all, 0.0);
    WalshHadamard.transformRows(separate, Normalization.FOURIER);
    for (int r = 0; r < rows; r++) {
      assertArrayEquals(java.util.Arrays.copyOfRange(expect, r << n, (r + 1) << n), separate[r]);
    }
    WalshHadamard.transformRows(allF, 1 << n, Normalization.FOURIER);
    for (int r = 0; r < rows; r++) {
      double[] row = new double[1 << n];
      for (int i = 0; i < row.length; i++) {
        row[i] = allF[(r << n) + i];
      }
      assertTrue(
          Reference.relErr(row, java.util.Arrays.copyOfRange(expect, r << n, (r + 1) << n))
              <= 1e-5);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 16, 17, 21})
  void parallelEqualsSerialBitwise(int n) {
    double[] x = gaussian(500 + n, n);
    double[] serial = transformed(x, Normalization.ORTHONORMAL);
    double[] par = x.clone();
    WalshHadamard.transformParallel(par, Normalization.ORTHONORMAL);
    assertArrayEquals(serial, par, 0.0);
    float[] xf = toFloat(x);
    float[] pf = xf.clone();
    WalshHadamard.transform(xf, Normalization.UNNORMALIZED);
    WalshHadamard.transformParallel(pf, Normalization.UNNORMALIZED);
    assertArrayEquals(xf, pf, 0.0f);
  }

  @Test
  void scaleFactors() {
    assertEquals(1.0, Normalization.UNNORMALIZED.scale(20));
    assertEquals(1.0 / 1024, Normalization.FOURIER.scale(10));
    assertEquals(1.0 / Math.sqrt(8), Normalization.ORTHONORMAL.scale(3), 1e-16);
    assertEquals(Math.pow(2, -31), Normalization.ORTHONORMAL.scale(62));
    assertThrows(IllegalArgumentException.class, () -> Normalization.FOURIER.scale(-1));
  }

  @Test
  void badInput() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WalshHadamard.transform(new double[12], Normalization.FOURIER));
    assertEquals("x.length = 12: expected a power of two", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> WalshHadamard.transform(new double[0], Normalization.FOURIER));
    assertThrows(
        IllegalArgumentException.class,
        () -> WalshHadamard.transform(new float[6], Normalization.FOURIER));
    assertThrows(
        IllegalArgumentException.class,
        () -> WalshHadamard.transform(new double[20], 8, 16, Normalization.FOURIER));
    assertThrows(
        IllegalArgumentException.class,
        () -> WalshHadamard.transform(new double[20], -1, 16, Normalization.FOURIER));
    IllegalArgumentException rows =
        assertThrows(
            IllegalArgumentException.class,
            () -> WalshHadamard.transformRows(new double[24], 16, Normalization.FOURIER));
    assertTrue(rows.getMessage().startsWith("x.length = 24: expected a multiple of"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WalshHadamard.transformRows(
                new double[][] {new double[4], new double[3]}, Normalization.FOURIER));
    assertThrows(NullPointerException.class, () -> WalshHadamard.transform(new double[4], null));
    assertThrows(
        NullPointerException.class,
        () -> WalshHadamard.transform((double[]) null, Normalization.FOURIER));
  }

  static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}
