package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

/** The recurrences of several channels against brute-force sums over their kernels. */
class RecurrenceReferenceTest {
  static DiscreteSsm system(S4dInit.Modes modes, int channels, long seed, double d0) {
    double[] c = S4dInit.gaussianC(channels, modes.count(), true, seed);
    double[] dts = new double[channels];
    double[] d = new double[channels];
    for (int h = 0; h < channels; h++) {
      dts[h] = 0.03 * (h + 1);
      d[h] = d0 + 0.25 * h;
    }
    return DiagonalSsm.shared(modes, c, dts, d).discretize(Discretization.ZOH);
  }

  @Test
  void bidirectionalWithSeveralChannelsIsTheTwoSidedSum() {
    int h = 3;
    int len = 23;
    DiscreteSsm fwd = system(S4dInit.lin(8), h, 3, 0.7);
    // a different number of modes and a feed-through that must be ignored
    DiscreteSsm bwd = system(S4dInit.inv(6), h, 4, -1.9);
    double[] u = Rng.gaussian(Rng.create(5), h * len);
    double[] y = Recurrence.runBidirectional(fwd, bwd, u);
    double[] k1 = VandermondeKernel.compute(fwd, len);
    double[] k2 = VandermondeKernel.compute(bwd, len);
    for (int ch = 0; ch < h; ch++) {
      for (int t = 0; t < len; t++) {
        double ref = fwd.d()[ch] * u[ch * len + t];
        for (int s = 0; s <= t; s++) {
          ref += k1[ch * len + t - s] * u[ch * len + s];
        }
        for (int s = t; s < len; s++) {
          ref += k2[ch * len + s - t] * u[ch * len + s];
        }
        assertEquals(ref, y[ch * len + t], 1e-12 * (1 + Math.abs(ref)), ch + "," + t);
      }
    }
  }

  @Test
  void parallelScanOfChannelsWithDifferentStepsEqualsTheSequentialRecurrence() {
    int h = 3;
    int batch = 2;
    int len = 41;
    DiscreteSsm sys = system(S4dInit.lin(6), h, 6, 0.3);
    double[] u = Rng.gaussian(Rng.create(7), batch * h * len);
    double[] ref = new double[u.length];
    for (int b = 0; b < batch; b++) {
      double[] part = java.util.Arrays.copyOfRange(u, b * h * len, (b + 1) * h * len);
      System.arraycopy(Recurrence.run(sys, part, null).y(), 0, ref, b * h * len, h * len);
    }
    for (int threads : new int[] {1, 2}) {
      try (ParallelScan scan = new ParallelScan(threads)) {
        for (int chunk : new int[] {1, 4, 6, 40, 41}) {
          double[] y = scan.run(sys, u, batch, chunk);
          for (int i = 0; i < y.length; i++) {
            assertEquals(ref[i], y[i], 1e-12 * (1 + Math.abs(ref[i])), chunk + ": " + i);
          }
        }
      }
    }
  }
}
