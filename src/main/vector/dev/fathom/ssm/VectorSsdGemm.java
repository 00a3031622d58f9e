package dev.fathom.ssm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD micro-kernel of {@link SsdGemm} through {@code jdk.incubator.vector}: for four output
 * rows and two vectors of columns, eight accumulators stay in registers while the inner index runs;
 * each step loads two vectors of the column table and broadcasts four row factors. Compiled from
 * the separate source root {@code src/main/vector} and only loaded (reflectively) when the JVM runs
 * with {@code --add-modules jdk.incubator.vector}.
 */
final class VectorSsdGemm implements SsdGemm {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final int LD = D.length();

  VectorSsdGemm() {}

  @Override
  public int width() {
    return 2 * LD;
  }

  @Override
  public void addProduct(
      double[] u,
      int uo,
      int ldu,
      double[] v,
      int ldv,
      double[] out,
      int oo,
      int ldo,
      int rows,
      int cols,
      int k,
      boolean lower) {
    for (int b = 0; b < cols; b += 2 * LD) {
      int kb = lower ? Math.min(k, b + 2 * LD) : k;
      for (int r = 0; r < rows; r += ROWS) {
        micro(u, uo + r * ldu, ldu, kb, v, ldv, b, out, oo + r * ldo + b, ldo);
      }
    }
  }

  private static void micro(
      double[] u,
      int uo,
      int ldu,
      int k,
      double[] v,
      int ldv,
      int b,
      double[] out,
      int o,
      int ldo) {
    DoubleVector c00 = DoubleVector.zero(D);
    DoubleVector c01 = DoubleVector.zero(D);
    DoubleVector c10 = DoubleVector.zero(D);
    DoubleVector c11 = DoubleVector.zero(D);
    DoubleVector c20 = DoubleVector.zero(D);
    DoubleVector c21 = DoubleVector.zero(D);
    DoubleVector c30 = DoubleVector.zero(D);
    DoubleVector c31 = DoubleVector.zero(D);
    for (int j = 0, p = b; j < k; j++, p += ldv) {
      DoubleVector v0 = DoubleVector.fromArray(D, v, p);
      DoubleVector v1 = DoubleVector.fromArray(D, v, p + LD);
      DoubleVector a = DoubleVector.broadcast(D, u[uo + j]);
      c00 = a.fma(v0, c00);
      c01 = a.fma(v1, c01);
      a = DoubleVector.broadcast(D, u[uo + ldu + j]);
      c10 = a.fma(v0, c10);
      c11 = a.fma(v1, c11);
      a = DoubleVector.broadcast(D, u[uo + 2 * ldu + j]);
      c20 = a.fma(v0, c20);
      c21 = a.fma(v1, c21);
      a = DoubleVector.broadcast(D, u[uo + 3 * ldu + j]);
      c30 = a.fma(v0, c30);
      c31 = a.fma(v1, c31);
    }
    add(c00, out, o);
    add(c01, out, o + LD);
    add(c10, out, o + ldo);
    add(c11, out, o + ldo + LD);
    add(c20, out, o + 2 * ldo);
    add(c21, out, o + 2 * ldo + LD);
    add(c30, out, o + 3 * ldo);
    add(c31, out, o + 3 * ldo + LD);
  }

  private static void add(DoubleVector c, double[] out, int o) {
    DoubleVector.fromArray(D, out, o).add(c).intoArray(out, o);
  }
}
