package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KernelThinningTest {
  /** The spec's kernel: Gaussian with sigma^2 = 2d in d = 2. */
  static final Kernel K = Kernel.gaussian(2);

  static double[][] gaussianPoints(int n, long seed) {
    var rng = Rng.create(seed);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = Rng.gaussian(rng, 2);
    }
    return x;
  }

  static double mmd(double[][] x, int[] idx) {
    return Mmd.of(x, K, idx);
  }

  @Test
  void splitCoresetsPartitionTheInput() {
    double[][] x = gaussianPoints(512, 1);
    int[][] c = KernelThinning.plus(K, 2).split(x, 4, 9);
    assertEquals(16, c.length);
    int[] all = Arrays.stream(c).flatMapToInt(Arrays::stream).sorted().toArray();
    for (int i = 0; i < 512; i++) {
      assertEquals(i, all[i]);
    }
    // n not a multiple of 2^m: floor(n/2^m) distinct points each
    int[][] odd = KernelThinning.target(K).split(gaussianPoints(1001, 2), 3, 1);
    assertEquals(8, odd.length);
    assertEquals(125, odd[0].length);
    assertEquals(1000, Arrays.stream(odd).flatMapToInt(Arrays::stream).distinct().count());
  }

  @Test
  void thinGivesUniqueIndicesOfTheRightSize() {
    double[][] x = gaussianPoints(300, 3);
    int[] c = KernelThinning.plus(K, 2).thin(x, 3, 5);
    assertEquals(37, c.length);
    assertEquals(37, Arrays.stream(c).distinct().count());
    assertArrayEquals(c, KernelThinning.plus(K, 2).thin(x, 3, 5));
  }

  @Test
  void storedMatrixPathGivesTheSameCoreset() {
    double[][] x = gaussianPoints(256, 4);
    KernelThinning kt = KernelThinning.plus(K, 2);
    assertArrayEquals(kt.thin(x, 4, 8), kt.storeKernelMatrix(true).thin(x, 4, 8));
  }

  @Test
  void swapNeverWorsensTheBestCandidate() {
    double[][] x = gaussianPoints(256, 6);
    KernelThinning kt = KernelThinning.target(K);
    int[][] c = kt.split(x, 4, 2);
    double bestSplit = Double.POSITIVE_INFINITY;
    for (int[] cc : c) {
      bestSplit = Math.min(bestSplit, mmd(x, cc));
    }
    bestSplit = Math.min(bestSplit, mmd(x, KernelThinning.standardThinning(256, 16)));
    assertTrue(mmd(x, kt.swap(x, c)) <= bestSplit + 1e-12);
  }

  /**
   * Spec section 4.7: MMD below i.i.d. on every seed for n >= 256, log-log slope <= -0.4, over the
   * sizes of the spec's table (n = 64, 256, 1024).
   */
  @Test
  void beatsIidOnEverySeedWithFasterRate() {
    int[] exps = {3, 4, 5};
    double[] logN = new double[exps.length];
    double[] logKt = new double[exps.length];
    double[] logIid = new double[exps.length];
    KernelThinning kt = KernelThinning.plus(K, 2);
    for (int e = 0; e < exps.length; e++) {
      int n = 1 << (2 * exps[e]);
      int seeds = 4;
      double sumKt = 0;
      double sumIid = 0;
      for (int s = 0; s < seeds; s++) {
        double[][] x = gaussianPoints(n, 1000 + s);
        double self = Mmd.selfTerm(x, K);
        int[] c = kt.thin(x, exps[e], s);
        int[] iid = Rng.sampleWithoutReplacement(Rng.create(s), n, 1 << exps[e]);
        double a = Mmd.of(x, K, KernelThinning.toCoreset(c, n), self);
        double b = Mmd.of(x, K, KernelThinning.toCoreset(iid, n), self);
        if (n >= 256) {
          assertTrue(a < b, "n = " + n + ", seed " + s + ": KT " + a + " vs iid " + b);
        }
        sumKt += a / seeds;
        sumIid += b / seeds;
      }
      logN[e] = Math.log(n);
      logKt[e] = Math.log(sumKt);
      logIid[e] = Math.log(sumIid);
    }
    double slopeKt = slope(logN, logKt);
    double slopeIid = slope(logN, logIid);
    assertTrue(slopeKt <= -0.4, "KT slope " + slopeKt);
    assertTrue(slopeKt < slopeIid - 0.1, "KT slope " + slopeKt + " vs iid " + slopeIid);
  }

  static double slope(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }

  @Test
  void maternRootAndPlusThinningBeatIid() {
    // the root of Matérn 5/2 in d = 2 is Matérn 3/4, evaluated by the Bessel-K quadrature
    double[][] x = gaussianPoints(256, 23);
    Kernel k = Kernel.matern(2.5, 2);
    double self = Mmd.selfTerm(x, k);
    for (KernelThinning kt :
        new KernelThinning[] {KernelThinning.root(k, 2), KernelThinning.plus(k, 2)}) {
      double thin = 0;
      double iid = 0;
      for (int s = 0; s < 3; s++) {
        thin += Mmd.of(x, k, KernelThinning.toCoreset(kt.thin(x, 4, s), 256), self);
        iid +=
            Mmd.of(
                x,
                k,
                KernelThinning.toCoreset(
                    Rng.sampleWithoutReplacement(Rng.create(100 + s), 256, 16), 256),
                self);
      }
      assertTrue(thin < 0.5 * iid, kt.options() + ": KT " + thin / 3 + " vs iid " + iid / 3);
    }
  }

  @Test
  void generalizedKtKernelsBeatIid() {
    double[][] x = gaussianPoints(256, 21);
    Kernel[] ks = {
      Kernel.inverseMultiquadric(0.5, 1), Kernel.sinc(1), Kernel.bSpline(8, 1), Kernel.bSpline(8, 1)
    };
    KernelThinning[] kts = {
      KernelThinning.target(ks[0]),
      KernelThinning.plus(ks[1], 2),
      KernelThinning.root(ks[2], 2),
      KernelThinning.plus(ks[3], 2)
    };
    for (int k = 0; k < ks.length; k++) {
      double self = Mmd.selfTerm(x, ks[k]);
      double kt = 0;
      double iid = 0;
      for (int s = 0; s < 3; s++) {
        kt += Mmd.of(x, ks[k], KernelThinning.toCoreset(kts[k].thin(x, 4, s), 256), self);
        iid +=
            Mmd.of(
                x,
                ks[k],
                KernelThinning.toCoreset(
                    Rng.sampleWithoutReplacement(Rng.create(100 + s), 256, 16), 256),
                self);
      }
      assertTrue(kt < 0.5 * iid, ks[k] + ": KT " + kt / 3 + " vs iid " + iid / 3);
    }
  }

  @Test
  void targetAndRootVariantsBeatIid() {
    double[][] x = gaussianPoints(256, 12);
    double self = Mmd.selfTerm(x, K);
    double iid =
        Mmd.of(
            x,
            K,
            KernelThinning.toCoreset(Rng.sampleWithoutReplacement(Rng.create(1), 256, 16), 256),
            self);
    for (KernelThinning kt :
        new KernelThinning[] {KernelThinning.target(K), KernelThinning.root(K, 2)}) {
      double v = Mmd.of(x, K, KernelThinning.toCoreset(kt.thin(x, 4, 3), 256), self);
      assertTrue(v < 0.5 * iid, v + " vs iid " + iid);
    }
    // Matérn target (nu = 5/2) with its root kernel (nu' = 3/4, Bessel path), smaller n
    Kernel mat = Kernel.matern(2.5, 2);
    double[][] y = gaussianPoints(256, 13);
    double matIid = Mmd.of(y, mat, Rng.sampleWithoutReplacement(Rng.create(2), 256, 16));
    double matKt = Mmd.of(y, mat, KernelThinning.root(mat, 2).thin(y, 4, 1));
    assertTrue(matKt < 0.5 * matIid, matKt + " vs iid " + matIid);
  }

  @Test
  void badInput() {
    double[][] x = gaussianPoints(8, 1);
    KernelThinning kt = KernelThinning.target(K);
    assertEquals(
        "m = 4: expected a number of halving rounds with 2^m <= n = 8",
        msg(() -> kt.split(x, 4, 1)));
    assertEquals("m = -1: expected a non-negative integer", msg(() -> kt.thin(x, -1, 1)));
    x[3][1] = Double.NaN;
    assertEquals("x[3][1] = NaN: expected a finite number", msg(() -> kt.thin(x, 1, 1)));
    assertEquals(
        "delta = 1.0: expected a number in (0.0, 1.0)",
        msg(() -> new KernelThinning(KernelThinning.Options.target(K).withDelta(1))));
    double[][] ok = gaussianPoints(8, 2);
    assertEquals(
        "candidates[1].length = 1: expected 2", msg(() -> kt.swap(ok, new int[][] {{0, 1}, {2}})));
    assertTrue(msg(() -> kt.swap(ok, new int[][] {{0, 9}})).contains("9"));
    assertEquals(
        "n = 5000: expected at most 4096 to store the kernel matrix",
        msg(() -> kt.storeKernelMatrix(true).split(gaussianPoints(5000, 1), 1, 1)));
    assertEquals(
        "size = 9: expected an integer in [1, 8]",
        msg(() -> KernelThinning.standardThinning(8, 9)));
  }
}
