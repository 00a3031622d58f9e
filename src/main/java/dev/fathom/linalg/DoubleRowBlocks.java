package dev.fathom.linalg;

import java.util.Arrays;

/**
 * A matrix of doubles stored by blocks of whole rows, one array per block, as {@link
 * SquaredEuclidean#similarityBlocks(double[][], int)} returns it. This type exposes its storage for
 * kernels that stream rows: row {@code i} is the {@link #columns()} entries of {@link #array(int)
 * array(i)} from {@link #offset(int) offset(i)}, {@code (i % rowsPerBlock()) * columns()}. The
 * arrays are shared, not copied, and writes through them change the matrix.
 *
 * <p>Why blocks: an n x n matrix of n row arrays (80 KB each at n = 10^4) is born in the JVM's
 * young generation, and its collections copy the rows, up to the whole matrix. Blocks of many rows
 * are sized to the G1 collector's heap regions (read from the running JVM): each block at least
 * half a region, so that G1 allocates it outside the young generation and never copies it, and
 * filling its regions closely (an array that large leaves the rest of its last region unused). A
 * matrix smaller than half a region is one block.
 *
 * @since 1.0
 */
public final class DoubleRowBlocks extends RowBlockShape {
  private final double[][] blocks;

  /** The layout; the blocks are allocated by {@link #allocate(int)}. */
  DoubleRowBlocks(int rows, int columns, int rowsPerBlock) {
    super(rows, columns, rowsPerBlock);
    this.blocks = new double[blockCount()][];
  }

  /**
   * Allocates the (zeroed) blocks in parallel and returns the array of each row, for kernels that
   * write row {@code i} from {@link #rowOffsets()}{@code [i]}.
   */
  double[][] allocate(int threads) {
    ParallelTasks.run(threads, blocks.length, b -> blocks[b] = new double[blockLength(b)]);
    double[][] a = new double[rows][];
    for (int i = 0; i < rows; i++) {
      a[i] = blocks[i / rowsPerBlock];
    }
    return a;
  }

  /**
   * The array that holds row {@code i} (its block), not a copy.
   *
   * @param i the row, in {@code [0, rows())}
   * @return the block array
   */
  public double[] array(int i) {
    return blocks[blockOf(i)];
  }

  /**
   * One entry.
   *
   * @param i the row, in {@code [0, rows())}
   * @param j the column, in {@code [0, columns())}
   * @return the entry
   */
  public double get(int i, int j) {
    return blocks[blockOf(i)][entry(i, j)];
  }

  /**
   * A copy as one array per row.
   *
   * @return the rows
   */
  public double[][] toRows() {
    double[][] out = new double[rows][];
    for (int i = 0; i < rows; i++) {
      int o = offset(i);
      out[i] = Arrays.copyOfRange(blocks[i / rowsPerBlock], o, o + columns);
    }
    return out;
  }
}
