package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FFTs against the O(N^2) DFT, evaluated with exact angle reduction. */
class FftTest {
  static double[] dft(double[] z, int sign) {
    int n = z.length / 2;
    double[] out = new double[2 * n];
    for (int k = 0; k < n; k++) {
      double re = 0;
      double im = 0;
      for (int j = 0; j < n; j++) {
        long jk = ((long) j * k) % n;
        double ang = sign * 2 * Math.PI * jk / n;
        double c = Math.cos(ang);
        double s = Math.sin(ang);
        re += z[2 * j] * c - z[2 * j + 1] * s;
        im += z[2 * j] * s + z[2 * j + 1] * c;
      }
      out[2 * k] = re;
      out[2 * k + 1] = im;
    }
    return out;
  }

  private static double[] random(SplittableRandom r, int len) {
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = r.nextDouble(-1, 1);
    }
    return v;
  }

  static double maxAbsDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 31, 64, 100, 127, 256, 1000})
  void complexTransformsMatchTheDft(int n) {
    SplittableRandom r = new SplittableRandom(n);
    double[] z = random(r, 2 * n);
    double[] expected = dft(z, -1);
    double[] f = Fft.forwardCopy(z);
    double tol = 1e-13 * Math.sqrt(n) * Math.max(1, Math.log(n));
    assertEquals(0, maxAbsDiff(expected, f) / Math.sqrt(n), tol);
    double[] back = Fft.inverseCopy(f);
    assertEquals(0, maxAbsDiff(z, back), tol);
    double[] inv = dft(z, +1);
    for (int i = 0; i < inv.length; i++) {
      inv[i] /= n;
    }
    assertEquals(0, maxAbsDiff(inv, Fft.inverseCopy(z)), tol);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 33, 64, 99, 128, 1024, 1025})
  void realTransformsMatchTheDftHalfSpectrum(int n) {
    SplittableRandom r = new SplittableRandom(1000 + n);
    double[] x = random(r, n);
    double[] z = new double[2 * n];
    for (int j = 0; j < n; j++) {
      z[2 * j] = x[j];
    }
    double[] full = dft(z, -1);
    double[] half = Fft.realSpectrum(x);
    assertEquals(2 * (n / 2 + 1), half.length);
    double tol = 1e-13 * Math.sqrt(n) * Math.max(1, Math.log(n));
    for (int i = 0; i < half.length; i++) {
      assertEquals(full[i], half[i], tol, "index " + i);
    }
    Fft plan = Fft.of(n);
    double[] back = new double[n];
    plan.realInverse(half, back);
    assertArrayEquals(x, back, tol);
  }

  @Test
  void jtransformsThreadsDoNotChangeTheResult() {
    int n = 1 << 16;
    double[] z = random(new SplittableRandom(11), 2 * n);
    double[] x = random(new SplittableRandom(12), n);
    int saved = pl.edu.icm.jlargearrays.ConcurrencyUtils.getNumberOfThreads();
    try {
      pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
      double[] serial = Fft.forwardCopy(z);
      double[] serialReal = Fft.realSpectrum(x);
      pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(4);
      assertArrayEquals(serial, Fft.forwardCopy(z), 0);
      assertArrayEquals(serialReal, Fft.realSpectrum(x), 0);
      // Fathom leaves JTransforms' process-wide pool as JTransforms made it.
      String factory =
          ((java.util.concurrent.ThreadPoolExecutor)
                  pl.edu.icm.jlargearrays.ConcurrencyUtils.getThreadPool())
              .getThreadFactory()
              .getClass()
              .getName();
      assertTrue(factory.startsWith("pl.edu.icm.jlargearrays."), factory);
    } finally {
      pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(saved);
    }
  }

  @Test
  void planIsReusableAndSizeIsReported() {
    Fft plan = Fft.of(12);
    assertEquals(12, plan.size());
    SplittableRandom r = new SplittableRandom(9);
    for (int t = 0; t < 3; t++) {
      double[] x = random(r, 12);
      double[] s = new double[14];
      plan.realForward(x, s);
      double[] y = new double[12];
      plan.realInverse(s, y);
      assertArrayEquals(x, y, 1e-14);
    }
  }

  @Test
  void nextPowerOfTwo() {
    assertEquals(1, Fft.nextPowerOfTwo(1));
    assertEquals(2, Fft.nextPowerOfTwo(2));
    assertEquals(4, Fft.nextPowerOfTwo(3));
    assertEquals(1024, Fft.nextPowerOfTwo(1000));
    assertEquals(1 << 30, Fft.nextPowerOfTwo((1 << 29) + 1));
    assertThrows(IllegalArgumentException.class, () -> Fft.nextPowerOfTwo(0));
  }

  @Test
  void badInputIsRefused() {
    assertEquals(
        "n = 0: expected a positive integer",
        assertThrows(IllegalArgumentException.class, () -> Fft.of(0)).getMessage());
    Fft plan = Fft.of(8);
    assertEquals(
        "z.length = 8: expected 16",
        assertThrows(IllegalArgumentException.class, () -> plan.forward(new double[8]))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> plan.realForward(new double[8], new double[8]));
    assertThrows(IllegalArgumentException.class, () -> Fft.forwardCopy(new double[5]));
  }
}
