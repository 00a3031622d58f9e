package dev.fathom.submodular.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The SIMD facility-location gains against the scalar loops, and greedy against a textbook. */
class FacilityGainKernelTest {

  @Test
  void simdGainsAreSelectedWithTheModuleAndBitIdenticalToTheScalarLoops() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    boolean enabled = !"false".equalsIgnoreCase(System.getProperty("fathom.simd"));
    String arch = System.getProperty("os.arch");
    boolean x86 = "amd64".equals(arch) || "x86_64".equals(arch);
    FacilityGainKernel k = FacilityGainKernel.SELECTED;
    if (x86) {
      // x86-64 machines that run this build have 256-bit vectors (AVX2)
      assertEquals(module && enabled, k != null, "SIMD gains selected");
    }
    if (k == null) {
      return; // the default build runs the tests with the module, so this path is exercised there
    }
    assertTrue(FacilityGainKernel.selfCheck(k));
    RandomGenerator rng = Rng.create(41);
    for (int m = 1; m <= 1100; m += m < 40 ? 1 : 37) {
      for (int rep = 0; rep < 3; rep++) {
        // the row stored from an offset inside a longer array (a block of rows), as the builder
        // stores it; the entries around it must not be read
        int o = rep * m + rep;
        double[] r = new double[o + m + 3];
        double[] cur = new double[m];
        float[] rf = new float[o + m + 3];
        float[] curf = new float[m];
        java.util.Arrays.fill(r, 1e9);
        java.util.Arrays.fill(rf, 1e9f);
        for (int i = 0; i < m; i++) {
          // small integers make ties (r == cur) and zero rows common; the rest are reals
          r[o + i] = rep == 0 ? rng.nextInt(4) : rng.nextDouble() * 1e3;
          int kind = rng.nextInt(3);
          cur[i] =
              kind == 0
                  ? r[o + i]
                  : kind == 1 ? 0 : (rep == 0 ? rng.nextInt(4) : rng.nextDouble() * 1e3);
          rf[o + i] = (float) r[o + i];
          curf[i] = (float) cur[i];
        }
        double[] alone = java.util.Arrays.copyOfRange(r, o, o + m);
        float[] aloneF = java.util.Arrays.copyOfRange(rf, o, o + m);
        long scalar = Double.doubleToRawLongBits(DenseSimilarity.positivePartSum(r, o, cur, m));
        assertEquals(
            Double.doubleToRawLongBits(DenseSimilarity.positivePartSum(alone, 0, cur, m)),
            scalar,
            "double offset, m = " + m);
        assertEquals(scalar, Double.doubleToRawLongBits(k.gain(r, o, cur, m)), "double, m = " + m);
        long scalarF = Double.doubleToRawLongBits(DenseFloatSimilarity.scalarGain(rf, o, curf, m));
        assertEquals(
            Double.doubleToRawLongBits(DenseFloatSimilarity.scalarGain(aloneF, 0, curf, m)),
            scalarF,
            "float offset, m = " + m);
        assertEquals(
            scalarF, Double.doubleToRawLongBits(k.gain(rf, o, curf, m)), "float, m = " + m);
      }
    }
  }

  @Test
  void lazyGreedyOnEuclideanSimilarityEqualsATextbookGreedy() {
    // points in {0, .., 3}^d together with their mirrors 3 - x: the centred coordinates are
    // +-0.5 and +-1.5 and the similarities small integers, so every sum below is exact (in float
    // too) in any order, and the textbook's gains, ties included, must equal the library's bitwise
    for (long seed = 0; seed < 6; seed++) {
      RandomGenerator rng = Rng.create(seed);
      int half = 20 + rng.nextInt(300);
      int n = 2 * half;
      int d = 1 + rng.nextInt(6);
      double[][] x = new double[n][d];
      for (int j = 0; j < half; j++) {
        for (int c = 0; c < d; c++) {
          x[j][c] = rng.nextInt(4);
          x[half + j][c] = 3 - x[j][c];
        }
      }
      int k = 1 + n / 3;
      for (Similarity.Precision p : Similarity.Precision.values()) {
        Similarity s = Similarity.squaredEuclidean(x, 2, p);
        Selection lazy = Greedy.lazy(new FacilityLocation(s), Constraint.cardinality(k));
        int[] picks = new int[k];
        double[] gains = new double[k];
        int taken = textbook(s, k, picks, gains);
        String tag = "seed " + seed + ", n " + n + ", " + p;
        assertArrayEquals(java.util.Arrays.copyOf(picks, taken), lazy.elements(), tag);
        assertArrayEquals(java.util.Arrays.copyOf(gains, taken), lazy.gains(), 0.0, tag);
      }
    }
  }

  /** Naive greedy by its definition: best gain, lowest id on ties, stop at a gain of 0. */
  private static int textbook(Similarity s, int k, int[] picks, double[] gains) {
    int n = s.candidates();
    int m = s.clients();
    double[] cur = new double[m];
    boolean[] in = new boolean[n];
    for (int t = 0; t < k; t++) {
      int best = -1;
      double bestGain = 0;
      for (int e = 0; e < n; e++) {
        if (in[e]) {
          continue;
        }
        double g = 0;
        for (int i = 0; i < m; i++) {
          g += Math.max(s.get(e, i) - cur[i], 0);
        }
        if (g > bestGain) {
          bestGain = g;
          best = e;
        }
      }
      if (best < 0) {
        return t;
      }
      in[best] = true;
      picks[t] = best;
      gains[t] = bestGain;
      for (int i = 0; i < m; i++) {
        cur[i] = Math.max(cur[i], s.get(best, i));
      }
    }
    return k;
  }
}
