package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorsTest {
  /** Exact dot product through BigDecimal, rounded once. */
  private static double exactDot(double[] x, double[] y) {
    BigDecimal s = BigDecimal.ZERO;
    for (int i = 0; i < x.length; i++) {
      s = s.add(new BigDecimal(x[i]).multiply(new BigDecimal(y[i])));
    }
    return s.round(MathContext.DECIMAL64).doubleValue();
  }

  private static double[] random(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble(-1, 1);
    }
    return v;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8, 33, 1000})
  void dotSumAndNormsMatchExactArithmetic(int n) {
    SplittableRandom r = new SplittableRandom(n);
    double[] x = random(r, n);
    double[] y = random(r, n);
    double tol = 1e-15 * Math.max(1, n);
    assertEquals(exactDot(x, y), Vectors.dot(x, y), tol);
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    assertEquals(exactDot(x, ones), Vectors.sum(x), tol);
    assertEquals(Math.sqrt(exactDot(x, x)), Vectors.norm2(x), tol);
    double l1 = 0;
    double linf = 0;
    for (double v : x) {
      l1 += Math.abs(v);
      linf = Math.max(linf, Math.abs(v));
    }
    assertEquals(l1, Vectors.norm1(x), tol);
    assertEquals(linf, Vectors.normInf(x), 0);
    double d2 = 0;
    for (int i = 0; i < n; i++) {
      d2 += (x[i] - y[i]) * (x[i] - y[i]);
    }
    assertEquals(d2, Vectors.distanceSquared(x, y), tol);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 64, 1001})
  void elementwiseKernelsMatchTheirDefinition(int n) {
    SplittableRandom r = new SplittableRandom(100 + n);
    double[] x = random(r, n);
    double[] y = random(r, n);
    double[] y0 = y.clone();
    Vectors.axpy(0.75, x, y);
    for (int i = 0; i < n; i++) {
      assertEquals(y0[i] + 0.75 * x[i], y[i], 0);
    }
    double[] out = new double[n];
    Vectors.add(x, y0, out);
    for (int i = 0; i < n; i++) {
      assertEquals(x[i] + y0[i], out[i], 0);
    }
    Vectors.subtract(x, y0, out);
    for (int i = 0; i < n; i++) {
      assertEquals(x[i] - y0[i], out[i], 0);
    }
    double[] s = x.clone();
    Vectors.scale(-3, s);
    for (int i = 0; i < n; i++) {
      assertEquals(-3 * x[i], s[i], 0);
    }
    if (n > 3) {
      assertEquals(
          exactDot(x, y0) - x[0] * y0[0] - x[1] * y0[1], Vectors.dot(x, 2, y0, 2, n - 2), 1e-12);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-200, 1e-160, 1e160, 1e200, 1e300})
  void norm2NeitherOverflowsNorUnderflows(double scale) {
    double[] x = {3 * scale, 4 * scale, 0, 0, 0};
    assertEquals(5 * scale, Vectors.norm2(x), 1e-15 * 5 * scale);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void relativeMaxErrorIsRelativeToReferenceMaxNorm(int n) {
    double[] ref = new double[n];
    ref[0] = 4;
    double[] x = ref.clone();
    x[1] = 1;
    assertEquals(0.25, Vectors.relativeMaxError(x, ref), 0);
    assertEquals(4, Vectors.relativeMaxError(x, new double[n]), 0); // absolute when ref = 0
  }

  @Test
  void mismatchedLengthsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Vectors.dot(new double[3], new double[4]));
    assertEquals("y.length = 4: expected x.length = 3", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Vectors.axpy(1, new double[3], new double[2]));
    assertThrows(
        IllegalArgumentException.class, () -> Vectors.dot(new double[3], 2, new double[3], 0, 2));
  }
}
