package dev.fathom.bench.figures;

import dev.fathom.core.StoppingRule;
import dev.fathom.relax.BinnedTsallisInf;
import dev.fathom.relax.ChebCb;
import dev.fathom.relax.ConjugateGradient;
import dev.fathom.relax.GridBandit;
import dev.fathom.relax.HeatEquation;
import dev.fathom.relax.Instance;
import dev.fathom.relax.InstanceSequence;
import dev.fathom.relax.OmegaPolicy;
import dev.fathom.relax.RelaxedSolver;
import dev.fathom.relax.ResidualReference;
import dev.fathom.relax.ShiftedLaplacians;
import dev.fathom.relax.TsallisInf;
import dev.fathom.relax.Tuning;
import dev.fathom.relax.TuningRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Figures of docs/relax.md. */
final class RelaxFigures {
  private RelaxFigures() {}

  /**
   * Cumulative SOR iterations against the number of systems solved, on the paper's high-variance
   * shifted-Laplacian sequence: fixed omegas, the best fixed omega in hindsight, the bandits
   * (Tsallis-INF with both loss estimators), and omega* per instance.
   */
  static final class ShiftedLaplacianCumulative implements Figure {
    @Override
    public String name() {
      return "relax-shifted-laplacians";
    }

    @Override
    public void render(Path dir) throws IOException {
      int count = 5000;
      List<Instance> list = ShiftedLaplacians.highVariance(2024).take(count);
      RelaxedSolver sor = RelaxedSolver.sor(StoppingRule.relative(1e-8, 10_000));
      double[] grid = GridBandit.paperGrid();
      Tuning.FixedBest best = Tuning.bestFixed(list, grid, sor);
      OmegaPolicy[] policies = {
        OmegaPolicy.fixed(1.4),
        OmegaPolicy.fixed(best.omega()),
        new TsallisInf(grid, 1),
        new TsallisInf(grid, TsallisInf.Estimator.REDUCED_VARIANCE, 1),
        BinnedTsallisInf.builder(grid).bins(5).context(-0.15, 0.45).build(1),
        ChebCb.builder(grid).degree(6).context(-0.15, 0.45).build(1),
        OmegaPolicy.asymptoticOptimal()
      };
      XYChart chart =
          Charts.xy(
              "SOR on 5000 shifted 10x10 Laplacians, c = -0.15 + 0.6 Beta(0.5, 1.5)",
              "systems solved",
              "cumulative SOR iterations",
              false,
              false);
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
      chart.getStyler().setXAxisDecimalPattern("#");
      chart.getStyler().setXAxisMaxLabelCount(11);
      double[] x = new double[count];
      for (int t = 0; t < count; t++) {
        x[t] = t + 1;
      }
      for (int i = 0; i < policies.length; i++) {
        TuningRun run = Tuning.run(policies[i], sequence(list), sor, count);
        String label =
            i == 1
                ? String.format(Locale.ROOT, "best fixed omega = %.2f", best.omega())
                : policies[i].name();
        addCumulative(chart, label, x, run);
      }
      Charts.save(chart, dir, name());
    }
  }

  /**
   * Cumulative iterations over the time steps of the 2-D heat equation (nx = 50, 2401 unknowns),
   * SSOR-PCG with fixed and learned omega against plain CG and the instance-optimal grid omega.
   */
  static final class HeatCumulative implements Figure {
    @Override
    public String name() {
      return "relax-heat-equation";
    }

    @Override
    public void render(Path dir) throws IOException {
      int nx = 50;
      int steps = 5000;
      StoppingRule rule = StoppingRule.relative(1e-8, 10_000);
      ResidualReference rhs = ResidualReference.RIGHT_HAND_SIDE;
      RelaxedSolver pcg = RelaxedSolver.ssorPcg(rule, rhs);
      RelaxedSolver cg =
          (in, w) ->
              ConjugateGradient.solve(
                  in.matrix(), in.rhs(), in.initialGuess(), rhs.ruleFor(rule, in.rhs()));
      double[] grid = GridBandit.paperGrid();
      XYChart chart =
          Charts.xy(
              "2-D heat equation, nx = 50, 5000 Crank-Nicolson steps, tol 1e-8",
              "time step",
              "cumulative CG iterations",
              false,
              false);
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
      chart.getStyler().setXAxisDecimalPattern("#");
      chart.getStyler().setXAxisMaxLabelCount(11);
      double[] x = new double[steps];
      for (int t = 0; t < steps; t++) {
        x[t] = t + 1;
      }
      addCumulative(
          chart,
          "plain CG",
          x,
          Tuning.run(OmegaPolicy.fixed(1.0), HeatEquation.paper(nx), cg, steps));
      for (double w : new double[] {1.0, 1.5, 1.95}) {
        addCumulative(
            chart,
            "SSOR-PCG omega = " + w,
            x,
            Tuning.run(OmegaPolicy.fixed(w), HeatEquation.paper(nx), pcg, steps));
      }
      addCumulative(
          chart,
          "SSOR-PCG, Tsallis-INF",
          x,
          Tuning.run(new TsallisInf(grid, 1), HeatEquation.paper(nx), pcg, steps));
      addCumulative(
          chart,
          "SSOR-PCG, ChebCB",
          x,
          Tuning.run(
              ChebCb.builder(grid).degree(6).context(0, 10).build(1),
              HeatEquation.paper(nx),
              pcg,
              steps));
      addCumulative(
          chart,
          "SSOR-PCG, instance-optimal grid omega",
          x,
          Tuning.instanceOptimal(HeatEquation.paper(nx), grid, pcg, steps));
      Charts.save(chart, dir, name());
    }
  }

  private static void addCumulative(XYChart chart, String label, double[] x, TuningRun run) {
    long[] c = run.cumulative();
    double[] y = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      y[i] = c[i];
    }
    XYSeries s = chart.addSeries(label, x, y);
    s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
    System.out.printf(
        Locale.ROOT, "  %-28s total %9d  %6.2f s%n", label, run.total(), run.nanos() / 1e9);
  }

  private static InstanceSequence sequence(List<Instance> list) {
    return InstanceSequence.of(list, -0.15, 0.45);
  }
}
