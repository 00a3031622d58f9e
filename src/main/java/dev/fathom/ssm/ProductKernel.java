package dev.fathom.ssm;

import dev.fathom.core.SimdKernels;
import java.lang.invoke.MethodHandles;
import java.util.Optional;

/**
 * The optional SIMD kernel of {@link VandermondeKernel}'s factored product: {@code out[r cols + b]
 * += sum_j u[r k + j] v[j cols + b]} with four rows by two vectors of columns accumulated in
 * registers. The only implementation, {@code VectorProduct}, lives in the separate source root
 * {@code src/main/vector} (it uses the incubating {@code jdk.incubator.vector} module) and is
 * loaded reflectively when the JVM runs with {@code --add-modules jdk.incubator.vector} and the
 * system property {@code fathom.simd} is not {@code false}; otherwise the scalar loops are used.
 * The two differ only in the order of the additions (about one rounding of the largest term).
 */
interface ProductKernel {
  /** The name of the SIMD implementation class (compiled from {@code src/main/vector}). */
  String VECTOR_CLASS = "dev.fathom.ssm.VectorProduct";

  /** Rows per micro-kernel call. */
  int ROWS = 4;

  /**
   * Columns per micro-kernel call (two vectors).
   *
   * @return the width
   */
  int width();

  /**
   * Adds {@code out[off + r cols + b] += sum_{j<k} u[r k + j] v[j cols + b]} for {@code r < rows},
   * {@code b < cols}, where {@code rows} is a multiple of {@link #ROWS} and {@code cols} of {@link
   * #width()}.
   *
   * @param u the row factors, {@code rows k} doubles
   * @param k the inner dimension
   * @param v the column table, {@code k cols} doubles
   * @param cols the columns
   * @param out the output
   * @param off the output offset of row 0
   * @param rows the rows
   */
  void addProduct(double[] u, int k, double[] v, int cols, double[] out, int off, int rows);

  /** The selected kernel, or {@code null} for the scalar loops. */
  ProductKernel SELECTED = SimdKernels.enabled() ? load().orElse(null) : null;

  private static Optional<ProductKernel> load() {
    return SimdKernels.load(MethodHandles.lookup(), VECTOR_CLASS, ProductKernel.class)
        .filter(k -> VandermondeKernel.COLS % k.width() == 0);
  }
}
