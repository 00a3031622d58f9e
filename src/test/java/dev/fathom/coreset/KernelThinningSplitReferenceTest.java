package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fathom.core.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * KT-SPLIT against a transcription of the self-balancing kernel halving of the spec (section 3c),
 * with the signed kernel sums of the two children recomputed from the kernel at every step, and the
 * public {@code split}, {@code swap} and {@code thin} against that transcription and the
 * brute-force KT-SWAP of {@link KernelThinningSwapReferenceTest}. Both sides draw one uniform per
 * pair from the same generator, round by round, coreset by coreset, so the outputs agree exactly.
 */
class KernelThinningSplitReferenceTest {

  /**
   * One halving by the definition: of the pair (x1, x2), x2 goes left with probability (1 -
   * alpha/a)/2, alpha = sum_right (k(z,x1) - k(z,x2)) - sum_left (k(z,x1) - k(z,x2)), a = max(b
   * sigma sqrt(logTerm), b^2), sigma^2 = b^2 on the first pair, then sigma^2 += 2 b^2 max(0, 1/2 +
   * (b^2/(2a) - 1) sigma^2/a).
   */
  static int[][] halveByDefinition(
      ToDoubleBiFunction<double[], double[]> k,
      double[][] x,
      int[] seq,
      double logTerm,
      RandomGenerator rng) {
    List<Integer> left = new ArrayList<>();
    List<Integer> right = new ArrayList<>();
    double sigma2 = 0;
    for (int t = 0; t + 1 < seq.length; t += 2) {
      double[] p1 = x[seq[t]];
      double[] p2 = x[seq[t + 1]];
      double b2 = k.applyAsDouble(p1, p1) + k.applyAsDouble(p2, p2) - 2 * k.applyAsDouble(p1, p2);
      double a = Math.max(Math.sqrt(b2) * Math.sqrt(sigma2) * Math.sqrt(logTerm), b2);
      if (t == 0) {
        sigma2 = b2;
      } else {
        sigma2 += 2 * b2 * Math.max(0, 0.5 + (b2 / (2 * a) - 1) * sigma2 / a);
      }
      double alpha = 0;
      for (int z : right) {
        alpha += k.applyAsDouble(x[z], p1) - k.applyAsDouble(x[z], p2);
      }
      for (int z : left) {
        alpha -= k.applyAsDouble(x[z], p1) - k.applyAsDouble(x[z], p2);
      }
      boolean x2Left = rng.nextDouble() <= 0.5 * (1 - alpha / a);
      left.add(seq[x2Left ? t + 1 : t]);
      right.add(seq[x2Left ? t : t + 1]);
    }
    return new int[][] {
      left.stream().mapToInt(Integer::intValue).toArray(),
      right.stream().mapToInt(Integer::intValue).toArray()
    };
  }

  /** m rounds; round j halves every coreset with log term 2 log(2 n m / (delta 2^j)). */
  static int[][] splitByDefinition(
      ToDoubleBiFunction<double[], double[]> k, double[][] x, int m, double delta, long seed) {
    RandomGenerator rng = Rng.create(seed);
    int n = x.length;
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    int[][] level = {all};
    for (int j = 0; j < m; j++) {
      double logTerm = 2 * Math.log(2.0 * n * m / (delta * Math.pow(2, j)));
      int[][] next = new int[2 * level.length][];
      for (int c = 0; c < level.length; c++) {
        int[][] h = halveByDefinition(k, x, level[c], logTerm, rng);
        next[2 * c] = h[0];
        next[2 * c + 1] = h[1];
      }
      level = next;
    }
    return level;
  }

  static double[][] points(int n, long seed) {
    return KernelThinningTest.gaussianPoints(n, seed);
  }

  @Test
  void targetSplitIsTheSelfBalancingHalving() {
    Kernel k = Kernel.gaussian(1.3);
    for (long seed = 1; seed <= 6; seed++) {
      // n = 40: three rounds of 20, 10 and 5 pairs; n = 45: odd lengths drop their last point
      for (int n : new int[] {40, 45}) {
        double[][] x = points(n, seed);
        for (int m = 1; m <= 3; m++) {
          int[][] expected = splitByDefinition(k::eval, x, m, 0.5, seed);
          for (boolean store : new boolean[] {false, true}) {
            int[][] got = KernelThinning.target(k).storeKernelMatrix(store).split(x, m, seed);
            assertEquals(expected.length, got.length);
            for (int c = 0; c < expected.length; c++) {
              assertArrayEquals(expected[c], got[c], "n " + n + " m " + m + " coreset " + c);
            }
          }
        }
      }
    }
  }

  @Test
  void deltaAndTheSplitKernelsOfRootAndPlusEnterTheHalving() {
    Kernel k = Kernel.gaussian(0.8);
    Kernel root = k.power(0.5, 2);
    double[][] x = points(32, 9);
    for (long seed = 0; seed < 8; seed++) {
      // a small delta raises the threshold a, so the walk is less self-balancing
      for (double delta : new double[] {0.5, 1e-3}) {
        assertSplit(
            splitByDefinition(k::eval, x, 3, delta, seed),
            new KernelThinning(KernelThinning.Options.target(k).withDelta(delta))
                .split(x, 3, seed));
      }
      assertSplit(
          splitByDefinition(root::eval, x, 2, 0.5, seed),
          KernelThinning.root(k, 2).split(x, 2, seed));
      assertSplit(
          splitByDefinition((a, b) -> k.eval(a, b) + root.eval(a, b), x, 2, 0.5, seed),
          KernelThinning.plus(k, 2).split(x, 2, seed));
    }
  }

  static void assertSplit(int[][] expected, int[][] got) {
    assertEquals(expected.length, got.length);
    for (int c = 0; c < expected.length; c++) {
      assertArrayEquals(expected[c], got[c], "coreset " + c);
    }
  }

  /**
   * KT-SWAP by brute force: the candidate (or standard thinning) with the smallest MMD, refined.
   * Candidates whose MMD^2 ties with the smallest up to rounding (1e-12) are all acceptable: the
   * two halves of one split round have exactly the same MMD, since their mean embeddings are
   * symmetric about the input's. Returns every acceptable output.
   */
  static List<int[]> swapByBruteForce(double[][] x, int[][] candidates, boolean unique) {
    int s = candidates[0].length;
    List<int[]> all = new ArrayList<>();
    all.add(standardThinningByHand(x.length, s));
    all.addAll(List.of(candidates));
    double min = Double.POSITIVE_INFINITY;
    for (int[] c : all) {
      min = Math.min(min, KernelThinningSwapReferenceTest.mmd2(x, c));
    }
    List<int[]> out = new ArrayList<>();
    for (int[] c : all) {
      if (KernelThinningSwapReferenceTest.mmd2(x, c) <= min + 1e-12) {
        out.add(KernelThinningSwapReferenceTest.refineByBruteForce(x, c, unique));
      }
    }
    return out;
  }

  static void assertOneOf(List<int[]> expected, int[] got, String what) {
    for (int[] e : expected) {
      if (Arrays.equals(e, got)) {
        return;
      }
    }
    fail(what + ": " + Arrays.toString(got) + " is none of the acceptable outputs");
  }

  /** Every floor(n/s)-th point counted back from the last one, in increasing order. */
  static int[] standardThinningByHand(int n, int s) {
    int[] out = new int[s];
    int i = n - 1;
    for (int t = s - 1; t >= 0; t--) {
      out[t] = i;
      i -= n / s;
    }
    return out;
  }

  @Test
  void thinIsSwapOfSplitAgainstTheBruteForceSwap() {
    Kernel k = KernelThinningSwapReferenceTest.K;
    for (long seed = 20; seed < 24; seed++) {
      double[][] x = points(24, seed);
      for (boolean unique : new boolean[] {true, false}) {
        KernelThinning kt = new KernelThinning(KernelThinning.Options.target(k).withUnique(unique));
        int[][] split = splitByDefinition(k::eval, x, 2, 0.5, seed);
        List<int[]> expected = swapByBruteForce(x, split, unique);
        assertOneOf(expected, kt.swap(x, split), "swap");
        assertOneOf(expected, kt.thin(x, 2, seed), "thin");
        assertOneOf(expected, kt.storeKernelMatrix(true).thin(x, 2, seed), "stored thin");
      }
      // standard thinning competes: it wins against a deliberately bad candidate
      int[][] bad = {{0, 0, 0, 0, 0, 0}};
      assertOneOf(
          swapByBruteForce(x, bad, false),
          new KernelThinning(KernelThinning.Options.target(k).withUnique(false)).swap(x, bad),
          "bad candidate");
    }
  }

  @Test
  void standardThinningCountsBackFromTheLastPoint() {
    assertArrayEquals(new int[] {3, 6, 9}, KernelThinning.standardThinning(10, 3));
    assertArrayEquals(new int[] {3, 6}, KernelThinning.standardThinning(7, 2));
    for (int n = 1; n <= 30; n++) {
      for (int s = 1; s <= n; s++) {
        assertArrayEquals(standardThinningByHand(n, s), KernelThinning.standardThinning(n, s));
      }
    }
  }

  @Test
  void toCoresetMergesRepeatsWithWeightNOverSize() {
    Coreset c = KernelThinning.toCoreset(new int[] {4, 1, 4, 7}, 10);
    double[] w = new double[10];
    for (int j = 0; j < c.size(); j++) {
      w[c.index(j)] += c.weight(j);
    }
    assertEquals(10, c.totalWeight(), 1e-12);
    assertEquals(2.5, w[1], 1e-12);
    assertEquals(5.0, w[4], 1e-12);
    assertEquals(2.5, w[7], 1e-12);
    assertEquals(3, c.size());
  }
}
