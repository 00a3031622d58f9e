package dev.fathom.bench.figures;

import dev.fathom.core.Rng;
import dev.fathom.linalg.Convolution;
import dev.fathom.linalg.Vectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.knowm.xchart.XYChart;

/** Figures of docs/linalg.md. */
final class LinalgFigures {
  private LinalgFigures() {}

  /** FFT convolution's error against direct summation, as the length grows. */
  static final class ConvolutionError implements Figure {
    @Override
    public String name() {
      return "linalg-convolution-error";
    }

    @Override
    public void render(Path dir) throws IOException {
      int count = 10;
      double[] sizes = new double[count];
      double[] errors = new double[count];
      RandomGenerator rng = Rng.create(1);
      for (int i = 0; i < count; i++) {
        int n = 16 << i;
        double[] a = Rng.gaussian(rng, n);
        double[] b = Rng.gaussian(rng, n);
        sizes[i] = n;
        errors[i] = Vectors.relativeMaxError(Convolution.fft(a, b), Convolution.direct(a, b));
      }
      XYChart chart =
          Charts.xy(
              "FFT convolution vs direct summation (two Gaussian sequences of length n)",
              "n",
              "max |fft - direct| / max |direct|",
              true,
              true);
      chart.addSeries("relative max error", sizes, errors);
      Charts.save(chart, dir, name());
    }
  }
}
