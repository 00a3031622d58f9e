package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Indices and sizes are checked before use (issue 15). */
class IndexChecksTest {
  private static final double[][] X = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

  @Test
  void coresetRowsAndSelectRefuseIndicesBeyondTheData() {
    Coreset c = new Coreset(new int[] {0, 5}, new double[] {1, 2});
    String m = assertThrows(IllegalArgumentException.class, () -> c.rows(X)).getMessage();
    assertTrue(m.startsWith("data.length = 4"), m);
    assertThrows(IllegalArgumentException.class, () -> c.copyRows(X));
    m = assertThrows(IllegalArgumentException.class, () -> c.select(new double[3])).getMessage();
    assertTrue(m.startsWith("values.length = 3"), m);
    // within range: the rows and entries, in coreset order
    Coreset ok = new Coreset(new int[] {3, 1}, new double[] {1, 2});
    assertArrayEquals(new double[] {13, 11}, ok.select(new double[] {10, 11, 12, 13}));
    assertArrayEquals(X[3], ok.copyRows(X)[0]);
  }

  @Test
  void coresetOfEverythingRefusesSizesBeyondAnArray() {
    String m =
        assertThrows(IllegalArgumentException.class, () -> Coreset.all(Integer.MAX_VALUE))
            .getMessage();
    assertTrue(m.startsWith("n = 2147483647"), m);
  }

  @Test
  void mmdRefusesOutOfRangeIndicesAndANonFiniteSelfTerm() {
    Kernel k = Kernel.gaussian(1);
    String m =
        assertThrows(IllegalArgumentException.class, () -> Mmd.of(X, k, new int[] {0, 4}))
            .getMessage();
    assertTrue(m.startsWith("indices[1] = 4"), m);
    Coreset c = Coreset.all(4);
    m =
        assertThrows(IllegalArgumentException.class, () -> Mmd.of(X, k, c, Double.NaN))
            .getMessage();
    assertTrue(m.startsWith("selfTerm = NaN"), m);
    assertThrows(IllegalArgumentException.class, () -> Mmd.of(X, k, c, Double.NEGATIVE_INFINITY));
    // a coreset index beyond a shorter x: refused, not an ArrayIndexOutOfBoundsException
    double[][] shorter = {X[0], X[1], X[2]};
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Mmd.of(shorter, k, c, Mmd.selfTerm(shorter, k)))
            .getMessage();
    assertTrue(m.startsWith("coreset.index(3) = 3"), m);
    // the whole set against itself: MMD 0
    assertEquals(0, Mmd.of(X, k, c, Mmd.selfTerm(X, k)), 1e-7);
  }
}
