package dev.fathom.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD Gram micro-kernel through {@code jdk.incubator.vector}: for eight output rows (four at a
 * ragged end) and two vectors of columns, sixteen accumulators stay in registers while the
 * coordinates run; each step loads two vectors of a panel of the packed points and broadcasts eight
 * coordinates from the row block packed by {@link #pack(double[][], int, int)} (one contiguous
 * stream instead of eight rows). Compiled from the separate source root {@code src/main/vector} and
 * only loaded (reflectively, by {@link GramKernel}) when the JVM runs with {@code --add-modules
 * jdk.incubator.vector}.
 */
final class VectorGram implements GramKernel {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int LD = D.length();
  private static final int LF = F.length();

  VectorGram() {}

  /**
   * Rows [i0, i1) interleaved by groups of eight (then four) rows, coordinate-major: row {@code i0
   * + g + r} of a group starting at {@code g} has coordinate k at {@code g d + k m + r}, {@code m}
   * the group's row count, so that the micro-kernel's broadcasts read one stream. One copy per row
   * block of the similarity build, reused by all its tiles.
   */
  @Override
  public double[] pack(double[][] x, int i0, int i1) {
    int d = x[i0].length;
    double[] a = new double[(i1 - i0) * d];
    for (int i = i0; i < i1; ) {
      int m = i + 2 * ROWS <= i1 ? 2 * ROWS : ROWS;
      int base = (i - i0) * d;
      for (int k = 0; k < d; k++) {
        for (int r = 0; r < m; r++) {
          a[base + k * m + r] = x[i + r][k];
        }
      }
      i += m;
    }
    return a;
  }

  /** The float twin of {@link #pack(double[][], int, int)}. */
  @Override
  public float[] pack(float[][] x, int i0, int i1) {
    int d = x[i0].length;
    float[] a = new float[(i1 - i0) * d];
    for (int i = i0; i < i1; ) {
      int m = i + 2 * ROWS <= i1 ? 2 * ROWS : ROWS;
      int base = (i - i0) * d;
      for (int k = 0; k < d; k++) {
        for (int r = 0; r < m; r++) {
          a[base + k * m + r] = x[i + r][k];
        }
      }
      i += m;
    }
    return a;
  }

  @Override
  public int width() {
    return 2 * LD;
  }

  @Override
  public int widthFloat() {
    return 2 * LF;
  }

  @Override
  public void gram(
      double[] a, double[][] panels, double[][] out, int[] off, int i0, int i1, int j0, int j1) {
    int d = panels[0].length / (2 * LD);
    int w = 2 * LD;
    for (int j = j0; j < j1; j += w) {
      double[] panel = panels[j / w];
      int i = i0;
      // eight rows per pass halve the panel loads per multiply-add (16 accumulators + 3 temps
      // fit the 32 AVX-512 registers); the remaining four rows, if any, in one narrower pass
      for (; i + 2 * ROWS <= i1; i += 2 * ROWS) {
        micro8(a, (i - i0) * d, panel, d, out, off, i, j);
      }
      for (; i < i1; i += ROWS) {
        micro(a, (i - i0) * d, panel, d, out, off, i, j);
      }
    }
  }

  /** Rows i .. i + 7 by two vectors of columns from j: the same fused multiply-adds per entry. */
  private static void micro8(
      double[] x, int xo, double[] p, int d, double[][] out, int[] off, int i, int j) {
    DoubleVector c00 = DoubleVector.zero(D);
    DoubleVector c01 = DoubleVector.zero(D);
    DoubleVector c10 = DoubleVector.zero(D);
    DoubleVector c11 = DoubleVector.zero(D);
    DoubleVector c20 = DoubleVector.zero(D);
    DoubleVector c21 = DoubleVector.zero(D);
    DoubleVector c30 = DoubleVector.zero(D);
    DoubleVector c31 = DoubleVector.zero(D);
    DoubleVector c40 = DoubleVector.zero(D);
    DoubleVector c41 = DoubleVector.zero(D);
    DoubleVector c50 = DoubleVector.zero(D);
    DoubleVector c51 = DoubleVector.zero(D);
    DoubleVector c60 = DoubleVector.zero(D);
    DoubleVector c61 = DoubleVector.zero(D);
    DoubleVector c70 = DoubleVector.zero(D);
    DoubleVector c71 = DoubleVector.zero(D);
    for (int k = 0, o = 0, q = xo; k < d; k++, o += 2 * LD, q += 8) {
      DoubleVector b0 = DoubleVector.fromArray(D, p, o);
      DoubleVector b1 = DoubleVector.fromArray(D, p, o + LD);
      DoubleVector a = DoubleVector.broadcast(D, x[q]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = DoubleVector.broadcast(D, x[q + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = DoubleVector.broadcast(D, x[q + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = DoubleVector.broadcast(D, x[q + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = DoubleVector.broadcast(D, x[q + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = DoubleVector.broadcast(D, x[q + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      a = DoubleVector.broadcast(D, x[q + 6]);
      c60 = a.fma(b0, c60);
      c61 = a.fma(b1, c61);
      a = DoubleVector.broadcast(D, x[q + 7]);
      c70 = a.fma(b0, c70);
      c71 = a.fma(b1, c71);
    }
    c00.intoArray(out[i], off[i] + j);
    c01.intoArray(out[i], off[i] + j + LD);
    c10.intoArray(out[i + 1], off[i + 1] + j);
    c11.intoArray(out[i + 1], off[i + 1] + j + LD);
    c20.intoArray(out[i + 2], off[i + 2] + j);
    c21.intoArray(out[i + 2], off[i + 2] + j + LD);
    c30.intoArray(out[i + 3], off[i + 3] + j);
    c31.intoArray(out[i + 3], off[i + 3] + j + LD);
    c40.intoArray(out[i + 4], off[i + 4] + j);
    c41.intoArray(out[i + 4], off[i + 4] + j + LD);
    c50.intoArray(out[i + 5], off[i + 5] + j);
    c51.intoArray(out[i + 5], off[i + 5] + j + LD);
    c60.intoArray(out[i + 6], off[i + 6] + j);
    c61.intoArray(out[i + 6], off[i + 6] + j + LD);
    c70.intoArray(out[i + 7], off[i + 7] + j);
    c71.intoArray(out[i + 7], off[i + 7] + j + LD);
  }

  private static void micro(
      double[] x, int xo, double[] p, int d, double[][] out, int[] off, int i, int j) {
    DoubleVector c00 = DoubleVector.zero(D);
    DoubleVector c01 = DoubleVector.zero(D);
    DoubleVector c10 = DoubleVector.zero(D);
    DoubleVector c11 = DoubleVector.zero(D);
    DoubleVector c20 = DoubleVector.zero(D);
    DoubleVector c21 = DoubleVector.zero(D);
    DoubleVector c30 = DoubleVector.zero(D);
    DoubleVector c31 = DoubleVector.zero(D);
    for (int k = 0, o = 0, q = xo; k < d; k++, o += 2 * LD, q += 4) {
      DoubleVector b0 = DoubleVector.fromArray(D, p, o);
      DoubleVector b1 = DoubleVector.fromArray(D, p, o + LD);
      DoubleVector a = DoubleVector.broadcast(D, x[q]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = DoubleVector.broadcast(D, x[q + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = DoubleVector.broadcast(D, x[q + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = DoubleVector.broadcast(D, x[q + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
    }
    c00.intoArray(out[i], off[i] + j);
    c01.intoArray(out[i], off[i] + j + LD);
    c10.intoArray(out[i + 1], off[i + 1] + j);
    c11.intoArray(out[i + 1], off[i + 1] + j + LD);
    c20.intoArray(out[i + 2], off[i + 2] + j);
    c21.intoArray(out[i + 2], off[i + 2] + j + LD);
    c30.intoArray(out[i + 3], off[i + 3] + j);
    c31.intoArray(out[i + 3], off[i + 3] + j + LD);
  }

  @Override
  public void gramHalf(
      double[] a, double[] panel, double[][] out, int[] off, int i0, int i1, int j) {
    int d = panel.length / LD;
    int i = i0;
    for (; i + 2 * ROWS <= i1; i += 2 * ROWS) {
      half8(a, (i - i0) * d, panel, d, out, off, i, j);
    }
    for (; i < i1; i += ROWS) {
      half4(a, (i - i0) * d, panel, d, out, off, i, j);
    }
  }

  /** Rows i .. i + 7 by one vector of columns from j (the narrow last strip). */
  private static void half8(
      double[] x, int xo, double[] p, int d, double[][] out, int[] off, int i, int j) {
    DoubleVector c0 = DoubleVector.zero(D);
    DoubleVector c1 = DoubleVector.zero(D);
    DoubleVector c2 = DoubleVector.zero(D);
    DoubleVector c3 = DoubleVector.zero(D);
    DoubleVector c4 = DoubleVector.zero(D);
    DoubleVector c5 = DoubleVector.zero(D);
    DoubleVector c6 = DoubleVector.zero(D);
    DoubleVector c7 = DoubleVector.zero(D);
    for (int k = 0, o = 0, q = xo; k < d; k++, o += LD, q += 8) {
      DoubleVector b = DoubleVector.fromArray(D, p, o);
      c0 = DoubleVector.broadcast(D, x[q]).fma(b, c0);
      c1 = DoubleVector.broadcast(D, x[q + 1]).fma(b, c1);
      c2 = DoubleVector.broadcast(D, x[q + 2]).fma(b, c2);
      c3 = DoubleVector.broadcast(D, x[q + 3]).fma(b, c3);
      c4 = DoubleVector.broadcast(D, x[q + 4]).fma(b, c4);
      c5 = DoubleVector.broadcast(D, x[q + 5]).fma(b, c5);
      c6 = DoubleVector.broadcast(D, x[q + 6]).fma(b, c6);
      c7 = DoubleVector.broadcast(D, x[q + 7]).fma(b, c7);
    }
    c0.intoArray(out[i], off[i] + j);
    c1.intoArray(out[i + 1], off[i + 1] + j);
    c2.intoArray(out[i + 2], off[i + 2] + j);
    c3.intoArray(out[i + 3], off[i + 3] + j);
    c4.intoArray(out[i + 4], off[i + 4] + j);
    c5.intoArray(out[i + 5], off[i + 5] + j);
    c6.intoArray(out[i + 6], off[i + 6] + j);
    c7.intoArray(out[i + 7], off[i + 7] + j);
  }

  /** Rows i .. i + 3 by one vector of columns from j (the narrow last strip). */
  private static void half4(
      double[] x, int xo, double[] p, int d, double[][] out, int[] off, int i, int j) {
    DoubleVector c0 = DoubleVector.zero(D);
    DoubleVector c1 = DoubleVector.zero(D);
    DoubleVector c2 = DoubleVector.zero(D);
    DoubleVector c3 = DoubleVector.zero(D);
    for (int k = 0, o = 0, q = xo; k < d; k++, o += LD, q += 4) {
      DoubleVector b = DoubleVector.fromArray(D, p, o);
      c0 = DoubleVector.broadcast(D, x[q]).fma(b, c0);
      c1 = DoubleVector.broadcast(D, x[q + 1]).fma(b, c1);
      c2 = DoubleVector.broadcast(D, x[q + 2]).fma(b, c2);
      c3 = DoubleVector.broadcast(D, x[q + 3]).fma(b, c3);
    }
    c0.intoArray(out[i], off[i] + j);
    c1.intoArray(out[i + 1], off[i + 1] + j);
    c2.intoArray(out[i + 2], off[i + 2] + j);
    c3.intoArray(out[i + 3], off[i + 3] + j);
  }

  @Override
  public void gram(
      float[] a, float[][] panels, float[][] out, int[] off, int i0, int i1, int j0, int j1) {
    int d = panels[0].length / (2 * LF);
    int w = 2 * LF;
    for (int j = j0; j < j1; j += w) {
      float[] panel = panels[j / w];
      int i = i0;
      for (; i + 2 * ROWS <= i1; i += 2 * ROWS) {
        micro8(a, (i - i0) * d, panel, d, out, off, i, j);
      }
      for (; i < i1; i += ROWS) {
        micro(a, (i - i0) * d, panel, d, out, off, i, j);
      }
    }
  }

  /** Rows i .. i + 7 by two vectors of columns from j: the same fused multiply-adds per entry. */
  private static void micro8(
      float[] x, int xo, float[] p, int d, float[][] out, int[] off, int i, int j) {
    FloatVector c00 = FloatVector.zero(F);
    FloatVector c01 = FloatVector.zero(F);
    FloatVector c10 = FloatVector.zero(F);
    FloatVector c11 = FloatVector.zero(F);
    FloatVector c20 = FloatVector.zero(F);
    FloatVector c21 = FloatVector.zero(F);
    FloatVector c30 = FloatVector.zero(F);
    FloatVector c31 = FloatVector.zero(F);
    FloatVector c40 = FloatVector.zero(F);
    FloatVector c41 = FloatVector.zero(F);
    FloatVector c50 = FloatVector.zero(F);
    FloatVector c51 = FloatVector.zero(F);
    FloatVector c60 = FloatVector.zero(F);
    FloatVector c61 = FloatVector.zero(F);
    FloatVector c70 = FloatVector.zero(F);
    FloatVector c71 = FloatVector.zero(F);
    for (int k = 0, o = 0, q = xo; k < d; k++, o += 2 * LF, q += 8) {
      FloatVector b0 = FloatVector.fromArray(F, p, o);
      FloatVector b1 = FloatVector.fromArray(F, p, o + LF);
      FloatVector a = FloatVector.broadcast(F, x[q]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(F, x[q + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(F, x[q + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(F, x[q + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(F, x[q + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(F, x[q + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      a = FloatVector.broadcast(F, x[q + 6]);
      c60 = a.fma(b0, c60);
      c61 = a.fma(b1, c61);
      a = FloatVector.broadcast(F, x[q + 7]);
      c70 = a.fma(b0, c70);
      c71 = a.fma(b1, c71);
    }
    c00.intoArray(out[i], off[i] + j);
    c01.intoArray(out[i], off[i] + j + LF);
    c10.intoArray(out[i + 1], off[i + 1] + j);
    c11.intoArray(out[i + 1], off[i + 1] + j + LF);
    c20.intoArray(out[i + 2], off[i + 2] + j);
    c21.intoArray(out[i + 2], off[i + 2] + j + LF);
    c30.intoArray(out[i + 3], off[i + 3] + j);
    c31.intoArray(out[i + 3], off[i + 3] + j + LF);
    c40.intoArray(out[i + 4], off[i + 4] + j);
    c41.intoArray(out[i + 4], off[i + 4] + j + LF);
    c50.intoArray(out[i + 5], off[i + 5] + j);
    c51.intoArray(out[i + 5], off[i + 5] + j + LF);
    c60.intoArray(out[i + 6], off[i + 6] + j);
    c61.intoArray(out[i + 6], off[i + 6] + j + LF);
    c70.intoArray(out[i + 7], off[i + 7] + j);
    c71.intoArray(out[i + 7], off[i + 7] + j + LF);
  }

  private static void micro(
      float[] x, int xo, float[] p, int d, float[][] out, int[] off, int i, int j) {
    FloatVector c00 = FloatVector.zero(F);
    FloatVector c01 = FloatVector.zero(F);
    FloatVector c10 = FloatVector.zero(F);
    FloatVector c11 = FloatVector.zero(F);
    FloatVector c20 = FloatVector.zero(F);
    FloatVector c21 = FloatVector.zero(F);
    FloatVector c30 = FloatVector.zero(F);
    FloatVector c31 = FloatVector.zero(F);
    for (int k = 0, o = 0, q = xo; k < d; k++, o += 2 * LF, q += 4) {
      FloatVector b0 = FloatVector.fromArray(F, p, o);
      FloatVector b1 = FloatVector.fromArray(F, p, o + LF);
      FloatVector a = FloatVector.broadcast(F, x[q]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(F, x[q + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(F, x[q + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(F, x[q + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
    }
    c00.intoArray(out[i], off[i] + j);
    c01.intoArray(out[i], off[i] + j + LF);
    c10.intoArray(out[i + 1], off[i + 1] + j);
    c11.intoArray(out[i + 1], off[i + 1] + j + LF);
    c20.intoArray(out[i + 2], off[i + 2] + j);
    c21.intoArray(out[i + 2], off[i + 2] + j + LF);
    c30.intoArray(out[i + 3], off[i + 3] + j);
    c31.intoArray(out[i + 3], off[i + 3] + j + LF);
  }

  @Override
  public void gramHalf(float[] a, float[] panel, float[][] out, int[] off, int i0, int i1, int j) {
    int d = panel.length / LF;
    int i = i0;
    for (; i + 2 * ROWS <= i1; i += 2 * ROWS) {
      half8(a, (i - i0) * d, panel, d, out, off, i, j);
    }
    for (; i < i1; i += ROWS) {
      half4(a, (i - i0) * d, panel, d, out, off, i, j);
    }
  }

  /** Rows i .. i + 7 by one vector of columns from j (the narrow last strip). */
  private static void half8(
      float[] x, int xo, float[] p, int d, float[][] out, int[] off, int i, int j) {
    FloatVector c0 = FloatVector.zero(F);
    FloatVector c1 = FloatVector.zero(F);
    FloatVector c2 = FloatVector.zero(F);
    FloatVector c3 = FloatVector.zero(F);
    FloatVector c4 = FloatVector.zero(F);
    FloatVector c5 = FloatVector.zero(F);
    FloatVector c6 = FloatVector.zero(F);
    FloatVector c7 = FloatVector.zero(F);
    for (int k = 0, o = 0, q = xo; k < d; k++, o += LF, q += 8) {
      FloatVector b = FloatVector.fromArray(F, p, o);
      c0 = FloatVector.broadcast(F, x[q]).fma(b, c0);
      c1 = FloatVector.broadcast(F, x[q + 1]).fma(b, c1);
      c2 = FloatVector.broadcast(F, x[q + 2]).fma(b, c2);
      c3 = FloatVector.broadcast(F, x[q + 3]).fma(b, c3);
      c4 = FloatVector.broadcast(F, x[q + 4]).fma(b, c4);
      c5 = FloatVector.broadcast(F, x[q + 5]).fma(b, c5);
      c6 = FloatVector.broadcast(F, x[q + 6]).fma(b, c6);
      c7 = FloatVector.broadcast(F, x[q + 7]).fma(b, c7);
    }
    c0.intoArray(out[i], off[i] + j);
    c1.intoArray(out[i + 1], off[i + 1] + j);
    c2.intoArray(out[i + 2], off[i + 2] + j);
    c3.intoArray(out[i + 3], off[i + 3] + j);
    c4.intoArray(out[i + 4], off[i + 4] + j);
    c5.intoArray(out[i + 5], off[i + 5] + j);
    c6.intoArray(out[i + 6], off[i + 6] + j);
    c7.intoArray(out[i + 7], off[i + 7] + j);
  }

  /** Rows i .. i + 3 by one vector of columns from j (the narrow last strip). */
  private static void half4(
      float[] x, int xo, float[] p, int d, float[][] out, int[] off, int i, int j) {
    FloatVector c0 = FloatVector.zero(F);
    FloatVector c1 = FloatVector.zero(F);
    FloatVector c2 = FloatVector.zero(F);
    FloatVector c3 = FloatVector.zero(F);
    for (int k = 0, o = 0, q = xo; k < d; k++, o += LF, q += 4) {
      FloatVector b = FloatVector.fromArray(F, p, o);
      c0 = FloatVector.broadcast(F, x[q]).fma(b, c0);
      c1 = FloatVector.broadcast(F, x[q + 1]).fma(b, c1);
      c2 = FloatVector.broadcast(F, x[q + 2]).fma(b, c2);
      c3 = FloatVector.broadcast(F, x[q + 3]).fma(b, c3);
    }
    c0.intoArray(out[i], off[i] + j);
    c1.intoArray(out[i + 1], off[i + 1] + j);
    c2.intoArray(out[i + 2], off[i + 2] + j);
    c3.intoArray(out[i + 3], off[i + 3] + j);
  }
}
