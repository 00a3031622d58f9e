package dev.fathom.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD Gram micro-kernel through {@code jdk.incubator.vector}: for four output rows and two
 * vectors of columns, eight accumulators stay in registers while the coordinates run; each step
 * loads two vectors of a panel of the packed points and broadcasts four coordinates. Compiled from
 * the separate source root {@code src/main/vector} and only loaded (reflectively, by {@link
 * GramKernel}) when the JVM runs with {@code --add-modules jdk.incubator.vector}.
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
      for (int i = i0; i < i1; i += ROWS) {
        micro(x[i], x[i + 1], x[i + 2], x[i + 3], panel, d, out, i, j);
      }
    }
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
      for (int i = i0; i < i1; i += ROWS) {
        micro(x[i], x[i + 1], x[i + 2], x[i + 3], panel, d, out, i, j);
      }
    }
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
