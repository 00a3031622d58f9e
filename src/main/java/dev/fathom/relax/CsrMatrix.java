package dev.fathom.relax;

import dev.fathom.core.Args;
import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;

/**
 * A square sparse matrix in compressed sparse row form with a nonzero diagonal: the row view that
 * SOR and SSOR sweeps need. Built from EJML's column-compressed {@link DMatrixSparseCSC}; column
 * indices are sorted within each row and duplicates summed, so each row splits into its strictly
 * lower part, its diagonal entry and its strictly upper part.
 *
 * <p>Immutable after construction and safe to share between threads.
 *
 * @since 1.0
 */
public final class CsrMatrix implements LinearOperator {
  final int n;
  final int[] rowPtr;
  final int[] col;
  final double[] val;

  /** Position of the diagonal entry of row i in col/val. */
  final int[] diagPos;

  private CsrMatrix(int n, int[] rowPtr, int[] col, double[] val) {
    this.n = n;
    this.rowPtr = rowPtr;
    this.col = col;
    this.val = val;
    this.diagPos = new int[n];
    for (int i = 0; i < n; i++) {
      int p = -1;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        if (col[k] == i) {
          p = k;
          break;
        }
      }
      if (p < 0 || val[p] == 0) {
        throw Args.fail(
            "A[" + i + "][" + i + "]", p < 0 ? 0.0 : val[p], "a nonzero diagonal entry");
      }
      diagPos[i] = p;
    }
  }

  /**
   * Converts an EJML sparse matrix. Every stored value must be finite and every diagonal entry
   * nonzero.
   *
   * @param a a square matrix (not modified)
   * @return its row-compressed copy
   * @throws IllegalArgumentException if a is not square, has a NaN or infinite entry, or a zero (or
   *     missing) diagonal entry
   */
  public static CsrMatrix from(DMatrixSparseCSC a) {
    Args.notNull("A", a);
    int n = a.numRows;
    if (a.numCols != n) {
      throw Args.fail("A.numCols", a.numCols, "A.numRows = " + n + " (a square matrix)");
    }
    Args.positive("A.numRows", n);
    int nz = a.nz_length;
    int[] count = new int[n + 1];
    for (int k = 0; k < nz; k++) {
      count[a.nz_rows[k] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      count[i + 1] += count[i];
    }
    int[] next = Arrays.copyOf(count, n);
    int[] col = new int[nz];
    double[] val = new double[nz];
    for (int j = 0; j < n; j++) {
      for (int k = a.col_idx[j]; k < a.col_idx[j + 1]; k++) {
        int i = a.nz_rows[k];
        double v = a.nz_values[k];
        if (!Double.isFinite(v)) {
          throw Args.fail("A[" + i + "][" + j + "]", v, "a finite number");
        }
        col[next[i]] = j;
        val[next[i]++] = v;
      }
    }
    // Columns arrive in increasing order within each row; merge duplicates in place.
    int[] rowPtr = new int[n + 1];
    int w = 0;
    for (int i = 0; i < n; i++) {
      int start = w;
      for (int k = count[i]; k < count[i + 1]; k++) {
        if (w > start && col[w - 1] == col[k]) {
          val[w - 1] += val[k];
        } else {
          col[w] = col[k];
          val[w++] = val[k];
        }
      }
      rowPtr[i + 1] = w;
    }
    return new CsrMatrix(n, rowPtr, Arrays.copyOf(col, w), Arrays.copyOf(val, w));
  }

  /**
   * The 5-point finite-difference Laplacian on an m-by-m interior grid (MATLAB's {@code
   * delsq(numgrid('S', m + 2))}): 4 on the diagonal, -1 for each grid neighbour, dimension m^2, in
   * row-major grid order.
   *
   * @param m the grid side, at least 1
   * @return the matrix
   */
  public static CsrMatrix laplacian2d(int m) {
    return stencil2d(m, 4.0, -1.0);
  }

  /** The 5-point stencil matrix on an m-by-m grid with the given diagonal and neighbour values. */
  static CsrMatrix stencil2d(int m, double diagonal, double neighbour) {
    Args.positive("m", m);
    long nl = (long) m * m;
    if (nl > Integer.MAX_VALUE / 5) {
      throw Args.fail("m", m, "at most " + (int) Math.sqrt(Integer.MAX_VALUE / 5.0));
    }
    int n = (int) nl;
    int[] rowPtr = new int[n + 1];
    int[] col = new int[5 * n];
    double[] val = new double[5 * n];
    int w = 0;
    for (int gi = 0; gi < m; gi++) {
      for (int gj = 0; gj < m; gj++) {
        int i = gi * m + gj;
        if (gi > 0) {
          col[w] = i - m;
          val[w++] = neighbour;
        }
        if (gj > 0) {
          col[w] = i - 1;
          val[w++] = neighbour;
        }
        col[w] = i;
        val[w++] = diagonal;
        if (gj < m - 1) {
          col[w] = i + 1;
          val[w++] = neighbour;
        }
        if (gi < m - 1) {
          col[w] = i + m;
          val[w++] = neighbour;
        }
        rowPtr[i + 1] = w;
      }
    }
    return new CsrMatrix(n, rowPtr, Arrays.copyOf(col, w), Arrays.copyOf(val, w));
  }

  /**
   * Returns {@code alpha * this + shift * I}, sharing the sparsity pattern.
   *
   * @param alpha the scale of this matrix, finite
   * @param shift the diagonal shift, finite
   * @return the new matrix
   * @throws IllegalArgumentException if a diagonal entry of the result is zero
   */
  public CsrMatrix scaleAndShift(double alpha, double shift) {
    Args.finite("alpha", alpha);
    Args.finite("shift", shift);
    double[] v = new double[val.length];
    for (int k = 0; k < v.length; k++) {
      v[k] = alpha * val[k];
    }
    for (int i = 0; i < n; i++) {
      v[diagPos[i]] += shift;
    }
    return new CsrMatrix(n, rowPtr, col, v);
  }

  /**
   * Returns {@code this + shift * I}.
   *
   * @param shift the diagonal shift, finite
   * @return the shifted matrix
   * @throws IllegalArgumentException if a diagonal entry of the result is zero
   */
  public CsrMatrix plusDiagonal(double shift) {
    return scaleAndShift(1.0, shift);
  }

  @Override
  public int size() {
    return n;
  }

  /**
   * The number of stored entries.
   *
   * @return the count of nonzeros
   */
  public int nonZeros() {
    return val.length;
  }

  /**
   * The diagonal entry {@code A[i][i]}.
   *
   * @param i the row, in [0, n)
   * @return the entry
   */
  public double diagonal(int i) {
    Args.inRange("i", i, 0, n - 1);
    return val[diagPos[i]];
  }

  /**
   * The entry {@code A[i][j]} (zero when not stored); costs O(row length).
   *
   * @param i the row, in [0, n)
   * @param j the column, in [0, n)
   * @return the entry
   */
  public double get(int i, int j) {
    Args.inRange("i", i, 0, n - 1);
    Args.inRange("j", j, 0, n - 1);
    int k = Arrays.binarySearch(col, rowPtr[i], rowPtr[i + 1], j);
    return k >= 0 ? val[k] : 0.0;
  }

  /**
   * Whether the matrix equals its transpose exactly.
   *
   * @return true if symmetric
   */
  public boolean isSymmetric() {
    for (int i = 0; i < n; i++) {
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        int j = col[k];
        if (j > i) {
          int t = Arrays.binarySearch(col, rowPtr[j], rowPtr[j + 1], i);
          if (t < 0 || val[t] != val[k]) {
            return false;
          }
        }
      }
    }
    return true;
  }

  @Override
  public void apply(double[] x, double[] out) {
    Args.length("x", x, n);
    Args.length("out", out, n);
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += val[k] * x[col[k]];
      }
      out[i] = s;
    }
  }

  /**
   * Computes {@code r = b - A x} and returns its Euclidean norm.
   *
   * @param b the right-hand side, length n
   * @param x the point, length n
   * @param r the output, length n
   * @return {@code ||b - A x||}
   */
  public double residual(double[] b, double[] x, double[] r) {
    Args.length("b", b, n);
    Args.length("x", x, n);
    Args.length("r", r, n);
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s -= val[k] * x[col[k]];
      }
      r[i] = s;
      ss += s * s;
    }
    return Math.sqrt(ss);
  }

  /**
   * Converts back to EJML's column-compressed form.
   *
   * @return a new {@link DMatrixSparseCSC} with the same entries
   */
  public DMatrixSparseCSC toCsc() {
    DMatrixSparseCSC out = new DMatrixSparseCSC(n, n, val.length);
    int[] count = new int[n + 1];
    for (int k = 0; k < col.length; k++) {
      count[col[k] + 1]++;
    }
    for (int j = 0; j < n; j++) {
      count[j + 1] += count[j];
    }
    int[] next = Arrays.copyOf(count, n);
    for (int i = 0; i < n; i++) {
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        int p = next[col[k]]++;
        out.nz_rows[p] = i;
        out.nz_values[p] = val[k];
      }
    }
    System.arraycopy(count, 0, out.col_idx, 0, n + 1);
    out.nz_length = val.length;
    out.indicesSorted = true;
    return out;
  }
}
