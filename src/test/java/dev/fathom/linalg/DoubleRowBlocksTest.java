package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The similarity stored by row blocks against the row API (bitwise, every layout, kernel and thread
 * count), the block layout itself, and the block sizing against a brute-force search.
 */
class DoubleRowBlocksTest {
  /** Sizes around the tile rows (64) and the micro-kernel rows (4, 8). */
  static final int[] SIZES = {1, 2, 3, 5, 8, 63, 64, 65, 127, 128, 129, 200};

  static double[][] points(long seed, int n, int d) {
    RandomGenerator rng = Rng.create(seed);
    double[][] p = new double[n][d];
    for (double[] r : p) {
      Rng.gaussian(rng, r);
      r[0] += 50;
    }
    return p;
  }

  /** Block row counts for n rows: one row, odd ones straddling tiles, a tile, all rows. */
  static int[] layouts(int n) {
    return java.util.stream.IntStream.of(1, 2, 7, 64, 65, n - 1, n)
        .filter(r -> r >= 1 && r <= n)
        .distinct()
        .toArray();
  }

  @Test
  void blocksHoldBitwiseTheRowsOfEveryLayoutKernelAndThreadCount() {
    for (int n : SIZES) {
      double[][] p = points(n, n, 1 + n % 13);
      double[][] rows = SquaredEuclidean.similarity(p, 1, null);
      for (GramKernel k : new GramKernel[] {null, GramKernel.SELECTED}) {
        for (int r : layouts(n)) {
          for (int threads : new int[] {1, 3}) {
            DoubleRowBlocks b = SquaredEuclidean.similarityBlocks(p, threads, k, r);
            String at = "n " + n + ", rows per block " + r + ", threads " + threads + ", " + k;
            assertEquals(n, b.rows(), at);
            assertEquals(n, b.columns(), at);
            assertEquals(r, b.rowsPerBlock(), at);
            double[][] copy = b.toRows();
            for (int i = 0; i < n; i++) {
              assertArrayEquals(rows[i], copy[i], 0.0, at + ", row " + i);
              for (int j = 0; j < n; j++) {
                assertEquals(rows[i][j], b.array(i)[b.offset(i) + j], 0.0, at);
                assertEquals(rows[i][j], b.get(i, j), 0.0, at);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void theDefaultLayoutGivesTheSameEntries() {
    double[][] p = points(5, 300, 17);
    double[][] rows = SquaredEuclidean.similarity(p, 2);
    DoubleRowBlocks b = SquaredEuclidean.similarityBlocks(p, 2);
    assertArrayEquals(rows, b.toRows());
    assertEquals(
        RowBlockSizing.rowsPerBlock(300, 300, Double.BYTES), b.rowsPerBlock(), "the sizing");
  }

  @Test
  void rowsOfABlockShareOneArrayAtConsecutiveOffsets() {
    int n = 23;
    int r = 5;
    DoubleRowBlocks b = SquaredEuclidean.similarityBlocks(points(1, n, 3), 1, null, r);
    for (int i = 0; i < n; i++) {
      assertEquals((i % r) * n, b.offset(i));
      int rowsHere = Math.min(r, n - i / r * r);
      assertEquals(rowsHere * n, b.array(i).length, "block length, row " + i);
      if (i % r != 0) {
        assertSame(b.array(i - 1), b.array(i));
      } else if (i > 0) {
        assertNotSame(b.array(i - 1), b.array(i));
      }
    }
    // the storage is shared: a write through it is seen by get
    b.array(7)[b.offset(7) + 4] = -1;
    assertEquals(-1.0, b.get(7, 4));
  }

  @Test
  void badIndicesAndInput() {
    DoubleRowBlocks b = SquaredEuclidean.similarityBlocks(points(2, 4, 2), 1);
    assertEquals(
        "i = 4: expected an index in [0, 4)",
        assertThrows(IllegalArgumentException.class, () -> b.array(4)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.offset(-1));
    assertThrows(IllegalArgumentException.class, () -> b.get(0, 4));
    assertEquals(
        "threads = 0: expected a positive integer",
        assertThrows(
                IllegalArgumentException.class,
                () -> SquaredEuclidean.similarityBlocks(points(2, 4, 2), 0))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SquaredEuclidean.similarityBlocks(new double[][] {{1, 2}, {3}}, 1));
    assertThrows(NullPointerException.class, () -> SquaredEuclidean.similarityBlocks(null, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SquaredEuclidean.similarityBlocks(new double[][] {{1e200}, {-1e200}}, 1));
  }

  /** The regions a block of {@code bytes} of elements occupies. */
  private static long regions(long bytes, long unit) {
    return (bytes + RowBlockSizing.HEADER + unit - 1) / unit;
  }

  /** Every block row count, brute force: its waste, or -1 if the block is not humongous. */
  private static long waste(int rows, long row, long unit, long r) {
    if (r < rows && r * row + RowBlockSizing.HEADER < unit / 2) {
      return -1;
    }
    long used = rows / r * regions(r * row, unit) * unit;
    long rest = rows % r * row;
    if (rest > 0) {
      // a last block below half a region is an ordinary object: no region wasted
      used += rest + RowBlockSizing.HEADER < unit / 2 ? rest : regions(rest, unit) * unit;
    }
    return used - rows * row;
  }

  @Test
  void sizingFillsRegionsAsABruteForceSearchDoes() {
    long mb = 1 << 20;
    int[][] cases = {
      {10_000, 8}, {10_000, 4}, {1000, 8}, {300, 8}, {4000, 4}, {40_000, 4}, {25_000, 8}, {777, 8}
    };
    for (long unit : new long[] {mb, 2 * mb, 4 * mb, 32 * mb}) {
      for (int[] c : cases) {
        int n = c[0];
        long row = (long) n * c[1];
        int got = RowBlockSizing.rowsPerBlock(n, n, c[1], unit);
        String at = "n " + n + ", bytes " + c[1] + ", unit " + unit + ", rows " + got;
        assertTrue(got >= 1 && got <= n, at);
        if (n * row + RowBlockSizing.HEADER < unit / 2) {
          assertEquals(n, got, at + ": a small matrix is one block");
          continue;
        }
        long w = waste(n, row, unit, got);
        assertTrue(w >= 0, at + ": each block humongous (at least half a region)");
        long cap = Math.max(regions(row, unit), RowBlockSizing.SPAN);
        assertTrue(regions(Math.min(got, n) * row, unit) <= cap, at + ": blocks stay small");
        long best = Long.MAX_VALUE;
        for (long r = 1; r <= n && regions(r * row, unit) <= cap; r++) {
          long wr = waste(n, row, unit, r);
          if (wr >= 0) {
            best = Math.min(best, wr);
            if (r < got) {
              assertTrue(wr > n * row / 64, at + ": " + r + " rows would do");
            }
          }
        }
        assertTrue(w <= Math.max(best, n * row / 64), at + ": waste " + w + ", best " + best);
      }
    }
    // G1's ergonomic region size (the fallback without the diagnostic bean)
    assertEquals(mb, RowBlockSizing.ergonomicRegion(0));
    assertEquals(mb, RowBlockSizing.ergonomicRegion(2L << 30));
    assertEquals(2 * mb, RowBlockSizing.ergonomicRegion(3L << 30));
    assertEquals(4 * mb, RowBlockSizing.ergonomicRegion(6L << 30));
    assertEquals(4 * mb, RowBlockSizing.ergonomicRegion(8L << 30));
    assertEquals(32 * mb, RowBlockSizing.ergonomicRegion(1L << 40));
    long unit = RowBlockSizing.unit();
    assertTrue(
        unit == RowBlockSizing.DEFAULT_UNIT || Long.bitCount(unit) == 1 && unit >= mb,
        "this JVM's unit " + unit);
    // apricot's setup: 26 double rows (2.08 MB) in one 2 MB region each (-Xmx3g), 52 in one of
    // 4 MB (-Xmx6g)
    assertEquals(26, RowBlockSizing.rowsPerBlock(10_000, 10_000, 8, 2 * mb));
    assertEquals(52, RowBlockSizing.rowsPerBlock(10_000, 10_000, 4, 2 * mb));
    assertEquals(52, RowBlockSizing.rowsPerBlock(10_000, 10_000, 8, 4 * mb));
    assertEquals(104, RowBlockSizing.rowsPerBlock(10_000, 10_000, 4, 4 * mb));
  }
}
