package dev.fathom.bench.figures;

import dev.fathom.core.Rng;
import dev.fathom.coreset.AutoCoreset;
import dev.fathom.coreset.ClusteringCoresets;
import dev.fathom.coreset.CompressPlusPlus;
import dev.fathom.coreset.Coreset;
import dev.fathom.coreset.Datasets;
import dev.fathom.coreset.Fitter;
import dev.fathom.coreset.Fitters;
import dev.fathom.coreset.Kernel;
import dev.fathom.coreset.KernelThinning;
import dev.fathom.coreset.LeverageScores;
import dev.fathom.coreset.Losses;
import dev.fathom.coreset.LpSensitivities;
import dev.fathom.coreset.Mmd;
import dev.fathom.coreset.PointLoss;
import dev.fathom.coreset.SensitivitySampling;
import dev.fathom.coreset.VectorSummarizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.knowm.xchart.XYChart;

/** Figures of docs/coreset.md. */
final class CoresetFigures {
  private CoresetFigures() {}

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }

  /** Builds a coreset of size m for trial t. */
  private interface Builder {
    Coreset build(int m, long t);
  }

  /** Draws the chart of median excess loss eps = f(P, fit(C)) / f(P, fit(P)) - 1 against size. */
  private static <Q> void excessChart(
      Path dir,
      String name,
      String title,
      PointLoss<Q> loss,
      Fitter<Q> fit,
      String[] labels,
      Builder[] builders)
      throws IOException {
    double opt = loss.total(fit.fit(Coreset.all(loss.size())));
    int[] sizes = {20, 40, 80, 160, 320};
    int trials = 8;
    double[] xs = new double[sizes.length];
    double[][] ys = new double[builders.length][sizes.length];
    for (int s = 0; s < sizes.length; s++) {
      xs[s] = sizes[s];
      for (int b = 0; b < builders.length; b++) {
        double[] e = new double[trials];
        for (int t = 0; t < trials; t++) {
          e[t] = loss.total(fit.fit(builders[b].build(sizes[s], t))) / opt - 1;
        }
        ys[b][s] = Math.max(1e-6, median(e));
      }
      StringBuilder row = new StringBuilder(name + " m = " + sizes[s] + ":");
      for (int b = 0; b < builders.length; b++) {
        row.append(String.format(" %s %.4g;", labels[b], ys[b][s]));
      }
      System.out.println(row);
    }
    XYChart chart =
        Charts.xy(
            title, "coreset size m", "median excess loss f(P, fit on C) / OPT - 1", true, true);
    for (int b = 0; b < builders.length; b++) {
      chart.addSeries(labels[b], xs, ys[b]);
    }
    Charts.save(chart, dir, name);
  }

  private static <Q> Builder auto(PointLoss<Q> loss, Fitter<Q> fit, VectorSummarizer summarizer) {
    return (m, t) ->
        new AutoCoreset<>(loss, fit, AutoCoreset.Options.defaults(m).withSummarizer(summarizer))
            .build(t)
            .coreset();
  }

  /** k-means on blobs: uniform, sensitivity and AutoCoreset, error against coreset size. */
  static final class KMeansError implements Figure {
    @Override
    public String name() {
      return "coreset-kmeans-error";
    }

    @Override
    public void render(Path dir) throws IOException {
      double[][] x = Datasets.blobs(10_000, 5, 6, 2);
      PointLoss<double[][]> loss = Losses.kMeans(x);
      Fitter<double[][]> fit = Fitters.kMeans(x, 6, 3, 1);
      excessChart(
          dir,
          name(),
          "k-means (k = 6), 10^4 points in 6 unequal blobs, d = 5 (median of 8 trials)",
          loss,
          fit,
          new String[] {"uniform", "sensitivity (k-means++)", "AutoCoreset (best-of-uniform)"},
          new Builder[] {
            (m, t) -> SensitivitySampling.uniform(x.length, m, t),
            (m, t) -> ClusteringCoresets.kMeans(x, 6, m, t),
            auto(loss, fit, VectorSummarizer.bestOfUniform(100))
          });
    }
  }

  /** Least squares on a heavy-tailed design: uniform, leverage and AutoCoreset. */
  static final class LeastSquaresError implements Figure {
    @Override
    public String name() {
      return "coreset-regression-error";
    }

    @Override
    public void render(Path dir) throws IOException {
      Regression data = heavyTailedRegression();
      double[][] x = data.x();
      double[] y = data.y();
      int n = x.length;
      PointLoss<double[]> loss = Losses.leastSquares(x, y);
      Fitter<double[]> fit = Fitters.leastSquares(x, y);
      excessChart(
          dir,
          name(),
          "least squares, 2*10^4 x 10 heavy-tailed design (median of 8 trials)",
          loss,
          fit,
          new String[] {"uniform", "leverage scores", "AutoCoreset (Caratheodory)"},
          new Builder[] {
            (m, t) -> SensitivitySampling.uniform(n, m, t),
            (m, t) -> dev.fathom.coreset.RegressionCoresets.leverage(x, y, m, t),
            auto(loss, fit, VectorSummarizer.caratheodory())
          });
    }
  }

  /** A design and its targets. */
  private record Regression(double[][] x, double[] y) {}

  /**
   * The regression data of the least-squares and ℓp figures: 2*10^4 x 10 design with tails like
   * Student-t(1.5), y = x beta + Gaussian noise.
   */
  private static Regression heavyTailedRegression() {
    var rng = Rng.create(11);
    int n = 20_000;
    int d = 10;
    double[][] x = new double[n][d];
    double[] y = new double[n];
    double[] beta = Rng.gaussian(rng, d);
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        // a Gaussian over U^(2/3): tail P(|x| > t) ~ t^-1.5, like Student-t(1.5)
        x[i][j] = rng.nextGaussian() * Math.pow(rng.nextDouble(1e-12, 1), -2.0 / 3);
        s += x[i][j] * beta[j];
      }
      y[i] = s + rng.nextGaussian();
    }
    return new Regression(x, y);
  }

  /**
   * ℓp regression (p = 1, 3) on the heavy-tailed design: uniform, leverage, ℓp sensitivities and,
   * for p > 2, their mixture with leverage.
   */
  static final class LpRegressionError implements Figure {
    private final double p;

    LpRegressionError(double p) {
      this.p = p;
    }

    @Override
    public String name() {
      return "coreset-l" + (int) p + "-regression-error";
    }

    @Override
    public void render(Path dir) throws IOException {
      Regression data = heavyTailedRegression();
      double[][] xy = LeverageScores.augment(data.x(), data.y());
      double[] sens = LpSensitivities.upperBounds(xy, p);
      double[] lev = LeverageScores.of(xy);
      String[] labels = {"uniform", "leverage scores (l2)", "lp sensitivities (Lewis bounds)"};
      Builder[] builders = {
        (m, t) -> SensitivitySampling.uniform(xy.length, m, t),
        (m, t) -> SensitivitySampling.sample(lev, m, t),
        (m, t) -> SensitivitySampling.sample(sens, m, t) // = RegressionCoresets.lp(x, y, p, m, t)
      };
      if (p > 2) {
        // Woodruff-Yasuda's combined sampler = RegressionCoresets.lpWithLeverage(x, y, p, m, t)
        double[] mix = LpSensitivities.withLeverage(xy, p);
        labels = Arrays.copyOf(labels, 4);
        labels[3] = "lp sensitivities + leverage (mixture)";
        builders = Arrays.copyOf(builders, 4);
        builders[3] = (m, t) -> SensitivitySampling.sample(mix, m, t);
      }
      excessChart(
          dir,
          name(),
          "l" + (int) p + " regression, 2*10^4 x 10 heavy-tailed design (median of 8 trials)",
          Losses.lp(data.x(), data.y(), p),
          Fitters.lp(data.x(), data.y(), p),
          labels,
          builders);
    }
  }

  /** MMD of i.i.d., KT+ and Compress++ coresets of size sqrt(n) against n. */
  static final class MmdVsN implements Figure {
    @Override
    public String name() {
      return "coreset-kt-mmd";
    }

    @Override
    public void render(Path dir) throws IOException {
      Kernel k = Kernel.gaussian(2);
      int[] exps = {3, 4, 5, 6, 7};
      int seeds = 3;
      double[] xs = new double[exps.length];
      double[][] ys = new double[3][exps.length];
      for (int e = 0; e < exps.length; e++) {
        int n = 1 << (2 * exps[e]);
        xs[e] = n;
        for (int s = 0; s < seeds; s++) {
          var rng = Rng.create(1000 + s);
          double[][] x = new double[n][];
          for (int i = 0; i < n; i++) {
            x[i] = Rng.gaussian(rng, 2);
          }
          double self = Mmd.selfTerm(x, k);
          KernelThinning kt = KernelThinning.plus(k, 2);
          int[] iid = Rng.sampleWithoutReplacement(Rng.create(s), n, 1 << exps[e]);
          int[] thin = kt.thin(x, exps[e], s);
          int[] cpp = new CompressPlusPlus(kt, Math.min(4, exps[e])).thin(x, s);
          ys[0][e] += Mmd.of(x, k, KernelThinning.toCoreset(iid, n), self) / seeds;
          ys[1][e] += Mmd.of(x, k, KernelThinning.toCoreset(thin, n), self) / seeds;
          ys[2][e] += Mmd.of(x, k, KernelThinning.toCoreset(cpp, n), self) / seeds;
        }
      }
      XYChart chart =
          Charts.xy(
              "MMD to P_n of sqrt(n) points, Gaussian P and kernel in d = 2 (mean of 3 seeds)",
              "n",
              "MMD",
              true,
              true);
      chart.addSeries("i.i.d.", xs, ys[0]);
      chart.addSeries("KT+", xs, ys[1]);
      chart.addSeries("Compress++ (g = 4)", xs, ys[2]);
      Charts.save(chart, dir, name());
    }
  }

  /**
   * Generalized kernel thinning with one of the kernels beyond the Gaussian: MMD (of the kernel
   * itself) between P_n and sqrt(n) points of n Gaussian points in d = 2, for i.i.d. thinning and
   * target, root and KT+ thinning where the kernel has a square root (mean of 3 seeds), as the
   * figures of Dwivedi and Mackey's Generalized Kernel Thinning. Prints each curve's log-log slope.
   */
  static final class GeneralizedKtMmd implements Figure {
    private final String id;
    private final String label;
    private final Kernel k;
    private final boolean hasRoot;
    private final int maxExp;

    GeneralizedKtMmd(String id, String label, Kernel k, boolean hasRoot, int maxExp) {
      this.id = id;
      this.label = label;
      this.k = k;
      this.hasRoot = hasRoot;
      this.maxExp = maxExp;
    }

    @Override
    public String name() {
      return "coreset-gkt-mmd-" + id;
    }

    @Override
    public void render(Path dir) throws IOException {
      int d = 2;
      int seeds = 3;
      int first = 2;
      int count = maxExp - first + 1;
      String[] names =
          hasRoot
              ? new String[] {"i.i.d.", "target KT", "root KT", "KT+"}
              : new String[] {"i.i.d.", "target KT"};
      KernelThinning[] kts =
          hasRoot
              ? new KernelThinning[] {
                KernelThinning.target(k), KernelThinning.root(k, d), KernelThinning.plus(k, d)
              }
              : new KernelThinning[] {KernelThinning.target(k)};
      double[] xs = new double[count];
      double[][] ys = new double[names.length][count];
      for (int e = 0; e < count; e++) {
        int exp = first + e;
        int n = 1 << (2 * exp);
        xs[e] = n;
        for (int s = 0; s < seeds; s++) {
          var rng = Rng.create(2000 + s);
          double[][] x = new double[n][];
          for (int i = 0; i < n; i++) {
            x[i] = Rng.gaussian(rng, d);
          }
          double self = Mmd.selfTerm(x, k);
          int[] iid = Rng.sampleWithoutReplacement(Rng.create(s), n, 1 << exp);
          ys[0][e] += Mmd.of(x, k, KernelThinning.toCoreset(iid, n), self) / seeds;
          for (int v = 0; v < kts.length; v++) {
            int[] thin = kts[v].thin(x, exp, s);
            ys[v + 1][e] += Mmd.of(x, k, KernelThinning.toCoreset(thin, n), self) / seeds;
          }
        }
        StringBuilder row = new StringBuilder(name() + " n = " + n + ":");
        for (int v = 0; v < names.length; v++) {
          row.append(String.format(" %s %.4g;", names[v], ys[v][e]));
        }
        System.out.println(row);
      }
      StringBuilder slopes = new StringBuilder(name() + " log-log slopes:");
      XYChart chart =
          Charts.xy(
              label + ": MMD of sqrt(n) of n points, N(0, I_2), 3 seeds", "n", "MMD", true, true);
      for (int v = 0; v < names.length; v++) {
        chart.addSeries(names[v], xs, ys[v]);
        slopes.append(String.format(" %s %.2f;", names[v], slope(xs, ys[v])));
      }
      System.out.println(slopes);
      Charts.save(chart, dir, name());
    }

    /** The least-squares slope of log y against log x. */
    private static double slope(double[] x, double[] y) {
      double mx = 0;
      double my = 0;
      for (int i = 0; i < x.length; i++) {
        mx += Math.log(x[i]) / x.length;
        my += Math.log(y[i]) / x.length;
      }
      double sxy = 0;
      double sxx = 0;
      for (int i = 0; i < x.length; i++) {
        sxy += (Math.log(x[i]) - mx) * (Math.log(y[i]) - my);
        sxx += (Math.log(x[i]) - mx) * (Math.log(x[i]) - mx);
      }
      return sxy / sxx;
    }
  }
}
