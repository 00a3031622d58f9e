package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.linalg.Vectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The finite-sum least-squares gradient {@code F(x) = (1/n) Aᵀ(Ax − b)}, with components {@code
 * F_i(x) = a_i(a_iᵀx − b_i)} ({@code a_i} the rows of {@code A}). {@code F} is {@code
 * 1/L_F}-cocoercive with {@code L_F = λ_max(AᵀA/n)}, and {@code L_Q² = λ_max((1/n) Σ ‖a_i‖² a_i
 * a_iᵀ)}. Rows are stored contiguously (row-major); a difference {@code F_i(x) − F_i(y) = a_i
 * a_iᵀ(x − y)} costs one dot product and one axpy.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class LeastSquares implements FiniteSumOperator {
  private final int n;
  private final int d;
  private final double[] a;
  private final double[] b;

  /**
   * Builds the operator.
   *
   * @param rows the rows {@code a_i} of {@code A}, {@code n × d}, finite
   * @param b the targets, length {@code n}, finite
   */
  public LeastSquares(double[][] rows, double[] b) {
    this.d = Args.rectangular("rows", rows);
    this.n = rows.length;
    Args.length("b", b, n);
    Args.finite("b", b);
    this.a = new double[n * d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, a, i * d, d);
    }
    this.b = b.clone();
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public void addComponent(int i, double scale, double[] x, double[] acc) {
    int off = i * d;
    double r = Vectors.dot(a, off, x, 0, d) - b[i];
    Vectors.axpy(scale * r, a, off, acc, 0, d);
  }

  @Override
  public void addComponentDifference(int i, double scale, double[] x, double[] y, double[] acc) {
    int off = i * d;
    double r0 = 0;
    double r1 = 0;
    double r2 = 0;
    double r3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) { // four accumulators, like Vectors.dot
      r0 += a[off + j] * (x[j] - y[j]);
      r1 += a[off + j + 1] * (x[j + 1] - y[j + 1]);
      r2 += a[off + j + 2] * (x[j + 2] - y[j + 2]);
      r3 += a[off + j + 3] * (x[j + 3] - y[j + 3]);
    }
    for (; j < d; j++) {
      r0 += a[off + j] * (x[j] - y[j]);
    }
    Vectors.axpy(scale * ((r0 + r1) + (r2 + r3)), a, off, acc, 0, d);
  }

  @Override
  public void apply(double[] x, double[] out) {
    java.util.Arrays.fill(out, 0.0);
    double s = 1.0 / n;
    for (int i = 0; i < n; i++) {
      int off = i * d;
      double r = Vectors.dot(a, off, x, 0, d) - b[i];
      Vectors.axpy(s * r, a, off, out, 0, d);
    }
  }

  /**
   * The exact {@code L_F = λ_max(AᵀA/n)}.
   *
   * @return {@code L_F}
   */
  public double lipschitz() {
    return maxEigen(false);
  }

  /**
   * The exact {@code L_Q = √λ_max((1/n) Σ ‖a_i‖² a_i a_iᵀ)}.
   *
   * @return {@code L_Q}
   */
  public double meanSquareLipschitz() {
    return Math.sqrt(maxEigen(true));
  }

  private double maxEigen(boolean weighted) {
    DMatrixRMaj s = new DMatrixRMaj(d, d);
    for (int i = 0; i < n; i++) {
      int off = i * d;
      double w = weighted ? Vectors.dot(a, off, a, off, d) : 1.0;
      for (int p = 0; p < d; p++) {
        double ap = w * a[off + p] / n;
        for (int q = 0; q < d; q++) {
          s.data[p * d + q] += ap * a[off + q];
        }
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
    if (!eig.decompose(s)) {
      throw new IllegalStateException("eigen-decomposition failed");
    }
    double best = 0;
    for (int e = 0; e < d; e++) {
      best = Math.max(best, eig.getEigenvalue(e).getReal());
    }
    return best;
  }
}
