package dev.fathom.bench.figures;

import dev.fathom.linalg.Vectors;
import dev.fathom.lsa.Covariances;
import dev.fathom.lsa.LinearRegression;
import dev.fathom.lsa.Lsa;
import dev.fathom.lsa.LsaResult;
import dev.fathom.lsa.LsaStream;
import dev.fathom.lsa.TemporalDifference;
import java.io.IOException;
import java.nio.file.Path;
import org.ejml.dense.row.CommonOps_DDRM;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Figures of docs/lsa.md. */
final class LsaFigures {
  private LsaFigures() {}

  /**
   * TD(0) along a trajectory (Markovian noise): mean squared error against k of the last iterate,
   * the Polyak-Ruppert average and the Richardson-Romberg combination, over 40 runs.
   */
  static final class ErrorVsK implements Figure {
    @Override
    public String name() {
      return "lsa-error-vs-k";
    }

    @Override
    public void render(Path dir) throws IOException {
      TemporalDifference td = TemporalDifference.random(6, 3, 3, 0.9, 5);
      double alpha = 0.1;
      double[] ts = td.fixedPoint();
      long total = 1_000_000;
      long burn = 1_000;
      int runs = 40;
      Lsa.Options o = Lsa.Options.of(alpha, total).withBurnIn(burn).withHistory(60);
      LsaStream s = td.stream(TemporalDifference.Sampling.MARKOV);
      double[] k = null;
      double[] last = null;
      double[] avg = null;
      double[] rr = null;
      for (int r = 0; r < runs; r++) {
        Lsa.Extrapolation x = Lsa.richardsonRomberg(s, new double[3], o, r);
        LsaResult.History h = x.fine().history();
        if (k == null) {
          k = new double[h.size()];
          last = new double[h.size()];
          avg = new double[h.size()];
          rr = new double[h.size()];
          for (int j = 0; j < h.size(); j++) {
            k[j] = h.iterations()[j];
          }
        }
        for (int j = 0; j < h.size(); j++) {
          last[j] += h.lastError()[j] / runs;
          avg[j] += h.averageError()[j] / runs;
          rr[j] += x.historyError()[j] / runs;
        }
      }
      int from = 0;
      while (k[from] <= 2 * burn) {
        from++;
      }
      double trace =
          CommonOps_DDRM.trace(
              Covariances.clt(
                  td.meanSystem().a(), td.noiseCovariance(TemporalDifference.Sampling.MARKOV)));
      double bias2 = Vectors.distanceSquared(td.stationaryMean(alpha), ts);
      int m = k.length - from;
      double[] kk = new double[m];
      double[] cltLine = new double[m];
      double[] biasLine = new double[m];
      double[] lastT = new double[m];
      double[] avgT = new double[m];
      double[] rrT = new double[m];
      for (int j = 0; j < m; j++) {
        kk[j] = k[from + j];
        double n = kk[j] - burn;
        cltLine[j] = trace / n;
        biasLine[j] = bias2;
        lastT[j] = last[from + j];
        avgT[j] = avg[from + j];
        rrT[j] = rr[from + j];
      }
      XYChart chart =
          Charts.xy(
              "TD(0) on a 6-state MRP, Markovian sampling, alpha = 0.1 (40 runs)",
              "k (steps)",
              "E |theta - theta*|^2",
              true,
              true);
      chart.addSeries("last iterate", kk, lastT);
      chart.addSeries("Polyak-Ruppert average", kk, avgT);
      chart.addSeries("Richardson-Romberg 2avg(a) - avg(2a)", kk, rrT);
      chart
          .addSeries("CLT tr(A^-1 S A^-T) / k", kk, cltLine)
          .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
      XYSeries b = chart.addSeries("exact bias^2 of the average (alpha = 0.1)", kk, biasLine);
      b.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
      Charts.save(chart, dir, name());
    }
  }

  /** Least-squares SGD on isotropic Gaussian data: stationary last-iterate MSE against α. */
  static final class MseVsAlpha implements Figure {
    @Override
    public String name() {
      return "lsa-mse-vs-alpha";
    }

    @Override
    public void render(Path dir) throws IOException {
      double[] ts = {1, -1, 0.5, 2, 0};
      double sigma = 0.5;
      int d = ts.length;
      double[] alphas = {0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.12};
      double[] mse = new double[alphas.length];
      double[] exact = new double[alphas.length];
      double[] law = new double[alphas.length];
      LsaStream s = LinearRegression.gaussian(ts, sigma).stream();
      for (int j = 0; j < alphas.length; j++) {
        double alpha = alphas[j];
        s.reset(j);
        double[] theta = ts.clone();
        for (int k = 0; k < 10 / alpha; k++) {
          s.update(alpha, theta);
        }
        long steps = 1_000_000;
        double acc = 0;
        for (long k = 0; k < steps; k++) {
          s.update(alpha, theta);
          acc += Vectors.distanceSquared(theta, ts);
        }
        mse[j] = acc / steps;
        exact[j] = alpha * sigma * sigma * d / (2 - alpha * (d + 2));
        law[j] = alpha * sigma * sigma * d / 2;
      }
      XYChart chart =
          Charts.xy(
              "Least-squares SGD, d = 5, a ~ N(0, I), noise sd 0.5: stationary MSE",
              "step size alpha",
              "E |theta_k - theta*|^2",
              true,
              true);
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
      chart.addSeries("measured (1e6 steps)", alphas, mse);
      chart
          .addSeries("exact  alpha s^2 d / (2 - alpha (d+2))", alphas, exact)
          .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
      chart
          .addSeries("linear law  alpha s^2 d / 2", alphas, law)
          .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
      Charts.save(chart, dir, name());
    }
  }
}
