package dev.fathom.hadamard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The robust bit-wise mode of {@link SparseWalshHadamard} on noisy data (SNR = sum F^2 / sigma^2).
 */
class RobustSprightTest {
  private record Run(int exactSupport, double medianNmse) {}

  private static Run run(int n, int k, int b, int p, double snrDb, boolean givenNoise, int trials) {
    int exact = 0;
    double[] nmse = new double[trials];
    for (int s = 0; s < trials; s++) {
      SparseSignal sig = SparseSignal.random(n, k, 500 + s).unitWithNoise(snrDb, 900 + s);
      SprightOptions o = SprightOptions.defaults(n, k).withBucketBits(b).robust(p);
      if (givenNoise) {
        o = o.robust(p, sig.noiseVariance());
      }
      SparseResult r = new SparseWalshHadamard(o).transform(sig, s);
      assertEquals(3L * (1L << b) * p * (n + 1), r.queries(), "C B P (n + 1) queries");
      if (sig.sameSupport(r)) {
        exact++;
      }
      nmse[s] = sig.nmse(r);
    }
    Arrays.sort(nmse);
    return new Run(exact, nmse[trials / 2]);
  }

  @Test
  void n20K64AtZeroDecibels() {
    Run estimated = run(20, 64, 7, 6, 0, false, 10);
    assertTrue(estimated.exactSupport() >= 9, "exact support " + estimated.exactSupport());
    Run given = run(20, 64, 7, 6, 0, true, 10);
    assertTrue(given.exactSupport() >= 9);
    assertTrue(run(20, 64, 7, 6, 2, false, 10).medianNmse() <= 5e-3);
    assertTrue(run(20, 64, 7, 6, 6, false, 10).medianNmse() <= 2e-3);
  }

  @Test
  void n32K200AtFourDecibels() {
    Run r = run(32, 200, 8, 5, 4, false, 10);
    assertTrue(r.exactSupport() >= 9, "exact support " + r.exactSupport());
    assertTrue(run(32, 200, 8, 5, 6, false, 5).medianNmse() <= 2e-3);
  }

  @Test
  void nmseFallsWithSnr() {
    double previous = Double.POSITIVE_INFINITY;
    for (double snr : new double[] {0, 4, 8, 12, 20}) {
      double nmse = run(20, 64, 7, 4, snr, false, 5).medianNmse();
      assertTrue(nmse < previous, "SNR " + snr + ": " + nmse + " after " + previous);
      previous = nmse;
    }
  }

  @Test
  void estimatesTheNoiseVariance() {
    SparseSignal sig = SparseSignal.random(24, 100, 3).unitWithNoise(3, 4);
    SprightOptions o = SprightOptions.defaults(24, 100).robust(5);
    SparseResult r = new SparseWalshHadamard(o).transform(sig, 0);
    double truth = sig.noiseVariance();
    assertTrue(Math.abs(r.noiseVariance() / truth - 1) < 0.2, r.noiseVariance() + " vs " + truth);
    assertTrue(sig.sameSupport(r));
  }

  @Test
  void exactDataInRobustModeIsRecoveredExactly() {
    SparseSignal sig = SparseSignal.random(30, 150, 8);
    SprightOptions o = SprightOptions.defaults(30, 150).robust(3);
    SparseResult r = new SparseWalshHadamard(o).transform(sig, 0);
    assertTrue(sig.exact(r, 1e-9));
    assertEquals(Status.CONVERGED, r.status());
    SparseResult scaled = new SparseWalshHadamard(o.robust(3, 0.0)).transform(sig.scaled(1e-12), 0);
    assertTrue(sig.scaled(1e-12).exact(scaled, 1e-9));
  }
}
