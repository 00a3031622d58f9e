package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * A discretization of one diagonal mode {@code x' = A x + B u} with step Δ, written with {@code a =
 * Δ A}:
 *
 * <ul>
 *   <li>{@link Method#ZOH}: {@code Abar = e^a}, {@code Bbar = Δ (e^a - 1)/a B} (complex expm1,
 *       accurate for tiny a). The S4D default.
 *   <li>{@link Method#GBT} with α: {@code Abar = (1 + (1 - α) a)/(1 - α a)}, {@code Bbar = Δ B/(1 -
 *       α a)}; α = 0 forward Euler, 1 backward Euler, 1/2 bilinear ({@link #BILINEAR}, S4's
 *       default).
 *   <li>{@link Method#EULER_B}: {@code Abar = e^a}, {@code Bbar = Δ B}, as Mamba's selective scan.
 * </ul>
 *
 * @param method the rule
 * @param alpha the GBT parameter in [0, 1] (1/2 for bilinear; ignored and 0 for the others)
 * @since 1.0
 */
public record Discretization(Method method, double alpha) {
  /** Zero-order hold. */
  public static final Discretization ZOH = new Discretization(Method.ZOH, 0);

  /** Bilinear (Tustin), GBT with α = 1/2. */
  public static final Discretization BILINEAR = new Discretization(Method.GBT, 0.5);

  /** Exponential Abar with Euler Bbar, as in Mamba. */
  public static final Discretization EULER_B = new Discretization(Method.EULER_B, 0);

  /** The discretization rules. */
  public enum Method {
    /** Zero-order hold. */
    ZOH,
    /** Generalized bilinear transform with parameter α. */
    GBT,
    /** Exponential Abar, Euler Bbar. */
    EULER_B
  }

  /**
   * Validates alpha.
   *
   * @param method see the record component
   * @param alpha see the record component
   */
  public Discretization {
    Args.notNull("method", method);
    Args.inRange("alpha", alpha, 0, 1);
    if (method != Method.GBT && alpha != 0) {
      throw Args.fail("alpha", alpha, "0 for " + method);
    }
  }

  /**
   * The generalized bilinear transform with parameter α.
   *
   * @param alpha in [0, 1]
   * @return the discretization
   */
  public static Discretization gbt(double alpha) {
    return new Discretization(Method.GBT, alpha);
  }

  /**
   * Discretizes one complex mode.
   *
   * @param aRe Re A
   * @param aIm Im A
   * @param dt Δ
   * @param out receives {@code Abar (re, im)}, the Bbar factor {@code (re, im)} with {@code Bbar =
   *     factor * B}, and {@code log Abar (re, im)}: six doubles
   */
  void apply(double aRe, double aIm, double dt, double[] out) {
    double xr = dt * aRe;
    double xi = dt * aIm;
    switch (method) {
      case ZOH:
      case EULER_B:
        {
          double e = Math.exp(xr);
          out[0] = e * Math.cos(xi);
          out[1] = e * Math.sin(xi);
          out[4] = xr;
          out[5] = xi;
          if (method == Method.EULER_B) {
            out[2] = dt;
            out[3] = 0;
          } else {
            double[] f = expm1Over(xr, xi);
            out[2] = dt * f[0];
            out[3] = dt * f[1];
          }
          break;
        }
      case GBT:
        {
          double[] den = {1 - alpha * xr, -alpha * xi};
          double[] num = {1 + (1 - alpha) * xr, (1 - alpha) * xi};
          double[] ab = DiagonalSsm.divide(num[0], num[1], den[0], den[1]);
          double[] bf = DiagonalSsm.divide(dt, 0, den[0], den[1]);
          out[0] = ab[0];
          out[1] = ab[1];
          out[2] = bf[0];
          out[3] = bf[1];
          out[4] = Math.log(Math.hypot(ab[0], ab[1]));
          out[5] = Math.atan2(ab[1], ab[0]);
          break;
        }
      default:
        throw new AssertionError(method);
    }
  }

  /** (e^z - 1)/z for complex z, accurate near 0. */
  static double[] expm1Over(double zr, double zi) {
    double mod = Math.hypot(zr, zi);
    if (mod < 1e-5) {
      // 1 + z/2 + z^2/6
      double z2r = zr * zr - zi * zi;
      double z2i = 2 * zr * zi;
      return new double[] {1 + zr / 2 + z2r / 6, zi / 2 + z2i / 6};
    }
    double s = Math.sin(zi / 2);
    double er = Math.expm1(zr) * Math.cos(zi) - 2 * s * s;
    double ei = Math.exp(zr) * Math.sin(zi);
    return DiagonalSsm.divide(er, ei, zr, zi);
  }
}
