package dev.fathom.linalg;

import dev.fathom.core.Args;

/**
 * The layout shared by {@link DoubleRowBlocks} and {@link FloatRowBlocks}: {@code rows} rows of
 * {@code columns} entries in blocks of {@code rowsPerBlock} whole rows (the last block may have
 * fewer), row {@code i} in block {@code i / rowsPerBlock} from offset {@code (i % rowsPerBlock)
 * columns}.
 */
abstract sealed class RowBlockShape permits DoubleRowBlocks, FloatRowBlocks {
  final int rows;
  final int columns;
  final int rowsPerBlock;

  RowBlockShape(int rows, int columns, int rowsPerBlock) {
    this.rows = rows;
    this.columns = columns;
    this.rowsPerBlock = rowsPerBlock;
  }

  /**
   * The number of rows.
   *
   * @return the rows
   */
  public int rows() {
    return rows;
  }

  /**
   * The number of columns (the length of every row).
   *
   * @return the columns
   */
  public int columns() {
    return columns;
  }

  /**
   * The rows per block (the last block may have fewer).
   *
   * @return the rows per block
   */
  public int rowsPerBlock() {
    return rowsPerBlock;
  }

  /**
   * Where row {@code i} starts in its block.
   *
   * @param i the row, in {@code [0, rows())}
   * @return the offset, {@code (i % rowsPerBlock()) * columns()}
   */
  public int offset(int i) {
    return Args.index("i", i, rows) % rowsPerBlock * columns;
  }

  /** The number of blocks. */
  final int blockCount() {
    return (rows + rowsPerBlock - 1) / rowsPerBlock;
  }

  /** The entries of block {@code b}. */
  final int blockLength(int b) {
    return Math.min(rowsPerBlock, rows - b * rowsPerBlock) * columns;
  }

  /** The block of row {@code i}, checked. */
  final int blockOf(int i) {
    return Args.index("i", i, rows) / rowsPerBlock;
  }

  /** The offset of entry j of row i, both checked. */
  final int entry(int i, int j) {
    return offset(i) + Args.index("j", j, columns);
  }

  /** Where each row starts in its block, for kernels. */
  final int[] rowOffsets() {
    int[] o = new int[rows];
    for (int i = 0; i < rows; i++) {
      o[i] = i % rowsPerBlock * columns;
    }
    return o;
  }
}
