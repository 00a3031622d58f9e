package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fathom's power-of-two FFT (plans with an explicit thread count) against the O(n^2) DFT, the
 * identities every DFT satisfies, and JTransforms as a second, independent implementation.
 */
class PowerOfTwoFftTest {
  private static final double EPS = Math.ulp(1.0);

  private static double[] random(long seed, int len) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = r.nextDouble(-1, 1);
    }
    return v;
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static double sumSquares(double[] a, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += a[i] * a[i];
    }
    return s;
  }

  /** The error bound relative to the largest output: c log2(n) eps. */
  private static double bound(int n) {
    return 8 * Math.max(1, Integer.numberOfTrailingZeros(n)) * EPS;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void complexMatchesTheDirectDft(int p) {
    int n = 1 << p;
    double[] z = random(p, 2 * n);
    double[] expected = FftTest.dft(z, -1);
    double[] f = z.clone();
    Fft plan = Fft.of(n).withThreads(1);
    plan.forward(f);
    double scale = maxAbs(expected);
    assertTrue(FftTest.maxAbsDiff(expected, f) <= bound(n) * scale, "forward, n = " + n);
    double[] inv = FftTest.dft(z, +1);
    for (int i = 0; i < inv.length; i++) {
      inv[i] /= n;
    }
    double[] g = z.clone();
    plan.inverse(g);
    assertTrue(FftTest.maxAbsDiff(inv, g) <= bound(n) * maxAbs(inv), "inverse, n = " + n);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void realMatchesTheDirectDftAndTheComplexTransform(int p) {
    int n = 1 << p;
    double[] x = random(100 + p, n);
    double[] z = new double[2 * n];
    for (int j = 0; j < n; j++) {
      z[2 * j] = x[j];
    }
    double[] full = FftTest.dft(z, -1);
    Fft plan = Fft.of(n).withThreads(1);
    int len = 2 * (n / 2 + 1);
    double[] half = new double[len];
    plan.realForward(x, half);
    double tol = bound(n) * maxAbs(full);
    assertTrue(FftTest.maxAbsDiff(Arrays.copyOf(full, len), half) <= tol, "against the DFT");
    double[] viaComplex = z.clone();
    plan.forward(viaComplex);
    assertTrue(FftTest.maxAbsDiff(Arrays.copyOf(viaComplex, len), half) <= tol, "against complex");
    double[] back = new double[n];
    double[] copy = half.clone();
    plan.realInverse(half, back);
    assertArrayEquals(copy, half, 0, "the spectrum is not modified");
    assertTrue(FftTest.maxAbsDiff(x, back) <= bound(n), "round trip");
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 11, 12, 13, 16})
  void parsevalLinearityAndRoundTrip(int p) {
    int n = 1 << p;
    Fft plan = Fft.of(n).withThreads(1);
    double[] x = random(200 + p, 2 * n);
    double[] y = random(300 + p, 2 * n);
    double alpha = 0.75;
    double[] fx = x.clone();
    double[] fy = y.clone();
    double[] fxy = new double[2 * n];
    for (int i = 0; i < fxy.length; i++) {
      fxy[i] = x[i] + alpha * y[i];
    }
    plan.forward(fx);
    plan.forward(fy);
    plan.forward(fxy);
    // Parseval: sum |X|^2 = n sum |x|^2
    double energy = sumSquares(x, 0, 2 * n);
    assertEquals(n * energy, sumSquares(fx, 0, 2 * n), bound(n) * n * energy);
    double scale = maxAbs(fxy);
    for (int i = 0; i < fxy.length; i++) {
      assertEquals(fx[i] + alpha * fy[i], fxy[i], 2 * bound(n) * scale);
    }
    plan.inverse(fx);
    assertTrue(FftTest.maxAbsDiff(x, fx) <= bound(n), "inverse(forward(x))");
  }

  @Test
  void largeTransformsAgreeWithJTransforms() {
    for (int p : new int[] {14, 17, 20, 22}) {
      int n = 1 << p;
      double[] z = random(400 + p, 2 * n);
      double[] expected = z.clone();
      new DoubleFFT_1D(n).complexForward(expected);
      double[] f = z.clone();
      Fft.of(n).withThreads(1).forward(f);
      double tol = bound(n) * maxAbs(expected);
      assertTrue(FftTest.maxAbsDiff(expected, f) <= tol, "complex, n = 2^" + p);
      if (p <= 20) {
        double[] x = Arrays.copyOf(z, n);
        double[] packed = x.clone();
        new DoubleFFT_1D(n).realForward(packed);
        double[] half = new double[n + 2];
        Fft.of(n).withThreads(1).realForward(x, half);
        assertEquals(packed[0], half[0], tol);
        assertEquals(packed[1], half[n], tol);
        for (int k = 1; k < n / 2; k++) {
          assertEquals(packed[2 * k], half[2 * k], tol);
          assertEquals(packed[2 * k + 1], half[2 * k + 1], tol);
        }
      }
    }
  }

  @Test
  void threadCountsGiveBitIdenticalResults() {
    for (int p : new int[] {15, 16, 19}) {
      int n = 1 << p;
      double[] z = random(500 + p, 2 * n);
      double[] x = random(600 + p, n);
      Fft one = Fft.of(n).withThreads(1);
      double[] f1 = z.clone();
      one.forward(f1);
      double[] i1 = z.clone();
      one.inverse(i1);
      double[] r1 = new double[n + 2];
      one.realForward(x, r1);
      double[] b1 = new double[n];
      one.realInverse(r1, b1);
      for (int t : new int[] {2, 3, 4}) {
        Fft plan = Fft.of(n).withThreads(t);
        assertEquals(t, plan.threads().getAsInt());
        double[] f = z.clone();
        plan.forward(f);
        assertArrayEquals(f1, f, 0, "forward, threads " + t);
        double[] i = z.clone();
        plan.inverse(i);
        assertArrayEquals(i1, i, 0, "inverse, threads " + t);
        double[] r = new double[n + 2];
        plan.realForward(x, r);
        assertArrayEquals(r1, r, 0, "real forward, threads " + t);
        double[] b = new double[n];
        plan.realInverse(r, b);
        assertArrayEquals(b1, b, 0, "real inverse, threads " + t);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 5, 6, 7, 12, 100, 127, 1000, 1025})
  void otherLengthsUseBluesteinAndMatchTheDft(int n) {
    double[] z = random(700 + n, 2 * n);
    double[] expected = FftTest.dft(z, -1);
    Fft plan = Fft.of(n).withThreads(2);
    double[] f = z.clone();
    plan.forward(f);
    double tol = 4 * bound(1 << BluesteinFft.workLog(n)) * maxAbs(expected);
    assertTrue(FftTest.maxAbsDiff(expected, f) <= tol, "forward, n = " + n);
    plan.inverse(f);
    assertTrue(FftTest.maxAbsDiff(z, f) <= tol, "round trip, n = " + n);
    double[] x = Arrays.copyOf(z, n);
    double[] re = new double[2 * n];
    for (int j = 0; j < n; j++) {
      re[2 * j] = x[j];
    }
    double[] full = FftTest.dft(re, -1);
    int len = 2 * (n / 2 + 1);
    double[] half = new double[len];
    plan.realForward(x, half);
    assertTrue(FftTest.maxAbsDiff(Arrays.copyOf(full, len), half) <= tol, "real, n = " + n);
    double[] back = new double[n];
    plan.realInverse(half, back);
    assertTrue(FftTest.maxAbsDiff(x, back) <= tol, "real round trip, n = " + n);
  }

  @Test
  void bluesteinThreadCountsGiveBitIdenticalResults() {
    int n = 40_000; // work length 2^17, split over threads
    double[] z = random(800, 2 * n);
    double[] one = z.clone();
    Fft.of(n).withThreads(1).forward(one);
    double[] two = z.clone();
    Fft.of(n).withThreads(2).forward(two);
    assertArrayEquals(one, two, 0);
  }

  @Test
  void badThreadCountsAreRefused() {
    Fft plan = Fft.of(64);
    assertEquals(
        "threads = 0: expected an integer in [1, 256]",
        assertThrows(IllegalArgumentException.class, () -> plan.withThreads(0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> plan.withThreads(-2));
    assertThrows(IllegalArgumentException.class, () -> plan.withThreads(Fft.MAX_THREADS + 1));
    assertThrows(IllegalArgumentException.class, () -> Fft.of(Fft.MAX_SIZE + 1));
    assertEquals(Fft.MAX_THREADS, plan.withThreads(Fft.MAX_THREADS).threads().getAsInt());
    assertTrue(plan.threads().isEmpty());
  }
}
