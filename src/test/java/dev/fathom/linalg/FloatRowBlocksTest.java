package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The float similarity stored by row blocks against the float row API, bitwise. */
class FloatRowBlocksTest {
  @Test
  void blocksHoldBitwiseTheRowsOfEveryLayoutKernelAndThreadCount() {
    for (int n : DoubleRowBlocksTest.SIZES) {
      double[][] p = DoubleRowBlocksTest.points(n + 100, n, 1 + n % 11);
      float[][] rows = SquaredEuclidean.similarityFloat(p, 1, null);
      for (GramKernel k : new GramKernel[] {null, GramKernel.SELECTED}) {
        for (int r : DoubleRowBlocksTest.layouts(n)) {
          for (int threads : new int[] {1, 3}) {
            FloatRowBlocks b = SquaredEuclidean.similarityFloatBlocks(p, threads, k, r);
            String at = "n " + n + ", rows per block " + r + ", threads " + threads + ", " + k;
            assertEquals(n, b.rows(), at);
            assertEquals(n, b.columns(), at);
            assertEquals(r, b.rowsPerBlock(), at);
            float[][] copy = b.toRows();
            for (int i = 0; i < n; i++) {
              assertArrayEquals(rows[i], copy[i], 0f, at + ", row " + i);
              for (int j = 0; j < n; j++) {
                assertEquals(rows[i][j], b.array(i)[b.offset(i) + j], 0f, at);
                assertEquals(rows[i][j], b.get(i, j), 0f, at);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void defaultLayoutAndSharedBlocks() {
    double[][] p = DoubleRowBlocksTest.points(9, 700, 5);
    FloatRowBlocks b = SquaredEuclidean.similarityFloatBlocks(p, 2);
    assertArrayEquals(SquaredEuclidean.similarityFloat(p, 1), b.toRows());
    int r = RowBlockSizing.rowsPerBlock(700, 700, Float.BYTES);
    assertEquals(r, b.rowsPerBlock());
    for (int i = 1; i < 700; i++) {
      assertEquals(i % r * 700, b.offset(i));
      if (i % r != 0) {
        assertSame(b.array(i - 1), b.array(i));
      } else {
        assertNotSame(b.array(i - 1), b.array(i));
      }
    }
  }

  @Test
  void badIndicesAndInput() {
    FloatRowBlocks b =
        SquaredEuclidean.similarityFloatBlocks(DoubleRowBlocksTest.points(2, 3, 2), 1);
    assertEquals(
        "j = 3: expected an index in [0, 3)",
        assertThrows(IllegalArgumentException.class, () -> b.get(0, 3)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.array(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SquaredEuclidean.similarityFloatBlocks(DoubleRowBlocksTest.points(2, 3, 2), -2));
    assertThrows(NullPointerException.class, () -> SquaredEuclidean.similarityFloatBlocks(null, 1));
    // squared distances above FLOAT_LIMIT are refused, as by the row API
    assertThrows(
        IllegalArgumentException.class,
        () -> SquaredEuclidean.similarityFloatBlocks(new double[][] {{1e19}, {-1e19}}, 1));
  }
}
