package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Vectors;
import org.junit.jupiter.api.Test;

class VandermondeKernelTest {

  static DiscreteSsm system(S4dInit.Modes modes, int channels, double dt, Discretization disc) {
    double[] c = S4dInit.gaussianC(channels, modes.count(), true, 7);
    double[] dts = new double[channels];
    java.util.Arrays.fill(dts, dt);
    double[] d = new double[channels];
    java.util.Arrays.fill(d, 0.7);
    return DiagonalSsm.shared(modes, c, dts, d).discretize(disc);
  }

  @Test
  void g1VandermondeEqualsRecurrenceImpulseResponse() {
    for (S4dInit.Modes modes : new S4dInit.Modes[] {S4dInit.lin(64), S4dInit.inv(64)}) {
      for (Discretization disc :
          new Discretization[] {Discretization.ZOH, Discretization.BILINEAR}) {
        DiscreteSsm sys = system(modes, 2, 0.01, disc);
        double[] k = VandermondeKernel.compute(sys, 4096);
        double[] ref = Recurrence.impulseResponse(sys, 4096);
        double err = Vectors.relativeMaxError(k, ref);
        assertTrue(err <= 1e-12, disc + ": " + err);
      }
    }
  }

  @Test
  void streamingStaysAccurateAtLengthOneHundredThousand() {
    // slowly decaying modes so the kernel is not negligible at the end
    double[] a = new double[2 * 8];
    for (int n = 0; n < 8; n++) {
      a[2 * n] = -1e-3 * (n + 1);
      a[2 * n + 1] = -0.7 * n - 0.1;
    }
    double[] b = new double[16];
    for (int n = 0; n < 8; n++) {
      b[2 * n] = 1;
    }
    S4dInit.Modes modes = new S4dInit.Modes(DiagonalSsm.Storage.CONJUGATE_PAIRS, a, b);
    DiscreteSsm sys = system(modes, 1, 0.05, Discretization.ZOH);
    int len = 100_000;
    double[] k = VandermondeKernel.compute(sys, len);
    double[] ref = VandermondeKernel.naive(sys, len);
    double err = Vectors.relativeMaxError(k, ref);
    assertTrue(err <= 1e-13, "streaming vs exp: " + err);
    // entries near the end are compared on their own scale as well
    double[] tailK = java.util.Arrays.copyOfRange(k, len - 1000, len);
    double[] tailR = java.util.Arrays.copyOfRange(ref, len - 1000, len);
    assertTrue(Vectors.relativeMaxError(tailK, tailR) <= 1e-11);
  }

  @Test
  void g6HalfStorageEqualsFullComplexComputation() {
    S4dInit.Modes modes = S4dInit.inv(32);
    DiscreteSsm half = system(modes, 1, 0.02, Discretization.ZOH);
    int len = 512;
    int m = half.modes();
    // brute force over all N modes: Lambda u conj Lambda, with complex arithmetic throughout
    double[] re = new double[len];
    double[] im = new double[len];
    for (int l = 0; l < len; l++) {
      for (int n = 0; n < m; n++) {
        for (int conj = 0; conj < 2; conj++) {
          double s = conj == 0 ? 1 : -1;
          double cr = half.c()[2 * n];
          double ci = s * half.c()[2 * n + 1];
          double br = half.bbar()[2 * n];
          double bi = s * half.bbar()[2 * n + 1];
          double e = Math.exp(l * half.logAbar()[2 * n]);
          double th = s * l * half.logAbar()[2 * n + 1];
          double pr = e * Math.cos(th);
          double pi = e * Math.sin(th);
          double wr = cr * br - ci * bi;
          double wi = cr * bi + ci * br;
          re[l] += wr * pr - wi * pi;
          im[l] += wr * pi + wi * pr;
        }
      }
    }
    double[] k = VandermondeKernel.compute(half, len);
    assertTrue(Vectors.relativeMaxError(k, re) <= 1e-13);
    assertTrue(Vectors.normInf(im) <= 1e-14 * Vectors.normInf(re));
    // and FULL storage of Lambda u conj Lambda gives the same kernel
    double[] a2 = new double[4 * m];
    double[] b2 = new double[4 * m];
    double[] c2 = new double[4 * m];
    for (int n = 0; n < m; n++) {
      for (int conj = 0; conj < 2; conj++) {
        int j = 2 * (n + conj * m);
        double s = conj == 0 ? 1 : -1;
        a2[j] = half.abar()[2 * n];
        a2[j + 1] = s * half.abar()[2 * n + 1];
        b2[j] = half.bbar()[2 * n];
        b2[j + 1] = s * half.bbar()[2 * n + 1];
        c2[j] = half.c()[2 * n];
        c2[j + 1] = s * half.c()[2 * n + 1];
      }
    }
    DiscreteSsm full =
        DiscreteSsm.builder(DiagonalSsm.Storage.FULL, 1).abar(a2).bbar(b2).c(c2).build();
    assertTrue(Vectors.relativeMaxError(VandermondeKernel.compute(full, len), re) <= 1e-13);
  }

  @Test
  void stateResponseMatchesRecurrenceFromInitialState() {
    DiscreteSsm sys = system(S4dInit.lin(16), 3, 0.05, Discretization.BILINEAR);
    double[] s = S4dInit.gaussianC(3, 8, true, 11);
    double[] zeros = new double[3 * 300];
    double[] ref = Recurrence.run(sys, zeros, s).y();
    assertTrue(
        Vectors.relativeMaxError(VandermondeKernel.stateResponse(sys, s, 300), ref) <= 1e-13);
  }

  @Test
  void badInput() {
    DiscreteSsm sys = system(S4dInit.lin(8), 1, 0.1, Discretization.ZOH);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VandermondeKernel.compute(sys, 0));
    assertEquals("length = 0: expected a positive integer", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> VandermondeKernel.stateResponse(sys, new double[3], 10));
    double[] s = new double[8];
    s[3] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> VandermondeKernel.stateResponse(sys, s, 10));
  }
}
