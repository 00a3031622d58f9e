package dev.fathom.bench.figures;

import dev.fathom.bench.hadamard.SparseSignals;
import dev.fathom.hadamard.SparseResult;
import dev.fathom.hadamard.SparseSpectrum;
import dev.fathom.hadamard.SparseWalshHadamard;
import dev.fathom.hadamard.SprightOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.knowm.xchart.XYChart;

/** Figures of docs/hadamard.md: robust SPRIGHT against the SNR (sum F^2 / sigma^2). */
final class HadamardFigures {
  private HadamardFigures() {}

  private static final double[] SNR_DB = {-4, -2, 0, 1, 2, 3, 4, 6, 8, 12, 20};

  /** One sweep: exact-support rate and median NMSE at each SNR. */
  private static double[][] sweep(int n, int k, int b, int p, int trials) {
    double[] rate = new double[SNR_DB.length];
    double[] nmse = new double[SNR_DB.length];
    for (int i = 0; i < SNR_DB.length; i++) {
      double[] e = new double[trials];
      int exact = 0;
      for (int t = 0; t < trials; t++) {
        SparseSpectrum s = SparseSpectrum.random(n, k, 1, 1, 700 + t).withSnr(SNR_DB[i], 1300 + t);
        SprightOptions o = SprightOptions.defaults(n, k).withBucketBits(b).robust(p);
        SparseResult r = new SparseWalshHadamard(o).transform(SparseSignals.parallel(s), t);
        if (s.sameSupport(r)) {
          exact++;
        }
        e[t] = s.nmse(r);
      }
      Arrays.sort(e);
      rate[i] = (double) exact / trials;
      nmse[i] = e[trials / 2];
    }
    return new double[][] {rate, nmse};
  }

  /** Exact-support rate and median NMSE of robust SPRIGHT against the SNR, two problem sizes. */
  static final class RecoveryVsSnr implements Figure {
    @Override
    public String name() {
      return "hadamard-recovery-vs-snr";
    }

    @Override
    public void render(Path dir) throws IOException {
      double[][] small = sweep(20, 64, 7, 6, 20);
      double[][] large = sweep(32, 200, 8, 5, 10);
      XYChart rate =
          Charts.xy(
              "Robust SPRIGHT (bit-wise, C = 3, noise estimated): exact support vs SNR",
              "SNR = sum |F|^2 / sigma^2 (dB)",
              "fraction of seeded trials with the exact support",
              false,
              false);
      rate.addSeries("n = 20, K = 64, B = 128, P = 6 (20 trials)", SNR_DB, small[0]);
      rate.addSeries("n = 32, K = 200, B = 256, P = 5 (10 trials)", SNR_DB, large[0]);
      rate.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
      Charts.save(rate, dir, name());
      XYChart err =
          Charts.xy(
              "Robust SPRIGHT: median normalized squared error vs SNR",
              "SNR = sum |F|^2 / sigma^2 (dB)",
              "median NMSE",
              false,
              true);
      err.addSeries("n = 20, K = 64, B = 128, P = 6", SNR_DB, small[1]);
      err.addSeries("n = 32, K = 200, B = 256, P = 5", SNR_DB, large[1]);
      Charts.save(err, dir, "hadamard-nmse-vs-snr");
    }
  }
}
