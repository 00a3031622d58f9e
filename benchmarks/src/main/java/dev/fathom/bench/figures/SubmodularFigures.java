package dev.fathom.bench.figures;

import dev.fathom.bench.submodular.DynamicWorkload;
import dev.fathom.bench.submodular.LevelsWorkload;
import dev.fathom.bench.submodular.MatroidWorkload;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.PartitionMatroid;
import dev.fathom.submodular.dynamic.BanihashemDynamic;
import dev.fathom.submodular.dynamic.DynamicMaximizer;
import dev.fathom.submodular.dynamic.LattanziDynamic;
import dev.fathom.submodular.dynamic.SwappingDynamic;
import dev.fathom.submodular.dynamic.SwappingLevelsDynamic;
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
      double[] levels = new double[count];
      System.out.println(
          "| n | ThresholdLevelsDynamic | BanihashemDynamic (experimental) | Lattanzi et al."
              + " | re-run lazy greedy |");
      System.out.println("|---|---|---|---|---|");
      for (int i = 0; i < count; i++) {
        int n = 1 << (10 + i);
        SparseSimilarity sim = DynamicWorkload.similarity(n);
        ns[i] = n;
        int every = Math.max(1, n / 256);
        DynamicWorkload.Result b =
            DynamicWorkload.run(DynamicWorkload.create("banihashem", sim), sim, every);
        DynamicWorkload.Result l =
            DynamicWorkload.run(DynamicWorkload.create("lattanzi", sim), sim, 0);
        DynamicWorkload.Result t =
            DynamicWorkload.run(DynamicWorkload.create("threshold-levels", sim), sim, 0);
        bani[i] = b.dynamicPerUpdate();
        latt[i] = l.dynamicPerUpdate();
        levels[i] = t.dynamicPerUpdate();
        rerun[i] = b.rerunPerUpdate();
        System.out.printf(
            "| 2^%d | %.1f | %.1f | %.1f | %.0f |%n",
            10 + i, levels[i], bani[i], latt[i], rerun[i]);
      }
      XYChart chart =
          Charts.xy(
              "Fully dynamic facility location (k = 10, eps = 0.2, 1/3 deletions)",
              "n (elements inserted)",
              "oracle calls per update",
              true,
              true);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      chart.addSeries("ThresholdLevelsDynamic", ns, levels);
      chart.addSeries("BanihashemDynamic (experimental)", ns, bani);
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
      System.out.println(
          "| k | eps | ThresholdLevelsDynamic | its bound | BanihashemDynamic (experimental)"
              + " | Lattanzi et al. |");
      System.out.println("|---|---|---|---|---|---|");
      for (double e : eps) {
        double[] x = new double[ks.length];
        double[] bani = new double[ks.length];
        double[] latt = new double[ks.length];
        double[] levels = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
          x[i] = ks[i];
          levels[i] =
              DynamicWorkload.run(
                      DynamicWorkload.create("threshold-levels", sim, ks[i], e, 1), sim, 0)
                  .dynamicPerUpdate();
          double bound =
              1
                  + (Math.floor(Math.log(2.0 * ks[i]) / Math.log1p(e)) + 1)
                      * ks[i]
                      * (2 + Math.ceil(Math.log(ks[i]) / Math.log(2)));
          // separate function objects, so separate oracle counters
          FacilityLocation fb = new FacilityLocation(sim);
          FacilityLocation fl = new FacilityLocation(sim);
          BanihashemDynamic b = new BanihashemDynamic(fb, ks[i], e, 1);
          bani[i] = DynamicWorkload.run(b, sim, 0).dynamicPerUpdate();
          latt[i] =
              DynamicWorkload.run(new LattanziDynamic(fl, ks[i], e, 1), sim, 0).dynamicPerUpdate();
          System.out.printf(
              "| %d | %.1f | %.1f | %.0f | %.1f | %.1f |%n",
              ks[i], e, levels[i], bound, bani[i], latt[i]);
        }
        chart.addSeries("ThresholdLevelsDynamic, eps = " + e, x, levels);
        chart.addSeries("BanihashemDynamic, eps = " + e, x, bani);
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

  /**
   * Calls and independence queries per update of {@code SwappingLevelsDynamic} (q = 1 and 1/3) and
   * calls of {@code SwappingDynamic} under a rank-8 partition matroid, for n = 2^10..2^16, and of
   * the levels against the rank at n = 1024 ({@link LevelsWorkload}); prints Markdown tables.
   */
  static final class DynamicMatroidLevels implements Figure {
    @Override
    public String name() {
      return "submodular-dynamic-matroid-levels";
    }

    @Override
    public void render(Path dir) throws IOException {
      int count = 7;
      double[] ns = new double[count];
      double[] one = new double[count];
      double[] oneQ = new double[count];
      double[] third = new double[count];
      double[] swap = new double[count];
      System.out.println(
          "| n | SwappingLevelsDynamic q = 1: calls | independence queries | largest i*"
              + " | q = 1/3: calls | SwappingDynamic calls |");
      System.out.println("|---|---|---|---|---|---|");
      for (int i = 0; i < count; i++) {
        int n = 1 << (10 + i);
        SparseSimilarity sim = DynamicWorkload.similarity(n);
        ns[i] = n;
        LevelsWorkload.MatroidResult a = LevelsWorkload.swappingLevels(sim, 4, 1.0);
        LevelsWorkload.MatroidResult b = LevelsWorkload.swappingLevels(sim, 4, 1.0 / 3);
        one[i] = a.calls();
        oneQ[i] = a.queries();
        third[i] = b.calls();
        swap[i] = LevelsWorkload.swapping(sim, 4);
        System.out.printf(
            "| 2^%d | %.1f | %.1f | %d | %.1f | %.1f |%n",
            10 + i, one[i], oneQ[i], a.levels(), third[i], swap[i]);
      }
      System.out.println();
      System.out.println("| rank | q = 1: calls | independence queries | q = 1/3: calls |");
      System.out.println("|---|---|---|---|");
      SparseSimilarity small = DynamicWorkload.similarity(1024);
      for (int parts : new int[] {2, 4, 8, 16}) {
        LevelsWorkload.MatroidResult a = LevelsWorkload.swappingLevels(small, parts, 1.0);
        LevelsWorkload.MatroidResult b = LevelsWorkload.swappingLevels(small, parts, 1.0 / 3);
        System.out.printf(
            "| %d | %.1f | %.1f | %.1f |%n", 2 * parts, a.calls(), a.queries(), b.calls());
      }
      XYChart chart =
          Charts.xy(
              "Fully dynamic facility location, partition matroid (4 parts x 2, rank 8)",
              "n (elements inserted)",
              "per update",
              true,
              true);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      chart.addSeries("SwappingLevelsDynamic q = 1: oracle calls", ns, one);
      chart.addSeries("SwappingLevelsDynamic q = 1: independence queries", ns, oneQ);
      chart.addSeries("SwappingLevelsDynamic q = 1/3: oracle calls", ns, third);
      chart.addSeries("SwappingDynamic: oracle calls", ns, swap);
      Charts.save(chart, dir, name());
    }
  }

  /**
   * Oracle calls per deletion when the deletions aim at a solution: all n elements inserted, then
   * the earliest-inserted element of a reference structure's solution deleted, n/4 times
   * (cardinality, k = 10) or n/8 times (rank-8 partition matroid); prints Markdown tables.
   */
  static final class DynamicAimedDeletions implements Figure {
    @Override
    public String name() {
      return "submodular-dynamic-aimed";
    }

    @Override
    public void render(Path dir) throws IOException {
      int count = 5;
      double[] ns = new double[count];
      double[] levels = new double[count];
      double[] adaptive = new double[count];
      double[] swapLevels = new double[count];
      double[] swap = new double[count];
      double[] rerun = new double[count];
      System.out.println(
          "| n | ThresholdLevelsDynamic | BanihashemDynamic | Lattanzi et al."
              + " | re-run lazy greedy | ThresholdLevelsDynamic, own u_1 (adaptive) |");
      System.out.println("|---|---|---|---|---|---|");
      int k = DynamicWorkload.K;
      double eps = DynamicWorkload.EPS;
      for (int i = 0; i < count; i++) {
        int n = 1 << (10 + i);
        ns[i] = n;
        SparseSimilarity sim = DynamicWorkload.similarity(n);
        DynamicMaximizer ref = DynamicWorkload.create("threshold-levels", sim, k, eps, 2);
        double[] c =
            LevelsWorkload.aimedDeletions(
                ref,
                new DynamicMaximizer[] {
                  DynamicWorkload.create("threshold-levels", sim, k, eps, 1),
                  DynamicWorkload.create("banihashem", sim, k, eps, 1),
                  DynamicWorkload.create("lattanzi", sim, k, eps, 1)
                },
                sim,
                n / 4,
                live -> Constraint.cardinality(k, live),
                3);
        DynamicMaximizer self = DynamicWorkload.create("threshold-levels", sim, k, eps, 1);
        double[] a =
            LevelsWorkload.aimedDeletions(
                self,
                new DynamicMaximizer[] {self},
                sim,
                n / 4,
                live -> Constraint.cardinality(k, live),
                3);
        levels[i] = c[0];
        adaptive[i] = a[0];
        rerun[i] = c[3];
        System.out.printf(
            "| 2^%d | %.1f | %.1f | %.1f | %.0f | %.1f |%n", 10 + i, c[0], c[1], c[2], c[3], a[0]);
      }
      System.out.println();
      System.out.println(
          "| n | SwappingLevelsDynamic q = 1 | q = 1/3 | SwappingDynamic (the target)"
              + " | re-run lazy greedy |");
      System.out.println("|---|---|---|---|---|");
      for (int i = 0; i < count; i++) {
        int n = 1 << (10 + i);
        SparseSimilarity sim = DynamicWorkload.similarity(n);
        PartitionMatroid m = LevelsWorkload.partition(n, 4);
        SwappingDynamic ref = new SwappingDynamic(new FacilityLocation(sim), m);
        double[] c =
            LevelsWorkload.aimedDeletions(
                ref,
                new DynamicMaximizer[] {
                  ref,
                  SwappingLevelsDynamic.builder(new FacilityLocation(sim), m)
                      .rank(m.rank())
                      .eps(eps)
                      .build(1),
                  SwappingLevelsDynamic.builder(new FacilityLocation(sim), m)
                      .rank(m.rank())
                      .eps(eps)
                      .keepProbability(1.0 / 3)
                      .build(1)
                },
                sim,
                n / 8,
                live -> LevelsWorkload.restricted(m, live),
                3);
        swap[i] = c[0];
        swapLevels[i] = c[1];
        System.out.printf("| 2^%d | %.1f | %.1f | %.1f | %.0f |%n", 10 + i, c[1], c[2], c[0], c[3]);
      }
      XYChart chart =
          Charts.xy(
              "Deletions aimed at a solution: oracle calls per deletion",
              "n (elements inserted)",
              "oracle calls per deletion",
              true,
              true);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      chart.addSeries("ThresholdLevelsDynamic, k = 10 (oblivious)", ns, levels);
      chart.addSeries("ThresholdLevelsDynamic, own u_1 (adaptive)", ns, adaptive);
      chart.addSeries("re-run lazy greedy, k = 10", ns, rerun);
      chart.addSeries("SwappingLevelsDynamic, rank 8, q = 1", ns, swapLevels);
      chart.addSeries("SwappingDynamic, rank 8, its own solution", ns, swap);
      Charts.save(chart, dir, name());
    }
  }
}
