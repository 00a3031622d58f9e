package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import org.junit.jupiter.api.Test;

class SparseSpectrumTest {
  @Test
  void valuesMatchTheDefinitionAndTheDenseVector() {
    SparseSpectrum s = SparseSpectrum.random(8, 12, 0.5, 2, 4);
    SparseSpectrum sameDraws = SparseSpectrum.random(8, 12, 0.5, 2, Rng.create(4));
    assertArrayEquals(s.frequencies(), sameDraws.frequencies());
    assertArrayEquals(s.coefficients(), sameDraws.coefficients());
    double[] coeffs = new double[256];
    long[] k = s.frequencies();
    double[] c = s.coefficients();
    for (int i = 0; i < k.length; i++) {
      assertTrue(Math.abs(c[i]) >= 0.5 && Math.abs(c[i]) <= 2);
      coeffs[(int) k[i]] = c[i];
    }
    double[] expect = Reference.quadratic(coeffs); // f = H F
    double[] dense = s.dense();
    for (int m = 0; m < 256; m++) {
      assertEquals(expect[m], s.value(m), 1e-12);
      assertEquals(expect[m], dense[m], 1e-12);
    }
    double mean2 = 0;
    for (double v : dense) {
      mean2 += v * v / 256;
    }
    assertEquals(s.energy(), mean2, 1e-12);
  }

  @Test
  void noiseIsAFixedFunctionOfTheIndexWithTheRightVariance() {
    SparseSpectrum clean = new SparseSpectrum(20, new long[] {7}, new double[] {3});
    SparseSpectrum noisy = clean.withNoise(2, 11);
    assertEquals(4, noisy.noiseVariance());
    double sum = 0;
    double sum2 = 0;
    int count = 1 << 16;
    for (long m = 0; m < count; m++) {
      double w = noisy.value(m) - clean.value(m);
      assertEquals(w, noisy.value(m) - clean.value(m));
      sum += w;
      sum2 += w * w;
    }
    assertEquals(0, sum / count, 0.05);
    assertEquals(4, sum2 / count, 0.1);
    assertEquals(9 / 100.0, clean.withSnr(20, 1).noiseVariance(), 1e-15);
    double[] dense = noisy.withCoefficients(new double[] {0}).dense();
    assertEquals(noisy.value(5) - clean.value(5), dense[5], 1e-12);
  }

  @Test
  void scoresAResult() {
    SparseSpectrum s = new SparseSpectrum(10, new long[] {1, 9}, new double[] {3, 4});
    SparseResult same =
        new SparseResult(
            new long[] {1, 9}, new double[] {3, 4}, 0, 0, 1, 0, 0, 0, Status.CONVERGED);
    SparseResult off =
        new SparseResult(
            new long[] {1, 8}, new double[] {3, 1}, 0, 0, 1, 0, 0, 0, Status.CONVERGED);
    assertTrue(s.sameSupport(same));
    assertEquals(0, s.nmse(same));
    assertEquals((16 + 1) / 25.0, s.nmse(off), 1e-15);
  }

  @Test
  void badInput() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SparseSpectrum(4, new long[] {3, 16}, new double[] {1, 1}));
    assertEquals("frequencies[1] = 16: expected an index in [0, 2^4)", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SparseSpectrum(4, new long[] {3, 3}, new double[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SparseSpectrum(4, new long[] {3}, new double[] {Double.NaN}));
    assertThrows(
        IllegalArgumentException.class, () -> new SparseSpectrum(4, new long[] {3}, new double[2]));
    assertThrows(IllegalArgumentException.class, () -> SparseSpectrum.random(3, 9, 1, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> SparseSpectrum.random(30, 9, 2, 1, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SparseSpectrum(40, new long[] {1}, new double[] {1}).dense());
    assertArrayEquals(new long[0], SparseSpectrum.random(62, 0, 1, 1, 0).frequencies());
  }
}
