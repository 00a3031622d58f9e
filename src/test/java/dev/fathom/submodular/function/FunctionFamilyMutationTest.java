package dev.fathom.submodular.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.Similarity;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The function family against definitions evaluated directly: fresh and reset states, monotonicity
 * flags, saturation caps, the Curie-Weiss chain, the concavity check and the pairwise helpers
 * (found by mutation testing).
 */
class FunctionFamilyMutationTest {
  private static double[][] nonNegative(RandomGenerator rng, int n, int m) {
    double[][] s = new double[n][m];
    for (double[] r : s) {
      for (int i = 0; i < m; i++) {
        r[i] = rng.nextDouble() < 0.3 ? 0 : rng.nextDouble();
      }
    }
    return s;
  }

  private static double[][] distances(RandomGenerator rng, int n) {
    double[][] x = Instances.points(rng, n, 2);
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d[i][j] = Math.hypot(x[i][0] - x[j][0], x[i][1] - x[j][1]);
      }
    }
    return d;
  }

  /**
   * Every function after add + reset gives the gains of a freshly built one, fresh gains equal
   * f(e).
   */
  @Test
  void resetAndFreshStatesGiveTheGainsOfANewFunction() {
    RandomGenerator rng = Rng.create(21);
    int n = 8;
    double[][] s = nonNegative(rng, n, n);
    double[][] sym = Instances.symmetric(rng, n);
    double[][] d = distances(rng, n);
    double[][] gram = Instances.gram(Instances.points(rng, n, 3));
    int[] labels = {0, 1, 0, 1, 2, 2, 0, 1};
    List<Supplier<SetFunction>> builders =
        List.of(
            () -> FacilityLocation.dense(s),
            () -> MaxCoverage.dense(s, 0.5),
            () -> DisparityMin.fromDistances(d),
            () -> DisparitySum.fromDistances(d),
            () -> SumRedundancy.dense(sym),
            () -> new SaturatedCoverage(s, 0.4),
            () -> new LogDet(gram, true),
            () ->
                ClusteredFacilityLocation.of(
                    labels,
                    new Similarity[] {
                      Similarity.dense(Instances.symmetric(Rng.create(1), 3)),
                      Similarity.dense(Instances.symmetric(Rng.create(2), 3)),
                      Similarity.dense(Instances.symmetric(Rng.create(3), 2))
                    }),
            () ->
                new ProbabilisticCoverage(
                    new int[][] {{0, 1}, {1, 2}, {0, 2}, {3}, {0, 3}, {1}, {2, 3}, {0, 1, 2, 3}},
                    new double[][] {
                      {0.5, 0.2},
                      {0.3, 0.9},
                      {0.1, 0.4},
                      {0.7},
                      {0.6, 0.2},
                      {0.8},
                      {0.5, 0.5},
                      {0.1, 0.1, 0.1, 0.1}
                    },
                    new double[] {1, 2, 3, 4}));
    for (Supplier<SetFunction> b : builders) {
      SetFunction fresh = b.get();
      SetFunction reused = b.get();
      String name = fresh.getClass().getSimpleName();
      for (int e = 0; e < n; e++) {
        assertEquals(fresh.evaluate(e), b.get().gain(e), 1e-12, name + " fresh gain " + e);
      }
      reused.add(4);
      reused.add(1);
      reused.add(6);
      reused.reset();
      for (int e = 0; e < n; e++) {
        assertEquals(fresh.gain(e), reused.gain(e), 1e-12, name + " after reset " + e);
      }
      fresh.add(2);
      reused.add(2);
      for (int e = 0; e < n; e++) {
        assertEquals(fresh.gain(e), reused.gain(e), 1e-12, name + " after reset, add " + e);
      }
    }
  }

  @Test
  void monotonicityFlags() {
    RandomGenerator rng = Rng.create(2);
    double[][] s = nonNegative(rng, 4, 4);
    double[][] gram = Instances.gram(Instances.points(rng, 4, 2));
    assertTrue(FacilityLocation.dense(s).monotone());
    assertTrue(new SaturatedCoverage(s, 0.5).monotone());
    assertTrue(new LogDet(gram, true).monotone());
    assertFalse(new LogDet(gram, false).monotone());
    assertTrue(new WeightedCoverage(new int[][] {{0}, {1}}, new double[] {1, 1}).monotone());
    assertTrue(
        new ProbabilisticCoverage(
                new int[][] {{0}, {0}}, new double[][] {{0.5}, {0.5}}, new double[] {1})
            .monotone());
    assertTrue(
        FeatureBased.dense(s, new double[] {1, 1, 1, 1}, FeatureBased.Concave.SQRT).monotone());
    SetFunction mono = FacilityLocation.dense(s);
    SetFunction cut = new GraphCut(Instances.symmetric(rng, 4), 1.0);
    assertTrue(new Mixture(new SetFunction[] {mono, mono}, new double[] {1, 2}).monotone());
    assertEquals(
        cut.monotone(), new Mixture(new SetFunction[] {mono, cut}, new double[] {1, 2}).monotone());
    assertFalse(
        new Mixture(
                new SetFunction[] {
                  FacilityLocation.dense(nonNegative(rng, 2, 2)),
                  new EntropyRateObjective(MarkovChain.curieWeiss(2, 0.1, 0.1))
                },
                new double[] {1, 1})
            .monotone());
    assertFalse(new EntropyRateObjective(MarkovChain.curieWeiss(2, 0.1, 0.1)).monotone());
    Similarity sim = Similarity.dense(s);
    assertSame(sim, new FacilityLocation(sim).similarity());
  }

  @Test
  void aMixtureStartsEmptyWhateverItsPartsHeld() {
    RandomGenerator rng = Rng.create(6);
    double[][] s = nonNegative(rng, 6, 6);
    FacilityLocation part = FacilityLocation.dense(s);
    part.add(3);
    part.add(0);
    Mixture m = new Mixture(new SetFunction[] {part}, new double[] {2});
    for (int e = 0; e < 6; e++) {
      assertEquals(2 * FacilityLocation.dense(s).evaluate(e), m.gain(e), 1e-12, "e " + e);
    }
  }

  @Test
  void saturatedCoverageCapsEachClientAtAlphaTimesItsTotal() {
    RandomGenerator rng = Rng.create(31);
    int n = 7;
    int m = 5;
    double[][] s = nonNegative(rng, n, m);
    for (double alpha : new double[] {0.2, 0.5, 1.0}) {
      SaturatedCoverage f = new SaturatedCoverage(s, alpha);
      SaturatedCoverage g = new SaturatedCoverage(SparseSimilarity.fromDense(s), alpha);
      for (int mask = 0; mask < 1 << n; mask++) {
        int[] set = Instances.subset(mask);
        double v = 0;
        for (int i = 0; i < m; i++) {
          double total = 0;
          double sum = 0;
          for (int j = 0; j < n; j++) {
            total += s[j][i];
          }
          for (int j : set) {
            sum += s[j][i];
          }
          v += Math.min(sum, alpha * total);
        }
        assertEquals(v, f.evaluate(set), 1e-12, "alpha " + alpha + " mask " + mask);
        assertEquals(v, g.evaluate(set), 1e-12, "alpha " + alpha + " mask " + mask);
      }
    }
    double[][] bad = {{1, 0}, {0, -1}};
    String msg =
        assertThrows(IllegalArgumentException.class, () -> new SaturatedCoverage(bad, 0.5))
            .getMessage();
    assertTrue(msg.startsWith("rows[1]"), msg);
  }

  @Test
  void probabilisticCoverageFollowsItsDefinition() {
    int[][] items = {{0, 2}, {1}, {2, 1, 0}, {3}};
    double[][] p = {{0.5, 0.25}, {0.75}, {0.1, 0.2, 0.3}, {1.0}};
    double[] w = {1, 2, 4, 8};
    ProbabilisticCoverage f = new ProbabilisticCoverage(items, p, w);
    for (int mask = 0; mask < 16; mask++) {
      int[] set = Instances.subset(mask);
      double[] miss = {1, 1, 1, 1};
      for (int j : set) {
        for (int t = 0; t < items[j].length; t++) {
          miss[items[j][t]] *= 1 - p[j][t];
        }
      }
      double v = 0;
      for (int u = 0; u < 4; u++) {
        v += w[u] * (1 - miss[u]);
      }
      assertEquals(v, f.evaluate(set), 1e-12, "mask " + mask);
    }
  }

  /** The Curie-Weiss chain's stationary law and transitions from the energy, evaluated directly. */
  @Test
  void curieWeissFromItsEnergy() {
    for (double[] bh : new double[][] {{0.7, 0.3}, {0.4, -0.9}, {1.3, 0.0}}) {
      int d = 3;
      double beta = bh[0];
      double h = bh[1];
      MarkovChain c = MarkovChain.curieWeiss(d, beta, h);
      assertEquals(d, c.coordinates());
      assertEquals(8, c.states());
      double[] energy = new double[8];
      for (int x = 0; x < 8; x++) {
        double e = 0;
        for (int i = 0; i < d; i++) {
          double si = ((x >> i) & 1) == 1 ? 1 : -1;
          for (int j = 0; j < d; j++) {
            double sj = ((x >> j) & 1) == 1 ? 1 : -1;
            e -= Math.pow(2, -Math.abs(i - j)) * si * sj;
          }
          e -= h * si;
        }
        energy[x] = e;
      }
      double z = 0;
      for (int x = 0; x < 8; x++) {
        z += Math.exp(-beta * energy[x]);
      }
      double rate = 0;
      for (int x = 0; x < 8; x++) {
        double pi = Math.exp(-beta * energy[x]) / z;
        assertEquals(pi, c.stationary(x), 1e-12, "pi(" + x + ")");
        double stay = 1;
        for (int i = 0; i < d; i++) {
          double a = Math.min(1, Math.exp(-beta * (energy[x ^ (1 << i)] - energy[x]))) / d;
          stay -= a;
          rate -= pi * a * Math.log(a);
        }
        if (stay > 0) {
          rate -= pi * stay * Math.log(stay);
        }
      }
      assertEquals(rate, c.entropyRate(new int[] {0, 1, 2}), 1e-12, "beta " + beta + " h " + h);
      assertEquals(rate, c.entropyRate(new int[] {2, 0, 1}), 1e-12);
    }
    MarkovChain c = MarkovChain.curieWeiss(3, 0.5, 0.5);
    assertThrows(IllegalArgumentException.class, () -> c.entropyRate(new int[] {3}));
    assertThrows(
        IllegalArgumentException.class, () -> c.distanceToFactorizability(new int[][] {{0}, {3}}));
    assertThrows(IllegalArgumentException.class, () -> MarkovChain.curieWeiss(21, 1, 1));
    assertEquals(1, MarkovChain.curieWeiss(1, 1, 1).coordinates());
  }

  @Test
  void concavityCheckOnTheGrid() {
    // top = 64: the grid is x = 0, 1, ..., 64
    FeatureBased.checkConcave(x -> Math.min(x, 32), 64); // flat end: non-decreasing, concave
    FeatureBased.checkConcave(x -> x, 64); // linear: on the boundary of concave
    FeatureBased.checkConcave(x -> Math.min(x, 32) - (x > 40 ? 1e-12 : 0), 64); // within slack
    assertEquals(
        "phi(1.0) = 1.0: expected at least the mean of its neighbours on the grid, 2.0 (concave)",
        assertThrows(
                IllegalArgumentException.class, () -> FeatureBased.checkConcave(x -> x * x, 64))
            .getMessage());
    assertEquals(
        "phi(6.0) = 4.0: expected at least phi(5.0) = 5.0 (non-decreasing)",
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureBased.checkConcave(x -> x <= 5 ? x : 10 - x, 64))
            .getMessage());
    assertEquals(
        "phi(64.0) = 60.0: expected at least phi(63.0) = 63.0 (non-decreasing)",
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureBased.checkConcave(x -> x < 64 ? x : 60, 64))
            .getMessage());
    assertEquals(
        "phi(32.0) = Infinity: expected a finite value",
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureBased.checkConcave(x -> x < 32 ? x : Double.POSITIVE_INFINITY, 64))
            .getMessage());
    for (double x : new double[] {0, 0.5, 3}) {
      assertEquals(Math.sqrt(x), FeatureBased.Concave.SQRT.apply(x));
      assertEquals(Math.log1p(x), FeatureBased.Concave.LOG1P.apply(x));
      assertEquals(x / (1 + x), FeatureBased.Concave.INVERSE.apply(x));
      assertEquals(1 - Math.exp(-x), FeatureBased.Concave.SATURATING_EXP.apply(x), 1e-15);
    }
    double[][] feat = {{1, 0}, {0, 2}, {1, 1}};
    FeatureBased f =
        FeatureBased.sparse(
            SparseSimilarity.fromDense(feat), new double[] {1, 3}, FeatureBased.Concave.SQRT);
    assertEquals(3, f.groundSize());
    assertEquals(Math.sqrt(2) + 3 * Math.sqrt(3), f.evaluate(0, 1, 2), 1e-12);
  }

  @Test
  void itemIdsAndFeaturesAreCheckedAtTheirBounds() {
    assertEquals(
        "sets[1] = [0, 2]: expected item ids in [0, 2)",
        assertThrows(
                IllegalArgumentException.class,
                () -> new WeightedCoverage(new int[][] {{1}, {0, 2}}, new double[] {1, 1}))
            .getMessage());
    assertEquals(
        1.0, new WeightedCoverage(new int[][] {{1}, {0}}, new double[] {1, 1}).evaluate(0));
    String msg =
        assertThrows(
                IllegalArgumentException.class,
                () -> MaxCoverage.dense(new double[][] {{1, 0}, {0, -1}}, 1))
            .getMessage();
    assertTrue(msg.startsWith("features[1]"), msg);
  }

  @Test
  void pairwiseHelpers() {
    double[][] d = {{0, 0, 2}, {0, 0, 2}, {2, 2, 0}};
    double[][] out = Pairwise.distances("d", d);
    assertArrayEquals(d[2], out[2]);
    assertEquals(0.0, out[0][1], "a zero distance between distinct elements is allowed");
    assertEquals(
        "d[0][2] = -1.0: expected a finite non-negative distance",
        assertThrows(
                IllegalArgumentException.class,
                () -> Pairwise.distances("d", new double[][] {{0, 1, -1}, {1, 0, 1}, {-1, 1, 0}}))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Pairwise.distances("d", new double[][] {{0, 1}, {2, 0}}));
    // similarities at both ends of [0, 1]
    double[][] s = {{1, 0, 1}, {0, 1, 0.25}, {1, 0.25, 1}};
    double[][] ds = Pairwise.distances("sim", Similarity.dense(s));
    assertEquals(1.0, ds[0][1]);
    assertEquals(0.0, ds[0][2]);
    assertEquals(0.75, ds[2][1]);
    assertEquals(0.0, ds[1][1]);
    assertThrows(
        IllegalArgumentException.class,
        () -> Pairwise.distances("sim", Similarity.dense(new double[][] {{1, 1.5}, {1.5, 1}})));
    assertThrows(
        IllegalArgumentException.class,
        () -> Pairwise.symmetric("sim", Similarity.dense(new double[][] {{1, 0.5}, {0.25, 1}})));
    // the farthest pair: the first in (i, j) order among ties
    assertArrayEquals(new int[] {0, 1}, Pairwise.farthestPair(new double[][] {{0, 1}, {1, 0}}));
    assertArrayEquals(
        new int[] {0, 2},
        Pairwise.farthestPair(
            new double[][] {{0, 1, 3, 3}, {1, 0, 3, 3}, {3, 3, 0, 1}, {3, 3, 1, 0}}));
    assertArrayEquals(
        new int[] {1, 2}, Pairwise.farthestPair(new double[][] {{0, 1, 1}, {1, 0, 2}, {1, 2, 0}}));
    assertThrows(IllegalStateException.class, () -> Pairwise.farthestPair(new double[][] {{0}}));
    assertArrayEquals(new int[] {0, 2}, DisparityMin.fromDistances(d).farthestPair());
  }
}
