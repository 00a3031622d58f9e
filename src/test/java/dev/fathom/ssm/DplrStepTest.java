package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DplrStepTest {

  @ParameterizedTest
  @EnumSource(
      value = Hippo.Measure.class,
      names = {"LEGS", "LEGT", "LAGT"})
  void stepEqualsDenseBilinearRecurrence(Hippo.Measure measure) {
    int n = 32;
    Nplr nplr = Hippo.nplr(measure, n);
    double[] c = Rng.gaussian(Rng.create(4), n);
    double dt = 0.02;
    double[] u = Rng.gaussian(Rng.create(5), 800);
    double[] y = DplrStep.of(nplr, c, dt).run(u);
    // dense reference in the original basis
    DenseSsm.Discrete disc = DenseSsm.discretize(nplr.a(), nplr.b(), dt, Discretization.BILINEAR);
    double[] x = new double[n];
    double[] ref = new double[u.length];
    for (int k = 0; k < u.length; k++) {
      double[] next = new double[n];
      double s = 0;
      for (int i = 0; i < n; i++) {
        double v = disc.bbar()[i] * u[k];
        for (int j = 0; j < n; j++) {
          v += disc.abar().get(i, j) * x[j];
        }
        next[i] = v;
        s += c[i] * v;
      }
      x = next;
      ref[k] = s;
    }
    assertTrue(Vectors.relativeMaxError(y, ref) <= 1e-11, measure.toString());
  }

  @Test
  void stepMatchesTheCauchyKernelConvolution() {
    // recurrence with C vs convolution with the kernel built from C~ = (I - Abar^L)^T C
    int n = 16;
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, n);
    double[] c = Rng.gaussian(Rng.create(8), n);
    double dt = 0.05;
    int len = 256;
    double[] u = Rng.gaussian(Rng.create(9), len);
    double[] k = CauchyKernel.compute(nplr, c, dt, len);
    double[] conv = SsmConvolution.causal(k, u, 0);
    double[] rec = DplrStep.of(nplr, c, dt).run(u);
    assertTrue(Vectors.relativeMaxError(rec, conv) <= 1e-11);
  }

  @Test
  void builderNamesTheEigenbasisParametersOfTheFactory() {
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGT, 16);
    double[] c = Rng.gaussian(Rng.create(4), 16);
    double[] u = Rng.gaussian(Rng.create(5), 120);
    DplrStep named =
        DplrStep.builder()
            .lambda(nplr.lambda())
            .pTilde(nplr.pTilde())
            .bTilde(nplr.bTilde())
            .c(nplr.outputCoefficients(c))
            .dt(0.05)
            .build();
    assertArrayEquals(DplrStep.of(nplr, c, 0.05).run(u), named.run(u), 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DplrStep.builder()
                    .lambda(nplr.lambda())
                    .pTilde(nplr.pTilde())
                    .bTilde(nplr.bTilde())
                    .c(nplr.outputCoefficients(c))
                    .build());
    assertEquals("dt = NaN: expected a finite positive number", e.getMessage());
    NullPointerException missing =
        assertThrows(
            NullPointerException.class,
            () -> DplrStep.builder().lambda(nplr.lambda()).bTilde(nplr.bTilde()).dt(1).build());
    assertEquals("pTilde = null: expected a non-null value", missing.getMessage());
  }

  @Test
  void badInput() {
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, 8);
    assertThrows(IllegalArgumentException.class, () -> DplrStep.of(nplr, new double[8], 0));
    assertThrows(IllegalArgumentException.class, () -> DplrStep.of(nplr, new double[7], 0.1));
    DplrStep s = DplrStep.of(nplr, new double[8], 0.1);
    assertThrows(IllegalArgumentException.class, () -> s.step(new double[4], 1));
    assertThrows(IllegalArgumentException.class, () -> s.step(new double[8], Double.NaN));
  }
}
