package dev.fathom.linalg;

/**
 * The Gram matrix of {@link SquaredEuclidean} by cache tiles: a tile of output rows by columns is
 * handed to the SIMD micro-kernel ({@link GramKernel}) on its largest block of whole micro-tiles
 * and to scalar loops on the ragged edges (or everywhere without a kernel), with the points packed
 * by strips of columns for the kernel. Every entry is the same sequence of fused multiply-adds over
 * the coordinates in order, starting from zero, whichever path computes it.
 */
final class GramTiles {
  private GramTiles() {}

  /** The end of the rows from i0 that the SIMD kernel takes: whole groups of its rows. */
  static int kernelRows(int i0, int i1) {
    return i0 + (i1 - i0) / GramKernel.ROWS * GramKernel.ROWS;
  }

  /**
   * The Gram tile: the SIMD kernel on the largest block of whole micro-tiles, dot products on the
   * right strip and the bottom rows; without a kernel ({@code panels} null) the scalar loops over
   * the transposed points {@code xt} everywhere. {@code block} is the row block's state: its rows
   * packed for the kernel, or for the scalar loops {@code null} (output rows at offset 0, written
   * in place) or scratch rows ({@link #scratch(boolean, int, int)}; output rows inside row blocks).
   */
  static void tile(
      GramKernel k,
      Object block,
      double[][] panels,
      double[][] x,
      double[][] xt,
      double[][] out,
      int[] off,
      int i0,
      int i1,
      int j0,
      int j1) {
    int iv = i0;
    int jv = j0;
    if (panels != null) {
      double[] packed = (double[]) block;
      iv = kernelRows(i0, i1);
      int w = k.width();
      jv = j0 + (j1 - j0) / w * w;
      if (iv > i0 && jv > j0) {
        k.gram(packed, panels, out, off, i0, iv, j0, jv);
      }
      if (iv > i0 && j1 - jv >= w / 2) { // the narrow last strip (only there: j1 = n)
        k.gramHalf(packed, panels[jv / w], out, off, i0, iv, jv);
        jv += w / 2;
      }
    }
    if (panels == null) {
      gram(x, xt, (double[][]) block, out, off, i0, i1, j0, j1);
      return;
    }
    if (jv < j1) {
      edge(x, out, off, i0, iv, jv, j1);
    }
    if (iv < i1) {
      edge(x, out, off, iv, i1, j0, j1);
    }
  }

  /** The float twin of the dispatch above. */
  static void tile(
      GramKernel k,
      Object block,
      float[][] panels,
      float[][] x,
      float[][] xt,
      float[][] out,
      int[] off,
      int i0,
      int i1,
      int j0,
      int j1) {
    int iv = i0;
    int jv = j0;
    if (panels != null) {
      float[] packed = (float[]) block;
      iv = kernelRows(i0, i1);
      int w = k.widthFloat();
      jv = j0 + (j1 - j0) / w * w;
      if (iv > i0 && jv > j0) {
        k.gram(packed, panels, out, off, i0, iv, j0, jv);
      }
      if (iv > i0 && j1 - jv >= w / 2) { // the narrow last strip (only there: j1 = n)
        k.gramHalf(packed, panels[jv / w], out, off, i0, iv, jv);
        jv += w / 2;
      }
    }
    if (panels == null) {
      gram(x, xt, (float[][]) block, out, off, i0, i1, j0, j1);
      return;
    }
    if (jv < j1) {
      edge(x, out, off, i0, iv, jv, j1);
    }
    if (iv < i1) {
      edge(x, out, off, iv, i1, j0, j1);
    }
  }

  /**
   * The number of strips of {@code w} of n points: the whole ones, and a last one of {@code w / 2}
   * points if that many are left.
   */
  private static int stripCount(int n, int w) {
    return n / w + (n % w >= w / 2 ? 1 : 0);
  }

  /**
   * The points (rows) packed by whole strips of {@code w} points (see {@link GramKernel}), and if
   * at least {@code w / 2} points are left, the first {@code w / 2} of them in a narrow last strip.
   */
  static double[][] panels(double[][] x, int w, int threads) {
    int d = x[0].length;
    double[][] panels = new double[stripCount(x.length, w)][];
    ParallelTasks.run(
        threads,
        panels.length,
        s -> {
          int ws = x.length - s * w < w ? w / 2 : w;
          double[] p = new double[d * ws];
          for (int l = 0; l < ws; l++) {
            double[] r = x[s * w + l];
            for (int k = 0; k < d; k++) {
              p[k * ws + l] = r[k];
            }
          }
          panels[s] = p;
        });
    return panels;
  }

  /** The float twin of {@link #panels(double[][], int, int)}. */
  static float[][] panels(float[][] x, int w, int threads) {
    int d = x[0].length;
    float[][] panels = new float[stripCount(x.length, w)][];
    ParallelTasks.run(
        threads,
        panels.length,
        s -> {
          int ws = x.length - s * w < w ? w / 2 : w;
          float[] p = new float[d * ws];
          for (int l = 0; l < ws; l++) {
            float[] r = x[s * w + l];
            for (int k = 0; k < d; k++) {
              p[k * ws + l] = r[k];
            }
          }
          panels[s] = p;
        });
    return panels;
  }

  /**
   * {@code out[i][off[i] + j] = x_i . x_j} for i in [i0, i1), j in [j0, j1) (the ragged edges of
   * the SIMD kernel's tiles) as dot products of the rows, four columns at a time: each entry the
   * chain of fused multiply-adds over the coordinates in order from zero, as in every other path.
   */
  private static void edge(
      double[][] x, double[][] out, int[] off, int i0, int i1, int j0, int j1) {
    for (int i = i0; i < i1; i++) {
      double[] a = x[i];
      double[] c = out[i];
      int o = off[i];
      int j = j0;
      for (; j + 3 < j1; j += 4) {
        double[] b0 = x[j];
        double[] b1 = x[j + 1];
        double[] b2 = x[j + 2];
        double[] b3 = x[j + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < a.length; k++) {
          s0 = Math.fma(a[k], b0[k], s0);
          s1 = Math.fma(a[k], b1[k], s1);
          s2 = Math.fma(a[k], b2[k], s2);
          s3 = Math.fma(a[k], b3[k], s3);
        }
        c[o + j] = s0;
        c[o + j + 1] = s1;
        c[o + j + 2] = s2;
        c[o + j + 3] = s3;
      }
      for (; j < j1; j++) {
        double[] b = x[j];
        double s0 = 0;
        for (int k = 0; k < a.length; k++) {
          s0 = Math.fma(a[k], b[k], s0);
        }
        c[o + j] = s0;
      }
    }
  }

  /** The float twin of {@link #edge(double[][], double[][], int[], int, int, int, int)}. */
  private static void edge(float[][] x, float[][] out, int[] off, int i0, int i1, int j0, int j1) {
    for (int i = i0; i < i1; i++) {
      float[] a = x[i];
      float[] c = out[i];
      int o = off[i];
      int j = j0;
      for (; j + 3 < j1; j += 4) {
        float[] b0 = x[j];
        float[] b1 = x[j + 1];
        float[] b2 = x[j + 2];
        float[] b3 = x[j + 3];
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        for (int k = 0; k < a.length; k++) {
          s0 = Math.fma(a[k], b0[k], s0);
          s1 = Math.fma(a[k], b1[k], s1);
          s2 = Math.fma(a[k], b2[k], s2);
          s3 = Math.fma(a[k], b3[k], s3);
        }
        c[o + j] = s0;
        c[o + j + 1] = s1;
        c[o + j + 2] = s2;
        c[o + j + 3] = s3;
      }
      for (; j < j1; j++) {
        float[] b = x[j];
        float s0 = 0;
        for (int k = 0; k < a.length; k++) {
          s0 = Math.fma(a[k], b[k], s0);
        }
        c[o + j] = s0;
      }
    }
  }

  /**
   * The scalar loops' scratch for one row block whose output rows sit inside row blocks: {@code
   * rows} accumulator rows and six transposed-coordinate rows, each {@code cols} long, double (a
   * {@code double[][]}) or float.
   */
  static Object scratch(boolean single, int rows, int cols) {
    return single ? new float[rows + 6][cols] : new double[rows + 6][cols];
  }

  /**
   * {@code out[i][off[i] + j] += x_i . x_j} for i in [i0, i1), j in [j0, j1): six coordinates per
   * pass (the widest update C2 still vectorizes), then one at a time; each entry sees the same
   * sequence of fused multiply-adds whatever the tile. C2 vectorizes the update only when the
   * output row and the transposed points are read at one index: with {@code scratch} null the
   * output rows are updated in place (every {@code off[i]} must be 0); otherwise (rows inside row
   * blocks) the tile is accumulated in the first rows of {@code scratch} (see {@link
   * #scratch(boolean, int, int)}) against copies of the transposed points' column slices in its
   * last six rows, both indexed from the tile's first column, and then copied out.
   */
  private static void gram(
      double[][] x,
      double[][] xt,
      double[][] scratch,
      double[][] out,
      int[] off,
      int i0,
      int i1,
      int j0,
      int j1) {
    // in place: the output rows and the transposed points over [j0, j1); into scratch: both
    // from 0, the transposed slices copied, the tile copied out at the end
    boolean inPlace = scratch == null;
    int lo = inPlace ? j0 : 0;
    int hi = inPlace ? j1 : j1 - j0;
    int base = inPlace ? 0 : scratch.length - 6;
    for (int i = i0; !inPlace && i < i1; i++) {
      java.util.Arrays.fill(scratch[i - i0], 0, hi, 0.0);
    }
    int d = xt.length;
    int k = 0;
    for (; k + 5 < d; k += 6) {
      double[] t0 = slice(xt[k], scratch, base, j0, hi);
      double[] t1 = slice(xt[k + 1], scratch, base + 1, j0, hi);
      double[] t2 = slice(xt[k + 2], scratch, base + 2, j0, hi);
      double[] t3 = slice(xt[k + 3], scratch, base + 3, j0, hi);
      double[] t4 = slice(xt[k + 4], scratch, base + 4, j0, hi);
      double[] t5 = slice(xt[k + 5], scratch, base + 5, j0, hi);
      for (int i = i0; i < i1; i++) {
        double[] a = x[i];
        double[] c = inPlace ? out[i] : scratch[i - i0];
        double a0 = a[k];
        double a1 = a[k + 1];
        double a2 = a[k + 2];
        double a3 = a[k + 3];
        double a4 = a[k + 4];
        double a5 = a[k + 5];
        for (int j = lo; j < hi; j++) {
          double s = Math.fma(a0, t0[j], c[j]);
          s = Math.fma(a1, t1[j], s);
          s = Math.fma(a2, t2[j], s);
          s = Math.fma(a3, t3[j], s);
          s = Math.fma(a4, t4[j], s);
          c[j] = Math.fma(a5, t5[j], s);
        }
      }
    }
    for (; k < d; k++) {
      double[] t0 = slice(xt[k], scratch, base, j0, hi);
      for (int i = i0; i < i1; i++) {
        double a0 = x[i][k];
        double[] c = inPlace ? out[i] : scratch[i - i0];
        for (int j = lo; j < hi; j++) {
          c[j] = Math.fma(a0, t0[j], c[j]);
        }
      }
    }
    for (int i = i0; !inPlace && i < i1; i++) {
      System.arraycopy(scratch[i - i0], 0, out[i], off[i] + j0, hi);
    }
  }

  /** The transposed row itself (in place), or its slice from j0 copied into scratch row r. */
  private static double[] slice(double[] t, double[][] scratch, int r, int j0, int w) {
    if (scratch == null) {
      return t;
    }
    System.arraycopy(t, j0, scratch[r], 0, w);
    return scratch[r];
  }

  /** The float twin of the scalar loops above. */
  private static void gram(
      float[][] x,
      float[][] xt,
      float[][] scratch,
      float[][] out,
      int[] off,
      int i0,
      int i1,
      int j0,
      int j1) {
    // in place: the output rows and the transposed points over [j0, j1); into scratch: both
    // from 0, the transposed slices copied, the tile copied out at the end
    boolean inPlace = scratch == null;
    int lo = inPlace ? j0 : 0;
    int hi = inPlace ? j1 : j1 - j0;
    int base = inPlace ? 0 : scratch.length - 6;
    for (int i = i0; !inPlace && i < i1; i++) {
      java.util.Arrays.fill(scratch[i - i0], 0, hi, 0f);
    }
    int d = xt.length;
    int k = 0;
    for (; k + 5 < d; k += 6) {
      float[] t0 = slice(xt[k], scratch, base, j0, hi);
      float[] t1 = slice(xt[k + 1], scratch, base + 1, j0, hi);
      float[] t2 = slice(xt[k + 2], scratch, base + 2, j0, hi);
      float[] t3 = slice(xt[k + 3], scratch, base + 3, j0, hi);
      float[] t4 = slice(xt[k + 4], scratch, base + 4, j0, hi);
      float[] t5 = slice(xt[k + 5], scratch, base + 5, j0, hi);
      for (int i = i0; i < i1; i++) {
        float[] a = x[i];
        float[] c = inPlace ? out[i] : scratch[i - i0];
        float a0 = a[k];
        float a1 = a[k + 1];
        float a2 = a[k + 2];
        float a3 = a[k + 3];
        float a4 = a[k + 4];
        float a5 = a[k + 5];
        for (int j = lo; j < hi; j++) {
          float s = Math.fma(a0, t0[j], c[j]);
          s = Math.fma(a1, t1[j], s);
          s = Math.fma(a2, t2[j], s);
          s = Math.fma(a3, t3[j], s);
          s = Math.fma(a4, t4[j], s);
          c[j] = Math.fma(a5, t5[j], s);
        }
      }
    }
    for (; k < d; k++) {
      float[] t0 = slice(xt[k], scratch, base, j0, hi);
      for (int i = i0; i < i1; i++) {
        float a0 = x[i][k];
        float[] c = inPlace ? out[i] : scratch[i - i0];
        for (int j = lo; j < hi; j++) {
          c[j] = Math.fma(a0, t0[j], c[j]);
        }
      }
    }
    for (int i = i0; !inPlace && i < i1; i++) {
      System.arraycopy(scratch[i - i0], 0, out[i], off[i] + j0, hi);
    }
  }

  /** The transposed row itself (in place), or its slice from j0 copied into scratch row r. */
  private static float[] slice(float[] t, float[][] scratch, int r, int j0, int w) {
    if (scratch == null) {
      return t;
    }
    System.arraycopy(t, j0, scratch[r], 0, w);
    return scratch[r];
  }
}
