package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.linalg.Vectors;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link VandermondeKernel}'s naive kernel on several channels, modes with {@code Abar = 0}, and
 * the modulus of its anchor powers against an exponential in 60-digit decimal arithmetic.
 */
class VandermondeKernelPowersTest {

  @Test
  void naiveEqualsImpulseResponseOnEveryChannel() {
    // three channels with their own steps, so their discrete modes differ too
    double[] c = S4dInit.gaussianC(3, 4, true, 7);
    DiscreteSsm sys =
        DiagonalSsm.shared(S4dInit.lin(8), c, new double[] {0.05, 0.1, 0.2}, new double[3])
            .discretize(Discretization.ZOH);
    int len = 300;
    double[] ref = Recurrence.impulseResponse(sys, len);
    assertTrue(Vectors.relativeMaxError(VandermondeKernel.naive(sys, len), ref) <= 1e-12);
    // the channels differ, so a mixed-up channel would show
    double[] first = java.util.Arrays.copyOfRange(ref, 0, len);
    double[] third = java.util.Arrays.copyOfRange(ref, 2 * len, 3 * len);
    assertTrue(Vectors.relativeMaxError(first, third) > 1e-3);
  }

  /**
   * A mode with {@code Abar = 0} ({@code log Abar = -infinity}) contributes {@code C Bbar} at lag 0
   * and nothing after; both the factored product (L >= 128) and the streaming loop agree with the
   * recurrence.
   */
  @Test
  void zeroEigenvalueContributesOnlyAtLagZero() {
    double[] abar = {0, 0, 0.9, 0.2, 0, 0, -0.5, 0.6};
    double[] bbar = {1, 0.5, 0.3, -0.2, 2, 0, 0.7, 0.1};
    double[] c = {0.4, -1, 1.5, 0.25, -0.3, 0.8, 1, -1};
    DiscreteSsm sys =
        DiscreteSsm.builder(DiagonalSsm.Storage.CONJUGATE_PAIRS, 2)
            .abar(abar)
            .bbar(bbar)
            .c(c)
            .build();
    for (int len : new int[] {5, 300}) {
      double[] k = VandermondeKernel.compute(sys, len);
      double[] ref = Recurrence.impulseResponse(sys, len);
      assertTrue(Vectors.relativeMaxError(k, ref) <= 1e-13, "L " + len);
      double[] slow = VandermondeKernel.naive(sys, len);
      assertTrue(Vectors.relativeMaxError(slow, ref) <= 1e-13, "naive, L " + len);
    }
    double[] z = VandermondeKernel.power(sys.logAbar(), 0, 64);
    assertEquals(0, z[0]);
    assertEquals(0, z[1]);
  }

  /**
   * |z^p| = exp(p log|z|) to about one rounding, although the double product {@code p log|z|} (here
   * between -600 and -100) is off by up to half an ulp of itself, 5.7e-14 relative in the
   * exponential.
   */
  @Test
  void anchorPowerModulusIsAccurateForLargeExponents() {
    SplittableRandom rnd = new SplittableRandom(17);
    MathContext mc = new MathContext(60);
    for (int trial = 0; trial < 40; trial++) {
      int p = 1000 + rnd.nextInt(99_000);
      double lr = -rnd.nextDouble(100, 600) / p;
      double[] logz = {lr, rnd.nextDouble(-Math.PI, Math.PI)};
      double[] z = VandermondeKernel.power(logz, 0, p);
      BigDecimal y = new BigDecimal(lr).multiply(new BigDecimal(p));
      double exact = exp(y, mc).doubleValue();
      double err = Math.abs(Math.hypot(z[0], z[1]) - exact) / exact;
      assertTrue(err <= 1e-15, "p " + p + " log " + lr + ": " + err);
    }
  }

  /** e^y for |y| < 1000 in decimal arithmetic: a Taylor series of e^(y/4096), squared 12 times. */
  private static BigDecimal exp(BigDecimal y, MathContext mc) {
    BigDecimal x = y.divide(BigDecimal.valueOf(4096), mc);
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int i = 1; i < 60; i++) {
      term = term.multiply(x, mc).divide(BigDecimal.valueOf(i), mc);
      sum = sum.add(term, mc);
    }
    for (int i = 0; i < 12; i++) {
      sum = sum.multiply(sum, mc);
    }
    return sum;
  }
}
