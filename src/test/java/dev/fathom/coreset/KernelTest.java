package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class KernelTest {
  @Test
  void closedForms() {
    double r2 = 2.25;
    assertEquals(Math.exp(-r2 / 8), Kernel.gaussian(2).ofSquaredDistance(r2), 1e-15);
    assertEquals(Math.exp(-1.5 / 0.7), Kernel.laplace(0.7).ofSquaredDistance(r2), 1e-15);
    double s = Math.sqrt(3) * 1.5 / 2;
    assertEquals((1 + s) * Math.exp(-s), Kernel.matern(1.5, 2).ofSquaredDistance(r2), 1e-15);
    assertEquals(
        Kernel.gaussian(2).eval(new double[] {0, 0}, new double[] {1.2, 0.9}),
        Kernel.gaussian(2).ofSquaredDistance(r2),
        1e-15);
  }

  @Test
  void specialFunctionsMatchPublishedValues() {
    // Abramowitz and Stegun, table 9.8: K_0(1) and K_1(1)
    assertEquals(0.42102443824070834, Math.exp(SpecialFunctions.logBesselK(0, 1)), 1e-13);
    assertEquals(0.60190723019723457, Math.exp(SpecialFunctions.logBesselK(1, 1)), 1e-13);
    // K_{1/2}(x) = sqrt(pi/(2x)) e^-x, at a large and a small argument
    for (double x : new double[] {1e-6, 0.3, 40, 600}) {
      double ref = 0.5 * Math.log(Math.PI / (2 * x)) - x;
      assertEquals(ref, SpecialFunctions.logBesselK(0.5, x), 1e-12 * Math.max(1, Math.abs(ref)));
    }
    assertEquals(Math.log(Math.sqrt(Math.PI)), SpecialFunctions.logGamma(0.5), 1e-14);
    assertEquals(Math.log(24), SpecialFunctions.logGamma(5), 1e-13);
    assertEquals(
        Math.log(Math.PI / Math.sin(Math.PI * 0.3)) - SpecialFunctions.logGamma(0.7),
        SpecialFunctions.logGamma(0.3),
        1e-13);
  }

  @Test
  void generalMaternAgreesWithClosedFormsAtHalfIntegers() {
    for (double nu : new double[] {0.5, 1.5, 2.5}) {
      Kernel closed = Kernel.matern(nu, 1.3);
      double logNorm = (1 - nu) * Math.log(2) - SpecialFunctions.logGamma(nu);
      for (double r : new double[] {0, 1e-9, 0.01, 0.5, 2, 9}) {
        double sc = Math.sqrt(2 * nu) * r / 1.3;
        assertEquals(
            closed.ofSquaredDistance(r * r),
            SpecialFunctions.maternGeneral(nu, sc, logNorm),
            1e-12);
      }
    }
  }

  /** k(x, y) is proportional to the integral of k_rt(x, z) k_rt(z, y) dz (d = 1). */
  @Test
  void squareRootKernelsConvolveToTheTarget() {
    // Matérn 3/2 in d = 1 has the Laplace kernel as its root; Matérn 5/2 goes through Bessel K_1
    Kernel[] targets = {Kernel.gaussian(0.8), Kernel.matern(2.5, 1.0), Kernel.matern(1.5, 1.0)};
    for (Kernel k : targets) {
      Kernel rt = k.power(0.5, 1);
      double at0 = convolve(rt, 0);
      for (double r : new double[] {0.3, 1, 2.5}) {
        assertEquals(k.ofSquaredDistance(r * r), convolve(rt, r) / at0, 2e-4, k + " r=" + r);
      }
    }
  }

  private static double convolve(Kernel rt, double r) {
    double h = 0.004;
    double s = 0;
    for (double z = -80; z <= 80; z += h) {
      s += rt.ofSquaredDistance(z * z) * rt.ofSquaredDistance((z - r) * (z - r));
    }
    return s * h;
  }

  /** The truncated-power form of the centred cardinal B-spline (independent of the recursion). */
  private static double truncatedPower(int m, double u) {
    double s = 0;
    double fact = 1;
    for (int k = 2; k < m; k++) {
      fact *= k;
    }
    for (int k = 0; k <= m; k++) {
      double v = u + m / 2.0 - k;
      double binom = 1;
      for (int q = 0; q < k; q++) {
        binom = binom * (m - q) / (q + 1);
      }
      if (v > 0) {
        s += (k % 2 == 0 ? 1 : -1) * binom * Math.pow(v, m - 1);
      }
    }
    return s / fact;
  }

  @Test
  void generalizedKtKernelsMatchClosedForms() {
    double[] x = {0.3, -1.1};
    double[] y = {-0.4, 0.2};
    double t1 = 0.7;
    double t2 = -1.3;
    double r2 = t1 * t1 + t2 * t2;
    assertEquals(
        Math.pow(1 + r2 / 0.25, -1.5), Kernel.inverseMultiquadric(1.5, 0.5).eval(x, y), 1e-15);
    assertEquals(
        Math.sin(2 * t1) / (2 * t1) * Math.sin(2 * t2) / (2 * t2),
        Kernel.sinc(2).eval(x, y),
        1e-15);
    assertEquals(1, Kernel.sinc(2).eval(x, x), 0);
    assertEquals(1 - 1e-12 / 6, Kernel.sinc(1).eval(new double[] {1e-6}, new double[] {0}), 1e-16);
    // order 2: the triangle; order 4: the cubic B-spline, B_4(0) = 2/3
    assertEquals((1 - 0.7 / 1.5) * (1 - 1.3 / 1.5), Kernel.bSpline(2, 1.5).eval(x, y), 1e-14);
    double a1 = 0.7 / 0.9;
    double a2 = 1.3 / 0.9;
    double cubic = (2.0 / 3 - a1 * a1 + a1 * a1 * a1 / 2) * Math.pow(2 - a2, 3) / 6;
    assertEquals(cubic / (4.0 / 9), Kernel.bSpline(4, 0.9).eval(x, y), 1e-14);
    assertEquals(0, Kernel.bSpline(4, 0.6).eval(x, y), 0); // |t_2| / gamma > 2
    var rng = Rng.create(12);
    for (int m : new int[] {2, 4, 6, 8, 10}) {
      for (int k = 0; k < 50; k++) {
        double u = (rng.nextDouble() - 0.5) * (m + 1);
        assertEquals(truncatedPower(m, u), Kernel.cardinalBSpline(m, u), 1e-12, "m = " + m);
      }
    }
  }

  @Test
  void powerKernelsConvolveToTheTargetInOneDimension() {
    // B-spline: int k_4(x, z) k_4(z, y) dz = c k_8(x, y), c the same for every x - y
    Kernel target = Kernel.bSpline(8, 0.8);
    Kernel root = target.power(0.5, 1);
    assertEquals(
        Kernel.bSpline(4, 0.8).eval(new double[] {0.5}, new double[] {0}),
        root.eval(new double[] {0.5}, new double[] {0}),
        0);
    double c = Double.NaN;
    for (double dx : new double[] {0, 0.3, 1.1, 2.0, 2.9}) {
      double conv = 0;
      int steps = 40_000;
      double lo = -4;
      double h = 8.0 / steps;
      for (int k = 0; k <= steps; k++) {
        double z = lo + k * h;
        double w = k == 0 || k == steps ? 0.5 : 1;
        conv +=
            w
                * h
                * root.eval(new double[] {dx}, new double[] {z})
                * root.eval(new double[] {z}, new double[] {0});
      }
      double ratio = conv / target.eval(new double[] {dx}, new double[] {0});
      if (Double.isNaN(c)) {
        c = ratio;
      }
      assertEquals(c, ratio, 1e-6 * c, "dx = " + dx);
    }
    // sinc: int sinc(theta (x - z)) sinc(theta z) dz = (pi / theta) sinc(theta x)
    double theta = 2;
    Kernel sinc = Kernel.sinc(theta);
    assertSame(sinc, sinc.power(0.5, 3));
    for (double dx : new double[] {0, 0.4, 1.7}) {
      double conv = 0;
      double lo = -3000;
      int steps = 3_000_000;
      double h = -2 * lo / steps;
      for (int k = 0; k <= steps; k++) {
        double z = lo + k * h;
        conv +=
            h
                * sinc.eval(new double[] {dx}, new double[] {z})
                * sinc.eval(new double[] {z}, new double[] {0});
      }
      assertEquals(Math.PI / theta * sinc.eval(new double[] {dx}, new double[] {0}), conv, 1e-3);
    }
  }

  /**
   * The Fourier transform of a radial profile phi(r) in dimension d = 1 or 3 at the frequencies w,
   * up to the factor 2 (d = 1) or 4 pi (d = 3): the cosine transform int_0^R phi(r) cos(w r) dr and
   * the sine transform int_0^R phi(r) r sin(w r) / w dr (r^2 at w = 0), by Simpson's rule on 2 *
   * half + 1 points.
   */
  private static double[] radialTransform(
      java.util.function.DoubleUnaryOperator phi, int d, double reach, int half, double[] w) {
    int steps = 2 * half;
    double h = reach / steps;
    double[] f = new double[steps + 1];
    for (int k = 0; k <= steps; k++) {
      f[k] = phi.applyAsDouble(k * h);
    }
    double[] out = new double[w.length];
    for (int j = 0; j < w.length; j++) {
      double s = 0;
      for (int k = 0; k <= steps; k++) {
        double r = k * h;
        double basis =
            d == 1 ? Math.cos(w[j] * r) : w[j] == 0 ? r * r : r * Math.sin(w[j] * r) / w[j];
        s += (k == 0 || k == steps ? 1 : k % 2 == 1 ? 4 : 2) * f[k] * basis;
      }
      out[j] = s * h / 3;
    }
    return out;
  }

  /** max / min of transform(k^alpha)(w) / transform(k)(w)^alpha over the frequencies, minus 1. */
  private static double powerRatioSpread(double[] target, double[] power, double alpha) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int j = 0; j < target.length; j++) {
      double ratio = power[j] / Math.pow(target[j], alpha);
      lo = Math.min(lo, ratio);
      hi = Math.max(hi, ratio);
    }
    return hi / lo - 1;
  }

  /**
   * The alpha-power kernel's Fourier transform is the base kernel's to the alpha (up to a
   * constant), by numerical Fourier transforms: radial kernels in d = 1 (cosine transform) and d =
   * 3 (sine transform of r phi(r)), where the Matérn power's smoothness alpha (nu + d/2) - d/2
   * depends on d; B-spline powers alpha = 1/3, 1/2, 2/3 of order 12 in d = 1 (product kernels
   * factor over coordinates, and their power does not depend on d).
   */
  @Test
  void powerKernelsHaveThePoweredFourierTransform() {
    double[] w = {0, 0.5, 1, 2, 3.5};
    Object[][] radial = {
      {Kernel.gaussian(0.8), 0.5, 1},
      {Kernel.gaussian(1.2), 0.3, 3},
      {Kernel.laplace(1), 0.75, 1}, // Matérn nu' = 1/4 (Bessel path)
      {Kernel.laplace(1), 0.9, 3}, // nu' = 0.3
      {Kernel.matern(2.5, 1), 0.5, 1}, // nu' = 1
      {Kernel.matern(2.5, 1), 0.5, 3}, // nu' = 1/2, the Laplace kernel
      {Kernel.matern(1.5, 0.7), 0.8, 3}, // nu' = 0.9
      {Kernel.matern(1.2, 1.3), 0.6, 1}, // nu = 1.2 (Bessel path), nu' = 0.62
    };
    for (Object[] c : radial) {
      Kernel k = (Kernel) c[0];
      double alpha = (Double) c[1];
      int d = (Integer) c[2];
      Kernel pk = k.power(alpha, d);
      double[] ft = radialTransform(r -> k.ofSquaredDistance(r * r), d, 60, 30_000, w);
      double[] fp = radialTransform(r -> pk.ofSquaredDistance(r * r), d, 60, 30_000, w);
      double spread = powerRatioSpread(ft, fp, alpha);
      assertTrue(spread < 1e-4, k + " alpha " + alpha + " d " + d + ": spread " + spread);
    }
    // the test can fail: a wrong d in the Matérn power (the d = 1 power used in d = 3) is caught
    Kernel m = Kernel.matern(2.5, 1);
    double[] ft = radialTransform(r -> m.ofSquaredDistance(r * r), 3, 60, 30_000, w);
    Kernel wrong = m.power(0.5, 1);
    double[] fw = radialTransform(r -> wrong.ofSquaredDistance(r * r), 3, 60, 30_000, w);
    assertTrue(powerRatioSpread(ft, fw, 0.5) > 0.1);
    // B-splines: support |t| < 6 gamma, transform sinc(gamma w / 2)^12, positive below 2 pi / gamma
    double gamma = 0.7;
    Kernel b = Kernel.bSpline(12, gamma);
    double[] wb = {0, 1, 2.5, 5, 7};
    double[] fb =
        radialTransform(t -> b.eval(new double[] {t}, new double[] {0}), 1, 6 * gamma, 6_000, wb);
    for (double alpha : new double[] {1.0 / 3, 0.5, 2.0 / 3}) {
      Kernel pb = b.power(alpha, 1);
      assertEquals(pb.toString(), b.power(alpha, 3).toString());
      double[] fpb =
          radialTransform(
              t -> pb.eval(new double[] {t}, new double[] {0}), 1, 6 * gamma, 6_000, wb);
      double spread = powerRatioSpread(fb, fpb, alpha);
      assertTrue(spread < 1e-7, "B-spline alpha " + alpha + ": spread " + spread);
    }
  }

  @Test
  void gramMatricesArePositiveSemidefinite() {
    double[][] x = new double[40][];
    var rng = Rng.create(4);
    for (int i = 0; i < x.length; i++) {
      x[i] = Rng.gaussian(rng, 2);
    }
    Kernel[] ks = {
      Kernel.matern(0.75, 1),
      Kernel.matern(2.5, 1).power(0.5, 2),
      Kernel.gaussian(1).plus(Kernel.laplace(1)),
      Kernel.inverseMultiquadric(0.5, 1),
      Kernel.inverseMultiquadric(2, 0.6),
      Kernel.sinc(2),
      Kernel.sinc(0.7).power(0.5, 2),
      Kernel.bSpline(2, 1),
      Kernel.bSpline(4, 1.5),
      Kernel.bSpline(8, 0.7).power(0.5, 2),
      Kernel.sinc(1).plus(Kernel.bSpline(6, 1))
    };
    for (Kernel k : ks) {
      DMatrixRMaj g = new DMatrixRMaj(40, 40);
      for (int i = 0; i < 40; i++) {
        for (int j = 0; j < 40; j++) {
          g.set(i, j, k.eval(x[i], x[j]));
        }
      }
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(40, false, true);
      assertTrue(eig.decompose(g));
      for (int i = 0; i < 40; i++) {
        assertTrue(eig.getEigenvalue(i).real > -1e-10, k + " eigenvalue " + eig.getEigenvalue(i));
      }
    }
  }

  @Test
  void badInput() {
    assertEquals("sigma = 0.0: expected a finite positive number", msg(() -> Kernel.gaussian(0)));
    assertEquals(
        "nu = NaN: expected a finite positive number", msg(() -> Kernel.matern(Double.NaN, 1)));
    assertTrue(
        msg(() -> Kernel.laplace(1).power(0.5, 2))
            .startsWith("alpha = 0.5: expected more than d/(2 nu + d)"));
    assertTrue(msg(() -> Kernel.gaussian(1).power(1.5, 2)).startsWith("alpha = 1.5"));
    assertEquals(
        "nu = 0.0: expected a finite positive number", msg(() -> Kernel.inverseMultiquadric(0, 1)));
    assertEquals("theta = -1.0: expected a finite positive number", msg(() -> Kernel.sinc(-1)));
    assertEquals(
        "order = 3: expected an even order (odd orders are not positive definite)",
        msg(() -> Kernel.bSpline(3, 1)));
    assertEquals("order = 42: expected an integer in [2, 40]", msg(() -> Kernel.bSpline(42, 1)));
    assertEquals(
        "alpha = 0.25: expected alpha * order (order 4) an even integer at least 2",
        msg(() -> Kernel.bSpline(4, 1).power(0.25, 1)));
    org.junit.jupiter.api.Assertions.assertThrows(
        UnsupportedOperationException.class, () -> Kernel.inverseMultiquadric(1, 1).power(0.5, 2));
    org.junit.jupiter.api.Assertions.assertThrows(
        UnsupportedOperationException.class, () -> Kernel.sinc(1).ofSquaredDistance(1));
  }
}
