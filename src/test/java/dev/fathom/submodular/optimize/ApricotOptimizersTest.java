package dev.fathom.submodular.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Knapsack;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.GraphCut;
import dev.fathom.submodular.function.WeightedCoverage;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Approximate lazy greedy, sample greedy and bidirectional greedy stopped at k (apricot's {@code
 * 'approximate-lazy'}, {@code 'sample'} and {@code 'bidirectional'}) against lazy greedy, direct
 * gain scans and exhaustive optima.
 */
class ApricotOptimizersTest {
  private static double[] costs(long seed, int n) {
    double[] c = new double[n];
    Rng.uniform(Rng.create(seed), 0.5, 2.0, c);
    return c;
  }

  /** With unit costs and an integer budget, stochastic greedy with costs is the plain one. */
  @Test
  void stochasticWithUnitCostsIsStochasticGreedy() {
    for (long seed = 0; seed < 6; seed++) {
      FacilityLocation f = Instances.facility(seed, 120);
      double[] ones = new double[120];
      Arrays.fill(ones, 1.0);
      for (double eps : new double[] {0.5, 0.1, 0.01}) {
        Selection plain = Greedy.stochastic(f, 9, eps, seed);
        Selection costs = Greedy.stochastic(f, new Knapsack(ones, 9), eps, seed);
        assertArrayEquals(plain.elements(), costs.elements(), "seed " + seed + ", eps " + eps);
        assertEquals(plain.value(), costs.value(), 0.0);
      }
    }
  }

  /**
   * When the sample covers every remaining candidate (a tiny eps), stochastic greedy with costs is
   * the plain gain-per-cost greedy, written out here with direct gain evaluations.
   */
  @Test
  void stochasticWithCostsAndAFullSampleIsTheRatioGreedy() {
    for (long seed = 0; seed < 6; seed++) {
      FacilityLocation f = Instances.facility(seed, 60);
      double[] c = costs(seed, 60);
      double budget = 6;
      Selection got = Greedy.stochastic(f, new Knapsack(c, budget), 1e-300, seed);
      int[] want = new int[60];
      int size = 0;
      boolean[] taken = new boolean[60];
      double spent = 0;
      while (true) {
        int best = -1;
        double bestRatio = 0;
        double bestGain = 0;
        for (int e = 0; e < 60; e++) {
          if (taken[e] || spent + c[e] > budget) {
            continue;
          }
          int[] with = Arrays.copyOf(want, size + 1);
          with[size] = e;
          double g = f.evaluate(with) - f.evaluate(Arrays.copyOf(want, size));
          if (best < 0 || g / c[e] > bestRatio) {
            best = e;
            bestRatio = g / c[e];
            bestGain = g;
          }
        }
        if (best < 0 || !(bestGain > 0)) {
          break;
        }
        taken[best] = true;
        spent += c[best];
        want[size++] = best;
      }
      assertArrayEquals(Arrays.copyOf(want, size), got.elements(), "seed " + seed);
      double cost = 0;
      for (int e : got.elements()) {
        cost += c[e];
      }
      assertTrue(cost <= budget, "cost " + cost);
    }
  }

  @Test
  void stochasticWithCostsRefusesBadInput() {
    FacilityLocation f = Instances.facility(1, 10);
    Knapsack k = new Knapsack(costs(1, 10), 3);
    String m =
        assertThrows(IllegalArgumentException.class, () -> Greedy.stochastic(f, k, 0.0, 1))
            .getMessage();
    assertTrue(m.startsWith("eps = 0.0"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Greedy.stochastic(f, new Knapsack(costs(1, 9), 3), 0.1, 1))
            .getMessage();
    assertTrue(m.startsWith("knapsack.elements() = 9"), m);
    assertThrows(
        NullPointerException.class, () -> Greedy.stochastic(f, k, 0.1, (RandomGenerator) null));
  }

  @Test
  void approximateLazyWithBetaOneIsLazyGreedy() {
    for (long seed = 0; seed < 5; seed++) {
      FacilityLocation f = Instances.facility(seed, 200);
      Selection lazy = Greedy.lazy(f, Constraint.cardinality(20));
      Selection approx = Greedy.approximateLazy(f, Constraint.cardinality(20), 1.0);
      assertArrayEquals(lazy.elements(), approx.elements());
      assertEquals(lazy.oracleCalls(), approx.oracleCalls());
      Knapsack knap = new Knapsack(costs(seed, 200), 12);
      Selection cb = Greedy.costBenefit(f, knap);
      Selection approxKnap = Greedy.approximateLazy(f, knap, 1.0);
      assertArrayEquals(cb.elements(), approxKnap.elements());
      assertEquals(cb.value(), approxKnap.value(), 0.0);
    }
  }

  @Test
  void approximateLazyTakesABetaApproximateGreedyStepEveryTime() {
    for (double beta : new double[] {0.3, 0.7, 0.9}) {
      for (long seed = 0; seed < 5; seed++) {
        WeightedCoverage f = Instances.coverage(seed, 120, 80, 0.06);
        Selection s = Greedy.approximateLazy(f, Constraint.cardinality(15), beta);
        SetFunction g = f.copy();
        for (int t = 0; t < s.size(); t++) {
          double best = 0;
          for (int e = 0; e < g.groundSize(); e++) {
            best = Math.max(best, g.gain(e));
          }
          double taken = g.add(s.elements()[t]);
          assertEquals(s.gains()[t], taken, 1e-12);
          assertTrue(taken >= beta * best - 1e-12, "beta " + beta + " step " + t);
        }
        assertEquals(f.evaluate(s.elements()), s.value(), 1e-9);
      }
    }
  }

  /**
   * apricot's approximate-lazy loop written out with whole-set evaluations: pop the largest stale
   * gain (lowest id on ties), re-evaluate it, take it when the fresh gain is at least beta times
   * the stale one, otherwise push it back with the fresh gain.
   */
  private static int[] apricotApproximateLazy(SetFunction f, int k, double beta) {
    int n = f.groundSize();
    java.util.PriorityQueue<double[]> pq =
        new java.util.PriorityQueue<>(
            (a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
    for (int e = 0; e < n; e++) {
      pq.add(new double[] {f.evaluate(e), e});
    }
    int[] chosen = new int[0];
    double value = 0;
    while (chosen.length < k && !pq.isEmpty()) {
      double[] top = pq.poll();
      int e = (int) top[1];
      int[] with = Arrays.copyOf(chosen, chosen.length + 1);
      with[chosen.length] = e;
      double withValue = f.evaluate(with);
      double gain = withValue - value;
      if (gain >= beta * top[0]) {
        chosen = with;
        value = withValue;
      } else {
        pq.add(new double[] {gain, e});
      }
    }
    return chosen;
  }

  @Test
  void approximateLazySelectsWhatApricotsLoopSelects() {
    for (double beta : new double[] {0.5, 0.8, 0.95, 1.0}) {
      for (long seed = 0; seed < 4; seed++) {
        FacilityLocation f = Instances.facility(seed, 120);
        int[] reference = apricotApproximateLazy(f, 12, beta);
        Selection s = Greedy.approximateLazy(f, Constraint.cardinality(12), beta);
        assertArrayEquals(reference, s.elements(), "beta " + beta + " seed " + seed);
      }
    }
  }

  @Test
  void approximateLazyReachesOneMinusExpMinusBetaOfTheOptimum() {
    double[] betas = {0.25, 0.5, 0.8};
    for (double beta : betas) {
      for (long seed = 0; seed < 15; seed++) {
        FacilityLocation f = Instances.facility(seed, 13);
        double opt = Instances.bruteForce(f, Constraint.cardinality(3), 3);
        Selection s = Greedy.approximateLazy(f, Constraint.cardinality(3), beta);
        assertTrue(s.value() >= (1 - Math.exp(-beta)) * opt - 1e-12, "seed " + seed);
      }
    }
  }

  @Test
  void sampleGreedyIsLazyGreedyOnItsSubsample() {
    FacilityLocation f = Instances.facility(3, 150);
    assertArrayEquals(
        Greedy.lazy(f, Constraint.cardinality(10)).elements(),
        Greedy.sample(f, Constraint.cardinality(10), 1.0, 5).elements());
    for (long seed = 0; seed < 10; seed++) {
      int[] kept = Rng.sampleWithoutReplacement(Rng.create(seed), 150, 45);
      boolean[] in = new boolean[150];
      for (int e : kept) {
        in[e] = true;
      }
      Selection reference = Greedy.lazy(f, Constraint.cardinality(10, e -> in[e]));
      Selection s = Greedy.sample(f, Constraint.cardinality(10), 0.3, seed);
      assertArrayEquals(reference.elements(), s.elements());
      assertEquals(reference.oracleCalls(), s.oracleCalls());
      Knapsack knap = new Knapsack(costs(seed, 150), 6);
      Selection sk = Greedy.sample(f, knap, 0.3, seed);
      double spent = 0;
      for (int e : sk.elements()) {
        assertTrue(in[e], "element " + e + " outside the subsample");
        spent += knap.cost(e);
      }
      assertTrue(spent <= 6 + 1e-12);
    }
    Knapsack knap = new Knapsack(costs(1, 150), 6);
    assertArrayEquals(
        Greedy.costBenefit(f, knap).elements(), Greedy.sample(f, knap, 1.0, 9).elements());
  }

  @Test
  void sampleGreedyMeetsItsExpectedGuarantee() {
    double fraction = 0.5;
    for (long inst = 0; inst < 4; inst++) {
      WeightedCoverage f = Instances.coverage(inst, 12, 25, 0.15);
      double opt = Instances.bruteForce(f, Constraint.cardinality(3), 3);
      double mean = 0;
      int runs = 200;
      for (long seed = 0; seed < runs; seed++) {
        mean += Greedy.sample(f, Constraint.cardinality(3), fraction, seed).value() / runs;
      }
      assertTrue(mean >= fraction * (1 - Math.exp(-1)) * opt, "instance " + inst);
    }
  }

  @Test
  void bidirectionalGreedyStopsAtKOnAPrefixOfTheFullScan() {
    for (long seed = 0; seed < 30; seed++) {
      GraphCut cut = new GraphCut(Instances.symmetric(Rng.create(seed), 16), 1.0);
      Selection full = NonMonotone.doubleGreedy(cut, 16, seed);
      for (int k : new int[] {0, 1, 3, 6}) {
        Selection s = NonMonotone.doubleGreedy(cut, k, seed);
        int expect = Math.min(k, full.size());
        assertArrayEquals(Arrays.copyOf(full.elements(), expect), s.elements(), "k " + k);
        assertEquals(cut.evaluate(s.elements()), s.value(), 1e-9);
      }
    }
  }

  @Test
  void bidirectionalGreedyWithoutAStopIsHalfOptimalOnAverage() {
    for (long inst = 0; inst < 4; inst++) {
      GraphCut cut = new GraphCut(Instances.symmetric(Rng.create(100 + inst), 12), 1.0);
      double opt = Instances.bruteForce(cut, Constraint.cardinality(12), 12);
      double mean = 0;
      int runs = 100;
      for (long seed = 0; seed < runs; seed++) {
        mean += NonMonotone.doubleGreedy(cut, 12, seed).value() / runs;
      }
      assertTrue(mean >= 0.5 * opt, "instance " + inst);
    }
  }

  @Test
  void startSetsAreKeptAndCountedLikeLazyGreedy() {
    FacilityLocation f = Instances.facility(6, 100);
    SetFunction start = f.startingFrom(3, 50, 77);
    Constraint c = Constraint.cardinality(10);
    Selection lazy = Greedy.lazy(start, c);
    assertEquals(7, lazy.size());
    assertArrayEquals(lazy.elements(), Greedy.approximateLazy(start, c, 1).elements());
    assertArrayEquals(lazy.elements(), Greedy.sample(start, c, 1, 4).elements());
    PartitionedSelection one = PartitionedGreedy.greedi(start, c, new int[100], Runnable::run);
    assertArrayEquals(lazy.elements(), one.selection().elements());
    assertEquals(lazy.value(), one.selection().value(), 0.0);
    for (long seed = 0; seed < 5; seed++) {
      for (Selection s :
          new Selection[] {
            Greedy.approximateLazy(start, c, 0.5),
            Greedy.sample(start, c, 0.4, seed),
            PartitionedGreedy.randGreedi(start, c, 3, Runnable::run, seed).selection(),
            NonMonotone.doubleGreedy(start, 6, seed)
          }) {
        int[] whole = Arrays.copyOf(new int[] {3, 50, 77}, 3 + s.size());
        System.arraycopy(s.elements(), 0, whole, 3, s.size());
        assertEquals(f.evaluate(whole), s.value(), 1e-9);
        for (int e : s.elements()) {
          assertTrue(e != 3 && e != 50 && e != 77);
        }
      }
    }
    assertEquals(3, NonMonotone.doubleGreedy(start, 6, 1).size());
  }

  @Test
  void seedOverloadsDrawAsTheirGenerators() {
    FacilityLocation f = Instances.facility(4, 80);
    GraphCut cut = new GraphCut(Instances.symmetric(Rng.create(2), 30), 1.0);
    Knapsack knap = new Knapsack(costs(2, 80), 5);
    assertSame(
        Greedy.sample(f, Constraint.cardinality(6), 0.4, 11),
        Greedy.sample(f, Constraint.cardinality(6), 0.4, Rng.create(11)));
    assertSame(Greedy.sample(f, knap, 0.4, 11), Greedy.sample(f, knap, 0.4, Rng.create(11)));
    assertSame(
        NonMonotone.doubleGreedy(cut, 5, 11), NonMonotone.doubleGreedy(cut, 5, Rng.create(11)));
    RandomGenerator none = null;
    assertThrows(NullPointerException.class, () -> Greedy.sample(f, knap, 0.4, none));
    assertThrows(NullPointerException.class, () -> NonMonotone.doubleGreedy(cut, 5, none));
  }

  private static void assertSame(Selection a, Selection b) {
    assertArrayEquals(a.elements(), b.elements());
    assertEquals(a.value(), b.value(), 0.0);
    assertEquals(a.oracleCalls(), b.oracleCalls());
  }

  @Test
  void badInputIsRefusedByName() {
    FacilityLocation f = Instances.facility(1, 10);
    Constraint c = Constraint.cardinality(3);
    Knapsack knap = new Knapsack(costs(1, 10), 2);
    for (double beta : new double[] {0, -0.5, 1.5, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Greedy.approximateLazy(f, c, beta));
      assertTrue(e.getMessage().startsWith("beta = "), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Greedy.approximateLazy(f, knap, beta));
    }
    for (double fr : new double[] {0, 1.01, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Greedy.sample(f, c, fr, 1));
      assertTrue(e.getMessage().startsWith("fraction = "), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Greedy.sample(f, knap, fr, 1));
    }
    Knapsack wrong = new Knapsack(costs(1, 9), 2);
    assertThrows(IllegalArgumentException.class, () -> Greedy.approximateLazy(f, wrong, 0.5));
    assertThrows(NullPointerException.class, () -> Greedy.approximateLazy(null, c, 0.5));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NonMonotone.doubleGreedy(f.startingFrom(1, 2), 1, 3));
    assertTrue(e.getMessage().startsWith("k = 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NonMonotone.doubleGreedy(f, -1, 3));
  }
}
