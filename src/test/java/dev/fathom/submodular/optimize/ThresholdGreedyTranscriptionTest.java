package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.function.WeightedCoverage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Threshold greedy (Badanidiyuru and Vondrak) against a literal transcription: thresholds {@code w
 * = d, d (1 - eps), ...} down to {@code eps d / n}, each round taking, in index order, every
 * element whose gain reaches {@code w}. Integer gains with {@code eps = 1/2} put gains and the last
 * threshold exactly on the boundaries ({@code n = 4}: the last threshold {@code d / 8} is {@code d
 * (1/2)^3}).
 */
class ThresholdGreedyTranscriptionTest {
  private static int[] literal(SetFunction f, int k, double eps) {
    int n = f.groundSize();
    double d = 0;
    for (int e = 0; e < n; e++) {
      d = Math.max(d, f.evaluate(e));
    }
    double stop = eps * d / n;
    List<Integer> s = new ArrayList<>();
    for (double w = d; w >= stop && w > 0 && s.size() < k; w *= 1 - eps) {
      for (int e = 0; e < n && s.size() < k; e++) {
        if (s.contains(e)) {
          continue;
        }
        int[] cur = s.stream().mapToInt(Integer::intValue).toArray();
        int[] plus = Arrays.copyOf(cur, cur.length + 1);
        plus[cur.length] = e;
        double g = f.evaluate(plus) - f.evaluate(cur);
        if (g >= w && g > 0) {
          s.add(e);
        }
      }
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Unit-weight coverage: every gain is an integer. */
  private static WeightedCoverage unitCoverage(long seed, int n, int universe) {
    RandomGenerator rng = Rng.create(seed);
    int[][] sets = new int[n][];
    for (int j = 0; j < n; j++) {
      int size = 1 + rng.nextInt(universe);
      int[] all = new int[universe];
      for (int u = 0; u < universe; u++) {
        all[u] = u;
      }
      Rng.shuffle(rng, all);
      sets[j] = Arrays.copyOf(all, size);
    }
    double[] w = new double[universe];
    Arrays.fill(w, 1);
    return new WeightedCoverage(sets, w);
  }

  @Test
  void picksWhatTheLiteralRoundsPick() {
    for (long seed = 0; seed < 40; seed++) {
      for (int n : new int[] {4, 9}) {
        WeightedCoverage f = unitCoverage(seed, n, 16);
        for (double eps : new double[] {0.5, 0.25}) {
          for (int k : new int[] {2, n}) {
            Selection s = Greedy.threshold(f, k, eps);
            assertArrayEquals(
                literal(f, k, eps), s.elements(), "seed " + seed + " n " + n + " eps " + eps);
          }
        }
      }
    }
  }

  @Test
  void theDefaultStopsAtAZeroGainAndFullTakesIt() {
    // element 2 covers nothing and element 1 only what element 0 covers: after 0, both gain 0
    WeightedCoverage f =
        new WeightedCoverage(new int[][] {{0, 1}, {1}, {}, {2}}, new double[] {1, 1, 1});
    dev.fathom.submodular.constraint.Constraint all =
        dev.fathom.submodular.constraint.Constraint.cardinality(4);
    assertArrayEquals(new int[] {0, 3}, Greedy.naive(f, all).elements());
    assertArrayEquals(new int[] {0, 3}, Greedy.lazy(f, all).elements());
    assertArrayEquals(new int[] {0, 3, 1, 2}, Greedy.naive(f, all, Greedy.Until.FULL).elements());
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 10,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aFunctionWithoutPositiveGainsSelectsNothingAndStops() {
    // every singleton gain is 0, so d = 0: no threshold round may run (w = 0 would never shrink)
    WeightedCoverage f = new WeightedCoverage(new int[][] {{}, {}, {}}, new double[] {1});
    Selection s = Greedy.threshold(f, 2, 0.5);
    assertArrayEquals(new int[0], s.elements());
  }
}
