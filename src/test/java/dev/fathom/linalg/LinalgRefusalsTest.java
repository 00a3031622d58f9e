package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Length checks of the vector helpers name the mismatched argument (a loop over the shorter array
 * would otherwise return a silently truncated answer), and the norms at their edge cases.
 */
class LinalgRefusalsTest {
  private static void refused(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void vectorHelpersRefuseMismatchedLengths() {
    double[] three = {1, 2, 3};
    double[] four = {1, 2, 3, 4};
    refused("y.length = 4: expected x.length = 3", () -> Vectors.axpy(2, three, four.clone()));
    refused(
        "yOff + n = 5: expected at most y.length = 4 (yOff = 2)",
        () -> Vectors.axpy(2, three, 0, four.clone(), 2, 3));
    refused("y.length = 4: expected x.length = 3", () -> Vectors.add(three, four, new double[3]));
    refused("out.length = 4: expected x.length = 3", () -> Vectors.add(three, three, four));
    refused(
        "y.length = 4: expected x.length = 3", () -> Vectors.subtract(three, four, new double[3]));
    refused("out.length = 4: expected x.length = 3", () -> Vectors.subtract(three, three, four));
    refused("y.length = 4: expected x.length = 3", () -> Vectors.distanceSquared(three, four));
    refused("y.length = 4: expected x.length = 3", () -> Vectors.relativeMaxError(three, four));
  }

  @Test
  void complexHelpersRefuseMismatchedLengths() {
    double[] two = {1, 2};
    double[] four = {1, 2, 3, 4};
    refused("im.length = 4: expected re.length = 2", () -> ComplexArrays.interleave(two, four));
    refused(
        "b.length = 4: expected a.length = 2",
        () -> ComplexArrays.multiplyConjugate(two, four, new double[2]));
    refused(
        "out.length = 4: expected a.length = 2",
        () -> ComplexArrays.multiplyConjugate(two, two, new double[4]));
    refused(
        "acc.length = 4: expected a.length = 2",
        () -> ComplexArrays.multiplyAccumulate(two, two, new double[4]));
    refused("out.length = 4: expected a.length = 2", () -> ComplexArrays.conjugate(two, four));
    refused("b.length = 4: expected a.length = 2", () -> ComplexArrays.dot(two, four));
    refused(
        "a.length = 3: expected an even length (interleaved re, im pairs)",
        () -> ComplexArrays.scale(2, new double[3]));
    double[] z = {1, -2, 0.5, 3};
    ComplexArrays.scale(-2, z);
    assertArrayEquals(new double[] {-2, 4, -1, -6}, z, 0);
  }

  @Test
  void directConvolutionChecksItsInput() {
    refused(
        "b.length = 0: expected a non-empty sequence",
        () -> Convolution.direct(new double[] {1}, new double[0]));
    refused(
        "a[1] = NaN: expected a finite number",
        () -> Convolution.direct(new double[] {1, Double.NaN}, new double[] {1}));
  }

  @Test
  void normsAtTheEdgesOfTheDoubleRange() {
    assertEquals(
        Double.POSITIVE_INFINITY, Vectors.norm2(new double[] {1, Double.NEGATIVE_INFINITY}));
    assertEquals(Double.NaN, Vectors.norm2(new double[] {1, Double.NaN, 2}));
    assertEquals(0.0, Vectors.norm2(new double[3]));
    assertEquals(0.0, Vectors.normInf(new double[0]));
    assertEquals(Double.NaN, Vectors.normInf(new double[] {Double.NaN, 5}));
    assertEquals(5.0, Vectors.normInf(new double[] {-5, 4, Double.MIN_VALUE}));
    // odd lengths exercise the scaled tail; references from exact Pythagorean quadruples
    for (double s : new double[] {1e-200, 1e200, 1e300, Double.MIN_VALUE}) {
      double[] x = {2 * s, -3 * s, 6 * s}; // norm 7 s
      assertEquals(7 * s, Vectors.norm2(x), 1e-15 * 7 * s, "scale " + s);
      double[] y = {1 * s, 2 * s, 2 * s, 4 * s, 4 * s}; // 1 + 4 + 4 + 16 + 16 = 41
      assertEquals(Math.sqrt(41) * s, Vectors.norm2(y), 1e-15 * 7 * s, "scale " + s);
    }
  }
}
