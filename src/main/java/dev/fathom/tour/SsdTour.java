package dev.fathom.tour;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Vectors;
import dev.fathom.ssm.StateSpaceDuality;
import java.util.random.RandomGenerator;

/**
 * ssm: Mamba-2's chunked state-space duality (matrix products per chunk) against the step-by-step
 * recurrence of the same map, with the time of each.
 */
final class SsdTour implements TourStep {
  @Override
  public String packageName() {
    return "ssm";
  }

  @Override
  public Outcome run() {
    int heads = 4;
    int headDim = 64;
    int n = 64;
    int length = 4096;
    RandomGenerator rng = Rng.create(2405);
    double[] a = new double[heads * length];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.exp(-0.001 - 0.1 * rng.nextDouble());
    }
    StateSpaceDuality.SsdInputs in =
        StateSpaceDuality.inputs()
            .length(length)
            .heads(heads)
            .x(Rng.gaussian(rng, heads * headDim * length))
            .a(a)
            .b(Rng.gaussian(rng, n * length))
            .c(Rng.gaussian(rng, n * length))
            .build();
    long t0 = System.nanoTime();
    double[] chunked = StateSpaceDuality.chunked(in, 64).y();
    long t1 = System.nanoTime();
    double[] recurrent = StateSpaceDuality.recurrent(in).y();
    long t2 = System.nanoTime();
    double err = Vectors.relativeMaxError(chunked, recurrent);
    return new Outcome(
        "Mamba-2 SSD, H=4 P=64 N=64 L=4096, chunks of 64",
        String.format(
            "max rel err %.1e; %.0f ms vs recurrence %.0f ms",
            err, (t1 - t0) / 1e6, (t2 - t1) / 1e6),
        err < 1e-12);
  }
}
