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
   * The Gram tile: the SIMD kernel on the largest block of whole micro-tiles, the scalar loops on
   * the right strip and the bottom rows (or everywhere without a kernel).
   */
  static void tile(
      GramKernel k,
      double[] packed,
      double[][] panels,
      double[][] x,
      double[][] xt,
      double[][] out,
      int i0,
      int i1,
      int j0,
      int j1) {
    int iv = i0;
    int jv = j0;
    if (panels != null) {
      iv = kernelRows(i0, i1);
      jv = j0 + (j1 - j0) / k.width() * k.width();
      if (iv > i0 && jv > j0) {
        k.gram(packed, panels, out, i0, iv, j0, jv);
      }
    }
    if (jv < j1) {
      gram(x, xt, out, i0, iv, jv, j1);
    }
    if (iv < i1) {
      gram(x, xt, out, iv, i1, j0, j1);
    }
  }

  /** The float twin of the dispatch above. */
  static void tile(
      GramKernel k,
      float[] packed,
      float[][] panels,
      float[][] x,
      float[][] xt,
      float[][] out,
      int i0,
      int i1,
      int j0,
      int j1) {
    int iv = i0;
    int jv = j0;
    if (panels != null) {
      iv = kernelRows(i0, i1);
      jv = j0 + (j1 - j0) / k.widthFloat() * k.widthFloat();
      if (iv > i0 && jv > j0) {
        k.gram(packed, panels, out, i0, iv, j0, jv);
      }
    }
    if (jv < j1) {
      gram(x, xt, out, i0, iv, jv, j1);
    }
    if (iv < i1) {
      gram(x, xt, out, iv, i1, j0, j1);
    }
  }

  /** The points packed by whole strips of {@code w} points (see {@link GramKernel}). */
  static double[][] panels(double[][] xt, int w, int threads) {
    int d = xt.length;
    double[][] panels = new double[xt[0].length / w][];
    ParallelTasks.run(
        threads,
        panels.length,
        s -> {
          double[] p = new double[d * w];
          for (int k = 0; k < d; k++) {
            System.arraycopy(xt[k], s * w, p, k * w, w);
          }
          panels[s] = p;
        });
    return panels;
  }

  /** The float twin of {@link #panels(double[][], int, int)}. */
  static float[][] panels(float[][] xt, int w, int threads) {
    int d = xt.length;
    float[][] panels = new float[xt[0].length / w][];
    ParallelTasks.run(
        threads,
        panels.length,
        s -> {
          float[] p = new float[d * w];
          for (int k = 0; k < d; k++) {
            System.arraycopy(xt[k], s * w, p, k * w, w);
          }
          panels[s] = p;
        });
    return panels;
  }

  /**
   * {@code out[i][j] += x_i . x_j} for i in [i0, i1), j in [j0, j1): six coordinates per pass (the
   * widest update C2 still vectorizes), then one at a time; each entry sees the same sequence of
   * fused multiply-adds whatever the tile.
   */
  private static void gram(
      double[][] x, double[][] xt, double[][] out, int i0, int i1, int j0, int j1) {
    int d = xt.length;
    int k = 0;
    for (; k + 5 < d; k += 6) {
      double[] t0 = xt[k];
      double[] t1 = xt[k + 1];
      double[] t2 = xt[k + 2];
      double[] t3 = xt[k + 3];
      double[] t4 = xt[k + 4];
      double[] t5 = xt[k + 5];
      for (int i = i0; i < i1; i++) {
        double[] a = x[i];
        double[] c = out[i];
        double a0 = a[k];
        double a1 = a[k + 1];
        double a2 = a[k + 2];
        double a3 = a[k + 3];
        double a4 = a[k + 4];
        double a5 = a[k + 5];
        for (int j = j0; j < j1; j++) {
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
      double[] t0 = xt[k];
      for (int i = i0; i < i1; i++) {
        double a0 = x[i][k];
        double[] c = out[i];
        for (int j = j0; j < j1; j++) {
          c[j] = Math.fma(a0, t0[j], c[j]);
        }
      }
    }
  }

  /** The float twin of {@link #gram(double[][], double[][], double[][], int, int, int, int)}. */
  private static void gram(
      float[][] x, float[][] xt, float[][] out, int i0, int i1, int j0, int j1) {
    int d = xt.length;
    int k = 0;
    for (; k + 5 < d; k += 6) {
      float[] t0 = xt[k];
      float[] t1 = xt[k + 1];
      float[] t2 = xt[k + 2];
      float[] t3 = xt[k + 3];
      float[] t4 = xt[k + 4];
      float[] t5 = xt[k + 5];
      for (int i = i0; i < i1; i++) {
        float[] a = x[i];
        float[] c = out[i];
        float a0 = a[k];
        float a1 = a[k + 1];
        float a2 = a[k + 2];
        float a3 = a[k + 3];
        float a4 = a[k + 4];
        float a5 = a[k + 5];
        for (int j = j0; j < j1; j++) {
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
      float[] t0 = xt[k];
      for (int i = i0; i < i1; i++) {
        float a0 = x[i][k];
        float[] c = out[i];
        for (int j = j0; j < j1; j++) {
          c[j] = Math.fma(a0, t0[j], c[j]);
        }
      }
    }
  }
}
