package dev.fathom.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD Gram micro-kernel through {@code jdk.incubator.vector}: for eight output rows (four at a
 * ragged end) and two vectors of columns, sixteen accumulators stay in registers while the
 * coordinates run; each step loads two vectors of a panel of the packed points and broadcasts eight
 * coordinates. Compiled from the separate source root {@code src/main/vector} and only loaded
 * (reflectively, by {@link GramKernel}) when the JVM runs with {@code --add-modules
 * jdk.incubator.vector}.
 */
final class VectorGram implements GramKernel {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int LD = D.length();
  private static final int LF = F.length();

  VectorGram() {}

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
      double[][] x, double[][] panels, double[][] out, int i0, int i1, int j0, int j1) {
    int d = x[0].length;
    int w = 2 * LD;
    for (int j = j0; j < j1; j += w) {
      double[] panel = panels[j / w];
      int i = i0;
      // eight rows per pass halve the panel loads per multiply-add (16 accumulators + 3 temps
      // fit the 32 AVX-512 registers); the remaining four rows, if any, in one narrower pass
      for (; i + 2 * ROWS <= i1; i += 2 * ROWS) {
        micro8(x, i, panel, d, out, j);
      }
      for (; i < i1; i += ROWS) {
        micro(x[i], x[i + 1], x[i + 2], x[i + 3], panel, d, out, i, j);
      }
    }
  }

  /** Rows i .. i + 7 by two vectors of columns from j: the same fused multiply-adds per entry. */
  private static void micro8(double[][] x, int i, double[] p, int d, double[][] out, int j) {
    double[] x0 = x[i];
    double[] x1 = x[i + 1];
    double[] x2 = x[i + 2];
    double[] x3 = x[i + 3];
    double[] x4 = x[i + 4];
    double[] x5 = x[i + 5];
    double[] x6 = x[i + 6];
    double[] x7 = x[i + 7];
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
    for (int k = 0, o = 0; k < d; k++, o += 2 * LD) {
      DoubleVector b0 = DoubleVector.fromArray(D, p, o);
      DoubleVector b1 = DoubleVector.fromArray(D, p, o + LD);
      DoubleVector a = DoubleVector.broadcast(D, x0[k]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = DoubleVector.broadcast(D, x1[k]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = DoubleVector.broadcast(D, x2[k]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = DoubleVector.broadcast(D, x3[k]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = DoubleVector.broadcast(D, x4[k]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = DoubleVector.broadcast(D, x5[k]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      a = DoubleVector.broadcast(D, x6[k]);
      c60 = a.fma(b0, c60);
      c61 = a.fma(b1, c61);
      a = DoubleVector.broadcast(D, x7[k]);
      c70 = a.fma(b0, c70);
      c71 = a.fma(b1, c71);
    }
    c00.intoArray(out[i], j);
    c01.intoArray(out[i], j + LD);
    c10.intoArray(out[i + 1], j);
    c11.intoArray(out[i + 1], j + LD);
    c20.intoArray(out[i + 2], j);
    c21.intoArray(out[i + 2], j + LD);
    c30.intoArray(out[i + 3], j);
    c31.intoArray(out[i + 3], j + LD);
    c40.intoArray(out[i + 4], j);
    c41.intoArray(out[i + 4], j + LD);
    c50.intoArray(out[i + 5], j);
    c51.intoArray(out[i + 5], j + LD);
    c60.intoArray(out[i + 6], j);
    c61.intoArray(out[i + 6], j + LD);
    c70.intoArray(out[i + 7], j);
    c71.intoArray(out[i + 7], j + LD);
  }

  private static void micro(
      double[] x0,
      double[] x1,
      double[] x2,
      double[] x3,
      double[] p,
      int d,
      double[][] out,
      int i,
      int j) {
    DoubleVector c00 = DoubleVector.zero(D);
    DoubleVector c01 = DoubleVector.zero(D);
    DoubleVector c10 = DoubleVector.zero(D);
    DoubleVector c11 = DoubleVector.zero(D);
    DoubleVector c20 = DoubleVector.zero(D);
    DoubleVector c21 = DoubleVector.zero(D);
    DoubleVector c30 = DoubleVector.zero(D);
    DoubleVector c31 = DoubleVector.zero(D);
    for (int k = 0, o = 0; k < d; k++, o += 2 * LD) {
      DoubleVector b0 = DoubleVector.fromArray(D, p, o);
      DoubleVector b1 = DoubleVector.fromArray(D, p, o + LD);
      DoubleVector a = DoubleVector.broadcast(D, x0[k]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = DoubleVector.broadcast(D, x1[k]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = DoubleVector.broadcast(D, x2[k]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = DoubleVector.broadcast(D, x3[k]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
    }
    c00.intoArray(out[i], j);
    c01.intoArray(out[i], j + LD);
    c10.intoArray(out[i + 1], j);
    c11.intoArray(out[i + 1], j + LD);
    c20.intoArray(out[i + 2], j);
    c21.intoArray(out[i + 2], j + LD);
    c30.intoArray(out[i + 3], j);
    c31.intoArray(out[i + 3], j + LD);
  }

  @Override
  public void gram(float[][] x, float[][] panels, float[][] out, int i0, int i1, int j0, int j1) {
    int d = x[0].length;
    int w = 2 * LF;
    for (int j = j0; j < j1; j += w) {
      float[] panel = panels[j / w];
      int i = i0;
      for (; i + 2 * ROWS <= i1; i += 2 * ROWS) {
        micro8(x, i, panel, d, out, j);
      }
      for (; i < i1; i += ROWS) {
        micro(x[i], x[i + 1], x[i + 2], x[i + 3], panel, d, out, i, j);
      }
    }
  }

  /** Rows i .. i + 7 by two vectors of columns from j: the same fused multiply-adds per entry. */
  private static void micro8(float[][] x, int i, float[] p, int d, float[][] out, int j) {
    float[] x0 = x[i];
    float[] x1 = x[i + 1];
    float[] x2 = x[i + 2];
    float[] x3 = x[i + 3];
    float[] x4 = x[i + 4];
    float[] x5 = x[i + 5];
    float[] x6 = x[i + 6];
    float[] x7 = x[i + 7];
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
    for (int k = 0, o = 0; k < d; k++, o += 2 * LF) {
      FloatVector b0 = FloatVector.fromArray(F, p, o);
      FloatVector b1 = FloatVector.fromArray(F, p, o + LF);
      FloatVector a = FloatVector.broadcast(F, x0[k]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(F, x1[k]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(F, x2[k]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(F, x3[k]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(F, x4[k]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(F, x5[k]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      a = FloatVector.broadcast(F, x6[k]);
      c60 = a.fma(b0, c60);
      c61 = a.fma(b1, c61);
      a = FloatVector.broadcast(F, x7[k]);
      c70 = a.fma(b0, c70);
      c71 = a.fma(b1, c71);
    }
    c00.intoArray(out[i], j);
    c01.intoArray(out[i], j + LF);
    c10.intoArray(out[i + 1], j);
    c11.intoArray(out[i + 1], j + LF);
    c20.intoArray(out[i + 2], j);
    c21.intoArray(out[i + 2], j + LF);
    c30.intoArray(out[i + 3], j);
    c31.intoArray(out[i + 3], j + LF);
    c40.intoArray(out[i + 4], j);
    c41.intoArray(out[i + 4], j + LF);
    c50.intoArray(out[i + 5], j);
    c51.intoArray(out[i + 5], j + LF);
    c60.intoArray(out[i + 6], j);
    c61.intoArray(out[i + 6], j + LF);
    c70.intoArray(out[i + 7], j);
    c71.intoArray(out[i + 7], j + LF);
  }

  private static void micro(
      float[] x0,
      float[] x1,
      float[] x2,
      float[] x3,
      float[] p,
      int d,
      float[][] out,
      int i,
      int j) {
    FloatVector c00 = FloatVector.zero(F);
    FloatVector c01 = FloatVector.zero(F);
    FloatVector c10 = FloatVector.zero(F);
    FloatVector c11 = FloatVector.zero(F);
    FloatVector c20 = FloatVector.zero(F);
    FloatVector c21 = FloatVector.zero(F);
    FloatVector c30 = FloatVector.zero(F);
    FloatVector c31 = FloatVector.zero(F);
    for (int k = 0, o = 0; k < d; k++, o += 2 * LF) {
      FloatVector b0 = FloatVector.fromArray(F, p, o);
      FloatVector b1 = FloatVector.fromArray(F, p, o + LF);
      FloatVector a = FloatVector.broadcast(F, x0[k]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(F, x1[k]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(F, x2[k]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(F, x3[k]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
    }
    c00.intoArray(out[i], j);
    c01.intoArray(out[i], j + LF);
    c10.intoArray(out[i + 1], j);
    c11.intoArray(out[i + 1], j + LF);
    c20.intoArray(out[i + 2], j);
    c21.intoArray(out[i + 2], j + LF);
    c30.intoArray(out[i + 3], j);
    c31.intoArray(out[i + 3], j + LF);
  }
}
