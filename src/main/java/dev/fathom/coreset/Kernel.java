package dev.fathom.coreset;

import dev.fathom.core.Args;

/**
 * A radial positive-definite kernel {@code k(x, y) = phi(||x - y||^2)} with {@code k(x, x) = 1}:
 * Gaussian, Laplace and Matérn, their sums and their power kernels (Dwivedi-Mackey, Generalized
 * Kernel Thinning): the kernel whose Fourier transform is the {@code alpha}-th power of this one's
 * (up to scale), used by root and power kernel thinning.
 *
 * <p>Instances are immutable and thread-safe.
 */
public abstract class Kernel {
  Kernel() {}

  /**
   * The kernel as a function of the squared distance.
   *
   * @param squaredDistance {@code ||x - y||^2}, non-negative
   * @return {@code k(x, y)}
   */
  public abstract double ofSquaredDistance(double squaredDistance);

  /**
   * The kernel on two points of equal dimension.
   *
   * @param x the first point
   * @param y the second point
   * @return {@code k(x, y)}
   */
  public final double eval(double[] x, double[] y) {
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      double t = x[j] - y[j];
      s += t * t;
    }
    return ofSquaredDistance(s);
  }

  /**
   * The power kernel {@code k^(alpha)} for data of dimension {@code d}: its Fourier transform is
   * proportional to this kernel's transform raised to {@code alpha}, normalised so that {@code
   * k^(alpha)(x, x) = 1}. {@code alpha = 1/2} gives the square-root kernel of root KT.
   *
   * @param alpha the power, in {@code (0, 1]}; for Matérn kernels also large enough that the
   *     smoothness {@code alpha (nu + d/2) - d/2} stays positive
   * @param d the data dimension, positive
   * @return the power kernel
   */
  public abstract Kernel power(double alpha, int d);

  /**
   * The sum kernel {@code (this + other)/2}, normalised so that its value at distance 0 is 1 (the
   * KT+ split kernel is {@code k.plus(k.power(1/2, d))}). The sum has no {@link #power}: calling it
   * throws {@link UnsupportedOperationException}.
   *
   * @param other the other kernel
   * @return the sum
   */
  public Kernel plus(Kernel other) {
    Args.notNull("other", other);
    Kernel self = this;
    return new Kernel() {
      @Override
      public double ofSquaredDistance(double r2) {
        return 0.5 * (self.ofSquaredDistance(r2) + other.ofSquaredDistance(r2));
      }

      @Override
      public Kernel power(double alpha, int d) {
        throw new UnsupportedOperationException("power of a sum kernel");
      }

      @Override
      public String toString() {
        return "(" + self + " + " + other + ")/2";
      }
    };
  }

  /**
   * The Gaussian kernel {@code exp(-||x - y||^2 / (2 sigma^2))}; its {@code alpha}-power is the
   * Gaussian with variance {@code alpha sigma^2}.
   *
   * @param sigma the bandwidth, finite and positive
   * @return the kernel
   */
  public static Kernel gaussian(double sigma) {
    Args.positive("sigma", sigma);
    double inv = 1 / (2 * sigma * sigma);
    return new Kernel() {
      @Override
      public double ofSquaredDistance(double r2) {
        return Math.exp(-r2 * inv);
      }

      @Override
      public Kernel power(double alpha, int d) {
        Args.inRange("alpha", alpha, Double.MIN_VALUE, 1);
        Args.positive("d", d);
        return gaussian(sigma * Math.sqrt(alpha));
      }

      @Override
      public String toString() {
        return "Gaussian(sigma=" + sigma + ")";
      }
    };
  }

  /**
   * The Laplace kernel {@code exp(-||x - y|| / sigma)}, the Matérn kernel with {@code nu = 1/2} and
   * length-scale {@code sigma}.
   *
   * @param sigma the bandwidth, finite and positive
   * @return the kernel
   */
  public static Kernel laplace(double sigma) {
    Args.positive("sigma", sigma);
    return matern(0.5, sigma);
  }

  /**
   * The Matérn kernel {@code 2^(1-nu)/Gamma(nu) s^nu K_nu(s)} with {@code s = sqrt(2 nu) ||x - y||
   * / ell}. Half-integer {@code nu} up to 5/2 use the closed forms; other {@code nu} evaluate the
   * modified Bessel function {@code K_nu} by quadrature (about 100 times slower). Its {@code
   * alpha}-power in dimension {@code d} is the Matérn kernel with {@code nu' = alpha (nu + d/2) -
   * d/2} and {@code ell' = ell sqrt(nu'/nu)}.
   *
   * @param nu the smoothness, finite and positive
   * @param ell the length-scale, finite and positive
   * @return the kernel
   */
  public static Kernel matern(double nu, double ell) {
    Args.positive("nu", nu);
    Args.positive("ell", ell);
    double scale = Math.sqrt(2 * nu) / ell;
    double logNorm = (1 - nu) * Math.log(2) - SpecialFunctions.logGamma(nu);
    return new Kernel() {
      @Override
      public double ofSquaredDistance(double r2) {
        double s = scale * Math.sqrt(r2);
        if (nu == 0.5) {
          return Math.exp(-s);
        } else if (nu == 1.5) {
          return (1 + s) * Math.exp(-s);
        } else if (nu == 2.5) {
          return (1 + s + s * s / 3) * Math.exp(-s);
        }
        return SpecialFunctions.maternGeneral(nu, s, logNorm);
      }

      @Override
      public Kernel power(double alpha, int d) {
        Args.inRange("alpha", alpha, Double.MIN_VALUE, 1);
        Args.positive("d", d);
        double nu2 = alpha * (nu + d / 2.0) - d / 2.0;
        if (!(nu2 > 0)) {
          throw Args.fail(
              "alpha",
              alpha,
              "more than d/(2 nu + d) = " + d / (2 * nu + d) + " for Matérn(nu=" + nu + ")");
        }
        return matern(nu2, ell * Math.sqrt(nu2 / nu));
      }

      @Override
      public String toString() {
        return "Matern(nu=" + nu + ", ell=" + ell + ")";
      }
    };
  }
}
