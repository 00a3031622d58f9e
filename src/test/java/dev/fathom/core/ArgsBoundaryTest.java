package dev.fathom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every check of {@link Args} at its boundaries: the last accepted value comes back unchanged, the
 * first refused one gives the documented message.
 */
class ArgsBoundaryTest {
  private static void refused(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void integerChecksAcceptTheirBoundaryAndReturnTheValue() {
    assertEquals(1, Args.positive("k", 1));
    assertEquals(Integer.MAX_VALUE, Args.positive("k", Integer.MAX_VALUE));
    refused("k = 0: expected a positive integer", () -> Args.positive("k", 0));
    assertEquals(1L, Args.positive("k", 1L));
    assertEquals(1L << 40, Args.positive("k", 1L << 40));
    refused("k = 0: expected a positive integer", () -> Args.positive("k", 0L));
    refused("k = -5: expected a positive integer", () -> Args.positive("k", -5L));
    assertEquals(7, Args.nonNegative("n", 7));
    refused("n = -1: expected a non-negative integer", () -> Args.nonNegative("n", -1));
    assertEquals(1, Args.inRange("p", 1, 1, 4));
    assertEquals(4, Args.inRange("p", 4, 1, 4));
    assertEquals(3, Args.inRange("p", 3, 1, 4));
    refused("p = 0: expected an integer in [1, 4]", () -> Args.inRange("p", 0, 1, 4));
    refused("p = 5: expected an integer in [1, 4]", () -> Args.inRange("p", 5, 1, 4));
    assertEquals(0, Args.index("i", 0, 3));
    assertEquals(2, Args.index("i", 2, 3));
    refused("i = 3: expected an index in [0, 3)", () -> Args.index("i", 3, 3));
    refused("i = -1: expected an index in [0, 3)", () -> Args.index("i", -1, 3));
  }

  @Test
  void powersOfTwoAreExactlyTheSingleBitPositives() {
    for (int b = 0; b < 31; b++) {
      assertEquals(1 << b, Args.powerOfTwo("n", 1 << b));
      if (b >= 2) {
        int notPower = (1 << b) + 1;
        refused(
            "n = " + notPower + ": expected a power of two", () -> Args.powerOfTwo("n", notPower));
      }
    }
    for (int b = 0; b < 63; b++) {
      assertEquals(1L << b, Args.powerOfTwo("n", 1L << b));
    }
    refused("n = 0: expected a power of two", () -> Args.powerOfTwo("n", 0));
    refused("n = 0: expected a power of two", () -> Args.powerOfTwo("n", 0L));
    // the sign bit alone is a single bit but negative
    refused(
        "n = -2147483648: expected a power of two", () -> Args.powerOfTwo("n", Integer.MIN_VALUE));
    refused(
        "n = -9223372036854775808: expected a power of two",
        () -> Args.powerOfTwo("n", Long.MIN_VALUE));
    refused("n = 6: expected a power of two", () -> Args.powerOfTwo("n", 6L));
  }

  @Test
  void doubleChecksAcceptTheirBoundaryAndReturnTheValue() {
    assertEquals(Double.MIN_VALUE, Args.positive("a", Double.MIN_VALUE));
    assertEquals(Double.MAX_VALUE, Args.positive("a", Double.MAX_VALUE));
    refused("a = 0.0: expected a finite positive number", () -> Args.positive("a", 0.0));
    refused("a = -0.0: expected a finite positive number", () -> Args.positive("a", -0.0));
    refused(
        "a = Infinity: expected a finite positive number",
        () -> Args.positive("a", Double.POSITIVE_INFINITY));
    assertEquals(0.0, Args.nonNegative("s", 0.0));
    assertEquals(2.5, Args.nonNegative("s", 2.5));
    assertEquals(Double.MAX_VALUE, Args.nonNegative("s", Double.MAX_VALUE));
    refused(
        "s = -4.9E-324: expected a finite non-negative number",
        () -> Args.nonNegative("s", -Double.MIN_VALUE));
    refused(
        "s = NaN: expected a finite non-negative number", () -> Args.nonNegative("s", Double.NaN));
    assertEquals(-3.5, Args.finite("x", -3.5));
    assertEquals(Double.MAX_VALUE, Args.finite("x", Double.MAX_VALUE));
    refused("x = NaN: expected a finite number", () -> Args.finite("x", Double.NaN));
    refused(
        "x = -Infinity: expected a finite number",
        () -> Args.finite("x", Double.NEGATIVE_INFINITY));

    assertEquals(0.0, Args.inRange("r", 0.0, 0, 1));
    assertEquals(1.0, Args.inRange("r", 1.0, 0, 1));
    assertEquals(0.25, Args.inRange("r", 0.25, 0, 1));
    refused(
        "r = -4.9E-324: expected a number in [0.0, 1.0]",
        () -> Args.inRange("r", -Double.MIN_VALUE, 0, 1));
    refused(
        "r = 1.0000000000000002: expected a number in [0.0, 1.0]",
        () -> Args.inRange("r", Math.nextUp(1.0), 0, 1));
    refused("r = NaN: expected a number in [0.0, 1.0]", () -> Args.inRange("r", Double.NaN, 0, 1));

    assertEquals(Double.MIN_VALUE, Args.inOpenRange("q", Double.MIN_VALUE, 0, 1));
    assertEquals(Math.nextDown(1.0), Args.inOpenRange("q", Math.nextDown(1.0), 0, 1));
    refused("q = 0.0: expected a number in (0.0, 1.0)", () -> Args.inOpenRange("q", 0, 0, 1));
    refused("q = 1.0: expected a number in (0.0, 1.0)", () -> Args.inOpenRange("q", 1, 0, 1));

    assertEquals(0.0, Args.inClosedOpenRange("h", 0.0, 0, 1));
    assertEquals(Math.nextDown(1.0), Args.inClosedOpenRange("h", Math.nextDown(1.0), 0, 1));
    refused("h = 1.0: expected a number in [0.0, 1.0)", () -> Args.inClosedOpenRange("h", 1, 0, 1));
    refused(
        "h = -4.9E-324: expected a number in [0.0, 1.0)",
        () -> Args.inClosedOpenRange("h", -Double.MIN_VALUE, 0, 1));
    refused(
        "h = NaN: expected a number in [0.0, 1.0)",
        () -> Args.inClosedOpenRange("h", Double.NaN, 0, 1));
  }

  @Test
  void arrayChecksReturnTheSameArrayOrNameTheEntry() {
    double[] d = {1, 0, 2};
    float[] f = new float[3];
    int[] n = new int[3];
    Object o = "x";
    assertSame(o, Args.notNull("o", o));
    assertSame(d, Args.length("d", d, 3));
    assertSame(f, Args.length("f", f, 3));
    assertSame(n, Args.length("n", n, 3));
    refused("f.length = 3: expected 2", () -> Args.length("f", f, 2));
    refused("n.length = 3: expected 4", () -> Args.length("n", n, 4));
    assertEquals(
        "f = null: expected a non-null value",
        assertThrows(NullPointerException.class, () -> Args.length("f", (float[]) null, 1))
            .getMessage());
    assertEquals(
        "n = null: expected a non-null value",
        assertThrows(NullPointerException.class, () -> Args.length("n", (int[]) null, 1))
            .getMessage());
    double[] z = new double[4];
    assertSame(z, Args.interleaved("z", z));
    assertSame(d, Args.finite("d", d));
    refused(
        "d[0] = Infinity: expected a finite number",
        () -> Args.finite("d", new double[] {Double.POSITIVE_INFINITY}));
    assertSame(d, Args.nonNegative("d", d));
    refused(
        "d[2] = Infinity: expected a finite non-negative number",
        () -> Args.nonNegative("d", new double[] {0, 1, Double.POSITIVE_INFINITY}));
    refused(
        "d[1] = NaN: expected a finite non-negative number",
        () -> Args.nonNegative("d", new double[] {0, Double.NaN}));
    assertEquals(3, Args.rectangular("m", new double[][] {{1, 2, 3}}));
    refused(
        "m.length = 0: expected at least one row", () -> Args.rectangular("m", new double[0][]));
    refused(
        "m[1][2] = NaN: expected a finite number",
        () -> Args.rectangular("m", new double[][] {{1, 2, 3}, {4, 5, Double.NaN}}));
    assertEquals(
        "m[1] = null: expected a non-null value",
        assertThrows(
                NullPointerException.class, () -> Args.rectangular("m", new double[][] {{1}, null}))
            .getMessage());
  }

  @Test
  void rangesAndSizesAreCheckedWithoutOverflow() {
    Args.range("x", 6, "xOff", 6, "n", 0);
    Args.range("x", 6, "xOff", 0, "n", 6);
    refused(
        "xOff = -1: expected a non-negative index", () -> Args.range("x", 6, "xOff", -1, "n", 1));
    refused("n = -1: expected a non-negative length", () -> Args.range("x", 6, "xOff", 0, "n", -1));
    refused(
        "xOff + n = 7: expected at most x.length = 6 (xOff = 1)",
        () -> Args.range("x", 6, "xOff", 1, "n", 6));
    // offset + count overflows int: still refused with the true sum
    refused(
        "xOff + n = 4294967294: expected at most x.length = 6 (xOff = 2147483647)",
        () -> Args.range("x", 6, "xOff", Integer.MAX_VALUE, "n", Integer.MAX_VALUE));
    assertEquals(0, Args.size("n", 0));
    assertEquals(Args.MAX_ARRAY_LENGTH, Args.size("n", Args.MAX_ARRAY_LENGTH));
    assertEquals(12345, Args.size("n", 12345L));
    refused(
        "n = 2147483640: expected a size in [0, 2147483639] (what an array can hold)",
        () -> Args.size("n", Args.MAX_ARRAY_LENGTH + 1L));
    refused(
        "n = -1: expected a size in [0, 2147483639] (what an array can hold)",
        () -> Args.size("n", -1));
    refused(
        "n = 4294967296: expected a size in [0, 2147483639] (what an array can hold)",
        () -> Args.size("n", 1L << 32));
  }
}
