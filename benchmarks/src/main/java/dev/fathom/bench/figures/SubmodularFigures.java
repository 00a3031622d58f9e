package dev.fathom.bench.figures;

import dev.fathom.bench.submodular.DynamicWorkload;
import dev.fathom.submodular.SparseSimilarity;
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
      System.out.println("| n | threshold levels (Banihashem-style) | Lattanzi et al. | re-run lazy greedy |");
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
        System.out.printf(
            "| 2^%d | %.1f | %.1f | %.0f |%n", 10 + i, bani[i], latt[i], rerun[i]);
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
}
