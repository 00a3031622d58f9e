package dev.fathom.submodular.dynamic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.function.WeightedCoverage;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // the superseded classes stay tested as baselines
class GuessedDynamicTest {
  /** The (1+eps)^i grid over [lo, k hi] from singleton values computed here with evaluate. */
  private static List<Double> grid(SetFunction f, int k, double eps) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int e = 0; e < f.groundSize(); e++) {
      double v = f.evaluate(e);
      if (v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    List<Double> g = new ArrayList<>();
    for (int i = -2000; i <= 2000; i++) {
      double gamma = Math.pow(1 + eps, i);
      // the smallest power at most lo through the smallest power at least k hi
      if (gamma * (1 + eps) > lo && gamma / (1 + eps) < k * hi) {
        g.add(gamma);
      }
    }
    return g;
  }

  /**
   * One guess: tau = gamma/(2k); at most k distinct live picks whose value is f of them; each pick,
   * in the order reported (level by level, in pick order), gains at least tau against the picks
   * before it (a deletion of an earlier pick only raises the later gains).
   */
  static void checkPicks(
      GuessedDynamic d, GuessedDynamic.Guess g, SetFunction f, int k, String where) {
    assertEquals(g.gamma() / (2.0 * k), g.tau(), 0.0, where + ": tau");
    int[] s = g.solution();
    assertTrue(s.length <= k, where);
    SetFunction h = f.copy();
    h.reset();
    for (int e : s) {
      assertTrue(d.isLive(e), where + ": pick " + e + " deleted");
      assertTrue(!h.contains(e), where + ": pick " + e + " twice");
      double gain = h.gain(e);
      assertTrue(gain >= g.tau() * (1 - 1e-12), where + ": pick " + e + " gains " + gain);
      h.add(e);
    }
    assertEquals(h.value(), g.value(), 1e-9 * (1 + h.value()), where + ": value");
  }

  @Test
  void guessesAreTheGridOverSingletonValuesAndTheBestHoldsTheSolution() {
    WeightedCoverage f = Instances.coverage(3, 14, 30, 0.2);
    int k = 3;
    double eps = 0.25;
    RandomGenerator rng = Rng.create(9);
    for (GuessedDynamic d :
        new GuessedDynamic[] {
          new BanihashemDynamic(f, k, eps, 1L), new LattanziDynamic(f, k, eps, 2L)
        }) {
      double[] expected = grid(f, k, eps).stream().mapToDouble(Double::doubleValue).toArray();
      assertArrayEquals(expected, d.optimumGuesses(), 1e-12 * expected[expected.length - 1]);
      assertEquals(expected.length, d.guessCount());
      for (int t = 0; t < 60; t++) {
        DynamicTest.randomUpdate(d, f.groundSize(), rng, 0.7);
        double best = 0;
        double bestGamma = Double.NaN;
        for (GuessedDynamic.Guess g : d.instances) {
          if (Double.isNaN(bestGamma) || g.value() > best) {
            best = g.value();
            bestGamma = g.gamma();
          }
        }
        assertEquals(bestGamma, d.bestGuess(), 0.0, "update " + t);
        for (GuessedDynamic.Guess g : d.instances) {
          checkPicks(d, g, f, k, "update " + t + " gamma " + g.gamma());
        }
        assertEquals(best, d.value(), 0.0, "update " + t);
        int[] live = DynamicTest.liveIds(d, f.groundSize());
        double opt = Instances.bruteForce(f, live, k);
        if (d instanceof BanihashemDynamic) {
          // its documented guarantee, deterministic: at least OPT / (2 (1+eps))
          assertTrue(d.value() >= opt / (2 * (1 + eps)) - 1e-9, "update " + t);
        }
      }
    }
  }

  @Test
  void noGuessesWhenEverySingletonIsZero() {
    WeightedCoverage zero = new WeightedCoverage(new int[][] {{}, {}, {}}, new double[0]);
    GuessedDynamic d = new BanihashemDynamic(zero, 2, 0.5, 4L);
    assertEquals(0, d.guessCount());
    assertTrue(Double.isNaN(d.bestGuess()));
    d.insert(1);
    assertEquals(0, d.solution().length);
  }
}
