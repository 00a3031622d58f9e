package dev.fathom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArgsTest {
  private static String msg(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void messagesNameParameterValueAndExpectation() {
    assertEquals("n = 12: expected a power of two", msg(() -> Args.powerOfTwo("n", 12)));
    assertEquals("k = -1: expected a positive integer", msg(() -> Args.positive("k", -1)));
    assertEquals(
        "alpha = NaN: expected a finite positive number",
        msg(() -> Args.positive("alpha", Double.NaN)));
    assertEquals(
        "step = Infinity: expected a finite non-negative number",
        msg(() -> Args.nonNegative("step", Double.POSITIVE_INFINITY)));
    assertEquals("p = 5: expected an integer in [1, 4]", msg(() -> Args.inRange("p", 5, 1, 4)));
    assertEquals("x.length = 3: expected 4", msg(() -> Args.length("x", new double[3], 4)));
    assertEquals(
        "x[1] = NaN: expected a finite number",
        msg(() -> Args.finite("x", new double[] {0, Double.NaN})));
    assertEquals(
        "w[0] = -1.0: expected a finite non-negative number",
        msg(() -> Args.nonNegative("w", new double[] {-1})));
    assertEquals(
        "z.length = 3: expected an even length (interleaved re, im pairs)",
        msg(() -> Args.interleaved("z", new double[3])));
    assertEquals(
        "y.length = 2: expected x.length = 3",
        msg(() -> Args.sameLength("x", new double[3], "y", new double[2])));
    assertTrue(msg(() -> Args.range(2, 5, 6)).startsWith("offset + length = 7"));
    assertEquals(
        "rows[1].length = 1: expected 2 like row 0",
        msg(() -> Args.rectangular("rows", new double[][] {{1, 2}, {3}})));
  }

  @Test
  void nullsGiveNamedNullPointerException() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Args.length("data", (double[]) null, 1));
    assertEquals("data = null: expected a non-null value", e.getMessage());
  }

  @Test
  void validValuesPassThrough() {
    assertEquals(8, Args.powerOfTwo("n", 8));
    assertEquals(1L << 62, Args.powerOfTwo("n", 1L << 62));
    assertEquals(0.5, Args.inOpenRange("a", 0.5, 0, 1));
    assertEquals(0, Args.nonNegative("n", 0));
    assertEquals(2, Args.rectangular("rows", new double[][] {{1, 2}, {3, 4}}));
    Args.range(0, 0, 0);
    Args.range(2, 4, 6);
  }
}
