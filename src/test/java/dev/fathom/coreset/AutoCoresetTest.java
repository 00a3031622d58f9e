package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Status;
import org.junit.jupiter.api.Test;

class AutoCoresetTest {
  private static final int TRIALS = 6;

  /** Median excess full loss of the solution fitted on uniform and AutoCoreset coresets. */
  private static <Q> double[] medians(
      PointLoss<Q> loss, Fitter<Q> fit, int m, VectorSummarizer summarizer) {
    double opt = loss.total(fit.fit(Coreset.all(loss.size())));
    double[] uni = new double[TRIALS];
    double[] auto = new double[TRIALS];
    for (int t = 0; t < TRIALS; t++) {
      uni[t] = loss.total(fit.fit(SensitivitySampling.uniform(loss.size(), m, t))) / opt - 1;
      AutoCoreset.Result<Q> r =
          new AutoCoreset<>(loss, fit, AutoCoreset.Options.defaults(m).withSummarizer(summarizer))
              .build(t);
      assertTrue(r.coreset().size() <= m);
      assertEquals(loss.total(r.solution()), r.loss(), 1e-9 * r.loss());
      assertEquals(r.iterations() + 3, r.queries());
      auto[t] = r.loss() / opt - 1;
    }
    return new double[] {TestData.median(uni), TestData.median(auto)};
  }

  @Test
  void statusSaysWhyTheLoopEnded() {
    double[][][] data = Datasets.logistic(2000, 4, 2);
    PointLoss<double[]> loss = Losses.logistic(data[0], data[1][0], 1);
    Fitter<double[]> fit = Fitters.logistic(data[0], data[1][0], 1);
    AutoCoreset.Options base = AutoCoreset.Options.defaults(40);
    AutoCoreset.Result<double[]> none =
        new AutoCoreset<>(loss, fit, base.withMaxIterations(0)).build(1L);
    assertEquals(Status.MAX_ITERATIONS, none.status());
    assertEquals(0, none.iterations());
    assertEquals(3, none.queries());
    // Carathéodory summarizes q columns with up to q + 1 points: with room for 4, the summary of
    // the 4 columns after one iteration does not fit
    AutoCoreset.Result<double[]> full =
        new AutoCoreset<>(loss, fit, AutoCoreset.Options.defaults(4)).build(1L);
    assertEquals(Status.STALLED, full.status());
    assertEquals(1, full.iterations());
    // importance summaries never outgrow m: the loop ends when patience runs out
    AutoCoreset.Result<double[]> patient =
        new AutoCoreset<>(
                loss,
                fit,
                base.withSummarizer(VectorSummarizer.importance())
                    .withPatience(2)
                    .withMaxIterations(1000))
            .build(1L);
    assertEquals(Status.CONVERGED, patient.status());
    assertTrue(patient.iterations() >= 2 && patient.iterations() < 1000);
  }

  @Test
  void logisticRegression() {
    double[][][] data = Datasets.logistic(4000, 6, 1);
    PointLoss<double[]> loss = Losses.logistic(data[0], data[1][0], 1);
    Fitter<double[]> fit = Fitters.logistic(data[0], data[1][0], 1);
    for (int m : new int[] {20, 40, 80}) {
      for (VectorSummarizer s :
          new VectorSummarizer[] {VectorSummarizer.caratheodory(), VectorSummarizer.importance()}) {
        double[] r = medians(loss, fit, m, s);
        assertTrue(r[1] <= r[0], "m = " + m + ": auto " + r[1] + " vs uniform " + r[0]);
        if (m == 20) {
          assertTrue(r[1] < 0.6 * r[0], "small m: auto " + r[1] + " vs uniform " + r[0]);
        }
      }
    }
  }

  @Test
  void kMeans() {
    double[][] x = Datasets.blobs(5000, 5, 6, 2);
    PointLoss<double[][]> loss = Losses.kMeans(x);
    Fitter<double[][]> fit = Fitters.kMeans(x, 6, 3, 1);
    for (int m : new int[] {20, 40, 80}) {
      double[] r = medians(loss, fit, m, VectorSummarizer.bestOfUniform(100));
      assertTrue(r[1] <= r[0], "m = " + m + ": auto " + r[1] + " vs uniform " + r[0]);
      if (m == 20) {
        assertTrue(r[1] < 0.5 * r[0], "small m: auto " + r[1] + " vs uniform " + r[0]);
      }
    }
  }

  @Test
  void leastSquaresAndBadInput() {
    double[][][] data = Datasets.logistic(2000, 3, 5);
    double[][] x = data[0];
    double[] y = new double[2000];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i][0] + 0.5 * x[i][1] + Math.sin(i);
    }
    PointLoss<double[]> loss = Losses.leastSquares(x, y);
    Fitter<double[]> fit = Fitters.leastSquares(x, y);
    double[] r = medians(loss, fit, 30, VectorSummarizer.caratheodory());
    assertTrue(r[1] <= r[0], "auto " + r[1] + " vs uniform " + r[0]);
    assertEquals(
        "m = 2001: expected a coreset size in [1, n = 2000]",
        msg(() -> new AutoCoreset<>(loss, fit, AutoCoreset.Options.defaults(2001))));
    assertEquals(
        "patience = 0: expected a positive integer",
        msg(() -> AutoCoreset.Options.defaults(5).withPatience(0)));
  }
}
