package dev.fathom.coreset;

import dev.fathom.core.Args;

/**
 * A translation-invariant positive-definite kernel with {@code k(x, x) = 1}: the radial Gaussian,
 * Laplace, Matérn and inverse multiquadric kernels {@code k(x, y) = phi(||x - y||^2)}, the product
 * sinc and B-spline kernels {@code k(x, y) = prod_j g(x_j - y_j)}, sums, and power kernels
 * (Dwivedi-Mackey, Generalized Kernel Thinning): the kernel whose Fourier transform is the {@code
 * alpha}-th power of this one's (up to scale), used by root and power kernel thinning.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 1.0
 */
public abstract class Kernel {
  Kernel() {}

  /**
   * The kernel as a function of the squared distance, for radial kernels.
   *
   * @param squaredDistance {@code ||x - y||^2}, non-negative
   * @return {@code k(x, y)}
   * @throws UnsupportedOperationException for the product kernels ({@link #sinc}, {@link
   *     #bSpline}), which are not radial
   */
  public abstract double ofSquaredDistance(double squaredDistance);

  /**
   * The kernel on two points of equal dimension: {@code ofSquaredDistance(||x - y||^2)} for radial
   * kernels, the product over coordinates for product kernels.
   *
   * @param x the first point
   * @param y the second point
   * @return {@code k(x, y)}
   */
  public double eval(double[] x, double[] y) {
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
      public double eval(double[] x, double[] y) {
        return 0.5 * (self.eval(x, y) + other.eval(x, y));
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

  /**
   * The inverse multiquadric kernel {@code (1 + ||x - y||^2 / sigma^2)^(-nu)}. Its Fourier
   * transform is a Matérn-type function, {@code ∝ |w|^(nu - d/2) K_(nu - d/2)(sigma |w|)}, whose
   * powers have no closed form: {@link #power} throws. Generalized Kernel Thinning shows that
   * target KT already gets root-KT-like MMD guarantees for this analytic kernel, so split with the
   * kernel itself ({@code KernelThinning.Options.target}).
   *
   * @param nu the exponent, finite and positive
   * @param sigma the scale, finite and positive
   * @return the kernel
   */
  public static Kernel inverseMultiquadric(double nu, double sigma) {
    Args.positive("nu", nu);
    Args.positive("sigma", sigma);
    double inv = 1 / (sigma * sigma);
    return new Kernel() {
      @Override
      public double ofSquaredDistance(double r2) {
        return Math.pow(1 + r2 * inv, -nu);
      }

      @Override
      public Kernel power(double alpha, int d) {
        throw new UnsupportedOperationException(
            "power of the inverse multiquadric kernel (no closed form; use target KT)");
      }

      @Override
      public String toString() {
        return "IMQ(nu=" + nu + ", sigma=" + sigma + ")";
      }
    };
  }

  /**
   * The product sinc kernel {@code prod_j sin(theta t_j) / (theta t_j)}, {@code t = x - y}. Its
   * Fourier transform is the indicator of the cube {@code [-theta, theta]^d} (up to scale), equal
   * to each of its powers, so every power kernel is the kernel itself (the sinc kernel is its own
   * square root up to the factor {@code pi/theta} per coordinate).
   *
   * @param theta the band limit, finite and positive
   * @return the kernel
   */
  public static Kernel sinc(double theta) {
    Args.positive("theta", theta);
    return new Product() {
      @Override
      double g(double t) {
        double u = theta * t;
        return Math.abs(u) < 1e-4 ? 1 - u * u / 6 * (1 - u * u / 20) : Math.sin(u) / u;
      }

      @Override
      public Kernel power(double alpha, int d) {
        Args.inRange("alpha", alpha, Double.MIN_VALUE, 1);
        Args.positive("d", d);
        return this;
      }

      @Override
      public String toString() {
        return "Sinc(theta=" + theta + ")";
      }
    };
  }

  /**
   * The product B-spline kernel {@code prod_j B_m(t_j / gamma) / B_m(0)}, {@code t = x - y}, with
   * {@code B_m} the centred cardinal B-spline of order {@code m} (the {@code m}-fold convolution of
   * the indicator of {@code [-1/2, 1/2]}, piecewise polynomial of degree {@code m - 1}): {@code
   * B_m(u) = sum_{k=0}^{m} (-1)^k C(m, k) (u + m/2 - k)_+^{m-1} / (m-1)!}, evaluated by the stable
   * recursion {@code B_k(v) = ((v + k/2) B_{k-1}(v + 1/2) + (k/2 - v) B_{k-1}(v - 1/2)) / (k - 1)}.
   * Its Fourier transform is {@code sinc(gamma w / 2)^m} per coordinate, non-negative for even
   * {@code m}, so {@code m} must be even. The {@code alpha}-power is the B-spline kernel of order
   * {@code alpha m} and the same {@code gamma}, defined when {@code alpha m} is an even integer
   * (the square root of order {@code 4b} is order {@code 2b}).
   *
   * @param order the order {@code m}, even, in {@code [2, 40]}
   * @param gamma the width of each box, finite and positive (support {@code |t_j| < m gamma / 2})
   * @return the kernel
   */
  public static Kernel bSpline(int order, double gamma) {
    Args.inRange("order", order, 2, 40);
    if (order % 2 != 0) {
      throw Args.fail("order", order, "an even order (odd orders are not positive definite)");
    }
    Args.positive("gamma", gamma);
    double atZero = cardinalBSpline(order, 0);
    return new Product() {
      @Override
      double g(double t) {
        return cardinalBSpline(order, t / gamma) / atZero;
      }

      @Override
      public Kernel power(double alpha, int d) {
        Args.inRange("alpha", alpha, Double.MIN_VALUE, 1);
        Args.positive("d", d);
        double m = alpha * order;
        long rounded = Math.round(m);
        if (Math.abs(m - rounded) > 1e-9 * order || rounded % 2 != 0 || rounded < 2) {
          throw Args.fail(
              "alpha", alpha, "alpha * order (order " + order + ") an even integer at least 2");
        }
        return bSpline((int) rounded, gamma);
      }

      @Override
      public String toString() {
        return "BSpline(order=" + order + ", gamma=" + gamma + ")";
      }
    };
  }

  /**
   * The centred cardinal B-spline of order m at u by the (stable, all terms non-negative) recursion
   * {@code B_k(v) = ((v + k/2) B_{k-1}(v + 1/2) + (k/2 - v) B_{k-1}(v - 1/2)) / (k - 1)} from the
   * box {@code B_1 = 1 on [-1/2, 1/2)}: {@code O(m^2)}.
   */
  static double cardinalBSpline(int m, double u) {
    if (Math.abs(u) >= m / 2.0) {
      return 0;
    }
    double[] b = new double[m];
    for (int i = 0; i < m; i++) {
      double v = u + (m - 1) / 2.0 - i;
      b[i] = v >= -0.5 && v < 0.5 ? 1 : 0;
    }
    for (int k = 2; k <= m; k++) {
      for (int i = 0; i <= m - k; i++) {
        double v = u + (m - k) / 2.0 - i;
        b[i] = ((v + k / 2.0) * b[i] + (k / 2.0 - v) * b[i + 1]) / (k - 1);
      }
    }
    return b[0];
  }

  /** A product kernel {@code prod_j g(x_j - y_j)} with {@code g(0) = 1}. */
  private abstract static class Product extends Kernel {
    abstract double g(double t);

    @Override
    public double ofSquaredDistance(double squaredDistance) {
      throw new UnsupportedOperationException(this + " is a product kernel, not radial");
    }

    @Override
    public double eval(double[] x, double[] y) {
      double v = 1;
      for (int j = 0; j < x.length; j++) {
        v *= g(x[j] - y[j]);
      }
      return v;
    }
  }
}
