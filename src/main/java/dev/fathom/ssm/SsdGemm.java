package dev.fathom.ssm;

import dev.fathom.core.SimdKernels;
import java.lang.invoke.MethodHandles;

/**
 * The matrix-product kernel of {@link StateSpaceDuality#chunked}: {@code out[r ldo + b] += sum_j
 * u[r ldu + j] v[j ldv + b]} over row blocks of {@link #ROWS} and column blocks of {@link
 * #width()}, accumulated in registers. The SIMD implementation {@code VectorSsdGemm} lives in the
 * separate source root {@code src/main/vector} and is loaded reflectively when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and the system property {@code fathom.simd} is not
 * {@code false}; otherwise {@link #SCALAR} is used. The two differ only in the order of the
 * additions.
 */
interface SsdGemm {
  /** The name of the SIMD implementation class (compiled from {@code src/main/vector}). */
  String VECTOR_CLASS = "dev.fathom.ssm.VectorSsdGemm";

  /** Rows per micro-kernel call. */
  int ROWS = 4;

  /**
   * Columns per micro-kernel call.
   *
   * @return the width
   */
  int width();

  /**
   * Adds {@code out[oo + r ldo + b] += sum_{j < k_b} u[uo + r ldu + j] v[j ldv + b]} for {@code r <
   * rows} (a multiple of {@link #ROWS}) and {@code b < cols} (a multiple of {@link #width()}),
   * where {@code k_b = k}; with {@code lower} (v upper triangular: {@code v[j][b] = 0} for {@code j
   * > b}) {@code k_b = min(k, b0 + width)} for the column block starting at b0.
   *
   * @param u the row factors
   * @param uo the offset of u's row 0
   * @param ldu the row stride of u
   * @param v the column table
   * @param ldv the row stride of v
   * @param out the output
   * @param oo the offset of out's row 0
   * @param ldo the row stride of out
   * @param rows the rows
   * @param cols the columns
   * @param k the inner dimension
   * @param lower whether v is zero for {@code j > b}
   */
  void addProduct(
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
      boolean lower);

  /**
   * The scalar kernel: a 4 x 4 block of outputs in 16 local accumulators while the inner index runs
   * (8 loads per 16 multiply-adds), so that the JIT keeps them in registers.
   */
  SsdGemm SCALAR =
      new SsdGemm() {
        @Override
        public int width() {
          return 4;
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
          for (int b = 0; b < cols; b += 4) {
            int kb = lower ? Math.min(k, b + 4) : k;
            for (int r = 0; r < rows; r += ROWS) {
              micro(u, uo + r * ldu, ldu, kb, v, ldv, b, out, oo + r * ldo + b, ldo);
            }
          }
        }
      };

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
    double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
    double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
    double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    for (int j = 0, p = b; j < k; j++, p += ldv) {
      double v0 = v[p];
      double v1 = v[p + 1];
      double v2 = v[p + 2];
      double v3 = v[p + 3];
      double a = u[uo + j];
      c00 += a * v0;
      c01 += a * v1;
      c02 += a * v2;
      c03 += a * v3;
      a = u[uo + ldu + j];
      c10 += a * v0;
      c11 += a * v1;
      c12 += a * v2;
      c13 += a * v3;
      a = u[uo + 2 * ldu + j];
      c20 += a * v0;
      c21 += a * v1;
      c22 += a * v2;
      c23 += a * v3;
      a = u[uo + 3 * ldu + j];
      c30 += a * v0;
      c31 += a * v1;
      c32 += a * v2;
      c33 += a * v3;
    }
    out[o] += c00;
    out[o + 1] += c01;
    out[o + 2] += c02;
    out[o + 3] += c03;
    o += ldo;
    out[o] += c10;
    out[o + 1] += c11;
    out[o + 2] += c12;
    out[o + 3] += c13;
    o += ldo;
    out[o] += c20;
    out[o + 1] += c21;
    out[o + 2] += c22;
    out[o + 3] += c23;
    o += ldo;
    out[o] += c30;
    out[o + 1] += c31;
    out[o + 2] += c32;
    out[o + 3] += c33;
  }

  /** The selected kernel. */
  SsdGemm SELECTED =
      SimdKernels.enabled()
          ? SimdKernels.load(MethodHandles.lookup(), VECTOR_CLASS, SsdGemm.class).orElse(SCALAR)
          : SCALAR;
}
