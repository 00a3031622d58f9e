package dev.fathom.submodular.information;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Instances;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.information.InformationMeasuresTest.Case;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The set-cover measures: as {@link InformationMeasuresTest} cases (every subset and every gain
 * against {@code f(A) + f(Q) - f(A u Q)} and the other identities, with f the set cover or
 * probabilistic set cover of the extended set V u Q u P evaluated directly; submodularity; greedy
 * against brute force), against submodlib's concept-set form, and the bad-input contract.
 */
class SetCoverInformationTest {

  /** n ground elements, m query items and p private items over c weighted concepts. */
  static final class Concepts {
    final int n;
    final int m;
    final int p;
    final int c;
    final double[] w;
    final double[][] prob; // (n + m + p) rows: probability that the item covers each concept

    Concepts(long seed, int n, int m, int p, int c, boolean deterministic) {
      this.n = n;
      this.m = m;
      this.p = p;
      this.c = c;
      RandomGenerator rng = Rng.create(seed);
      w = new double[c];
      Rng.uniform(rng, 0.5, 2, w);
      prob = new double[n + m + p][c];
      for (double[] row : prob) {
        for (int u = 0; u < c; u++) {
          double x = rng.nextDouble();
          row[u] = x < 0.6 ? 0 : deterministic ? 1 : rng.nextDouble();
        }
      }
    }

    /** f(X) = sum_u w_u (1 - prod_{x in X} (1 - p_xu)) over ids of V u Q u P, directly. */
    double f(int[] x) {
      double v = 0;
      for (int u = 0; u < c; u++) {
        double miss = 1;
        for (int e : x) {
          miss *= 1 - prob[e][u];
        }
        v += w[u] * (1 - miss);
      }
      return v;
    }

    int[] q() {
      return IntStream.range(n, n + m).toArray();
    }

    int[] pr() {
      return IntStream.range(n + m, n + m + p).toArray();
    }

    /** The probability that the items {@code ids} cover each concept. */
    double[] coverage(int[] ids) {
      double[] out = new double[c];
      for (int u = 0; u < c; u++) {
        double miss = 1;
        for (int e : ids) {
          miss *= 1 - prob[e][u];
        }
        out[u] = 1 - miss;
      }
      return out;
    }

    int[][] cover() {
      int[][] out = new int[n][];
      for (int i = 0; i < n; i++) {
        final int row = i;
        out[i] = IntStream.range(0, c).filter(u -> prob[row][u] == 1).toArray();
      }
      return out;
    }

    ConceptCoverage holder(boolean deterministic) {
      ConceptCoverage h =
          deterministic
              ? ConceptCoverage.sets(c, cover())
              : ConceptCoverage.probabilities(Arrays.copyOf(prob, n));
      return h.weights(w).queryCoverage(coverage(q())).privateCoverage(coverage(pr()));
    }

    double mi(int[] a) {
      return f(a) + f(q()) - f(InformationMeasuresTest.union(a, q()));
    }

    double cg(int[] a) {
      return f(InformationMeasuresTest.union(a, pr())) - f(pr());
    }

    double cmi(int[] a) {
      int[] qp = InformationMeasuresTest.union(q(), pr());
      return f(InformationMeasuresTest.union(a, pr()))
          + f(qp)
          - f(InformationMeasuresTest.union(a, qp))
          - f(pr());
    }
  }

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (long seed = 1; seed <= 2; seed++) {
      Concepts sc = new Concepts(seed, 7, 2, 2, 9, true);
      ConceptCoverage h = sc.holder(true);
      out.add(new Case("SCMI " + seed, SetCoverInformation.mutualInformation(h), sc::mi, true));
      out.add(new Case("SCCG " + seed, SetCoverInformation.conditionalGain(h), sc::cg, true));
      out.add(
          new Case(
              "SCCMI " + seed, SetCoverInformation.conditionalMutualInformation(h), sc::cmi, true));
      Concepts psc = new Concepts(seed + 10, 7, 2, 2, 9, false);
      ConceptCoverage ph = psc.holder(false);
      out.add(
          new Case(
              "PSCMI " + seed,
              SetCoverInformation.probabilisticMutualInformation(ph),
              psc::mi,
              true));
      out.add(
          new Case(
              "PSCCG " + seed,
              SetCoverInformation.probabilisticConditionalGain(ph),
              psc::cg,
              true));
      out.add(
          new Case(
              "PSCCMI " + seed,
              SetCoverInformation.probabilisticConditionalMutualInformation(ph),
              psc::cmi,
              true));
    }
    return out;
  }

  @Test
  void submodlibsConceptSetFormsOnEverySubset() {
    int n = 7;
    int c = 9;
    Concepts sc = new Concepts(5, n, 0, 0, c, true);
    Concepts psc = new Concepts(6, n, 0, 0, c, false);
    int[] query = {0, 2, 3, 7};
    int[] privates = {3, 4, 8};
    ConceptCoverage h =
        ConceptCoverage.sets(c, sc.cover())
            .weights(sc.w)
            .queryConcepts(query)
            .privateConcepts(privates);
    ConceptCoverage ph =
        ConceptCoverage.probabilities(psc.prob)
            .weights(psc.w)
            .queryConcepts(query)
            .privateConcepts(privates);
    SetFunction[] measures = {
      SetCoverInformation.mutualInformation(h),
      SetCoverInformation.conditionalGain(h),
      SetCoverInformation.conditionalMutualInformation(h),
      SetCoverInformation.probabilisticMutualInformation(ph),
      SetCoverInformation.probabilisticConditionalGain(ph),
      SetCoverInformation.probabilisticConditionalMutualInformation(ph)
    };
    for (int mask = 0; mask < (1 << n); mask++) {
      int[] a = Instances.subset(mask);
      for (int t = 0; t < 6; t++) {
        Concepts world = t < 3 ? sc : psc;
        boolean useQuery = t % 3 != 1;
        boolean usePrivate = t % 3 != 0;
        // submodlib: the base function with concepts outside Q (or inside P) weighted 0
        double want = 0;
        for (int u = 0; u < c; u++) {
          final int concept = u;
          boolean inQ = Arrays.stream(query).anyMatch(x -> x == concept);
          boolean inP = Arrays.stream(privates).anyMatch(x -> x == concept);
          if ((!useQuery || inQ) && !(usePrivate && inP)) {
            double miss = 1;
            for (int e : a) {
              miss *= 1 - world.prob[e][u];
            }
            want += world.w[u] * (1 - miss);
          }
        }
        assertEquals(want, measures[t].evaluate(a), 1e-12, "measure " + t + " set " + mask);
      }
    }
  }

  @Test
  void badInput() {
    int[][] cover = {{0, 1}, {2}};
    ConceptCoverage sets = ConceptCoverage.sets(3, cover);
    ConceptCoverage probs = ConceptCoverage.probabilities(new double[][] {{0.5, 0, 1}, {0, 0, 0}});
    assertThrows(NullPointerException.class, () -> ConceptCoverage.sets(3, null));
    assertThrows(IllegalArgumentException.class, () -> ConceptCoverage.sets(0, cover));
    assertThrows(IllegalArgumentException.class, () -> ConceptCoverage.sets(3, new int[0][]));
    assertEquals(
        "cover[1] = [2, 3]: expected distinct concept ids in [0, 3)",
        assertThrows(
                IllegalArgumentException.class,
                () -> ConceptCoverage.sets(3, new int[][] {{0}, {2, 3}}))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ConceptCoverage.sets(3, new int[][] {{1, 1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> ConceptCoverage.probabilities(new double[][] {{0.5, 1.5}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> ConceptCoverage.probabilities(new double[][] {{0.5, 0.5}, {0.1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> ConceptCoverage.probabilities(new double[][] {{Double.NaN}}));
    assertThrows(IllegalArgumentException.class, () -> sets.weights(new double[] {1, 1}));
    assertThrows(IllegalArgumentException.class, () -> sets.weights(new double[] {1, -1, 1}));
    assertThrows(IllegalArgumentException.class, () -> sets.queryConcepts(0, 3));
    assertEquals(
        "ids[1] = 0: expected a new concept id in [0, 3)",
        assertThrows(IllegalArgumentException.class, () -> sets.privateConcepts(0, 0))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> sets.queryCoverage(new double[] {0, 1, 1.1}));
    assertThrows(NullPointerException.class, () -> sets.privateCoverage(null));
    // the set a measure needs must be given
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> SetCoverInformation.mutualInformation(sets));
    assertTrue(missing.getMessage().contains("query set is missing"), missing.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SetCoverInformation.conditionalMutualInformation(sets.queryConcepts(1)));
    // the kinds do not mix; fractions only for the probabilistic measures
    assertThrows(
        IllegalArgumentException.class,
        () -> SetCoverInformation.probabilisticMutualInformation(sets.queryConcepts(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> SetCoverInformation.conditionalGain(probs.privateConcepts(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> SetCoverInformation.mutualInformation(sets.queryCoverage(new double[] {0, 0.5, 1})));
    assertThrows(NullPointerException.class, () -> SetCoverInformation.conditionalGain(null));
    assertEquals(2, sets.groundSize());
    assertEquals(3, probs.concepts());
    assertTrue(probs.probabilistic() && !sets.probabilistic());
  }
}
