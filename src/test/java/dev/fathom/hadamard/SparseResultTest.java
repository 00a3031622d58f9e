package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import org.junit.jupiter.api.Test;

class SparseResultTest {
  private static SparseResult result(long[] idx, double[] val) {
    return new SparseResult(idx, val, 10, 9, 2, 0, 0.5, 0.0, Status.CONVERGED);
  }

  @Test
  void accessorsCopyAndLookUp() {
    long[] idx = {3, 5, 12};
    double[] val = {1.5, -2, 4};
    SparseResult r = result(idx, val);
    idx[0] = 99;
    val[0] = 99;
    assertArrayEquals(new long[] {3, 5, 12}, r.indices());
    r.indices()[1] = 77;
    assertArrayEquals(new double[] {1.5, -2, 4}, r.values());
    assertEquals(3, r.size());
    assertEquals(-2, r.valueAt(5));
    assertEquals(0, r.valueAt(4));
    assertEquals(2, r.maxDegree()); // 12 = 0b1100, 3 = 0b11, 5 = 0b101
    assertEquals(2.0, r.meanDegree());
    assertEquals(0.0, result(new long[0], new double[0]).meanDegree());
    assertArrayEquals(
        new double[] {0, 0, 0, 1.5, 0, -2, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0}, r.toDense(4));
    assertTrue(r.toString().contains("status=CONVERGED"));
  }

  @Test
  void valueEquality() {
    SparseResult a = result(new long[] {1}, new double[] {2});
    SparseResult b = result(new long[] {1}, new double[] {2});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, result(new long[] {1}, new double[] {3}));
    assertNotEquals(a, result(new long[] {2}, new double[] {2}));
  }

  @Test
  void badInput() {
    SparseResult r = result(new long[] {5, 40}, new double[] {1, 2});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.toDense(5));
    assertTrue(e.getMessage().startsWith("n = 5: expected at least the bit length of 40"));
    assertThrows(IllegalArgumentException.class, () -> r.toDense(31));
    assertThrows(IllegalArgumentException.class, () -> result(new long[] {1, 2}, new double[] {1}));
    assertThrows(NullPointerException.class, () -> result(null, new double[0]));
  }
}
