package dev.fathom.bench.figures;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import dev.fathom.monotone.ExtraGradient;
import dev.fathom.monotone.Halpern;
import dev.fathom.monotone.InclusionResult;
import dev.fathom.monotone.InexactHalpern;
import dev.fathom.monotone.MatrixGame;
import dev.fathom.monotone.MonotoneSolver;
import dev.fathom.monotone.OracleHistory;
import dev.fathom.monotone.Problem;
import dev.fathom.monotone.Problems;
import dev.fathom.monotone.SingleCallExtraGradient;
import dev.fathom.monotone.SingleCallStochasticExtraGradient;
import dev.fathom.monotone.VrExtraGradient;
import dev.fathom.monotone.VrHalpern;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.knowm.xchart.XYChart;

/**
 * Figures of docs/monotone.md: the two experiments of Cai, Alacaoglu and Diakonikolas (ICLR 2024),
 * residual against epochs for every method, with the step sizes of the authors' code; the
 * single-call methods (Popov, OG) take EG's step, the stochastic one its defaults.
 */
final class MonotoneFigures {
  private MonotoneFigures() {}

  /** Policeman and burglar, n = 500, 5000 epochs (the paper's budget). */
  static final class MatrixGameFigure implements Figure {
    @Override
    public String name() {
      return "monotone-matrix-game";
    }

    @Override
    public void render(Path dir) throws IOException {
      int n = 500;
      MatrixGame game = MatrixGame.policemanBurglar(n, 1);
      double l2 = game.problem().lipschitz(); // ‖A‖₂
      double fro = game.frobeniusNorm();
      double p = 1.0 / n;
      List<MonotoneSolver> solvers =
          List.of(
              ExtraGradient.eg(5 / l2),
              ExtraGradient.eag(5 / l2),
              new VrExtraGradient(1).withStep(3 * Math.sqrt(p) / fro).withProbability(p),
              new VrHalpern(1).withStep(5 / fro),
              InexactHalpern.varianceReduced(1)
                  .withResolventStep(Math.sqrt(n) / fro)
                  .withInnerStep(5 * Math.sqrt(p * (1 - p)) / (Math.sqrt(n) + 1)),
              new Halpern(),
              InexactHalpern.deterministic(),
              SingleCallExtraGradient.popov(5 / l2),
              SingleCallExtraGradient.optimistic(5 / l2),
              // a mini-batch: with b = 1 the two simplex projections per call dominate the time
              new SingleCallStochasticExtraGradient(1).withBatch(50));
      run(
          "Policeman and burglar matrix game, n = 500 (steps of the authors' code)",
          () -> game.problem(),
          solvers,
          5000,
          dir,
          name());
    }
  }

  /** Ouyang-Xu quadratic min-max, n = 200, 20000 epochs (the paper runs 10^6). */
  static final class QuadraticFigure implements Figure {
    @Override
    public String name() {
      return "monotone-quadratic";
    }

    @Override
    public void render(Path dir) throws IOException {
      int n = 200;
      Problem qp = Problems.ouyangXu(n);
      List<MonotoneSolver> solvers =
          List.of(
              ExtraGradient.eg(0.5),
              ExtraGradient.eag(0.3),
              new VrExtraGradient(1).withStep(0.01).withProbability(1.0 / n),
              new VrHalpern(1).withStep(0.3),
              InexactHalpern.varianceReduced(1)
                  .withResolventStep(Math.sqrt(n))
                  .withInnerStep(0.001),
              new Halpern(),
              InexactHalpern.deterministic(),
              SingleCallExtraGradient.popov(0.5),
              SingleCallExtraGradient.optimistic(0.5),
              new SingleCallStochasticExtraGradient(1));
      run(
          "Ouyang-Xu quadratic min-max, n = 200 (steps of the authors' code)",
          () -> qp,
          solvers,
          20_000,
          dir,
          name());
    }
  }

  /** Epochs to relative residual 1e-3 on least squares (d = 5) against n: the √n gain. */
  static final class VrGainFigure implements Figure {
    @Override
    public String name() {
      return "monotone-vr-gain";
    }

    @Override
    public void render(Path dir) throws IOException {
      int[] sizes = {1000, 2000, 5000, 10_000, 20_000, 50_000};
      double[] ns = new double[sizes.length];
      double[] det = new double[sizes.length];
      double[] vr = new double[sizes.length];
      for (int k = 0; k < sizes.length; k++) {
        double[] a = new double[3];
        double[] b = new double[3];
        for (int seed = 1; seed <= 3; seed++) {
          Problem p = Problems.leastSquares(sizes[k], 5, seed);
          StoppingRule rule = StoppingRule.relative(1e-3, 5000);
          a[seed - 1] = new Halpern().solve(p, rule).epochs();
          b[seed - 1] = new VrHalpern(seed).solve(p, rule).epochs();
        }
        java.util.Arrays.sort(a);
        java.util.Arrays.sort(b);
        ns[k] = sizes[k];
        det[k] = a[1];
        vr[k] = b[1];
        System.out.printf(
            Locale.ROOT,
            "  n = %6d: Halpern %.0f epochs, VR-Halpern %.0f epochs, gain %.2f%n",
            sizes[k],
            a[1],
            b[1],
            a[1] / b[1]);
      }
      XYChart chart =
          Charts.xy(
              "Least squares, d = 5: epochs to residual 1e-3·r(x0) (median of 3 seeds)",
              "n (components)",
              "epochs",
              true,
              true);
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
      chart.addSeries("Halpern (deterministic)", ns, det);
      chart.addSeries("VR-Halpern (Alg. 1)", ns, vr);
      Charts.save(chart, dir, name());
    }
  }

  private static void run(
      String title,
      Supplier<Problem> problem,
      List<MonotoneSolver> solvers,
      long epochs,
      Path dir,
      String name)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<InclusionResult>> futures = new ArrayList<>();
    for (MonotoneSolver s : solvers) {
      futures.add(
          pool.submit(
              () -> s.solve(problem.get(), StoppingRule.absolute(Double.MIN_VALUE, epochs))));
    }
    XYChart chart = Charts.xy(title, "# of epochs", "residual (natural map)", false, true);
    try {
      for (int k = 0; k < solvers.size(); k++) {
        InclusionResult r = futures.get(k).get();
        OracleHistory h = r.history();
        System.out.printf(
            Locale.ROOT,
            "  %-22s %-17s final residual %.3e after %.0f epochs (min %.3e)%n",
            r.method(),
            r.status(),
            r.residual(),
            r.epochs(),
            min(h.residuals()));
        if (r.status() == Status.DIVERGED) {
          continue;
        }
        String label = r.method().equals("VR-Halpern") ? "VR-Halpern (Alg. 1)" : r.method();
        addThinned(chart, label, h);
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IOException(e);
    } finally {
      pool.shutdown();
    }
    Charts.save(chart, dir, name);
  }

  private static double min(double[] a) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : a) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** Adds at most about 1500 points of the history. */
  private static void addThinned(XYChart chart, String label, OracleHistory h) {
    int size = h.size();
    int stride = Math.max(1, size / 1500);
    int count = (size + stride - 1) / stride;
    double[] x = new double[count];
    double[] y = new double[count];
    for (int k = 0, c = 0; k < size; k += stride, c++) {
      x[c] = h.epochs()[k];
      y[c] = Math.max(h.residuals()[k], 1e-16);
    }
    chart.addSeries(label, x, y).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
  }
}
