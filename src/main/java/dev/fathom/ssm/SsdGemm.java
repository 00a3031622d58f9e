package dev.fathom.ssm;

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

  /** The scalar loops (four rows at a time, the column loop innermost for the JIT to vectorize). */
  SsdGemm SCALAR =
      new SsdGemm() {
        @Override
        public int width() {
          return 8;
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
          int w = lower ? width() : cols;
          for (int b0 = 0; b0 < cols; b0 += w) {
            int kb = lower ? Math.min(k, b0 + w) : k;
            for (int r = 0; r < rows; r += ROWS) {
              int o0 = oo + r * ldo + b0;
              int o1 = o0 + ldo;
              int o2 = o1 + ldo;
              int o3 = o2 + ldo;
              for (int j = 0; j < kb; j++) {
                int ur = uo + r * ldu + j;
                double u0 = u[ur];
                double u1 = u[ur + ldu];
                double u2 = u[ur + 2 * ldu];
                double u3 = u[ur + 3 * ldu];
                int vj = j * ldv + b0;
                for (int b = 0; b < w; b++) {
                  double vb = v[vj + b];
                  out[o0 + b] += u0 * vb;
                  out[o1 + b] += u1 * vb;
                  out[o2 + b] += u2 * vb;
                  out[o3 + b] += u3 * vb;
                }
              }
            }
          }
        }
      };

  /** The selected kernel. */
  SsdGemm SELECTED =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
              && !"false".equalsIgnoreCase(System.getProperty("fathom.simd"))
          ? load()
          : SCALAR;

  private static SsdGemm load() {
    try {
      return (SsdGemm) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return SCALAR;
    }
  }
}
