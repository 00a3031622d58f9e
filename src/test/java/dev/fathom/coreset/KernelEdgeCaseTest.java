package dev.fathom.coreset;

import static dev.fathom.coreset.KernelThinningTest.K;
import static dev.fathom.coreset.KernelThinningTest.gaussianPoints;
import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Kernels and kernel thinning at the edges of their domains: sinc's series branch, the limits of
 * the power kernels, the kernels' names, the options' defaults, the largest number of rounds and
 * the last index.
 */
class KernelEdgeCaseTest {
  /** Below |u| = 1e-4 sinc switches to its series; sin(u)/u is still exact to rounding there. */
  @Test
  void sincNearZeroMatchesSinOverU() {
    Kernel k = Kernel.sinc(2);
    for (double t : new double[] {1e-7, 3e-6, 2e-5, 4.9e-5, 5.1e-5, 1e-3}) {
      double u = 2 * t;
      assertEquals(Math.sin(u) / u, k.eval(new double[] {t}, new double[] {0}), 1e-16);
    }
  }

  @Test
  void powerLimitsAndNames() {
    // nu' = alpha (nu + d/2) - d/2 = 0 exactly (Laplace, alpha = 1/2, d = 1): refused
    assertEquals(
        "alpha = 0.5: expected more than d/(2 nu + d) = 0.5 for Matérn(nu=0.5)",
        msg(() -> Kernel.laplace(1).power(0.5, 1)));
    assertEquals(
        "alpha = 0.5: expected more than d/(2 nu + d) = 0.6666666666666666 for Matérn(nu=0.5)",
        msg(() -> Kernel.laplace(1).power(0.5, 2)));
    // alpha * order = 2, the smallest even order: the B-spline of order 2
    Kernel b2 = Kernel.bSpline(4, 0.9).power(0.5, 1);
    assertEquals("BSpline(order=2, gamma=0.9)", b2.toString());
    for (double t : new double[] {-1, -0.3, 0, 0.5, 0.8}) {
      double[] a = {t};
      double[] o = {0};
      assertEquals(Kernel.bSpline(2, 0.9).eval(a, o), b2.eval(a, o), 1e-15);
    }
    assertEquals("Matern(nu=2.5, ell=1.5)", Kernel.matern(2.5, 1.5).toString());
    assertEquals("Sinc(theta=2.0)", Kernel.sinc(2).toString());
    assertEquals("Gaussian(sigma=0.5)", Kernel.gaussian(0.5).toString());
    assertEquals("IMQ(nu=0.5, sigma=2.0)", Kernel.inverseMultiquadric(0.5, 2).toString());
    Kernel g = Kernel.gaussian(0.5);
    Kernel l = Kernel.laplace(2);
    assertEquals("(Gaussian(sigma=0.5) + Matern(nu=0.5, ell=2.0))/2", g.plus(l).toString());
    // the sum kernel is the average of the two, as a function of the squared distance as well
    for (double r2 : new double[] {0, 0.3, 2}) {
      assertEquals(
          (g.ofSquaredDistance(r2) + l.ofSquaredDistance(r2)) / 2, g.plus(l).ofSquaredDistance(r2));
    }
  }

  @Test
  void optionsDefaultsAndWithers() {
    KernelThinning.Options o = KernelThinning.target(K).options();
    assertEquals(0.5, o.delta());
    assertTrue(o.unique());
    assertTrue(!o.storeKernelMatrix(), "target KT computes kernel values on the fly");
    assertTrue(o.withStoreKernelMatrix(true).storeKernelMatrix());
    assertTrue(!o.withUnique(false).unique());
    assertEquals(0.1, o.withDelta(0.1).delta());
    assertEquals(K, o.splitKernel());
    assertEquals(K, o.swapKernel());
  }

  @Test
  void roundsAndIndicesAtTheirLimits() {
    // 2^m = n is allowed: 16 coresets of one point each, together all points
    double[][] x = gaussianPoints(16, 5);
    int[][] c = KernelThinning.target(K).split(x, 4, 2);
    assertEquals(16, c.length);
    assertEquals(
        16,
        Arrays.stream(c)
            .peek(s -> assertEquals(1, s.length))
            .mapToInt(s -> s[0])
            .distinct()
            .count());
    // 2^31 overflows an int: refused as too many rounds, not as a negative size
    assertEquals(
        "m = 31: expected a number of halving rounds with 2^m <= n = 16",
        msg(() -> KernelThinning.target(K).split(x, 31, 1)));
    // the index n is one past the last row
    assertEquals(
        "candidates[0] entry = 16: expected an index in [0, 16)",
        msg(() -> KernelThinning.target(K).swap(x, new int[][] {{3, 16}})));
  }
}
