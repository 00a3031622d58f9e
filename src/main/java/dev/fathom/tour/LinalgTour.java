package dev.fathom.tour;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Convolution;
import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;

/** linalg: FFT convolution of two random sequences against direct summation. */
final class LinalgTour implements TourStep {
  @Override
  public String packageName() {
    return "linalg";
  }

  @Override
  public Outcome run() {
    RandomGenerator rng = Rng.create(2026);
    double[] a = Rng.gaussian(rng, 100_000);
    double[] b = Rng.gaussian(rng, 4_096);
    double[] fast = Convolution.fft(a, b);
    double[] ref = Convolution.direct(a, b);
    double err = Vectors.relativeMaxError(fast, ref);
    return new Outcome(
        "FFT convolution, 100000 * 4096 random taps",
        String.format("max rel err %.1e vs direct summation", err),
        err < 1e-12);
  }
}
