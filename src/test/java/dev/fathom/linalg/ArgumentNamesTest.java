package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Refusals name the caller's parameters (issue 15). */
class ArgumentNamesTest {
  @Test
  void rangeChecksNameTheOffsetCountAndArray() {
    double[] x = new double[6];
    double[] y = new double[4];
    String m =
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(x, 0, y, 1, 4)).getMessage();
    assertEquals("yOff + n = 5: expected at most y.length = 4 (yOff = 1)", m);
    m =
        assertThrows(IllegalArgumentException.class, () -> Vectors.axpy(2, x, -1, y, 0, 2))
            .getMessage();
    assertTrue(m.startsWith("xOff = -1"), m);
    m = assertThrows(NullPointerException.class, () -> Vectors.dot(null, 0, y, 0, 1)).getMessage();
    assertTrue(m.startsWith("x = null"), m);
  }

  @Test
  void nullVectorsAreNamed() {
    assertTrue(
        assertThrows(NullPointerException.class, () -> Vectors.norm2(null))
            .getMessage()
            .startsWith("x = null"));
    assertTrue(
        assertThrows(NullPointerException.class, () -> Vectors.normInf(null))
            .getMessage()
            .startsWith("x = null"));
  }

  @Test
  void fftLengthBeyondItsWorkArraysIsRefused() {
    String m =
        assertThrows(IllegalArgumentException.class, () -> Fft.of(Integer.MAX_VALUE)).getMessage();
    assertTrue(m.startsWith("n = 2147483647"), m);
  }
}
