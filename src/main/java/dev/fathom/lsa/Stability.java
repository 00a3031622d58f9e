package dev.fathom.lsa;

import dev.fathom.core.Args;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The step-size check of LSA: whether the mean recursion {@code θ ← (I − αĀ) θ + α b̄} is stable.
 *
 * <p>With eigenvalues {@code λ} of {@code Ā}, the mean recursion contracts iff every {@code |1 −
 * αλ| < 1}, i.e. {@code −Ā} is Hurwitz ({@code Re λ > 0}) and {@code α < α_max = min 2 Re λ /
 * |λ|²}. This is necessary for the stochastic recursion to converge in mean; mean-square stability
 * with random {@code A_k} needs a somewhat smaller step (the solver also watches the iterate for
 * divergence). When {@code Ā} is not known the report is {@link #unknown(double)}.
 *
 * @since 1.0
 */
public final class Stability {
  private final boolean known;
  private final double alpha;
  private final boolean hurwitz;
  private final double minRealPart;
  private final double maxStableAlpha;
  private final double spectralRadius;

  Stability(
      boolean known,
      double alpha,
      boolean hurwitz,
      double minRealPart,
      double maxStableAlpha,
      double spectralRadius) {
    this.known = known;
    this.alpha = alpha;
    this.hurwitz = hurwitz;
    this.minRealPart = minRealPart;
    this.maxStableAlpha = maxStableAlpha;
    this.spectralRadius = spectralRadius;
  }

  /**
   * Whether {@code Ā} was available; when false the other numbers are NaN.
   *
   * @return whether {@code Ā} was available; when false the other numbers are NaN
   */
  public boolean known() {
    return known;
  }

  /**
   * The step size checked.
   *
   * @return the step size checked
   */
  public double alpha() {
    return alpha;
  }

  /**
   * Whether every eigenvalue of {@code Ā} has a positive real part.
   *
   * @return whether every eigenvalue of {@code Ā} has a positive real part
   */
  public boolean hurwitz() {
    return hurwitz;
  }

  /**
   * The smallest real part of an eigenvalue of {@code Ā}.
   *
   * @return the smallest real part of an eigenvalue of {@code Ā}
   */
  public double minRealPart() {
    return minRealPart;
  }

  /**
   * {@code α_max = min 2 Re λ / |λ|²} (0 when not Hurwitz).
   *
   * @return {@code α_max = min 2 Re λ / |λ|²} (0 when not Hurwitz)
   */
  public double maxStableAlpha() {
    return maxStableAlpha;
  }

  /**
   * The spectral radius of {@code I − αĀ}.
   *
   * @return the spectral radius of {@code I − αĀ}
   */
  public double spectralRadius() {
    return spectralRadius;
  }

  /**
   * Checks step {@code alpha} against {@code Ā}.
   *
   * @param abar the mean matrix {@code Ā}, square
   * @param alpha the step size, finite and positive
   * @return the report
   * @throws IllegalArgumentException if {@code abar} is not square or finite, or {@code alpha} is
   *     not positive
   */
  public static Stability of(DMatrixRMaj abar, double alpha) {
    Dense.square("abar", abar, Args.notNull("abar", abar).numRows);
    Args.positive("alpha", alpha);
    int d = abar.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false);
    if (!eig.decompose(abar.copy())) {
      throw Args.fail("abar", "eigen decomposition failed", "a matrix with computable eigenvalues");
    }
    double minRe = Double.POSITIVE_INFINITY;
    double maxAlpha = Double.POSITIVE_INFINITY;
    double rho = 0;
    for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
      Complex_F64 l = eig.getEigenvalue(i);
      minRe = Math.min(minRe, l.real);
      double mod2 = l.real * l.real + l.imaginary * l.imaginary;
      maxAlpha = Math.min(maxAlpha, mod2 == 0 ? 0 : 2 * l.real / mod2);
      rho = Math.max(rho, Math.hypot(1 - alpha * l.real, alpha * l.imaginary));
    }
    boolean hurwitz = minRe > 0;
    return new Stability(true, alpha, hurwitz, minRe, hurwitz ? maxAlpha : 0, rho);
  }

  /**
   * The report when {@code Ā} is not known: nothing can be said before running.
   *
   * @param alpha the step size
   * @return a report with {@code known = false}
   */
  public static Stability unknown(double alpha) {
    return new Stability(false, alpha, false, Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * Whether the mean recursion is known to contract at this step.
   *
   * @return {@code known && hurwitz && spectralRadius < 1}
   */
  public boolean stable() {
    return known && hurwitz && spectralRadius < 1;
  }

  /**
   * Whether the mean recursion is known to diverge at this step.
   *
   * @return {@code known && !stable()}
   */
  public boolean unstable() {
    return known && !stable();
  }

  /**
   * A one-line explanation, for warnings and error messages.
   *
   * @return the description
   */
  public String describe() {
    if (!known) {
      return "step alpha = " + alpha + " not checked: the mean matrix is unknown";
    }
    if (!hurwitz) {
      return String.format(
          "-Abar is not Hurwitz (smallest real part of an eigenvalue of Abar = %.4g):"
              + " LSA diverges for every step size",
          minRealPart);
    }
    if (spectralRadius >= 1) {
      return String.format(
          "alpha = %s is too large: rho(I - alpha Abar) = %.4g >= 1; the mean recursion is"
              + " stable only for alpha < %.4g",
          alpha, spectralRadius, maxStableAlpha);
    }
    return String.format(
        "alpha = %s is stable in mean: rho(I - alpha Abar) = %.6g (alpha_max = %.4g)",
        alpha, spectralRadius, maxStableAlpha);
  }
}
