package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Checks every kernel against polar-form arithmetic done with java.lang.Math. */
class ComplexArraysTest {
  private static final int N = 257;

  private static double[] random(SplittableRandom r) {
    double[] z = new double[2 * N];
    for (int i = 0; i < z.length; i++) {
      z[i] = r.nextDouble(-10, 10);
    }
    return z;
  }

  private static double abs(double[] z, int k) {
    return Math.sqrt(z[2 * k] * z[2 * k] + z[2 * k + 1] * z[2 * k + 1]);
  }

  private static double arg(double[] z, int k) {
    return Math.atan2(z[2 * k + 1], z[2 * k]);
  }

  @Test
  void multiplyMatchesPolarForm() {
    SplittableRandom r = new SplittableRandom(1);
    double[] a = random(r);
    double[] b = random(r);
    double[] out = new double[2 * N];
    ComplexArrays.multiply(a, b, out);
    double[] conj = new double[2 * N];
    ComplexArrays.multiplyConjugate(a, b, conj);
    for (int k = 0; k < N; k++) {
      double m = abs(a, k) * abs(b, k);
      double tol = 1e-13 * Math.max(1, m);
      assertEquals(m * Math.cos(arg(a, k) + arg(b, k)), out[2 * k], tol);
      assertEquals(m * Math.sin(arg(a, k) + arg(b, k)), out[2 * k + 1], tol);
      assertEquals(m * Math.cos(arg(a, k) - arg(b, k)), conj[2 * k], tol);
      assertEquals(m * Math.sin(arg(a, k) - arg(b, k)), conj[2 * k + 1], tol);
    }
  }

  @Test
  void multiplyMayAliasItsInputs() {
    SplittableRandom r = new SplittableRandom(2);
    double[] a = random(r);
    double[] b = random(r);
    double[] expected = new double[2 * N];
    ComplexArrays.multiply(a, b, expected);
    double[] a2 = a.clone();
    ComplexArrays.multiply(a2, b, a2);
    assertArrayEquals(expected, a2, 0);
    double[] b2 = b.clone();
    ComplexArrays.multiply(a, b2, b2);
    assertArrayEquals(expected, b2, 0);
  }

  @Test
  void multiplyAccumulateAddsTheProduct() {
    SplittableRandom r = new SplittableRandom(3);
    double[] a = random(r);
    double[] b = random(r);
    double[] acc = random(r);
    double[] acc0 = acc.clone();
    ComplexArrays.multiplyAccumulate(a, b, acc);
    for (int k = 0; k < N; k++) {
      double m = abs(a, k) * abs(b, k);
      double tol = 1e-13 * Math.max(1, m);
      assertEquals(acc0[2 * k] + m * Math.cos(arg(a, k) + arg(b, k)), acc[2 * k], tol);
      assertEquals(acc0[2 * k + 1] + m * Math.sin(arg(a, k) + arg(b, k)), acc[2 * k + 1], tol);
    }
  }

  @Test
  void conjugateMagnitudeAndParts() {
    SplittableRandom r = new SplittableRandom(4);
    double[] a = random(r);
    double[] c = new double[2 * N];
    ComplexArrays.conjugate(a, c);
    double[] mag = new double[N];
    ComplexArrays.magnitude(a, mag);
    double[] mag2 = new double[N];
    ComplexArrays.magnitudeSquared(a, mag2);
    double[] re = ComplexArrays.real(a);
    double[] im = ComplexArrays.imaginary(a);
    assertArrayEquals(a, ComplexArrays.interleave(re, im), 0);
    for (int k = 0; k < N; k++) {
      assertEquals(abs(a, k), abs(c, k), 1e-14 * abs(a, k));
      assertEquals(-arg(a, k), arg(c, k), 1e-15);
      assertEquals(abs(a, k), mag[k], 1e-14 * abs(a, k));
      assertEquals(abs(a, k) * abs(a, k), mag2[k], 1e-13 * mag2[k]);
    }
    double[] huge = {3e300, 4e300};
    double[] m = new double[1];
    ComplexArrays.magnitude(huge, m);
    assertEquals(5e300, m[0], 1e286);
  }

  @Test
  void dotIsTheSumOfProducts() {
    SplittableRandom r = new SplittableRandom(5);
    double[] a = random(r);
    double[] b = random(r);
    double[] prod = new double[2 * N];
    ComplexArrays.multiply(a, b, prod);
    double re = 0;
    double im = 0;
    for (int k = 0; k < N; k++) {
      re += prod[2 * k];
      im += prod[2 * k + 1];
    }
    double[] d = ComplexArrays.dot(a, b);
    assertEquals(re, d[0], 1e-10);
    assertEquals(im, d[1], 1e-10);
  }

  @Test
  void badShapesAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ComplexArrays.multiply(new double[3], new double[3], new double[3]));
    assertEquals(
        "a.length = 3: expected an even length (interleaved re, im pairs)", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ComplexArrays.multiply(new double[4], new double[2], new double[4]));
    assertThrows(
        IllegalArgumentException.class,
        () -> ComplexArrays.magnitude(new double[4], new double[3]));
  }
}
