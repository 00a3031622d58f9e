package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every randomized routine of the coreset package: the {@code long seed} overload gives exactly
 * what the {@link RandomGenerator} overload gives with {@code Rng.create(seed)}, another seed gives
 * other draws, and a null generator is rejected by name.
 */
class CoresetRandomnessTest {
  private static final long SEED = 31;
  private static final RandomGenerator DATA = Rng.create(4);
  private static final double[][] X = TestData.heavyTailed(DATA, 300, 3, 4);
  private static final double[] Y = Rng.gaussian(DATA, 300);

  private static RandomGenerator rng() {
    return Rng.create(SEED);
  }

  private static void rejectsNullRng(Executable call) {
    assertEquals(
        "rng = null: expected a non-null value",
        assertThrows(NullPointerException.class, call).getMessage());
  }

  @Test
  void samplingAndRegressionCoresets() {
    double[] bounds = LeverageScores.of(X);
    assertEquals(
        SensitivitySampling.sample(bounds, 40, SEED),
        SensitivitySampling.sample(bounds, 40, rng()));
    assertNotEquals(
        SensitivitySampling.sample(bounds, 40, SEED),
        SensitivitySampling.sample(bounds, 40, SEED + 1));
    assertEquals(
        SensitivitySampling.uniform(300, 40, SEED), SensitivitySampling.uniform(300, 40, rng()));
    assertEquals(
        SensitivitySampling.sample(bounds, 0.5, 0.1, 3, SEED),
        SensitivitySampling.sample(bounds, 0.5, 0.1, 3, rng()));
    assertEquals(
        RegressionCoresets.leverage(X, Y, 40, SEED), RegressionCoresets.leverage(X, Y, 40, rng()));
    assertEquals(
        RegressionCoresets.leverage(X, Y, 0.9, 0.5, SEED),
        RegressionCoresets.leverage(X, Y, 0.9, 0.5, rng()));
    assertEquals(
        RegressionCoresets.lewis(X, Y, 1, 40, SEED), RegressionCoresets.lewis(X, Y, 1, 40, rng()));
    assertEquals(
        RegressionCoresets.lewis(X, Y, 1, 0.9, 0.5, SEED),
        RegressionCoresets.lewis(X, Y, 1, 0.9, 0.5, rng()));
    double[] w = new double[X.length];
    java.util.Arrays.fill(w, 2.5);
    assertEquals(
        ClusteringCoresets.kMeans(X, w, 3, 40, SEED),
        ClusteringCoresets.kMeans(X, w, 3, 40, rng()));
    assertEquals(
        ClusteringCoresets.kMedian(X, w, 3, 40, SEED),
        ClusteringCoresets.kMedian(X, w, 3, 40, rng()));
    assertNotEquals(
        ClusteringCoresets.kMeans(X, w, 3, 40, SEED),
        ClusteringCoresets.kMeans(X, w, 3, 40, SEED + 1));
    rejectsNullRng(() -> ClusteringCoresets.kMeans(X, w, 3, 40, (RandomGenerator) null));
    rejectsNullRng(() -> ClusteringCoresets.kMedian(X, w, 3, 40, (RandomGenerator) null));
    assertEquals(
        RegressionCoresets.lpWithLeverage(X, Y, 3, 40, SEED),
        RegressionCoresets.lpWithLeverage(X, Y, 3, 40, rng()));
    rejectsNullRng(() -> RegressionCoresets.lpWithLeverage(X, Y, 3, 40, (RandomGenerator) null));
    assertEquals(
        RegressionCoresets.rootLeverage(X, Y, 40, SEED),
        RegressionCoresets.rootLeverage(X, Y, 40, rng()));
    rejectsNullRng(() -> SensitivitySampling.sample(bounds, 40, null));
    rejectsNullRng(() -> SensitivitySampling.uniform(300, 40, null));
    rejectsNullRng(() -> RegressionCoresets.lewis(X, Y, 1, 40, null));
    for (double p : new double[] {1, 3, 6}) {
      assertEquals(
          RegressionCoresets.lp(X, Y, p, 40, SEED), RegressionCoresets.lp(X, Y, p, 40, rng()));
      assertNotEquals(
          RegressionCoresets.lp(X, Y, p, 40, SEED), RegressionCoresets.lp(X, Y, p, 40, SEED + 1));
    }
    rejectsNullRng(() -> RegressionCoresets.lp(X, Y, 3, 40, null));
  }

  @Test
  void clusteringAndData() {
    assertArrayEquals(
        ClusteringCoresets.kMeansPlusPlus(X, 4, 2, SEED),
        ClusteringCoresets.kMeansPlusPlus(X, 4, 2, rng()));
    assertEquals(
        ClusteringCoresets.kMeans(X, 4, 50, SEED), ClusteringCoresets.kMeans(X, 4, 50, rng()));
    assertEquals(
        ClusteringCoresets.kMedian(X, 4, 50, SEED), ClusteringCoresets.kMedian(X, 4, 50, rng()));
    assertEquals(
        ClusteringCoresets.kMeans(X, 2, 0.9, 0.5, SEED),
        ClusteringCoresets.kMeans(X, 2, 0.9, 0.5, rng()));
    assertEquals(
        ClusteringCoresets.kMedian(X, 2, 0.9, 0.5, SEED),
        ClusteringCoresets.kMedian(X, 2, 0.9, 0.5, rng()));
    assertEquals(
        ClusteringCoresets.lightweight(X, 50, SEED), ClusteringCoresets.lightweight(X, 50, rng()));
    assertArrayEquals(Datasets.blobs(100, 2, 3, SEED), Datasets.blobs(100, 2, 3, rng()));
    double[][][] a = Datasets.logistic(100, 2, SEED);
    double[][][] b = Datasets.logistic(100, 2, rng());
    assertArrayEquals(a[0], b[0]);
    assertArrayEquals(a[1], b[1]);
    Coreset c = ClusteringCoresets.kMeans(X, 4, 50, 1L);
    assertArrayEquals(Fitters.kMeans(X, 3, 2, SEED).fit(c), Fitters.kMeans(X, 3, 2, rng()).fit(c));
    rejectsNullRng(() -> ClusteringCoresets.kMeans(X, 4, 50, null));
    rejectsNullRng(() -> Datasets.blobs(100, 2, 3, null));
    rejectsNullRng(() -> Fitters.kMeans(X, 3, 2, null));
  }

  @Test
  void seedFitterRepeatsWhileGeneratorFitterContinuesItsStream() {
    Coreset c = ClusteringCoresets.kMeans(X, 4, 60, 1L);
    Fitter<double[][]> bySeed = Fitters.kMeans(X, 4, 1, SEED);
    assertArrayEquals(bySeed.fit(c), bySeed.fit(c));
    RandomGenerator r = rng();
    Fitter<double[][]> byRng = Fitters.kMeans(X, 4, 1, r);
    byRng.fit(c);
    // the second fit draws on from the same generator: it matches a seeding from that state
    RandomGenerator copy = rng();
    Fitters.kMeans(X, 4, 1, copy).fit(c);
    assertEquals(copy.nextLong(), r.nextLong());
  }

  @Test
  void thinningAndAutoCoreset() {
    Kernel k = Kernel.gaussian(1);
    double[][] z = Datasets.blobs(256, 2, 3, 5L);
    KernelThinning kt = KernelThinning.plus(k, 2);
    assertArrayEquals(kt.thin(z, 3, SEED), kt.thin(z, 3, rng()));
    int[][] s1 = kt.split(z, 2, SEED);
    int[][] s2 = kt.split(z, 2, rng());
    for (int i = 0; i < s1.length; i++) {
      assertArrayEquals(s1[i], s2[i]);
    }
    CompressPlusPlus cpp = new CompressPlusPlus(kt, 2);
    assertArrayEquals(cpp.thin(z, SEED), cpp.thin(z, rng()));
    for (VectorSummarizer v :
        new VectorSummarizer[] {VectorSummarizer.bestOfUniform(3), VectorSummarizer.importance()}) {
      assertEquals(v.summarize(X, 30, SEED), v.summarize(X, 30, rng()));
    }
    AutoCoreset<double[]> auto =
        new AutoCoreset<>(
            Losses.leastSquares(X, Y),
            Fitters.leastSquares(X, Y),
            AutoCoreset.Options.defaults(20).withMaxIterations(5));
    assertEquals(auto.build(SEED).coreset(), auto.build(rng()).coreset());
    rejectsNullRng(() -> kt.thin(z, 3, null));
    rejectsNullRng(() -> cpp.thin(z, null));
    rejectsNullRng(() -> auto.build((RandomGenerator) null));
    rejectsNullRng(() -> VectorSummarizer.bestOfUniform(3).summarize(X, 30, null));
  }
}
