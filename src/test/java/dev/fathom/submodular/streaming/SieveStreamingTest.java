package dev.fathom.submodular.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.GraphCut;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.streaming.SieveStreaming.Grid;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sieve-streaming++ against exhaustive optima, over many stream orders. */
class SieveStreamingTest {
  @ParameterizedTest
  @EnumSource(SieveStreaming.Rule.class)
  void halfMinusEpsForEveryStreamOrder(SieveStreaming.Rule rule) {
    double eps = 0.1;
    int k = 3;
    for (long inst = 0; inst < 6; inst++) {
      SetFunction f =
          inst % 2 == 0 ? Instances.facility(inst, 12) : Instances.coverage(inst, 12, 30, 0.15);
      double opt = Instances.bruteForce(f, Constraint.cardinality(k), k);
      RandomGenerator rng = Rng.create(inst);
      for (int order = 0; order < 40; order++) {
        int[] stream = Rng.permutation(rng, 12);
        SieveStreaming sieve = new SieveStreaming(f, k, eps, rule);
        for (int e : stream) {
          sieve.offer(e);
        }
        Selection s = sieve.result();
        assertTrue(s.size() <= k);
        assertEquals(f.evaluate(s.elements()), s.value(), 1e-9);
        assertTrue(s.value() >= (0.5 - eps) * opt, "instance " + inst + " order " + order);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SieveStreaming.Rule.class)
  void halfMinusEpsForLiterallyEveryOrderOfASmallStream(SieveStreaming.Rule rule) {
    double eps = 0.1;
    int n = 7;
    int k = 2;
    for (long inst = 0; inst < 3; inst++) {
      SetFunction f =
          inst == 1 ? Instances.coverage(inst, n, 20, 0.2) : Instances.facility(inst, n);
      double opt = Instances.bruteForce(f, Constraint.cardinality(k), k);
      int[] order = {0, 1, 2, 3, 4, 5, 6};
      int orders = 0;
      do {
        SieveStreaming sieve = new SieveStreaming(f, k, eps, rule);
        for (int e : order) {
          sieve.offer(e);
        }
        assertTrue(sieve.result().value() >= (0.5 - eps) * opt, "order " + Arrays.toString(order));
        orders++;
      } while (nextPermutation(order));
      assertEquals(5040, orders);
    }
  }

  /**
   * The rule written out plainly: every guess v of the grid kept in a map keyed by grid index, the
   * window recomputed from scratch for each element, freed sieves remembered by their value, gains
   * computed as differences of whole-set evaluations on an independent function.
   */
  static double[] reference(
      SetFunction f, int[] stream, int k, double eps, SieveStreaming.Rule rule) {
    java.util.TreeMap<Integer, java.util.List<Integer>> sets = new java.util.TreeMap<>();
    double delta = 0;
    double lb = 0;
    double bestFreed = 0;
    for (int e : stream) {
      delta = Math.max(delta, f.evaluate(e));
      if (delta <= 0) {
        continue;
      }
      double scale = rule == SieveStreaming.Rule.FIXED ? 2.0 * k : 1.0;
      int lo = (int) Math.ceil(Math.log(Math.max(lb, delta) / (1 + eps) / scale) / Math.log1p(eps));
      int hi = (int) Math.floor(Math.log(2.0 * k * delta / scale) / Math.log1p(eps));
      while (!sets.isEmpty() && sets.firstKey() < lo) {
        bestFreed = Math.max(bestFreed, value(f, sets.pollFirstEntry().getValue()));
      }
      for (int i = lo; i <= hi; i++) {
        java.util.List<Integer> s = sets.computeIfAbsent(i, x -> new java.util.ArrayList<>());
        if (s.size() == k || s.contains(e)) {
          continue;
        }
        double v = scale * Math.pow(1 + eps, i);
        double fs = value(f, s);
        java.util.List<Integer> with = new java.util.ArrayList<>(s);
        with.add(e);
        double gain = value(f, with) - fs;
        double threshold =
            rule == SieveStreaming.Rule.FIXED ? v / (2.0 * k) : (v / 2 - fs) / (k - s.size());
        if (gain >= threshold && gain > 0) {
          s.add(e);
          lb = Math.max(lb, value(f, s));
        }
      }
    }
    double best = bestFreed;
    int[] bestSet = new int[0];
    for (java.util.List<Integer> s : sets.values()) {
      if (value(f, s) > best) {
        best = value(f, s);
        bestSet = s.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    double[] out = new double[bestSet.length + 1];
    out[0] = best;
    for (int t = 0; t < bestSet.length; t++) {
      out[t + 1] = bestSet[t];
    }
    return out;
  }

  private static double value(SetFunction f, java.util.List<Integer> s) {
    return f.evaluate(s.stream().mapToInt(Integer::intValue).toArray());
  }

  @ParameterizedTest
  @EnumSource(SieveStreaming.Rule.class)
  void agreesWithAPlainLoopOfTheRule(SieveStreaming.Rule rule) {
    int k = 4;
    for (long inst = 0; inst < 6; inst++) {
      // integer-valued coverage: gains and values are exact, so the comparison can be bitwise
      int n = 25;
      RandomGenerator rng = Rng.create(100 + inst);
      int[][] sets = new int[n][];
      for (int j = 0; j < n; j++) {
        sets[j] = Rng.permutation(rng, 40);
        sets[j] = Arrays.copyOf(sets[j], 1 + rng.nextInt(8));
      }
      double[] w = new double[40];
      for (int u = 0; u < 40; u++) {
        w[u] = 1 + rng.nextInt(5);
      }
      SetFunction f = new dev.fathom.submodular.function.WeightedCoverage(sets, w);
      int[] stream = Rng.permutation(rng, n);
      double eps = inst % 2 == 0 ? 0.1 : 0.3;
      SieveStreaming sieve = new SieveStreaming(f, k, eps, rule);
      for (int e : stream) {
        sieve.offer(e);
      }
      Selection s = sieve.result();
      double[] ref = reference(f, stream, k, eps, rule);
      assertEquals(ref[0], s.value(), 0.0, "instance " + inst);
      if (ref.length > 1) {
        int[] refSet = new int[ref.length - 1];
        for (int t = 0; t < refSet.length; t++) {
          refSet[t] = (int) ref[t + 1];
        }
        assertArrayEquals(refSet, s.elements(), "instance " + inst);
      }
      assertTrue(s.size() > 0);
    }
  }

  @Test
  void adaptiveRuleAcceptsBelowTheFixedThresholdOnceASieveIsValuable() {
    // one guess v: after a big first element, the adaptive bar (v/2 - f(S))/(k - |S|) is below v/2k
    double[][] sim = {{10, 10, 0}, {0, 0, 1}, {0, 0, 1}};
    FacilityLocation f = FacilityLocation.dense(sim);
    double v = 20;
    double fixedBar = v / (2 * 2);
    double adaptiveBar = (v / 2 - 20) / (2 - 1);
    assertTrue(1 < fixedBar && 1 > adaptiveBar);
    for (SieveStreaming.Rule rule : SieveStreaming.Rule.values()) {
      SieveStreaming sieve = new SieveStreaming(f, 2, 0.5, rule);
      sieve.offer(0);
      sieve.offer(1);
      assertEquals(rule == SieveStreaming.Rule.ADAPTIVE ? 21 : 20, sieve.result().value(), 1e-12);
      assertEquals(21, Instances.bruteForce(f, Constraint.cardinality(2), 2), 1e-12);
    }
  }

  static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    return true;
  }

  @ParameterizedTest
  @EnumSource(SieveStreaming.Rule.class)
  void memoryStaysBounded(SieveStreaming.Rule rule) {
    double eps = 0.2;
    int k = 10;
    FacilityLocation f = Instances.facility(3, 500);
    SieveStreaming sieve = new SieveStreaming(f, k, eps, rule);
    for (int e : Rng.permutation(Rng.create(1), 500)) {
      sieve.offer(e);
    }
    // thresholds span [max(LB, Delta)/(2k(1+eps)), Delta]: at most log(2k(1+eps))/log(1+eps) + 1
    double sieves = Math.log(2 * k * (1 + eps)) / Math.log1p(eps) + 2;
    assertTrue(sieve.maxLiveSieves() <= sieves, sieve.maxLiveSieves() + " > " + sieves);
    assertTrue(sieve.maxStoredElements() <= k * sieves);
    assertEquals(500, sieve.seen());
    Selection streamed = sieve.result();
    // the counter is shared by copies: read the sieve's calls before running anything else on f
    Selection offline = Greedy.lazy(f, Constraint.cardinality(k));
    assertTrue(streamed.value() >= (0.5 - eps) * offline.value());
    // one singleton call per element plus at most one per live sieve
    assertTrue(
        streamed.oracleCalls() <= 500 * (1 + (long) sieves), streamed.oracleCalls() + " " + sieves);
  }

  @ParameterizedTest
  @EnumSource(SieveStreaming.Rule.class)
  void startSetCountsAgainstKAndTheGuaranteeHoldsOnTheRest(SieveStreaming.Rule rule) {
    double eps = 0.1;
    int n = 12;
    int k = 5;
    for (long inst = 0; inst < 4; inst++) {
      SetFunction f =
          inst % 2 == 0 ? Instances.facility(inst, n) : Instances.coverage(inst, n, 30, 0.15);
      RandomGenerator rng = Rng.create(inst + 20);
      int[] start = Arrays.copyOf(Rng.permutation(rng, n), 2);
      double f0 = f.evaluate(start);
      double opt = Instances.bruteForceFrom(f, start, Constraint.cardinality(k), k);
      for (int order = 0; order < 20; order++) {
        SieveStreaming sieve = new SieveStreaming(f.startingFrom(start), k, eps, rule);
        for (int e : Rng.permutation(rng, n)) {
          sieve.offer(e);
        }
        Selection s = sieve.result();
        assertTrue(s.size() <= k - start.length);
        int[] all = Arrays.copyOf(start, start.length + s.size());
        System.arraycopy(s.elements(), 0, all, start.length, s.size());
        assertEquals(all.length, Arrays.stream(all).distinct().count(), "start elements repeated");
        assertEquals(f.evaluate(all), s.value(), 1e-9);
        assertTrue(s.value() - f0 >= (0.5 - eps) * (opt - f0) - 1e-9, "order " + order);
      }
    }
    SetFunction from = Instances.facility(1, 5).startingFrom(0, 1);
    assertEquals(
        "k = 2: expected more than the 2 elements of f's current set",
        assertThrows(IllegalArgumentException.class, () -> new SieveStreaming(from, 2, 0.1))
            .getMessage());
    assertEquals(from.value(), new SieveStreaming(from, 3, 0.1).result().value(), 0.0);
  }

  @Test
  void badInput() {
    FacilityLocation f = Instances.facility(1, 5);
    assertThrows(IllegalArgumentException.class, () -> new SieveStreaming(f, 0, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new SieveStreaming(f, 2, 0));
    NullPointerException npe =
        assertThrows(NullPointerException.class, () -> new SieveStreaming(f, 2, 0.1, null));
    assertTrue(npe.getMessage().startsWith("rule = null"), npe.getMessage());
    assertEquals(SieveStreaming.Rule.ADAPTIVE, new SieveStreaming(f, 2, 0.1).rule());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SieveStreaming(new GraphCut(Instances.symmetric(Rng.create(1), 4), 1), 2, 0.1));
    SieveStreaming s = new SieveStreaming(f, 2, 0.1);
    assertThrows(IllegalArgumentException.class, () -> s.offer(7));
    assertEquals(0, s.result().size());
  }

  /** A random split of a stream into 1 to 4 consecutive batches. */
  static int[][] batches(RandomGenerator rng, int[] stream) {
    int parts = 1 + rng.nextInt(4);
    int[] cuts = new int[parts + 1];
    cuts[parts] = stream.length;
    for (int p = 1; p < parts; p++) {
      cuts[p] = Math.max(cuts[p - 1], rng.nextInt(stream.length + 1));
    }
    int[][] out = new int[parts][];
    for (int p = 0; p < parts; p++) {
      out[p] = Arrays.copyOfRange(stream, cuts[p], Math.max(cuts[p], cuts[p + 1]));
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(SieveStreaming.Rule.class)
  void apricotGridMeetsItsBoundsAgainstBruteForce(SieveStreaming.Rule rule) {
    int n = 10;
    for (long inst = 0; inst < 6; inst++) {
      SetFunction f =
          inst % 2 == 0 ? Instances.facility(inst, n) : Instances.coverage(inst, n, 30, 0.15);
      int[] start = inst >= 4 ? new int[] {(int) inst} : new int[0];
      int k = 3 + start.length;
      double f0 = f.evaluate(start);
      double opt = Instances.bruteForceFrom(f, start, Constraint.cardinality(k), k) - f0;
      double largest = 0;
      SetFunction from = f.startingFrom(start);
      for (int e = 0; e < n; e++) {
        largest = Math.max(largest, from.gain(e));
      }
      RandomGenerator rng = Rng.create(inst + 50);
      for (double eps : new double[] {0.1, 0.25}) {
        for (double unitPerOpt : new double[] {0.01, 0.3, 1, 4}) {
          double unit = unitPerOpt * opt;
          for (int order = 0; order < 15; order++) {
            int[] stream = Rng.permutation(rng, n);
            int[][] split = order == 0 ? new int[][] {stream} : batches(rng, stream);
            SieveStreaming sieve = SieveStreaming.apricot(from, k, eps, rule, unit);
            for (int[] batch : split) {
              sieve.offerBatch(batch);
            }
            Selection s = sieve.result();
            assertTrue(s.size() <= k - start.length);
            int[] all = Arrays.copyOf(start, start.length + s.size());
            System.arraycopy(s.elements(), 0, all, start.length, s.size());
            assertEquals(f.evaluate(all), s.value(), 1e-9);
            double bound =
                split.length == 1
                    ? (opt - eps * unit) / (2 * (1 + eps))
                    : (opt - 1.5 * eps * unit) / (3 * (1 + eps));
            String where = "inst " + inst + " eps " + eps + " unit " + unit + " order " + order;
            assertTrue(s.value() - f0 >= bound - 1e-9, where);
            // guesses 1 and (1+eps)^j - 1 <= (k - |S0|) M / unit, none freed
            double grid = Math.log1p((k - start.length) * largest / unit) / Math.log1p(eps);
            assertTrue(
                sieve.maxLiveSieves() >= Math.floor(grid) && sieve.maxLiveSieves() <= grid + 2,
                where + ": " + sieve.maxLiveSieves() + " sieves, " + grid);
            assertEquals(sieve.maxLiveSieves(), sieve.liveSieves());
            assertTrue(sieve.maxStoredElements() <= (k - start.length) * sieve.maxLiveSieves());
          }
        }
      }
    }
  }

  @Test
  void apricotGridDependsOnTheUnitAndGivesNothingBelowEpsUnits() {
    // f(S) = |S|; k = 2, OPT = 2
    FacilityLocation f = FacilityLocation.dense(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    for (SieveStreaming.Rule rule : SieveStreaming.Rule.values()) {
      for (double unit : new double[] {1, 1000}) {
        SieveStreaming apricot = SieveStreaming.apricot(f, 2, 0.1, rule, unit);
        SieveStreaming window = new SieveStreaming(f, 2, 0.1, rule);
        apricot.offerBatch(0, 1, 2);
        window.offerBatch(0, 1, 2);
        assertEquals(2, window.result().value(), 0.0);
        // unit 1000: OPT = 0.002 units < eps; the only guess is 1 and its bar 1/4 exceeds every
        // gain
        assertEquals(unit == 1 ? 2 : 0, apricot.result().value(), 0.0, rule + " " + unit);
        assertEquals(unit == 1 ? 1 + 11 : 1, apricot.liveSieves());
      }
    }
  }

  @Test
  void apricotGridBadInputAndWorkBound() {
    FacilityLocation f = Instances.facility(1, 5);
    SieveStreaming.Rule a = SieveStreaming.Rule.ADAPTIVE;
    assertThrows(NullPointerException.class, () -> SieveStreaming.apricot(f, 2, 0.1, null, 1));
    for (double unit : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> SieveStreaming.apricot(f, 2, 0.1, a, unit));
      assertTrue(e.getMessage().startsWith("unit = "), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> SieveStreaming.apricot(f, 2, 1e-4, a, 1));
    SieveStreaming s = SieveStreaming.apricot(f, 2, 0.1, a, 1);
    assertThrows(NullPointerException.class, () -> s.offerBatch((int[]) null));
    long calls = f.counter().calls();
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> s.offerBatch(0, 1, 5));
    assertEquals("batch[2] = 5: expected an element id in [0, 5)", bad.getMessage());
    assertEquals(calls, f.counter().calls());
    assertEquals(0, s.seen());
    // the grid grows with ln(k M / unit): a tiny unit at MIN_EPS would need about 10^6 guesses
    SieveStreaming tiny = SieveStreaming.apricot(f, 2, SieveStreaming.MIN_EPS, a, 1e-290);
    IllegalArgumentException range =
        assertThrows(IllegalArgumentException.class, () -> tiny.offerBatch(0, 1));
    assertTrue(
        range.getMessage().startsWith("batch's largest singleton gain / unit = "),
        range.getMessage());
    assertEquals(0, tiny.liveSieves());
    assertEquals(0, tiny.seen());
    assertEquals(Grid.WINDOW, new SieveStreaming(f, 2, 0.1).grid());
    assertEquals(Grid.APRICOT, s.grid());
  }
}
