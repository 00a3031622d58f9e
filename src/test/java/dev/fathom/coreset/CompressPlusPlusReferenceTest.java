package dev.fathom.coreset;

import static dev.fathom.coreset.KernelThinningTest.gaussianPoints;

import dev.fathom.core.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Compress++ step by step against its definition (spec section 3c), with the transcription of
 * KT-SPLIT's halving and the brute-force KT-SWAP of the kernel-thinning reference tests.
 */
class CompressPlusPlusReferenceTest {
  /** Compress by its definition (spec section 3c), halving with the transcription of KT-SPLIT. */
  static int[] compressByDefinition(
      double[][] x, int[] seq, int g, double delta, java.util.random.RandomGenerator rng) {
    if (seq.length <= Math.pow(4, g)) {
      return seq;
    }
    int b = seq.length / 4;
    int[] joined = new int[0];
    for (int q = 0; q < 4; q++) {
      int[] c = compressByDefinition(x, Arrays.copyOfRange(seq, q * b, q * b + b), g, delta, rng);
      joined = java.util.stream.IntStream.concat(Arrays.stream(joined), Arrays.stream(c)).toArray();
    }
    int[][] halves =
        KernelThinningSplitReferenceTest.halveByDefinition(
            KernelThinningSwapReferenceTest.K::eval,
            x,
            joined,
            2 * Math.log(2.0 * joined.length / delta),
            rng);
    return halves[rng.nextBoolean() ? 0 : 1];
  }

  /**
   * Compress++ by its definition: standard thinning to the largest power of 4, Compress, then g
   * rounds of kernel thinning (brute-force KT-SWAP), delta split in the proportion g / (g + 2^g
   * (log2 sqrt(n) - g)) for the thinning stage.
   */
  static java.util.List<int[]> compressPlusPlusByDefinition(
      double[][] x, int g, double delta, long seed) {
    var rng = Rng.create(seed);
    int k = (int) Math.floor(Math.log(x.length) / Math.log(4) + 1e-12);
    int[] start = KernelThinningSplitReferenceTest.standardThinningByHand(x.length, 1 << (2 * k));
    double thinFrac = (double) g / (g + Math.pow(2, g) * (k - g));
    int[] compressed = compressByDefinition(x, start, g, delta * (1 - thinFrac), rng);
    if (g == 0) {
      return java.util.List.of(compressed);
    }
    double[][] sub = new double[compressed.length][];
    for (int i = 0; i < sub.length; i++) {
      sub[i] = x[compressed[i]];
    }
    long thinSeed = rng.nextLong();
    int[][] split =
        KernelThinningSplitReferenceTest.splitByDefinition(
            KernelThinningSwapReferenceTest.K::eval, sub, g, delta * thinFrac, thinSeed);
    java.util.List<int[]> out = new java.util.ArrayList<>();
    for (int[] local : KernelThinningSplitReferenceTest.swapByBruteForce(sub, split, true)) {
      out.add(Arrays.stream(local).map(i -> compressed[i]).toArray());
    }
    return out;
  }

  @Test
  void matchesTheDefinitionStepByStep() {
    Kernel k = KernelThinningSwapReferenceTest.K;
    // (n, g): n = 70 standard-thinned to 64; g = 0 (Compress only), k > g, and k = g (n = 16)
    // n = 256 with g = 1, 2: the thinning stage's share of delta is 1/7 and 1/5
    int[][] cases = {{70, 0}, {70, 1}, {64, 2}, {16, 2}, {20, 1}, {256, 1}, {256, 2}};
    for (int[] c : cases) {
      for (long seed = 0; seed < 3; seed++) {
        double[][] x = gaussianPoints(c[0], 40 + seed);
        for (double delta : new double[] {0.5, 0.01}) {
          KernelThinning kt = new KernelThinning(KernelThinning.Options.target(k).withDelta(delta));
          KernelThinningSplitReferenceTest.assertOneOf(
              compressPlusPlusByDefinition(x, c[1], delta, seed),
              new CompressPlusPlus(kt.storeKernelMatrix(true), c[1]).thin(x, seed),
              "n " + c[0] + " g " + c[1] + " seed " + seed + " delta " + delta);
        }
      }
    }
  }
}
