package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
      Kernel.gaussian(1).plus(Kernel.laplace(1))
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
  }
}
