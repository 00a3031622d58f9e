package dev.fathom.submodular.dynamic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Matroid;
import dev.fathom.submodular.constraint.PartitionMatroid;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * SwappingDynamic against an offline run of Swapping written here from the definition, and against
 * brute force, after every update.
 */
@SuppressWarnings("deprecation") // the superseded classes stay tested as baselines
class SwappingDynamicTest {

  /** Swapping (Chakrabarti and Kale) over a stream, from scratch: ids of the solution in order. */
  static int[] offlineSwapping(SetFunction f, Matroid m, int[] stream) {
    List<Integer> s = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (int e : stream) {
      int[] cur = s.stream().mapToInt(Integer::intValue).toArray();
      double gain = f.evaluate(append(cur, e)) - f.evaluate(cur);
      if (!(gain > 0)) {
        continue;
      }
      if (m.independent(append(cur, e), cur.length + 1)) {
        s.add(e);
        w.add(gain);
        continue;
      }
      int best = -1;
      for (int i = 0; i < cur.length; i++) {
        int[] swapped = cur.clone();
        swapped[i] = e;
        if (m.independent(swapped, swapped.length) && (best < 0 || w.get(i) < w.get(best))) {
          best = i;
        }
      }
      if (best >= 0 && gain >= 2 * w.get(best)) {
        s.remove(best);
        w.remove(best);
        s.add(e);
        w.add(gain);
      }
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  static int[] append(int[] a, int e) {
    int[] b = java.util.Arrays.copyOf(a, a.length + 1);
    b[a.length] = e;
    return b;
  }

  static void checkInvariant(SwappingDynamic d, SetFunction f, Matroid m, int n, String where) {
    int[] s = d.solution();
    int[] sigma = d.stream();
    assertArrayEquals(offlineSwapping(f, m, sigma), s, where + ": Swapping output of sigma");
    for (int e : DynamicTest.liveIds(d, n)) {
      assertTrue(java.util.Arrays.stream(sigma).anyMatch(x -> x == e), where + ": live " + e);
    }
    for (int e : s) {
      assertTrue(d.isLive(e), where + ": solution holds deleted element " + e);
    }
    assertTrue(Instances.feasible(m, s));
    assertEquals(f.evaluate(s), d.value(), 1e-9 * (1 + d.value()));
  }

  @Test
  void equalsOfflineSwappingOfItsStreamAndKeepsAQuarterAfterEveryUpdate() {
    int n = 12;
    PartitionMatroid m = PartitionMatroid.parts(Instances.parts(n, 3)).capacities(1, 2, 1);
    for (long seed = 0; seed < 6; seed++) {
      SetFunction f =
          seed % 2 == 0 ? Instances.facility(seed, n) : Instances.coverage(seed, n, 30, 0.15);
      randomStreamAgainstBruteForce(f, m, n, 150, Rng.create(seed + 100), "seed " + seed);
    }
  }

  /** Random updates; after each, the invariant and {@code value >= OPT/4} by brute force. */
  static void randomStreamAgainstBruteForce(
      SetFunction f, Matroid m, int n, int updates, RandomGenerator rng, String label) {
    SwappingDynamic d = new SwappingDynamic(f, m);
    for (int t = 0; t < updates; t++) {
      DynamicTest.randomUpdate(d, n, rng, 0.6);
      checkInvariant(d, f, m, n, label + " update " + t);
      double opt = DynamicTest.bruteForceMatroid(f, m, DynamicTest.liveIds(d, n));
      assertTrue(d.value() >= opt / 4 - 1e-12, label + " update " + t);
    }
  }

  /**
   * Deletions of solution elements, chosen by an adversary that sees the solution: a full replay
   * re-processes every other live element; the suffix replay re-processes only the live elements
   * after the deleted one. Deleting the newest solution element must therefore be nearly free, and
   * deleting a random one must save a real fraction (on average over the seeds).
   */
  @Test
  void adversarialDeletionsOfSolutionElementsReplayOnlySuffixes() {
    int n = 300;
    int k = 6;
    Matroid m = Constraint.cardinality(k);
    for (boolean newest : new boolean[] {true, false}) {
      double meanRatio = 0;
      for (long seed = 0; seed < 3; seed++) {
        SetFunction f = Instances.facility(seed, n);
        SwappingDynamic d = new SwappingDynamic(f, m);
        RandomGenerator rng = Rng.create(seed);
        long fullReplayCost = 0;
        for (int t = 0; t < 900; t++) {
          int[] s = d.solution();
          if (t % 3 == 2 && s.length > 0) {
            fullReplayCost += d.liveCount() - 1;
            d.delete(newest ? s[s.length - 1] : s[rng.nextInt(s.length)]);
          } else {
            int liveBefore = d.liveCount();
            long replaysBefore = d.replays();
            DynamicTest.randomUpdate(d, n, rng, 0.6);
            if (d.replays() > replaysBefore) {
              fullReplayCost += liveBefore - 1;
            }
          }
          if (t % 30 == 0) {
            checkInvariant(d, f, m, n, "seed " + seed + " update " + t);
          }
        }
        checkInvariant(d, f, m, n, "seed " + seed + " end");
        assertTrue(d.replays() > 200);
        meanRatio += (double) d.replayedArrivals() / fullReplayCost / 3;
      }
      // measured: about 0.17 (newest) and 0.51 (random solution element); a full replay is 1
      assertTrue(meanRatio < (newest ? 0.3 : 0.7), newest + ": mean ratio " + meanRatio);
    }
  }

  @Test
  void reinsertingADeletedElementKeepsOccurrencesApart() {
    int n = 10;
    Matroid m = Constraint.cardinality(2);
    SetFunction f = Instances.facility(3, n);
    SwappingDynamic d = new SwappingDynamic(f, m);
    RandomGenerator rng = Rng.create(9);
    for (int t = 0; t < 400; t++) {
      int e = rng.nextInt(n);
      if (d.isLive(e)) {
        d.delete(e);
      } else {
        d.insert(e);
      }
      checkInvariant(d, f, m, n, "update " + t);
      double opt = Instances.bruteForce(f, DynamicTest.liveIds(d, n), 2);
      assertTrue(d.value() >= opt / 4 - 1e-12, "update " + t);
    }
  }

  /** The graphic matroid of a random multigraph: element e is an edge, independent = a forest. */
  static Matroid graphic(int[][] edges, int vertices) {
    return Matroid.of(
        (set, size) -> {
          int[] parent = new int[vertices];
          for (int v = 0; v < vertices; v++) {
            parent[v] = v;
          }
          for (int i = 0; i < size; i++) {
            int a = root(parent, edges[set[i]][0]);
            int b = root(parent, edges[set[i]][1]);
            if (a == b) {
              return false;
            }
            parent[a] = b;
          }
          return true;
        });
  }

  static int root(int[] parent, int v) {
    while (parent[v] != v) {
      v = parent[v];
    }
    return v;
  }

  @Test
  void graphicMatroidGivenOnlyByItsOracle() {
    int n = 12;
    int vertices = 6;
    for (long seed = 0; seed < 4; seed++) {
      RandomGenerator rng = Rng.create(seed + 50);
      int[][] edges = new int[n][];
      for (int e = 0; e < n; e++) {
        int a = rng.nextInt(vertices);
        int b = rng.nextInt(vertices - 1);
        edges[e] = new int[] {a, b >= a ? b + 1 : b};
      }
      Matroid m = graphic(edges, vertices);
      SetFunction f = Instances.coverage(seed, n, 30, 0.15);
      randomStreamAgainstBruteForce(f, m, n, 120, rng, "graphic seed " + seed);
    }
  }

  @Test
  void deletingANonSolutionElementCostsNoCall() {
    int n = 60;
    SetFunction f = Instances.facility(2, n);
    SwappingDynamic d = new SwappingDynamic(f, Constraint.cardinality(3));
    for (int e = 0; e < n; e++) {
      d.insert(e);
    }
    int deleted = 0;
    for (int e = 0; e < n; e++) {
      final int x = e;
      if (java.util.Arrays.stream(d.solution()).noneMatch(s -> s == x)) {
        long calls = d.oracleCalls();
        d.delete(e);
        assertEquals(calls, d.oracleCalls());
        deleted++;
      }
    }
    assertEquals(n - 3, deleted);
    assertEquals(0, d.replays());
    checkInvariant(d, f, Constraint.cardinality(3), n, "after deleting all non-solution elements");
  }
}
