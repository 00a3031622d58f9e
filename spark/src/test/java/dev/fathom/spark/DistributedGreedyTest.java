package dev.fathom.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Cardinality;
import dev.fathom.submodular.function.FeatureBased;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.optimize.PartitionedGreedy;
import dev.fathom.submodular.optimize.PartitionedSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class DistributedGreedyTest {
  private static final double GREEDI_FACTOR = Math.pow(1 - 1 / Math.E, 2);
  private static final double RAND_GREEDI_FACTOR = (1 - 1 / Math.E) / 2;
  private final JavaSparkContext sc = LocalSpark.context();

  static List<double[]> gaussianClusters(int n, int d, int clusters, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[][] centres = new double[clusters][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = 6 * rng.nextDouble();
      }
    }
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] c = centres[rng.nextInt(clusters)];
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = c[j] + 0.5 * rng.nextGaussian();
      }
      pts.add(x);
    }
    return pts;
  }

  static List<double[]> features(int n, int d, long seed) {
    RandomGenerator rng = Rng.create(seed);
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = rng.nextDouble() < 0.3 ? rng.nextDouble() : 0;
      }
      rows.add(x);
    }
    return rows;
  }

  static List<int[]> sets(int n, int items, long seed) {
    RandomGenerator rng = Rng.create(seed);
    List<int[]> sets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int size = 1 + rng.nextInt(6);
      sets.add(Rng.sampleWithoutReplacement(rng, items, size));
    }
    return sets;
  }

  private static <T> Selection central(List<T> data, int k, Objective<T> objective) {
    return Greedy.lazy(objective.build(data), new Cardinality(k));
  }

  /**
   * The optimum of {@code |S| <= k} by enumerating every k-subset (monotone f: size k is enough).
   */
  private static <T> double bruteForce(List<T> data, int k, Objective<T> objective) {
    var f = objective.build(data);
    int n = data.size();
    int[] s = new int[k];
    for (int i = 0; i < k; i++) {
      s[i] = i;
    }
    double best = 0;
    while (true) {
      best = Math.max(best, f.evaluate(s.clone()));
      int i = k - 1;
      while (i >= 0 && s[i] == n - k + i) {
        i--;
      }
      if (i < 0) {
        return best;
      }
      s[i]++;
      for (int j = i + 1; j < k; j++) {
        s[j] = s[j - 1] + 1;
      }
    }
  }

  /** The value the returned elements have under the objective, evaluated centrally. */
  private static <T> double centralValue(DistributedSelection<T> s, List<T> data, Objective<T> o) {
    int[] idx = Arrays.stream(s.ids()).mapToInt(Math::toIntExact).toArray();
    for (int i = 0; i < idx.length; i++) {
      assertTrue(data.get(idx[i]) == s.elements().get(i) || sameContent(data.get(idx[i]), s));
    }
    return o.build(data).evaluate(idx);
  }

  private static boolean sameContent(Object a, DistributedSelection<?> s) {
    for (Object e : s.elements()) {
      if (e instanceof double[] x && a instanceof double[] y && Arrays.equals(x, y)) {
        return true;
      }
      if (e instanceof int[] x && a instanceof int[] y && Arrays.equals(x, y)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void onePartitionIsCentralizedGreedy() {
    List<double[]> data = gaussianClusters(300, 3, 5, 1);
    var objective = Objectives.facilityLocation(data.subList(0, 120).toArray(new double[0][]), 0.5);
    Selection ref = central(data, 8, objective);
    assertSameSelection(ref, DistributedGreedy.greedi(sc.parallelize(data, 1), 8, objective));
  }

  /** The same elements (as ids, in any order) and value as a centralized selection. */
  static void assertSameSelection(Selection ref, DistributedSelection<?> got) {
    long[] want = Arrays.stream(ref.elements()).mapToLong(i -> i).toArray();
    long[] have = got.ids();
    Arrays.sort(want);
    Arrays.sort(have);
    assertArrayEquals(want, have);
    assertEquals(ref.value(), got.value(), 1e-9 * ref.value());
  }

  @Test
  void facilityLocationMatchesCentralizedGreedy() {
    List<double[]> data = gaussianClusters(1200, 4, 12, 2);
    double[][] clients = sc.parallelize(data, 4).takeSample(false, 200, 7).toArray(new double[0][]);
    var objective = Objectives.facilityLocation(clients, 0.3);
    int k = 10;
    double greedy = central(data, k, objective).value();
    for (int parts : new int[] {2, 4, 8}) {
      JavaRDD<double[]> rdd = sc.parallelize(data, parts);
      var g = DistributedGreedy.greedi(rdd, k, objective);
      var r = DistributedGreedy.randGreedi(rdd, k, parts, objective, 11);
      for (var s : List.of(g, r)) {
        assertEquals(k, s.size());
        assertEquals(centralValue(s, data, objective), s.value(), 1e-9 * s.value());
        assertEquals(Math.max(s.unionValue(), s.bestPartitionValue()), s.value(), 0);
        assertTrue(s.value() >= 0.95 * greedy, parts + " parts: " + s.value() + " vs " + greedy);
      }
      assertTrue(g.value() >= GREEDI_FACTOR / Math.min(parts, k) * greedy);
      assertTrue(r.value() >= RAND_GREEDI_FACTOR * greedy);
      assertEquals(parts, g.partitions());
      assertTrue(g.candidates() <= parts * k);
    }
  }

  @Test
  void featureBasedAndCoverageMatchCentralizedGreedy() {
    List<double[]> rows = features(800, 30, 3);
    double[] w = new double[30];
    Arrays.fill(w, 1);
    var fb = Objectives.featureBased(w, FeatureBased.Concave.SQRT);
    List<int[]> sets = sets(800, 400, 4);
    double[] itemWeights = Rng.gaussian(Rng.create(5), 400);
    for (int i = 0; i < itemWeights.length; i++) {
      itemWeights[i] = Math.abs(itemWeights[i]);
    }
    var cov = Objectives.coverage(itemWeights);
    int k = 12;
    double fbGreedy = central(rows, k, fb).value();
    double covGreedy = central(sets, k, cov).value();
    for (int parts : new int[] {3, 6}) {
      var g1 = DistributedGreedy.greedi(sc.parallelize(rows, parts), k, fb);
      var r1 = DistributedGreedy.randGreedi(sc.parallelize(rows, parts), k, parts, fb, 5);
      var g2 = DistributedGreedy.greedi(sc.parallelize(sets, parts), k, cov);
      var r2 = DistributedGreedy.randGreedi(sc.parallelize(sets, parts), k, parts, cov, 5);
      for (var s : List.of(g1, r1)) {
        assertEquals(centralValue(s, rows, fb), s.value(), 1e-9 * s.value());
        assertTrue(s.value() >= 0.95 * fbGreedy, s.value() + " vs " + fbGreedy);
      }
      for (var s : List.of(g2, r2)) {
        assertEquals(centralValue(s, sets, cov), s.value(), 1e-9 * s.value());
        assertTrue(s.value() >= 0.9 * covGreedy, s.value() + " vs " + covGreedy);
      }
    }
  }

  @Test
  void guaranteesHoldAgainstBruteForceOnTinyInputs() {
    int k = 3;
    for (long seed = 0; seed < 4; seed++) {
      List<int[]> sets = sets(14, 20, 100 + seed);
      double[] w = new double[20];
      RandomGenerator rng = Rng.create(seed);
      for (int i = 0; i < w.length; i++) {
        w[i] = rng.nextDouble();
      }
      var cov = Objectives.coverage(w);
      double opt = bruteForce(sets, k, cov);
      JavaRDD<int[]> rdd = sc.parallelize(sets, 4);
      var g = DistributedGreedy.greedi(rdd, k, cov);
      var r = DistributedGreedy.randGreedi(rdd, k, 4, cov, seed);
      assertTrue(g.value() <= opt + 1e-12 && r.value() <= opt + 1e-12);
      assertTrue(g.value() >= GREEDI_FACTOR / Math.min(4, k) * opt);
      assertTrue(r.value() >= RAND_GREEDI_FACTOR * opt);
      // the union greedy sees every partition's choice, so it is at least the best partition's
      // value only through the max; both numbers are values of real solutions
      assertTrue(g.bestPartitionValue() <= opt + 1e-12 && g.unionValue() <= opt + 1e-12);
    }
  }

  @Test
  void randGreediAssignmentIsUniformAndSeeded() {
    int machines = 5;
    int[] counts = new int[machines];
    for (long id = 0; id < 50_000; id++) {
      counts[DistributedGreedy.machine(9, id, machines)]++;
    }
    for (int c : counts) {
      assertEquals(10_000, c, 400); // about 4.5 standard deviations
    }
    List<double[]> rows = features(400, 10, 8);
    double[] w = new double[10];
    Arrays.fill(w, 1);
    var fb = Objectives.featureBased(w, FeatureBased.Concave.LOG1P);
    var a = DistributedGreedy.randGreedi(sc.parallelize(rows, 2), 5, 3, fb, 42);
    var b = DistributedGreedy.randGreedi(sc.parallelize(rows, 4), 5, 3, fb, 42);
    assertArrayEquals(a.ids(), b.ids()); // depends on the seed, not on the input partitioning
    assertEquals(3, a.partitions());
  }

  @Test
  void randGreediAgreesWithTheCoreLibrarysOnOneJvm() {
    List<double[]> data = gaussianClusters(600, 3, 8, 4);
    double[][] clients = data.subList(0, 80).toArray(new double[0][]);
    var objective = Objectives.facilityLocation(clients, 0.3);
    SetFunction whole = objective.build(data);
    int k = 8;
    for (int machines : new int[] {1, 3, 5}) {
      var cluster =
          DistributedGreedy.randGreedi(sc.parallelize(data, 2), k, machines, objective, 17);
      PartitionedSelection local =
          PartitionedGreedy.randGreedi(whole, new Cardinality(k), machines, Runnable::run, 17);
      long[] clusterIds = cluster.ids().clone();
      long[] localIds = Arrays.stream(local.selection().elements()).asLongStream().toArray();
      Arrays.sort(clusterIds);
      Arrays.sort(localIds);
      assertArrayEquals(localIds, clusterIds, machines + " machines");
      assertEquals(local.selection().value(), cluster.value(), 1e-9 * cluster.value());
      assertEquals(local.unionSize(), cluster.candidates());
      assertEquals(local.selection().oracleCalls(), cluster.oracleCalls());
    }
  }

  @Test
  void badInputIsRejected() {
    JavaRDD<double[]> rdd = sc.parallelize(features(10, 3, 1), 2);
    var fb = Objectives.featureBased(new double[] {1, 1, 1}, FeatureBased.Concave.SQRT);
    var e =
        assertThrows(IllegalArgumentException.class, () -> DistributedGreedy.greedi(rdd, 0, fb));
    assertTrue(e.getMessage().contains("k"));
    assertThrows(NullPointerException.class, () -> DistributedGreedy.greedi(null, 2, fb));
    assertThrows(NullPointerException.class, () -> DistributedGreedy.greedi(rdd, 2, null));
    assertThrows(
        IllegalArgumentException.class, () -> DistributedGreedy.randGreedi(rdd, 2, 0, fb, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> DistributedGreedy.greedi(sc.<double[]>emptyRDD(), 2, fb));
    assertThrows(
        IllegalArgumentException.class,
        () -> Objectives.facilityLocation(new double[][] {{1, 2}}, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Objectives.featureBased(new double[] {1, -1}, FeatureBased.Concave.SQRT));
    assertThrows(IllegalArgumentException.class, () -> Objectives.coverage(new double[] {-1}));
  }
}
