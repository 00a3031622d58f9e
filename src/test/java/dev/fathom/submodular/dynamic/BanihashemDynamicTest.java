package dev.fathom.submodular.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The structural invariant that {@link BanihashemDynamic} documents (this library's invariant, not
 * one confirmed from the paper's text), checked after every update for every guess instance, not
 * only the best one, with a fresh copy of f that shares no state with the structure.
 */
@SuppressWarnings("deprecation") // the superseded classes stay tested as baselines
class BanihashemDynamicTest {

  /**
   * For every instance with threshold tau and solution S (in pick order): every pick had gain at
   * least tau against the picks before it; S holds only live elements and at most k of them; the
   * reported value is f(S); and if |S| is below k, every live element outside S has gain below tau
   * against S. The last two together give f(S) >= min(k tau, OPT - k tau) for that instance.
   *
   * @return how many live elements outside an under-full S had singleton value at least tau, so
   *     that only their gain against S kept them out (the maximality check was not vacuous)
   */
  static int checkInstances(BanihashemDynamic d, SetFunction f, int n, int k, int t) {
    SetFunction empty = f.copy();
    empty.reset();
    int nonTrivial = 0;
    for (GuessedDynamic.Guess g : d.instances) {
      double tau = g.tau();
      double tol = 1e-9 * (1 + tau);
      int[] s = g.solution();
      assertTrue(s.length <= k, "update " + t + ": |S| = " + s.length + " > k");
      SetFunction h = f.copy();
      h.reset();
      for (int e : s) {
        assertTrue(d.isLive(e), "update " + t + ": instance holds deleted element " + e);
        double gain = h.gain(e);
        assertTrue(
            gain >= tau - tol,
            "update " + t + ", tau " + tau + ": pick " + e + " has gain " + gain + " < tau");
        h.add(e);
      }
      assertEquals(h.value(), g.value(), 1e-9 * (1 + h.value()), "update " + t);
      if (s.length < k) {
        for (int e = 0; e < n; e++) {
          if (d.isLive(e) && !h.contains(e)) {
            double gain = h.gain(e);
            assertTrue(
                gain < tau + tol,
                "update "
                    + t
                    + ", tau "
                    + tau
                    + ": |S| < k but live element "
                    + e
                    + " has gain "
                    + gain
                    + " >= tau");
            if (empty.gain(e) >= tau) {
              nonTrivial++;
            }
          }
        }
      }
    }
    return nonTrivial;
  }

  /**
   * Levels are opened only by rebuilds, each with at most half of the previous level's candidates,
   * and a level is rebuilt once more than eps of its size in updates touched it, so its candidate
   * set grows at most by the factor 1 + eps before a rebuild: at most {@code 2 + log(n (1 + eps)) /
   * log(2 / (1 + eps))} levels.
   */
  static void checkLevels(BanihashemDynamic d, int n, double eps, int t) {
    double bound = 2 + Math.log(n * (1 + eps)) / Math.log(2 / (1 + eps));
    assertTrue(d.levels() <= bound, "update " + t + ": " + d.levels() + " levels > " + bound);
  }

  static void stream(SetFunction f, int n, int k, double eps, int updates, long seed) {
    BanihashemDynamic d = new BanihashemDynamic(f, k, eps, seed);
    RandomGenerator rng = Rng.create(seed + 100);
    long nonTrivial = 0;
    for (int t = 0; t < updates; t++) {
      DynamicTest.randomUpdate(d, n, rng, 0.7);
      nonTrivial += checkInstances(d, f, n, k, t);
      checkLevels(d, n, eps, t);
    }
    assertTrue(nonTrivial > 0, "the maximality check never met a candidate that could fail it");
  }

  @Test
  void everyInstanceKeepsItsInvariantOnSmallStreams() {
    for (long seed = 0; seed < 3; seed++) {
      SetFunction f =
          seed % 2 == 0 ? Instances.facility(seed, 40) : Instances.coverage(seed, 40, 60, 0.1);
      stream(f, 40, 4, 0.1, 250, seed);
    }
  }

  @Test
  void everyInstanceKeepsItsInvariantOnSparseFacilityLocation() {
    int n = 160;
    FacilityLocation f =
        new FacilityLocation(SparseSimilarity.knn(Instances.points(Rng.create(3), n, 2), 10));
    stream(f, n, 6, 0.2, 300, 7);
  }
}
