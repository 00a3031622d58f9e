package dev.fathom.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.hadamard.SparseResult;
import dev.fathom.hadamard.SparseSpectrum;
import dev.fathom.hadamard.SparseWalshHadamard;
import dev.fathom.hadamard.SprightOptions;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class ClusterOracleTest {
  private final JavaSparkContext sc = LocalSpark.context();

  /** A k-sparse Walsh spectrum written out as a shippable model (independent of the library). */
  private static ClusterOracle.Model model(long[] freq, double[] coef) {
    return (indices, out) -> {
      for (int i = 0; i < indices.length; i++) {
        double s = 0;
        for (int j = 0; j < freq.length; j++) {
          s += Long.bitCount(freq[j] & indices[i]) % 2 == 0 ? coef[j] : -coef[j];
        }
        out[i] = s;
      }
    };
  }

  @Test
  void transformOnTheClusterEqualsTheLocalTransform() {
    int n = 18;
    int k = 12;
    SparseSpectrum truth = SparseSpectrum.random(n, k, 1, 3, 4);
    long[] freq = truth.frequencies();
    double[] coef = truth.coefficients();
    ClusterOracle.Model local = model(freq, coef);
    ClusterOracle remote = ClusterOracle.of(sc, local, 3);
    RandomGenerator rng = Rng.create(5);
    long[] probe = new long[1000];
    for (int i = 0; i < probe.length; i++) {
      probe[i] = rng.nextLong() >>> (64 - n);
    }
    double[] got = new double[probe.length];
    remote.values(probe, got);
    for (int i = 0; i < probe.length; i++) {
      assertEquals(truth.value(probe[i]), got[i], 1e-12);
    }
    var spright = new SparseWalshHadamard(SprightOptions.defaults(n, k));
    SparseResult want = spright.transform(local, 11);
    long before = remote.batches();
    SparseResult have = spright.transform(remote, 11);
    assertEquals(want, have);
    assertEquals(Status.CONVERGED, have.status());
    assertTrue(remote.batches() > before);
    assertEquals(have.queries() + probe.length, remote.queries());
    long[] sortedFreq = freq.clone();
    Arrays.sort(sortedFreq);
    long[] found = have.indices().clone();
    Arrays.sort(found);
    assertArrayEquals(sortedFreq, found);
    for (int j = 0; j < freq.length; j++) {
      assertEquals(coef[j], have.valueAt(freq[j]), 1e-9);
    }
  }

  @Test
  void smallAndEmptyBatchesAndBadInput() {
    ClusterOracle o = ClusterOracle.of(sc, model(new long[] {3}, new double[] {2}), 8);
    double[] out = new double[2];
    o.values(new long[] {1, 3}, out);
    assertArrayEquals(new double[] {-2, 2}, out, 0);
    o.values(new long[0], new double[0]);
    assertEquals(1, o.batches());
    var e = assertThrows(IllegalArgumentException.class, () -> o.values(new long[3], out));
    assertTrue(e.getMessage().contains("out.length"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClusterOracle.of(sc, (i, v) -> {}, 0));
    assertThrows(NullPointerException.class, () -> ClusterOracle.of(null, (i, v) -> {}, 1));
    assertThrows(NullPointerException.class, () -> ClusterOracle.of(sc, null, 1));
  }
}
