package dev.fathom.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParallelScanTest {

  @Test
  void g11AnyChunkingAndThreadCountEqualsTheSequentialRecurrence() {
    DiscreteSsm sys = VandermondeKernelTest.system(S4dInit.inv(32), 3, 0.01, Discretization.ZOH);
    int batch = 2;
    int len = 2000;
    double[] u = Rng.gaussian(Rng.create(12), batch * 3 * len);
    double[] ref = new double[u.length];
    for (int b = 0; b < batch; b++) {
      double[] part = Arrays.copyOfRange(u, b * 3 * len, (b + 1) * 3 * len);
      System.arraycopy(Recurrence.run(sys, part, null).y(), 0, ref, b * 3 * len, 3 * len);
    }
    for (int threads : new int[] {1, 2, 3}) {
      try (ParallelScan scan = new ParallelScan(threads)) {
        for (int chunk : new int[] {1, 7, 256, 999, 2000, 5000}) {
          double[] y = scan.run(sys, u, batch, chunk);
          double err = Vectors.relativeMaxError(y, ref);
          assertTrue(err <= 1e-12, threads + " threads, chunk " + chunk + ": " + err);
        }
        assertTrue(Vectors.relativeMaxError(scan.run(sys, u, batch), ref) <= 1e-12);
      }
    }
  }

  @Test
  void realModesAndBilinear() {
    DiscreteSsm sys =
        VandermondeKernelTest.system(S4dInit.real(6), 1, 0.05, Discretization.BILINEAR);
    double[] u = Rng.gaussian(Rng.create(1), 500);
    double[] ref = Recurrence.run(sys, u, null).y();
    try (ParallelScan scan = new ParallelScan(2)) {
      assertTrue(Vectors.relativeMaxError(scan.run(sys, u, 1, 64), ref) <= 1e-12);
      assertEquals(2, scan.threads());
    }
  }

  @Test
  void badInput() {
    DiscreteSsm sys = VandermondeKernelTest.system(S4dInit.lin(8), 2, 0.1, Discretization.ZOH);
    assertThrows(IllegalArgumentException.class, () -> new ParallelScan(0));
    try (ParallelScan scan = new ParallelScan(1)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> scan.run(sys, new double[6], 2));
      assertEquals(
          "u.length = 6: expected a positive multiple of batch * channels = 4", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> scan.run(sys, new double[8], 2, 0));
    }
  }
}
