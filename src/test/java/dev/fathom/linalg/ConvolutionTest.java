package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvolutionTest {
  /** The definition, c[k] = sum_j a[j] b[k-j], summed per output entry. */
  private static double[] reference(double[] a, double[] b) {
    double[] c = new double[a.length + b.length - 1];
    for (int k = 0; k < c.length; k++) {
      double s = 0;
      for (int j = Math.max(0, k - b.length + 1); j <= Math.min(k, a.length - 1); j++) {
        s += a[j] * b[k - j];
      }
      c[k] = s;
    }
    return c;
  }

  private static double[] random(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  @ParameterizedTest
  @CsvSource({"1,1", "1,7", "7,1", "2,3", "5,5", "47,49", "48,100", "100,48", "129,1000", "1000,3"})
  void allPathsMatchTheDefinition(int na, int nb) {
    SplittableRandom r = new SplittableRandom(31L * na + nb);
    double[] a = random(r, na);
    double[] b = random(r, nb);
    double[] ref = reference(a, b);
    double scale = Math.sqrt(Math.min(na, nb));
    assertEquals(0, Vectors.relativeMaxError(Convolution.direct(a, b), ref), 1e-14 * scale);
    assertEquals(0, Vectors.relativeMaxError(Convolution.fft(a, b), ref), 1e-14 * scale);
    assertEquals(0, Vectors.relativeMaxError(Convolution.linear(a, b), ref), 1e-14 * scale);
    assertEquals(na + nb - 1, Convolution.linear(a, b).length);
  }

  @Test
  void impulseReproducesTheOtherOperand() {
    double[] a = {1, -2, 3, 0.5};
    double[] delayedImpulse = {0, 0, 1};
    double[] c = Convolution.fft(a, delayedImpulse);
    double[] expected = {0, 0, 1, -2, 3, 0.5};
    for (int i = 0; i < c.length; i++) {
      assertEquals(expected[i], c[i], 1e-15);
    }
  }

  @Test
  void badInputIsRefused() {
    assertEquals(
        "a.length = 0: expected a non-empty sequence",
        assertThrows(
                IllegalArgumentException.class,
                () -> Convolution.linear(new double[0], new double[2]))
            .getMessage());
    assertEquals(
        "b[1] = NaN: expected a finite number",
        assertThrows(
                IllegalArgumentException.class,
                () -> Convolution.fft(new double[2], new double[] {1, Double.NaN}))
            .getMessage());
    assertThrows(NullPointerException.class, () -> Convolution.direct(null, new double[1]));
  }
}
