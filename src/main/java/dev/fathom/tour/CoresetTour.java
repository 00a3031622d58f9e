package dev.fathom.tour;

import dev.fathom.core.Rng;
import dev.fathom.coreset.ClusteringCoresets;
import dev.fathom.coreset.Coreset;
import dev.fathom.coreset.Datasets;
import dev.fathom.coreset.Fitter;
import dev.fathom.coreset.Fitters;
import dev.fathom.coreset.Kernel;
import dev.fathom.coreset.KernelThinning;
import dev.fathom.coreset.Losses;
import dev.fathom.coreset.Mmd;
import dev.fathom.coreset.PointLoss;
import dev.fathom.coreset.RegressionCoresets;
import dev.fathom.coreset.SensitivitySampling;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * coreset: a k-means coreset of built-in blobs, its worst cost error over random center sets
 * against the full cost and its evaluation speed-up; kernel thinning's MMD against i.i.d. (KT+ with
 * the Gaussian kernel, root KT with the B-spline kernel); the excess loss of ℓ3 regression fitted
 * on an ℓ3 sensitivity coreset against a uniform sample.
 */
final class CoresetTour implements TourStep {
  @Override
  public String packageName() {
    return "coreset";
  }

  @Override
  public Outcome run() {
    double[][] x = Datasets.blobs(200_000, 5, 6, 2026);
    PointLoss<double[][]> loss = Losses.kMeans(x);
    Coreset c = ClusteringCoresets.kMeans(x, 6, 2000, 1);
    PointLoss<double[][]> compact = Losses.kMeans(c.copyRows(x)); // compact: no cache misses
    Coreset local = c.reindexed();
    RandomGenerator rng = Rng.create(7);
    double worst = 0;
    long full = 0;
    long small = 0;
    for (int q = -10; q < 20; q++) { // the first 10 queries warm up the JIT and are not counted
      double[][] centers = new double[6][];
      for (int j = 0; j < 6; j++) {
        centers[j] = x[rng.nextInt(x.length)];
      }
      long t0 = System.nanoTime();
      double exact = loss.total(centers);
      long t1 = System.nanoTime();
      double approx = local.loss(compact, centers);
      long t2 = System.nanoTime();
      if (q < 0) {
        continue;
      }
      full += t1 - t0;
      small += t2 - t1;
      worst = Math.max(worst, Math.abs(approx - exact) / exact);
    }
    double[][] y = new double[1024][];
    RandomGenerator g = Rng.create(3);
    for (int i = 0; i < y.length; i++) {
      y[i] = Rng.gaussian(g, 2);
    }
    Kernel k = Kernel.gaussian(2);
    double self = Mmd.selfTerm(y, k);
    int[] thin = KernelThinning.plus(k, 2).thin(y, 5, 1);
    int[] iid = Rng.sampleWithoutReplacement(Rng.create(1), y.length, 32);
    double mmdKt = Mmd.of(y, k, KernelThinning.toCoreset(thin, y.length), self);
    double mmdIid = Mmd.of(y, k, KernelThinning.toCoreset(iid, y.length), self);
    // generalized KT: root KT with the B-spline kernel of order 8 (its square root is order 4)
    Kernel b = Kernel.bSpline(8, 1);
    double selfB = Mmd.selfTerm(y, b);
    double mmdRoot =
        Mmd.of(
            y, b, KernelThinning.toCoreset(KernelThinning.root(b, 2).thin(y, 5, 1), 1024), selfB);
    double mmdIidB = Mmd.of(y, b, KernelThinning.toCoreset(iid, y.length), selfB);
    double[] excess = lpExcess();
    return new Outcome(
        "k-means coreset 2000 of 2e5 pts; KT 1024 -> 32 pts; l3 regression 300 of 2e4 rows",
        String.format(
            Locale.ROOT,
            "cost err %.1f%% (%.0fx faster); MMD KT %.4f vs iid %.4f"
                + " (B-spline root KT %.4f vs %.4f); l3 excess loss %.2f%% (uniform %.0f%%)",
            100 * worst,
            (double) full / Math.max(1, small),
            mmdKt,
            mmdIid,
            mmdRoot,
            mmdIidB,
            100 * excess[0],
            100 * excess[1]),
        worst < 0.1 && mmdKt < mmdIid && mmdRoot < mmdIidB && excess[0] < excess[1]);
  }

  /**
   * ℓ3 regression on a heavy-tailed 2e4 x 5 design: the excess loss of the fit on an ℓ3 sensitivity
   * coreset of 300 rows, and on a uniform sample of 300.
   */
  private static double[] lpExcess() {
    RandomGenerator g = Rng.create(5);
    int n = 20_000;
    double[][] x = new double[n][5];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      for (int j = 1; j < 5; j++) {
        x[i][j] = g.nextGaussian() * Math.pow(g.nextDouble(1e-12, 1), -2.0 / 3); // t(1.5)-like
        y[i] += x[i][j] * j;
      }
      y[i] += g.nextGaussian();
    }
    PointLoss<double[]> loss = Losses.lp(x, y, 3);
    Fitter<double[]> fit = Fitters.lp(x, y, 3);
    double opt = loss.total(fit.fit(Coreset.all(n)));
    return new double[] {
      loss.total(fit.fit(RegressionCoresets.lp(x, y, 3, 300, 1))) / opt - 1,
      loss.total(fit.fit(SensitivitySampling.uniform(n, 300, 1))) / opt - 1
    };
  }
}
