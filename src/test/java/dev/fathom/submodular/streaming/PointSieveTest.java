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
import dev.fathom.submodular.function.FeatureBased;
import dev.fathom.submodular.streaming.SieveStreaming.Rule;
import java.util.Arrays;
import java.util.function.ToDoubleBiFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Point streaming against sieve streaming over the same rows as a fixed ground set, exhaustive
 * optima and its memory bound.
 */
class PointSieveTest {
  private static final ToDoubleBiFunction<double[], double[]> GAUSS =
      (a, b) -> {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
          s += (a[t] - b[t]) * (a[t] - b[t]);
        }
        return Math.exp(-s / 2);
      };

  private static double[][] nonNegativeRows(RandomGenerator rng, int n, int d) {
    double[][] x = new double[n][d];
    for (double[] r : x) {
      for (int u = 0; u < d; u++) {
        r[u] = rng.nextDouble() < 0.4 ? rng.nextDouble() * 3 : 0;
      }
    }
    return x;
  }

  /** Feeds rows in mini-batches of random sizes. */
  private static void feed(PointSieve sieve, double[][] rows, RandomGenerator rng) {
    int i = 0;
    while (i < rows.length) {
      int b = Math.min(rows.length - i, rng.nextInt(7));
      sieve.partialFit(Arrays.copyOfRange(rows, i, i + b));
      i += b;
    }
  }

  private static double[][] similarities(double[][] rows, double[][] ref) {
    double[][] s = new double[rows.length][ref.length];
    for (int j = 0; j < rows.length; j++) {
      for (int r = 0; r < ref.length; r++) {
        s[j][r] = GAUSS.applyAsDouble(rows[j], ref[r]);
      }
    }
    return s;
  }

  private static void assertSameAsIdStream(
      PointSieve points, SetFunction f, int k, double eps, Rule rule) {
    SieveStreaming ids = new SieveStreaming(f, k, eps, rule);
    for (int e = 0; e < f.groundSize(); e++) {
      ids.offer(e);
    }
    Selection s = ids.result();
    long[] expected = Arrays.stream(s.elements()).asLongStream().toArray();
    assertArrayEquals(expected, points.selectedPositions());
    assertEquals(s.value(), points.value(), 1e-9 * Math.max(1, s.value()));
    assertEquals(s.oracleCalls(), points.oracleCalls());
  }

  @Test
  void featureBasedStreamSelectsAsSieveStreamingOverTheSameRows() {
    for (Rule rule : Rule.values()) {
      for (long seed = 0; seed < 6; seed++) {
        RandomGenerator rng = Rng.create(seed);
        double[][] rows = nonNegativeRows(rng, 300, 12);
        double[] ones = new double[12];
        Arrays.fill(ones, 1);
        PointSieve sieve =
            new PointSieve(
                PointObjective.featureBased(12, FeatureBased.Concave.SQRT), 8, 0.1, rule);
        feed(sieve, rows, rng);
        assertEquals(300, sieve.seen());
        assertSameAsIdStream(
            sieve, FeatureBased.dense(rows, ones, FeatureBased.Concave.SQRT), 8, 0.1, rule);
        double[][] chosen = sieve.selectedRows();
        long[] pos = sieve.selectedPositions();
        for (int t = 0; t < chosen.length; t++) {
          assertArrayEquals(rows[(int) pos[t]], chosen[t]);
        }
      }
    }
  }

  @Test
  void facilityLocationOnAReferenceSampleSelectsAsSieveStreaming() {
    for (Rule rule : Rule.values()) {
      for (long seed = 0; seed < 4; seed++) {
        RandomGenerator rng = Rng.create(seed);
        double[][] rows = Instances.points(rng, 250, 3);
        double[][] ref = Arrays.copyOf(Instances.points(rng, 40, 3), 40);
        PointSieve sieve =
            new PointSieve(PointObjective.facilityLocation(ref, GAUSS), 6, 0.2, rule);
        feed(sieve, rows, rng);
        assertSameAsIdStream(sieve, FacilityLocation.dense(similarities(rows, ref)), 6, 0.2, rule);
      }
    }
  }

  @Test
  void valueIsAtLeastHalfMinusEpsOfTheOptimum() {
    double eps = 0.1;
    for (long seed = 0; seed < 15; seed++) {
      RandomGenerator rng = Rng.create(50 + seed);
      double[][] rows = nonNegativeRows(rng, 13, 6);
      double[] ones = new double[6];
      Arrays.fill(ones, 1);
      FeatureBased f = FeatureBased.dense(rows, ones, FeatureBased.Concave.LOG1P);
      double opt = Instances.bruteForce(f, Constraint.cardinality(3), 3);
      for (Rule rule : Rule.values()) {
        PointSieve sieve =
            new PointSieve(
                PointObjective.featureBased(6, FeatureBased.Concave.LOG1P), 3, eps, rule);
        feed(sieve, rows, rng);
        assertTrue(sieve.value() >= (0.5 - eps) * opt - 1e-12, "seed " + seed + " " + rule);
        assertTrue(sieve.selectedRows().length <= 3);
      }
    }
  }

  @Test
  void memoryStaysWithinItsBoundOnALongStream() {
    RandomGenerator rng = Rng.create(9);
    PointSieve sieve =
        new PointSieve(PointObjective.featureBased(10, FeatureBased.Concave.SQRT), 10, 0.2);
    for (int b = 0; b < 100; b++) {
      sieve.partialFit(nonNegativeRows(rng, 100, 10));
    }
    assertEquals(10_000, sieve.seen());
    int bound = PointSieve.maxSieves(10, 0.2);
    assertTrue(sieve.maxLiveSieves() <= bound, sieve.maxLiveSieves() + " > " + bound);
    assertTrue(sieve.maxStoredRows() <= 10 * bound);
    assertTrue(sieve.liveSieves() >= 1);
  }

  @Test
  void badInputIsRefusedBeforeAnyRowIsProcessed() {
    PointObjective fb = PointObjective.featureBased(3, FeatureBased.Concave.SQRT);
    PointSieve sieve = new PointSieve(fb, 2, 0.1);
    double[][] batch = {{1, 0, 2}, {1, -1, 0}};
    assertEquals(
        "batch[1][1] = -1.0: expected a finite non-negative number",
        assertThrows(IllegalArgumentException.class, () -> sieve.partialFit(batch)).getMessage());
    assertEquals(0, sieve.seen());
    assertEquals(
        "batch[0].length = 2: expected the dimension 3",
        assertThrows(
                IllegalArgumentException.class, () -> sieve.partialFit(new double[][] {{1, 2}}))
            .getMessage());
    assertThrows(NullPointerException.class, () -> sieve.partialFit(new double[][] {null}));
    assertThrows(NullPointerException.class, () -> sieve.partialFit(null));
    PointObjective fl = PointObjective.facilityLocation(new double[][] {{0, 0}}, GAUSS);
    PointSieve s2 = new PointSieve(fl, 2, 0.1);
    assertThrows(
        IllegalArgumentException.class, () -> s2.partialFit(new double[][] {{Double.NaN, 0}}));
    assertThrows(IllegalArgumentException.class, () -> new PointSieve(fb, 0, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new PointSieve(fb, 2, 1e-5));
    assertThrows(NullPointerException.class, () -> new PointSieve(null, 2, 0.1));
    assertThrows(
        IllegalArgumentException.class,
        () -> PointObjective.featureBased(new double[] {1, -1}, FeatureBased.Concave.SQRT));
    assertThrows(
        IllegalArgumentException.class,
        () -> PointObjective.facilityLocation(new double[][] {{0}, {0, 1}}, GAUSS));
    PointObjective badSim =
        PointObjective.facilityLocation(new double[][] {{0}}, (a, b) -> 0.0 / 0);
    PointSieve s3 = new PointSieve(badSim, 1, 0.1);
    assertThrows(IllegalArgumentException.class, () -> s3.partialFit(new double[][] {{1}}));
  }
}
