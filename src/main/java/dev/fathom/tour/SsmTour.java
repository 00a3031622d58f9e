package dev.fathom.tour;

import dev.fathom.linalg.Vectors;
import dev.fathom.ssm.DiagonalSsm;
import dev.fathom.ssm.DiscreteSsm;
import dev.fathom.ssm.Discretization;
import dev.fathom.ssm.Recurrence;
import dev.fathom.ssm.S4dInit;
import dev.fathom.ssm.VandermondeKernel;

/**
 * ssm: S4D-Lin kernels (streaming Vandermonde) checked against the recurrence's impulse response.
 */
final class SsmTour implements TourStep {
  @Override
  public String packageName() {
    return "ssm";
  }

  @Override
  public Outcome run() {
    int channels = 16;
    S4dInit.Modes modes = S4dInit.lin(64);
    DiscreteSsm sys =
        DiagonalSsm.shared(
                modes,
                S4dInit.gaussianC(channels, modes.count(), true, 2026),
                S4dInit.logSpacedDt(channels, 0.001, 0.1),
                new double[channels])
            .discretize(Discretization.ZOH);
    int length = 4096;
    long t0 = System.nanoTime();
    double[] kernel = VandermondeKernel.compute(sys, length);
    double ms = (System.nanoTime() - t0) / 1e6;
    double err = Vectors.relativeMaxError(kernel, Recurrence.impulseResponse(sys, length));
    return new Outcome(
        "S4D-Lin kernels, H=16 N=64 L=4096 (ZOH)",
        String.format("max rel err %.1e vs recurrence; kernel %.1f ms", err, ms),
        err < 1e-12);
  }
}
