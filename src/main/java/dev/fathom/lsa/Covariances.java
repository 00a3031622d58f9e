package dev.fathom.lsa;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Covariance diagnostics of LSA: the CLT covariance of the Polyak-Ruppert average and empirical
 * covariances to compare it with. Static and thread-safe.
 *
 * @since 1.0
 */
public final class Covariances {
  private Covariances() {}

  /**
   * The asymptotic covariance {@code Σ_∞ = Ā⁻¹ Σ Ā⁻ᵀ} of {@code √k (θ̄_k − θ*)} as {@code α → 0}.
   *
   * @param abar the mean matrix {@code Ā}, square and non-singular
   * @param sigma the noise covariance {@code Σ}, same size
   * @return {@code Σ_∞}
   * @throws IllegalArgumentException if the sizes differ, an entry is not finite or {@code Ā} is
   *     singular
   */
  public static DMatrixRMaj clt(DMatrixRMaj abar, DMatrixRMaj sigma) {
    int d = Args.notNull("abar", abar).numRows;
    Dense.square("abar", abar, d);
    Dense.square("sigma", sigma, d);
    DMatrixRMaj inv = Dense.inverse(abar, "abar");
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(inv, sigma, tmp);
    CommonOps_DDRM.multTransB(tmp, inv, out);
    return out;
  }

  /**
   * The empirical second-moment matrix {@code (1/R) Σ_r (x_r − c)(x_r − c)ᵀ} of samples about a
   * known centre (for example {@code √k (θ̄_k − θ*)} over independent runs, centred at 0 after
   * subtracting {@code θ*}).
   *
   * @param samples the samples, {@code R x d}, finite
   * @param center the centre {@code c}, length {@code d}
   * @return the matrix, {@code d x d}
   */
  public static DMatrixRMaj empirical(double[][] samples, double[] center) {
    int d = Args.rectangular("samples", samples);
    Args.finite("center", Args.length("center", center, d));
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    double[] e = new double[d];
    for (double[] x : samples) {
      for (int i = 0; i < d; i++) {
        e[i] = x[i] - center[i];
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          out.data[i * d + j] += e[i] * e[j];
        }
      }
    }
    CommonOps_DDRM.scale(1.0 / samples.length, out);
    return out;
  }

  /**
   * The relative Frobenius distance {@code ‖x − ref‖_F / ‖ref‖_F}.
   *
   * @param x a matrix
   * @param ref the reference, same shape, non-zero
   * @return the relative distance
   */
  public static double relativeDistance(DMatrixRMaj x, DMatrixRMaj ref) {
    Args.notNull("x", x);
    Args.notNull("ref", ref);
    if (x.numRows != ref.numRows || x.numCols != ref.numCols) {
      throw Args.fail("x", x.numRows + "x" + x.numCols, ref.numRows + "x" + ref.numCols);
    }
    double num = 0;
    double den = 0;
    for (int i = 0; i < x.getNumElements(); i++) {
      double t = x.data[i] - ref.data[i];
      num += t * t;
      den += ref.data[i] * ref.data[i];
    }
    return Math.sqrt(num / den);
  }
}
