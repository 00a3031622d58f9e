package dev.fathom.linalg;

import dev.fathom.core.SimdKernels;
import java.lang.invoke.MethodHandles;
import java.util.Optional;

/**
 * The optional SIMD Gram kernel of {@link SquaredEuclidean}: a register-blocked micro-kernel (eight
 * output rows, or four, by two vectors of columns, accumulators in registers) that the C2
 * auto-vectorizer cannot produce. The only implementation, {@code VectorGram}, lives in the
 * separate source root {@code src/main/vector} (it uses the incubating {@code jdk.incubator.vector}
 * module) and is loaded reflectively when the JVM runs with {@code --add-modules
 * jdk.incubator.vector} and the system property {@code fathom.simd} is not {@code false}; otherwise
 * the scalar loops are used. Both give bitwise the same entries: each is the same sequence of fused
 * multiply-adds over the coordinates in order, starting from zero.
 */
interface GramKernel {
  /** The name of the SIMD implementation class (compiled from {@code src/main/vector}). */
  String VECTOR_CLASS = "dev.fathom.linalg.VectorGram";

  /** Output rows per micro-kernel call. */
  int ROWS = 4;

  /**
   * Columns per micro-kernel call in double precision (two vectors).
   *
   * @return the width
   */
  int width();

  /**
   * Columns per micro-kernel call in single precision (two vectors).
   *
   * @return the width
   */
  int widthFloat();

  /**
   * Rows [i0, i1) copied into the layout the micro-kernel reads (for {@link #gram(double[],
   * double[][], double[][], int, int, int, int)} with the same rows).
   *
   * @param x the points by row
   * @param i0 first row
   * @param i1 row end, {@code i1 - i0} a multiple of {@link #ROWS}
   * @return the packed rows
   */
  double[] pack(double[][] x, int i0, int i1);

  /**
   * The float twin of {@link #pack(double[][], int, int)}.
   *
   * @param x the points by row
   * @param i0 first row
   * @param i1 row end, {@code i1 - i0} a multiple of {@link #ROWS}
   * @return the packed rows
   */
  float[] pack(float[][] x, int i0, int i1);

  /**
   * Writes {@code out[i][off[i] + j] = x_i . x_j} for {@code i in [i0, i1)}, {@code j in [j0, j1)},
   * where {@code i1 - i0} is a multiple of {@link #ROWS}, and {@code j0} and {@code j1} of {@link
   * #width()}.
   *
   * @param x the rows [i0, i1) as {@link #pack(double[][], int, int)} gives them
   * @param panels the points packed by strips of {@link #width()} points: {@code panels[s][k w +
   *     l]} is coordinate {@code k} of point {@code s w + l}
   * @param out the array holding each output row (one per row, possibly shared by many rows)
   * @param off where each output row starts in its array
   * @param i0 first row
   * @param i1 row end
   * @param j0 first column
   * @param j1 column end
   */
  void gram(
      double[] x, double[][] panels, double[][] out, int[] off, int i0, int i1, int j0, int j1);

  /**
   * The float twin of {@link #gram(double[], double[][], double[][], int[], int, int, int, int)},
   * with strips of {@link #widthFloat()} points.
   *
   * @param x the rows [i0, i1) as {@link #pack(float[][], int, int)} gives them
   * @param panels the points packed by strips
   * @param out the array holding each output row (one per row, possibly shared by many rows)
   * @param off where each output row starts in its array
   * @param i0 first row
   * @param i1 row end
   * @param j0 first column
   * @param j1 column end
   */
  void gram(float[] x, float[][] panels, float[][] out, int[] off, int i0, int i1, int j0, int j1);

  /**
   * The last, narrow strip: writes {@code out[i][off[i] + j + l] = x_i . x_(j + l)} for {@code i in
   * [i0, i1)} and {@code l < width() / 2} (one vector of columns), the same fused multiply-adds per
   * entry as {@link #gram(double[], double[][], double[][], int[], int, int, int, int)}.
   *
   * @param x the rows [i0, i1) as {@link #pack(double[][], int, int)} gives them
   * @param panel the points j .. j + width() / 2 - 1 packed coordinate-major: {@code panel[k
   *     width() / 2 + l]} is coordinate {@code k} of point {@code j + l}
   * @param out the array holding each output row (one per row, possibly shared by many rows)
   * @param off where each output row starts in its array
   * @param i0 first row
   * @param i1 row end
   * @param j first column
   */
  void gramHalf(double[] x, double[] panel, double[][] out, int[] off, int i0, int i1, int j);

  /**
   * The float twin of {@link #gramHalf(double[], double[], double[][], int[], int, int, int)}, one
   * vector of {@code widthFloat() / 2} columns.
   *
   * @param x the rows [i0, i1) as {@link #pack(float[][], int, int)} gives them
   * @param panel the points j .. j + widthFloat() / 2 - 1 packed coordinate-major
   * @param out the array holding each output row (one per row, possibly shared by many rows)
   * @param off where each output row starts in its array
   * @param i0 first row
   * @param i1 row end
   * @param j first column
   */
  void gramHalf(float[] x, float[] panel, float[][] out, int[] off, int i0, int i1, int j);

  /** The selected kernel, or {@code null} for the scalar loops. */
  GramKernel SELECTED = SimdKernels.enabled() ? load().orElse(null) : null;

  private static Optional<GramKernel> load() {
    // the panels are looked up per strip of a row block: the widths must divide its rows
    return SimdKernels.load(MethodHandles.lookup(), VECTOR_CLASS, GramKernel.class)
        .filter(
            k ->
                SquaredEuclidean.ROWS % k.width() == 0
                    && SquaredEuclidean.ROWS % k.widthFloat() == 0
                    && SquaredEuclidean.selfCheck(k));
  }
}
