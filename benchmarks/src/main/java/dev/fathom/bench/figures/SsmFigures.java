package dev.fathom.bench.figures;

import dev.fathom.ssm.DenseSsm;
import dev.fathom.ssm.DiagonalSsm;
import dev.fathom.ssm.Diagonalization;
import dev.fathom.ssm.Hippo;
import dev.fathom.ssm.Nplr;
import dev.fathom.ssm.PtdOptimizer;
import dev.fathom.ssm.S4dInit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/** Figures of docs/ssm.md. */
final class SsmFigures {
  private SsmFigures() {}

  /** kappa(V) and backward error of naive and perturb-then-diagonalize LegS against N. */
  static final class Conditioning implements Figure {
    @Override
    public String name() {
      return "ssm-ptd-conditioning";
    }

    @Override
    public void render(Path dir) throws IOException {
      int[] sizes = {4, 8, 12, 16, 24, 32, 48, 64, 96, 128};
      double[] x = new double[sizes.length];
      double[][] series = new double[6][sizes.length];
      for (int i = 0; i < sizes.length; i++) {
        DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, sizes[i]);
        x[i] = sizes[i];
        Diagonalization naive = Diagonalization.naive(a);
        Diagonalization p4 = Diagonalization.perturbed(a, 1e-4, 1);
        Diagonalization p2 = Diagonalization.perturbed(a, 1e-2, 1);
        series[0][i] = cap(naive.condition());
        series[1][i] = cap(naive.backwardError());
        series[2][i] = p4.condition();
        series[3][i] = p4.backwardError();
        series[4][i] = p2.condition();
        series[5][i] = p2.backwardError();
      }
      XYChart chart =
          Charts.xy(
              "HiPPO-LegS: naive diagonalization vs perturb-then-diagonalize (random and optimized E)",
              "state size N",
              "kappa(V), backward error ||V L V^-1 - A|| / ||A||",
              true,
              true);
      String[] names = {
        "naive kappa(V)",
        "naive backward error",
        "PTD eps=1e-4 kappa(V)",
        "PTD eps=1e-4 backward error",
        "PTD eps=1e-2 kappa(V)",
        "PTD eps=1e-2 backward error"
      };
      for (int s = 0; s < names.length; s++) {
        chart.addSeries(names[s], x, series[s]);
      }
      // optimized E (Adam on kappa^2 + ||E||_F/||A||), small N only: O(N^4) per step
      int[] small = {8, 16, 24, 32};
      double[] xs = new double[small.length];
      double[] kap = new double[small.length];
      double[] pert = new double[small.length];
      for (int i = 0; i < small.length; i++) {
        xs[i] = small[i];
        PtdOptimizer.Result r =
            PtdOptimizer.optimize(
                Hippo.transition(Hippo.Measure.LEGS, small[i]), PtdOptimizer.Options.defaults(), 1);
        kap[i] = r.best().condition();
        pert[i] = r.best().backwardError();
      }
      chart.addSeries("PTD optimized E kappa(V)", xs, kap);
      chart.addSeries("PTD optimized E backward error", xs, pert);
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
      Charts.save(chart, dir, name());
    }

    private static double cap(double v) {
      return Double.isFinite(v) ? v : 1e300;
    }
  }

  /**
   * |G(i w)| of LegS, S4D-LegS (B/2), S4-PTD variants and towardNormal at N = 32, C = ones/sqrt(N).
   */
  static final class Transfer implements Figure {
    @Override
    public String name() {
      return "ssm-transfer-functions";
    }

    @Override
    public void render(Path dir) throws IOException {
      int n = 32;
      DMatrixRMaj a = Hippo.transition(Hippo.Measure.LEGS, n);
      double[] b = Hippo.input(Hippo.Measure.LEGS, n);
      double[] c = new double[n];
      Arrays.fill(c, 1 / Math.sqrt(n));
      Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, n);
      DiagonalSsm s4d =
          DiagonalSsm.shared(
              S4dInit.legs(n), nplr.outputCoefficients(c), new double[] {1}, new double[] {0});
      DiagonalSsm ptd =
          Diagonalization.perturbed(a, 1e-3, 1)
              .toSystem(b, c, 1, Diagonalization.Stability.REFLECT);
      DiagonalSsm opt =
          PtdOptimizer.optimize(a, PtdOptimizer.Options.defaults(), 1)
              .best()
              .toSystem(b, c, 1, Diagonalization.Stability.REFLECT);
      DiagonalSsm stable =
          PtdOptimizer.optimize(
                  a,
                  PtdOptimizer.Options.defaults()
                      .withSteps(400)
                      .withLearningRate(0.005)
                      .withStabilityWeight(1)
                      .withStabilityMargin(1),
                  1)
              .best()
              .toSystem(b, c, 1, Diagonalization.Stability.NONE);
      DiagonalSsm towardNormal =
          Diagonalization.towardNormal(nplr, 0.175)
              .toSystem(b, c, 1, Diagonalization.Stability.NONE);
      int count = 300;
      double[] w = new double[count];
      double[][] mag = new double[6][count];
      for (int i = 0; i < count; i++) {
        w[i] = Math.pow(10, -2 + 6.0 * i / (count - 1));
        double[] g = DenseSsm.transfer(a, b, c, 0, w[i]);
        double[] g1 = s4d.transfer(0, 0, w[i]);
        double[] g2 = ptd.transfer(0, 0, w[i]);
        mag[0][i] = Math.hypot(g[0], g[1]);
        mag[1][i] = Math.hypot(g1[0], g1[1]);
        mag[2][i] = Math.hypot(g2[0], g2[1]);
        double[] g3 = opt.transfer(0, 0, w[i]);
        mag[3][i] = Math.hypot(g3[0], g3[1]);
        double[] g4 = stable.transfer(0, 0, w[i]);
        mag[4][i] = Math.hypot(g4[0], g4[1]);
        double[] g5 = towardNormal.transfer(0, 0, w[i]);
        mag[5][i] = Math.hypot(g5[0], g5[1]);
      }
      XYChart chart =
          Charts.xy(
              "Transfer functions |G(i w)|, N = 32, C = ones/sqrt(N)", "w", "|G(i w)|", true, true);
      chart.addSeries("HiPPO-LegS (dense, exact)", w, mag[0]);
      chart.addSeries("S4D-LegS (normal part, B/2)", w, mag[1]);
      chart.addSeries("S4-PTD random E (eps = 1e-3, reflected)", w, mag[2]);
      chart.addSeries("S4-PTD optimized E (kappa 9, 5.9%, reflected)", w, mag[3]);
      chart.addSeries("S4-PTD optimized E, stability penalty (no reflection)", w, mag[4]);
      chart.addSeries("A + 0.175 P P^T (towardNormal, kappa 9.7, 13.7%)", w, mag[5]);
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
      Charts.save(chart, dir, name());
    }
  }
}
