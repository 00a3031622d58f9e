package dev.fathom.submodular.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The two stores behind the level structures, {@link NestedLevels} and {@link IntSet}, against
 * plain collections (a map of depths, a set) under long random operation sequences that grow
 * buckets past their initial capacity and depths past the initial number of buckets; their uniform
 * samplers against a chi-square test.
 */
class LevelStoresTest {

  /** Every query of the chain against a map id -> depth. */
  static void checkChain(NestedLevels c, Map<Integer, Integer> ref, int n, int maxDepth) {
    assertEquals(ref.size(), c.members());
    for (int x = 0; x < n; x++) {
      int d = ref.getOrDefault(x, -1);
      assertEquals(d, c.depth(x), "depth of " + x);
      assertEquals(d >= 0, c.contains(x), "contains " + x);
    }
    for (int l = 0; l <= maxDepth + 2; l++) {
      List<Integer> expected = new ArrayList<>();
      for (Map.Entry<Integer, Integer> e : ref.entrySet()) {
        if (e.getValue() >= l) {
          expected.add(e.getKey());
        }
      }
      assertEquals(expected.size(), c.sizeAtLeast(l), "|X_" + l + "|");
      int[] got = c.elementsAtLeast(l);
      Arrays.sort(got);
      assertEquals(
          expected.stream().sorted().toList(), Arrays.stream(got).boxed().toList(), "X_" + l);
    }
  }

  @Test
  void nestedLevelsAgreeWithAMapOfDepths() {
    int n = 200;
    int maxDepth = 13;
    RandomGenerator rng = Rng.create(11);
    NestedLevels c = new NestedLevels(n);
    Map<Integer, Integer> ref = new HashMap<>();
    checkChain(c, ref, n, maxDepth);
    for (int t = 0; t < 3000; t++) {
      int x = rng.nextInt(n);
      if (rng.nextDouble() < 0.2) {
        c.remove(x);
        ref.remove(x);
      } else {
        // depths skewed to 0 and 1 so that those buckets outgrow their first capacity of 8
        int d = rng.nextDouble() < 0.6 ? rng.nextInt(2) : rng.nextInt(maxDepth + 1);
        c.set(x, d);
        ref.put(x, d);
      }
      if (t % 50 == 0 || t > 2950) {
        checkChain(c, ref, n, maxDepth);
      }
    }
    // empty the chain again: every bucket drains
    for (int x = 0; x < n; x++) {
      c.remove(x);
      ref.remove(x);
    }
    checkChain(c, ref, n, maxDepth);
  }

  @Test
  void nestedLevelsStartDeepAndSetTheSameDepthTwice() {
    NestedLevels c = new NestedLevels(10);
    Map<Integer, Integer> ref = new HashMap<>();
    // a first depth far beyond the initial four buckets, then the same depth again
    c.set(3, 9);
    ref.put(3, 9);
    c.set(3, 9);
    checkChain(c, ref, 10, 9);
    c.set(5, 4);
    ref.put(5, 4);
    c.set(3, 2);
    ref.put(3, 2);
    checkChain(c, ref, 10, 9);
  }

  /** A uniform element of X_l over elements spread over several buckets: chi-square, 5 cells. */
  @Test
  void nestedLevelsSampleUniformlyFromEveryDepthAtLeastL() {
    NestedLevels c = new NestedLevels(12);
    int[] depths = {0, 1, 1, 2, 3, 3, 3, 5, 0, 2, 6, 1};
    for (int x = 0; x < depths.length; x++) {
      c.set(x, depths[x]);
    }
    RandomGenerator rng = Rng.create(5);
    for (int l = 0; l <= 6; l++) {
      List<Integer> members = new ArrayList<>();
      for (int x = 0; x < depths.length; x++) {
        if (depths[x] >= l) {
          members.add(x);
        }
      }
      int draws = 600 * members.size();
      Map<Integer, Integer> hits = new HashMap<>();
      for (int t = 0; t < draws; t++) {
        int x = c.sample(l, rng);
        assertTrue(depths[x] >= l, "sample " + x + " not in X_" + l);
        hits.merge(x, 1, Integer::sum);
      }
      double chi2 = 0;
      for (int x : members) {
        double h = hits.getOrDefault(x, 0);
        chi2 += (h - 600) * (h - 600) / 600;
      }
      // 99.9% quantile of chi-square with up to 11 degrees of freedom
      assertTrue(chi2 < 31.3, "X_" + l + ": chi-square " + chi2);
    }
  }

  @Test
  void intSetAgreesWithALinkedHashSet() {
    int n = 100;
    RandomGenerator rng = Rng.create(3);
    IntSet s = new IntSet(n);
    LinkedHashSet<Integer> ref = new LinkedHashSet<>();
    for (int t = 0; t < 4000; t++) {
      int x = rng.nextInt(n);
      double u = rng.nextDouble();
      if (u < 0.01) {
        s.clear();
        ref.clear();
      } else if (u < 0.4) {
        assertEquals(ref.remove(x), s.remove(x), "remove " + x);
      } else {
        assertEquals(ref.add(x), s.add(x), "add " + x);
      }
      assertEquals(ref.size(), s.size());
      assertEquals(ref.contains(x), s.contains(x));
      if (t % 40 == 0) {
        int[] items = s.toArray();
        assertEquals(ref.size(), items.length);
        for (int i = 0; i < items.length; i++) {
          assertEquals(items[i], s.get(i));
          assertTrue(ref.contains(items[i]));
        }
        for (int y = 0; y < n; y++) {
          assertEquals(ref.contains(y), s.contains(y), "contains " + y);
        }
      }
    }
    // filled to n: the item array is capped at n and keeps every element
    for (int x = 0; x < n; x++) {
      s.add(x);
    }
    assertEquals(n, s.size());
    int[] all = s.toArray();
    Arrays.sort(all);
    for (int x = 0; x < n; x++) {
      assertEquals(x, all[x]);
    }
  }

  @Test
  void intSetSamplesUniformly() {
    IntSet s = new IntSet(40);
    int[] members = {3, 7, 8, 20, 39, 0};
    for (int x : members) {
      s.add(x);
    }
    s.remove(8);
    RandomGenerator rng = Rng.create(9);
    Map<Integer, Integer> hits = new HashMap<>();
    int draws = 5 * 800;
    for (int t = 0; t < draws; t++) {
      hits.merge(s.sample(rng), 1, Integer::sum);
    }
    assertEquals(java.util.Set.of(3, 7, 20, 39, 0), hits.keySet());
    double chi2 = 0;
    for (int h : hits.values()) {
      chi2 += (h - 800.0) * (h - 800.0) / 800;
    }
    assertTrue(chi2 < 18.5, "chi-square " + chi2);
  }
}
