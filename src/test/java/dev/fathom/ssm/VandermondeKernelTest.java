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

  /**
   * factor * Re sum_n w_n z_n^l by one complex exponential per (mode, lag), in double, with the
   * arguments l log z_n split into a rounded product and its exact error (so that the reference's
   * phase is good to an ulp even at l |arg z| = 1e4).
   */
  private static double[] direct(double[] w, double[] logz, int m, double factor, int len) {
    double[] ref = new double[len];
    for (int l = 0; l < len; l++) {
      double s = 0;
      for (int n = 0; n < m; n++) {
        double x = l * logz[2 * n];
        double mod = Math.exp(x) + Math.exp(x) * Math.fma(l, logz[2 * n], -x);
        double th = l * logz[2 * n + 1];
        double eps = Math.fma(l, logz[2 * n + 1], -th);
        double re = mod * (Math.cos(th) - eps * Math.sin(th));
        double im = mod * (Math.sin(th) + eps * Math.cos(th));
        s += w[2 * n] * re - w[2 * n + 1] * im;
      }
      ref[l] = factor * s;
    }
    return ref;
  }

  @Test
  void factoredProductMatchesDirectSumForEveryKernelAndRaggedLength() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    java.util.List<ProductKernel> kernels = new java.util.ArrayList<>();
    kernels.add(null);
    if (ProductKernel.SELECTED != null) {
      kernels.add(ProductKernel.SELECTED);
    }
    for (int m : new int[] {1, 5, 32}) {
      double[] z = new double[2 * m];
      double[] logz = new double[2 * m];
      double[] w = new double[2 * m];
      for (int n = 0; n < m; n++) {
        // decay rates from 1e-4 (almost undamped) to 0.05 per step, phases anywhere
        logz[2 * n] = -Math.exp(Math.log(1e-4) + rnd.nextDouble() * Math.log(500));
        logz[2 * n + 1] = rnd.nextDouble(-Math.PI, Math.PI);
        double r = Math.exp(logz[2 * n]);
        z[2 * n] = r * Math.cos(logz[2 * n + 1]);
        z[2 * n + 1] = r * Math.sin(logz[2 * n + 1]);
        w[2 * n] = rnd.nextDouble(-1, 1);
        w[2 * n + 1] = rnd.nextDouble(-1, 1);
      }
      for (int len : new int[] {1, 63, 64, 65, 200, 4096 + 37}) {
        double[] ref = direct(w, logz, m, 2, len);
        for (ProductKernel kernel : kernels) {
          double[] out = new double[len + 3];
          new VandermondeKernel.Factored(m, len, kernel).accumulate(w, z, logz, 0, 2, out, 3);
          double[] k = java.util.Arrays.copyOfRange(out, 3, len + 3);
          double err = Vectors.relativeMaxError(k, ref);
          assertTrue(err <= 1e-13, "m " + m + " L " + len + " " + kernel + ": " + err);
          assertEquals(0, out[0] + out[1] + out[2], "no write before the offset");
        }
        // the streaming loop used below two rows agrees too
        double[] s = new double[len];
        VandermondeKernel.stream(w, z, logz, 0, m, 2, s, 0, len);
        assertTrue(Vectors.relativeMaxError(s, ref) <= 1e-13, "stream m " + m + " L " + len);
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
