package dev.fathom.linalg;

import dev.fathom.core.Args;

/**
 * The dense similarity {@code s(i, j) = max D - D(i, j)} on squared Euclidean distances, built the
 * way BLAS-backed libraries do it but without BLAS: the points are centred, {@code D(i, j) =
 * |x_i|^2 + |x_j|^2 - 2 x_i.x_j} is computed from the Gram matrix in cache tiles of {@link #ROWS}
 * by {@link #COLS} entries over the upper triangle only (negative round-off clamped to 0, the
 * diagonal exactly 0); then one pass by square blocks mirrors the lower triangle and applies {@code
 * max D - D} to both.
 *
 * <p>The scalar inner loop is a six-term update {@code c[j] += a0 t0[j] + ... + a5 t5[j]} over one
 * output row and six rows of the transposed points, all indexed by the same {@code j}, which C2
 * vectorizes (AVX2 / AVX-512); it needs one load per multiply-add. When the JVM runs with {@code
 * --add-modules jdk.incubator.vector}, the {@link GramKernel} micro-kernel (eight rows, or four at
 * a block's end, by two vectors of columns in registers) does the whole micro-tiles of each tile,
 * about twice as fast, and dot products of the rows the ragged edges (no transposed copy is made
 * then). Every entry is the same sequence of fused multiply-adds over the coordinates in order,
 * starting from zero, whatever kernel, tile or thread computes it, and the maximum is an exact
 * reduction, so the matrix is bitwise the same with or without the SIMD kernel and for every thread
 * count, and exactly symmetric.
 *
 * <p>The result comes as one array per row ({@link #similarity(double[][], int)}, {@link
 * #similarityFloat(double[][], int)}), or in blocks of many rows ({@link
 * #similarityBlocks(double[][], int)}, {@link #similarityFloatBlocks(double[][], int)}) sized so
 * that G1 allocates them outside its young generation: at n = 10^4 the rows would be copied by
 * young collections (up to the whole matrix, 800 MB in double), the blocks never are. Both hold
 * bitwise the same entries; every pass writes an output row as an (array, offset) pair.
 *
 * @since 1.0
 */
public final class SquaredEuclidean {
  /**
   * The largest squared norm of a centred point, so that every distance and Gram entry is finite.
   */
  static final double MAX_NORM = 1e307;

  /**
   * The largest squared distance {@link #similarityFloat(double[][], int)} accepts: a consumer may
   * add up to 64 similarities in one float partial sum (submodular facility location adds 32
   * doubled ones per lane), which must stay finite.
   */
  public static final double FLOAT_LIMIT = Float.MAX_VALUE / 64;

  /** Output rows per tile: their column slices stay in L2 while the k loop runs. */
  static final int ROWS = 64;

  /** Output columns per tile: six transposed rows of this many entries stay in L1/L2. */
  static final int COLS = 512;

  private SquaredEuclidean() {}

  /**
   * The centred points (double, or rounded to float), their squared norms (of the stored values),
   * and for the scalar loops the transposed points (one row per axis), prepared in parallel row
   * blocks; every value is computed by one thread in a fixed order, so the result does not depend
   * on the thread count.
   */
  private static final class Centred {
    final int n;
    final double[] norms;
    double[][] rows;
    double[][] cols;
    float[][] rowsF;
    float[][] colsF;

    /**
     * @param transposed whether to build the transposed points (only the scalar loops read them)
     */
    Centred(double[][] points, boolean single, int threads, boolean transposed) {
      n = points.length;
      int d = points[0].length;
      double[] mean = new double[d];
      // each axis summed in point order by one thread
      int axisBlocks = (d + COLS - 1) / COLS;
      ParallelTasks.run(
          threads,
          axisBlocks,
          a -> {
            int k1 = Math.min(d, (a + 1) * COLS);
            // a running mean: a plain sum could overflow on coordinates near Double.MAX_VALUE
            for (int i = 0; i < n; i++) {
              double[] p = points[i];
              for (int k = a * COLS; k < k1; k++) {
                mean[k] += (p[k] - mean[k]) / (i + 1);
              }
            }
          });
      norms = new double[n];
      if (single) {
        rowsF = new float[n][d];
        colsF = new float[transposed ? d : 0][n];
      } else {
        rows = new double[n][d];
        cols = new double[transposed ? d : 0][n];
      }
      ParallelTasks.run(
          threads,
          blocks(n),
          b -> {
            int i1 = Math.min(n, (b + 1) * ROWS);
            for (int i = b * ROWS; i < i1; i++) {
              double s = 0;
              for (int k = 0; k < d; k++) {
                double v = points[i][k] - mean[k];
                if (single) {
                  float f = (float) v;
                  rowsF[i][k] = f;
                  v = f;
                } else {
                  rows[i][k] = v;
                }
                s += v * v;
              }
              if (!(s <= MAX_NORM)) {
                throw Args.fail(
                    "points[" + i + "]",
                    "squared distance " + s + " from the mean",
                    "at most 1e307 (squared distances must stay finite)");
              }
              norms[i] = s;
            }
            for (int k = 0; transposed && k < d; k++) {
              for (int i = b * ROWS; i < i1; i++) {
                if (single) {
                  colsF[k][i] = rowsF[i][k];
                } else {
                  cols[k][i] = rows[i][k];
                }
              }
            }
          });
    }
  }

  /** One precision's storage: the Gram tile with its epilogue, and the in-place square pass. */
  private interface Rows {
    /**
     * Allocates rows [i0, i1) (zeroed; by the thread that computes them, while they are cached) and
     * returns the block's rows packed for the SIMD kernel ({@code null} without one).
     */
    Object allocate(int i0, int i1);

    /**
     * Writes {@code D(i, j)} (clamped at 0, diagonal 0) over the tile and returns its largest
     * entry.
     */
    double distanceTile(Object packed, int i0, int i1, int j0, int j1);

    /**
     * The square of rows [i0, i1) by columns [j0, j1), {@code j0 <= i0}: below the diagonal {@code
     * s(i, j) = max - D(j, i)}, and the mirrored upper entries {@code (j, i)} set to the same
     * value; on the diagonal block ({@code j0 == i0}) also {@code s(i, i) = max}.
     */
    void square(int i0, int i1, int j0, int j1, double max);
  }

  /**
   * The similarity rows in double precision.
   *
   * @param points the points, one row each: rectangular, finite, each at squared distance at most
   *     1e307 from their mean
   * @param threads the number of threads, at least 1 (1 = the calling thread only)
   * @return {@code rows[i][j] = max D - D(i, j)}, bitwise the same for every thread count
   */
  public static double[][] similarity(double[][] points, int threads) {
    Args.rectangular("points", points);
    Args.positive("threads", threads);
    return similarity(points, threads, GramKernel.SELECTED);
  }

  /**
   * The similarity rows in double precision with the given Gram kernel.
   *
   * @param points validated rectangular finite points
   * @param threads the number of threads
   * @param kernel the SIMD kernel, or {@code null} for the scalar loops
   * @return {@code rows[i][j] = max D - D(i, j)}
   */
  static double[][] similarity(double[][] points, int threads, GramKernel kernel) {
    return similarity(points, threads, kernel, null);
  }

  /**
   * The similarity in double precision stored by row blocks (see {@link DoubleRowBlocks}), the
   * storage {@code dev.fathom.submodular.similarity.Similarity.squaredEuclidean} keeps: the same
   * entries as {@link #similarity(double[][], int)}, bitwise, written straight into blocks of many
   * rows, which G1 allocates outside the young generation (no copies by young collections).
   *
   * @param points the points, one row each: rectangular, finite, each at squared distance at most
   *     1e307 from their mean
   * @param threads the number of threads, at least 1 (1 = the calling thread only)
   * @return the n x n matrix {@code max D - D(i, j)}, bitwise the same for every thread count
   */
  public static DoubleRowBlocks similarityBlocks(double[][] points, int threads) {
    Args.rectangular("points", points);
    Args.positive("threads", threads);
    int n = points.length;
    return similarityBlocks(
        points, threads, GramKernel.SELECTED, RowBlockSizing.rowsPerBlock(n, n, 8));
  }

  /** {@link #similarityBlocks(double[][], int)} with the given kernel and block rows. */
  static DoubleRowBlocks similarityBlocks(
      double[][] points, int threads, GramKernel kernel, int rowsPerBlock) {
    int n = points.length;
    DoubleRowBlocks blocks = new DoubleRowBlocks(n, n, rowsPerBlock);
    similarity(points, threads, kernel, blocks);
    return blocks;
  }

  /**
   * The build: into new rows (returned) when {@code blocks} is null, else into {@code blocks},
   * allocated once the points are validated (the rows returned then are its row arrays).
   */
  private static double[][] similarity(
      double[][] points, int threads, GramKernel kernel, DoubleRowBlocks blocks) {
    boolean simd = kernel != null && points[0].length > 0;
    // the blocks first: their (humongous) allocation may start a young collection, which then
    // finds the centred points and packed strips not yet allocated, so it has nothing to copy
    double[][] blockRows = blocks == null ? null : blocks.allocate(threads);
    Centred c = new Centred(points, false, threads, !simd);
    double[][] x = c.rows;
    double[][] xt = c.cols;
    double[][] panels = simd ? GramTiles.panels(x, kernel.width(), threads) : null;
    double[] norms = c.norms;
    int n = c.n;
    boolean rowsWanted = blocks == null;
    double[][] out = rowsWanted ? new double[n][] : blockRows;
    int[] off = rowsWanted ? new int[n] : blocks.rowOffsets();
    build(
        n,
        threads,
        new Rows() {
          @Override
          public Object allocate(int i0, int i1) {
            for (int i = i0; rowsWanted && i < i1; i++) {
              out[i] = new double[n];
            }
            return panels != null
                ? kernel.pack(x, i0, GramTiles.kernelRows(i0, i1))
                : rowsWanted ? null : GramTiles.scratch(false, ROWS, COLS);
          }

          @Override
          public double distanceTile(Object packed, int i0, int i1, int j0, int j1) {
            GramTiles.tile(kernel, packed, panels, x, xt, out, off, i0, i1, j0, j1);
            double m = 0;
            for (int i = i0; i < i1; i++) {
              double[] r = out[i];
              int o = off[i];
              double ni = norms[i];
              for (int j = j0; j < j1; j++) {
                double t = ni + norms[j] - 2 * r[o + j];
                double v = t > 0 ? t : 0.0; // no NaN here: the norms are at most 1e307
                r[o + j] = v;
                m = v > m ? v : m;
              }
              if (i >= j0 && i < j1) {
                r[o + i] = 0.0;
              }
            }
            return m;
          }

          @Override
          public void square(int i0, int i1, int j0, int j1, double max) {
            for (int i = i0; i < i1; i++) {
              double[] r = out[i];
              int o = off[i];
              for (int j = j0, je = Math.min(i, j1); j < je; j++) {
                double[] u = out[j];
                int q = off[j] + i;
                double v = max - u[q];
                r[o + j] = v;
                u[q] = v;
              }
              if (j0 == i0) {
                r[o + i] = max - r[o + i];
              }
            }
          }
        },
        Double.MAX_VALUE,
        "squared distances must stay finite");
    return out;
  }

  /**
   * The Gram matrix {@code g[i][j] = x_i . x_j} of the rows as given (not centred), computed with
   * the same cache tiles and (optional SIMD) micro-kernel as {@link #similarity(double[][], int)}
   * over the upper triangle, the lower triangle mirrored, so it is exactly symmetric and bitwise
   * the same for every thread count and with or without the SIMD kernel.
   *
   * @param rows the vectors, one row each: rectangular and finite, each of squared norm at most
   *     1e307 (so that every entry is finite)
   * @param threads the number of threads, at least 1 (1 = the calling thread only)
   * @return the n x n Gram matrix
   */
  public static double[][] gram(double[][] rows, int threads) {
    Args.rectangular("rows", rows);
    Args.positive("threads", threads);
    return gram(rows, threads, GramKernel.SELECTED);
  }

  /** {@link #gram(double[][], int)} with the given kernel ({@code null}: the scalar loops). */
  static double[][] gram(double[][] rows, int threads, GramKernel kernel) {
    int n = rows.length;
    int d = rows[0].length;
    double[][] x = new double[n][];
    boolean simd = kernel != null && d > 0;
    double[][] xt = new double[simd ? 0 : d][n];
    ParallelTasks.run(
        threads,
        blocks(n),
        b -> {
          for (int i = b * ROWS; i < Math.min(n, (b + 1) * ROWS); i++) {
            double s = 0;
            for (double v : rows[i]) {
              s += v * v;
            }
            if (!(s <= MAX_NORM)) {
              throw Args.fail(
                  "rows[" + i + "]", "squared norm " + s, "at most 1e307 (entries must be finite)");
            }
            x[i] = rows[i];
            for (int k = 0; !simd && k < d; k++) {
              xt[k][i] = rows[i][k];
            }
          }
        });
    double[][] panels = simd ? GramTiles.panels(x, kernel.width(), threads) : null;
    double[][] out = new double[n][];
    int[] off = new int[n];
    upperTriangle(
        n,
        threads,
        (i0, i1) -> {
          for (int i = i0; i < i1; i++) {
            out[i] = new double[n];
          }
          return panels == null ? null : kernel.pack(x, i0, GramTiles.kernelRows(i0, i1));
        },
        (packed, i0, i1, j0, j1) -> {
          GramTiles.tile(kernel, packed, panels, x, xt, out, off, i0, i1, j0, j1);
          return 0;
        });
    ParallelTasks.run(
        threads,
        blocks(n),
        b -> {
          // by square blocks, so that the column reads out[j][i] stay in cache
          int i1 = Math.min(n, (b + 1) * ROWS);
          for (int j0 = 0; j0 < i1; j0 += ROWS) {
            for (int i = b * ROWS; i < i1; i++) {
              double[] r = out[i];
              for (int j = j0, j1 = Math.min(i, j0 + ROWS); j < j1; j++) {
                r[j] = out[j][i];
              }
            }
          }
        });
    return out;
  }

  /**
   * The similarity rows in single precision: the centred points are rounded to float, the Gram
   * matrix is accumulated in float (twice the vector width), norms and distances in double, and the
   * stored similarities are floats.
   *
   * @param points the points, one row each: rectangular, finite, with squared distances at most
   *     {@link #FLOAT_LIMIT}
   * @param threads the number of threads, at least 1 (1 = the calling thread only)
   * @return {@code rows[i][j] = max D - D(i, j)}, rounded to float
   */
  public static float[][] similarityFloat(double[][] points, int threads) {
    Args.rectangular("points", points);
    Args.positive("threads", threads);
    return similarityFloat(points, threads, GramKernel.SELECTED);
  }

  /**
   * The similarity rows in single precision with the given Gram kernel.
   *
   * @param points validated rectangular finite points
   * @param threads the number of threads
   * @param kernel the SIMD kernel, or {@code null} for the scalar loops
   * @return {@code rows[i][j] = max D - D(i, j)}, rounded to float
   */
  static float[][] similarityFloat(double[][] points, int threads, GramKernel kernel) {
    return similarityFloat(points, threads, kernel, null);
  }

  /**
   * The similarity in single precision stored by row blocks (see {@link FloatRowBlocks}), the
   * storage {@code dev.fathom.submodular.similarity.Similarity.squaredEuclidean} keeps for floats:
   * the same entries as {@link #similarityFloat(double[][], int)}, bitwise, written straight into
   * blocks of many rows.
   *
   * @param points the points, one row each: rectangular, finite, with squared distances at most
   *     {@link #FLOAT_LIMIT}
   * @param threads the number of threads, at least 1 (1 = the calling thread only)
   * @return the n x n matrix {@code max D - D(i, j)}, rounded to float
   */
  public static FloatRowBlocks similarityFloatBlocks(double[][] points, int threads) {
    Args.rectangular("points", points);
    Args.positive("threads", threads);
    int n = points.length;
    return similarityFloatBlocks(
        points, threads, GramKernel.SELECTED, RowBlockSizing.rowsPerBlock(n, n, 4));
  }

  /** {@link #similarityFloatBlocks(double[][], int)} with the given kernel and block rows. */
  static FloatRowBlocks similarityFloatBlocks(
      double[][] points, int threads, GramKernel kernel, int rowsPerBlock) {
    int n = points.length;
    FloatRowBlocks blocks = new FloatRowBlocks(n, n, rowsPerBlock);
    similarityFloat(points, threads, kernel, blocks);
    return blocks;
  }

  /** The float twin of {@link #similarity(double[][], int, GramKernel, DoubleRowBlocks)}. */
  private static float[][] similarityFloat(
      double[][] points, int threads, GramKernel kernel, FloatRowBlocks blocks) {
    boolean simd = kernel != null && points[0].length > 0;
    // the blocks first: their (humongous) allocation may start a young collection, which then
    // finds the centred points and packed strips not yet allocated, so it has nothing to copy
    float[][] blockRows = blocks == null ? null : blocks.allocate(threads);
    Centred c = new Centred(points, true, threads, !simd);
    float[][] x = c.rowsF;
    float[][] xt = c.colsF;
    float[][] panels = simd ? GramTiles.panels(x, kernel.widthFloat(), threads) : null;
    double[] norms = c.norms;
    int n = c.n;
    boolean rowsWanted = blocks == null;
    float[][] out = rowsWanted ? new float[n][] : blockRows;
    int[] off = rowsWanted ? new int[n] : blocks.rowOffsets();
    build(
        n,
        threads,
        new Rows() {
          @Override
          public Object allocate(int i0, int i1) {
            for (int i = i0; rowsWanted && i < i1; i++) {
              out[i] = new float[n];
            }
            return panels != null
                ? kernel.pack(x, i0, GramTiles.kernelRows(i0, i1))
                : rowsWanted ? null : GramTiles.scratch(true, ROWS, COLS);
          }

          @Override
          public double distanceTile(Object packed, int i0, int i1, int j0, int j1) {
            GramTiles.tile(kernel, packed, panels, x, xt, out, off, i0, i1, j0, j1);
            float m = 0;
            for (int i = i0; i < i1; i++) {
              float[] r = out[i];
              int o = off[i];
              double ni = norms[i];
              for (int j = j0; j < j1; j++) {
                double t = ni + norms[j] - 2.0 * r[o + j];
                float v = (float) (t > 0 ? t : 0.0);
                r[o + j] = v;
                m = v > m ? v : m;
              }
              if (i >= j0 && i < j1) {
                r[o + i] = 0f;
              }
            }
            return m;
          }

          @Override
          public void square(int i0, int i1, int j0, int j1, double max) {
            float mf = (float) max;
            for (int i = i0; i < i1; i++) {
              float[] r = out[i];
              int o = off[i];
              for (int j = j0, je = Math.min(i, j1); j < je; j++) {
                float[] u = out[j];
                int q = off[j] + i;
                float v = mf - u[q];
                r[o + j] = v;
                u[q] = v;
              }
              if (j0 == i0) {
                r[o + i] = mf - r[o + i];
              }
            }
          }
        },
        FLOAT_LIMIT,
        "float sums of 64 similarities must stay finite");
    return out;
  }

  /**
   * The two passes: distance tiles over the upper triangle (and their maximum), then by square
   * blocks the lower triangle mirrored from the untransformed upper one, which is transformed in
   * place as it is read.
   */
  private static void build(int n, int threads, Rows rows, double limit, String why) {
    double max = max(upperTriangle(n, threads, rows::allocate, rows::distanceTile));
    if (!(max <= limit)) { // also NaN, from infinite norms
      throw Args.fail(
          "points", "largest squared distance " + max, "at most " + limit + " (" + why + ")");
    }
    // one pass by square blocks (the column reads stay in cache), each upper entry read once;
    // the block with the most squares first
    int blocks = blocks(n);
    ParallelTasks.run(
        threads,
        blocks,
        t -> {
          int b = blocks - 1 - t;
          int i1 = Math.min(n, (b + 1) * ROWS);
          for (int j0 = 0; j0 <= b * ROWS; j0 += ROWS) {
            rows.square(b * ROWS, i1, j0, j0 + ROWS, max);
          }
        });
  }

  /** Allocates a row block's state: its output rows, and its rows packed for the SIMD kernel. */
  private interface BlockStart {
    Object allocate(int i0, int i1);
  }

  /** One tile of a row block: the Gram entries (and epilogue) over its rows and columns. */
  private interface TileWork {
    double tile(Object block, int i0, int i1, int j0, int j1);
  }

  /**
   * Runs the tiles of the upper triangle, one task per row block (the largest first): the task
   * allocates the block's rows and packs them ({@code start}, while they are cached), then runs its
   * tiles left to right from the diagonal. Returns each block's tile maximum.
   */
  private static double[] upperTriangle(int n, int threads, BlockStart start, TileWork work) {
    double[] blockMax = new double[blocks(n)];
    ParallelTasks.run(
        threads,
        blockMax.length,
        b -> {
          int i0 = b * ROWS;
          int i1 = Math.min(n, i0 + ROWS);
          Object packed = start.allocate(i0, i1);
          double m = 0;
          for (int j0 = i0; j0 < n; j0 += COLS) {
            m = Math.max(m, work.tile(packed, i0, i1, j0, Math.min(n, j0 + COLS)));
          }
          blockMax[b] = m;
        });
    return blockMax;
  }

  private static int blocks(int n) {
    return (n + ROWS - 1) / ROWS;
  }

  private static double max(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * Whether a SIMD kernel gives bitwise the scalar matrices on a small problem with ragged edges
   * (both precisions).
   *
   * @param k the kernel
   * @return true if it does
   */
  static boolean selfCheck(GramKernel k) {
    double[][] p = new double[2 * ROWS + 27][11]; // ragged: a narrow last strip in both precisions
    for (int i = 0; i < p.length; i++) {
      for (int c = 0; c < p[i].length; c++) {
        p[i][c] = ((i * 7919 + c * 104729) % 1009) / 97.0 - 5;
      }
    }
    return java.util.Arrays.deepEquals(similarity(p, 1, k), similarity(p, 1, null))
        && java.util.Arrays.deepEquals(similarityFloat(p, 1, k), similarityFloat(p, 1, null));
  }
}
