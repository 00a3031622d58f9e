package dev.fathom.bench.figures;

import dev.fathom.bench.submodular.DynamicWorkload;
import dev.fathom.bench.submodular.MatroidWorkload;
import dev.fathom.submodular.dynamic.BanihashemDynamic;
import dev.fathom.submodular.dynamic.LattanziDynamic;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** Figures of docs/submodular.md. */
final class SubmodularFigures {
  private SubmodularFigures() {}

  /**
   * Oracle calls per update of the fully dynamic algorithms and of re-running lazy greedy, for n =
   * 2^10..2^16 ({@link DynamicWorkload}); also prints the numbers as a Markdown table.
   */
  static final class DynamicCalls implements Figure {
    @Override
    public String name() {
      return "submodular-dynamic-calls";
    }

    @Override
    public void render(Path dir) throws IOException {
      int count = 7;
      double[] ns = new double[count];
      double[] bani = new double[count];
      double[] latt = new double[count];
      double[] rerun = new double[count];
      System.out.println(
          "| n | threshold levels (Banihashem-style) | Lattanzi et al. | re-run lazy greedy |");
      System.out.println("|---|---|---|---|");
      for (int i = 0; i < count; i++) {
        int n = 1 << (10 + i);
        SparseSimilarity sim = DynamicWorkload.similarity(n);
        ns[i] = n;
        int every = Math.max(1, n / 256);
        DynamicWorkload.Result b =
            DynamicWorkload.run(DynamicWorkload.create("banihashem", sim), sim, every);
        DynamicWorkload.Result l =
            DynamicWorkload.run(DynamicWorkload.create("lattanzi", sim), sim, 0);
        bani[i] = b.dynamicPerUpdate();
        latt[i] = l.dynamicPerUpdate();
        rerun[i] = b.rerunPerUpdate();
        System.out.printf("| 2^%d | %.1f | %.1f | %.0f |%n", 10 + i, bani[i], latt[i], rerun[i]);
      }
      XYChart chart =
          Charts.xy(
              "Fully dynamic facility location (k = 10, eps = 0.2, 1/3 deletions)",
              "n (elements inserted)",
              "oracle calls per update",
              true,
              true);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      chart.addSeries("threshold levels (Banihashem et al. shape)", ns, bani);
      chart.addSeries("Lattanzi et al. levels", ns, latt);
      chart.addSeries("re-run lazy greedy after each update", ns, rerun);
      Charts.save(chart, dir, name());
    }
  }

  /**
   * Oracle calls per update against the budget k (n = 4096, eps = 0.2 and 0.1) for both dynamic
   * algorithms; also prints the numbers as a Markdown table.
   */
  static final class DynamicCallsByBudget implements Figure {
    @Override
    public String name() {
      return "submodular-dynamic-calls-k";
    }

    @Override
    public void render(Path dir) throws IOException {
      int n = 4096;
      int[] ks = {5, 10, 20, 40, 80};
      double[] eps = {0.2, 0.1};
      SparseSimilarity sim = DynamicWorkload.similarity(n);
      XYChart chart =
          Charts.xy(
              "Fully dynamic facility location, n = 4096: calls per update against k",
              "k",
              "oracle calls per update",
              true,
              true);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      System.out.println("| k | eps | threshold levels (Banihashem-style) | Lattanzi et al. |");
      System.out.println("|---|---|---|---|");
      for (double e : eps) {
        double[] x = new double[ks.length];
        double[] bani = new double[ks.length];
        double[] latt = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
          x[i] = ks[i];
          // separate function objects, so separate oracle counters
          FacilityLocation fb = new FacilityLocation(sim);
          FacilityLocation fl = new FacilityLocation(sim);
          BanihashemDynamic b = new BanihashemDynamic(fb, ks[i], e, 1);
          bani[i] = DynamicWorkload.run(b, sim, 0).dynamicPerUpdate();
          latt[i] =
              DynamicWorkload.run(new LattanziDynamic(fl, ks[i], e, 1), sim, 0).dynamicPerUpdate();
          System.out.printf("| %d | %.1f | %.1f | %.1f |%n", ks[i], e, bani[i], latt[i]);
        }
        chart.addSeries("threshold levels, eps = " + e, x, bani);
        chart.addSeries("Lattanzi et al., eps = " + e, x, latt);
      }
      Charts.save(chart, dir, name());
    }
  }

  /**
   * Oracle calls and independence queries per update of {@code SwappingDynamic} under a partition
   * matroid, against re-running lazy greedy under the matroid after every update, for n =
   * 2^10..2^16 ({@link MatroidWorkload}); also prints the numbers as a Markdown table.
   */
  static final class DynamicMatroidCalls implements Figure {
    @Override
    public String name() {
      return "submodular-dynamic-matroid-calls";
    }

    @Override
    public void render(Path dir) throws IOException {
      int count = 7;
      double[] ns = new double[count];
      double[] calls = new double[count];
      double[] queries = new double[count];
      double[] rerun = new double[count];
      double[] rerunQueries = new double[count];
      System.out.println(
          "| n | SwappingDynamic calls / update | its independence queries / update"
              + " | replays | re-processed / update | re-run lazy greedy calls"
              + " | its independence queries | min f(S) / f(greedy) |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      for (int i = 0; i < count; i++) {
        int n = 1 << (10 + i);
        SparseSimilarity sim = DynamicWorkload.similarity(n);
        ns[i] = n;
        MatroidWorkload.Result r = MatroidWorkload.run(sim, Math.max(1, n / 256));
        calls[i] = r.dynamicCalls();
        queries[i] = r.dynamicQueries();
        rerun[i] = r.rerunCalls();
        rerunQueries[i] = r.rerunQueries();
        System.out.printf(
            "| 2^%d | %.1f | %.0f | %d | %.1f | %.0f | %.0f | %.3f |%n",
            10 + i,
            calls[i],
            queries[i],
            r.replays(),
            r.replayedPerUpdate(),
            rerun[i],
            rerunQueries[i],
            r.minRatio());
      }
      XYChart chart =
          Charts.xy(
              "Fully dynamic facility location, partition matroid (16 parts x 2, rank 32)",
              "n (elements inserted)",
              "per update",
              true,
              true);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      chart.addSeries("SwappingDynamic oracle calls", ns, calls);
      chart.addSeries("SwappingDynamic independence queries", ns, queries);
      chart.addSeries("re-run lazy greedy: oracle calls", ns, rerun);
      chart.addSeries("re-run lazy greedy: independence queries", ns, rerunQueries);
      Charts.save(chart, dir, name());
    }
  }
}
