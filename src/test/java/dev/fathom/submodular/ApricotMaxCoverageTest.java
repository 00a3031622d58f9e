package dev.fathom.submodular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.submodular.constraint.Cardinality;
import dev.fathom.submodular.function.MaxCoverage;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.SparseSimilarity;
import dev.fathom.submodular.streaming.SieveStreaming;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * apricot's max-coverage test cases (tests/test_functions/test_max_coverage.py) on its own seeded
 * data, {@code RandomState(0).choice(2, size=(300, 1000), p=[0.99, 0.01])}, regenerated here: the
 * naive greedy's asserted ranking and gains, and its four sieve cases (batch and three
 * mini-batches, dense and sparse), with apricot's expected ranking and gains copied from that file.
 */
class ApricotMaxCoverageTest {
  static final int[] GREEDY_RANKING_15 = {
    135, 260, 89, 168, 203, 6, 62, 139, 86, 274, 78, 146, 138, 158, 193
  };
  static final double[] GREEDY_GAINS_15 = {
    20, 19, 18, 17, 17, 16, 16, 16, 15, 15, 14, 14, 13, 13, 13
  };
  static final int[] SIEVE_RANKING = {
    0, 1, 2, 3, 6, 7, 9, 10, 11, 15, 16, 17, 18, 19, 21, 23, 26, 27, 29, 31, 36, 37, 38, 39, 40, 41,
    43, 46, 48, 52, 53, 56, 59, 60, 62, 64, 66, 67, 68, 69, 70, 71, 72, 75, 77, 78, 80, 82, 84, 86,
    89, 96, 97, 103, 106, 115, 116, 117, 121, 125, 133, 134, 135, 138, 139, 140, 143, 146, 150, 156,
    158, 167, 177, 178, 186, 193, 194, 198, 201, 203, 207, 209, 218, 219, 224, 225, 227, 236, 240,
    251, 270, 271, 274, 275, 280, 287, 289, 291, 292, 293
  };
  static final double[] SIEVE_GAINS = {
    9, 11, 9, 9, 17, 10, 11, 11, 12, 12, 11, 10, 11, 8, 9, 14, 9, 8, 10, 11, 10, 8, 13, 8, 7, 11, 7,
    11, 7, 8, 9, 9, 7, 7, 8, 11, 10, 9, 8, 8, 7, 8, 7, 9, 8, 7, 8, 7, 8, 8, 10, 8, 9, 7, 7, 7, 8, 8,
    8, 7, 7, 6, 13, 10, 8, 7, 6, 7, 6, 6, 7, 8, 6, 6, 6, 7, 6, 5, 7, 5, 5, 6, 5, 6, 5, 5, 6, 8, 5,
    7, 4, 4, 7, 5, 4, 5, 3, 3, 3, 2
  };
  static final int K = 100;

  static double[][] data() {
    return new NumpyLegacyRandom(0).choice01(300, 1000, 0.99);
  }

  @Test
  void numpysGeneratorIsReproduced() {
    NumpyLegacyRandom r = new NumpyLegacyRandom(0);
    assertEquals(2357136044L, r.nextUint32());
    assertEquals(2546248239L, r.nextUint32());
    r = new NumpyLegacyRandom(0);
    assertEquals(0.5488135039273248, r.randomSample(), 0.0);
    assertEquals(0.7151893663724195, r.randomSample(), 0.0);
    // numpy: X.sum() == 3005 for this seed and shape
    assertEquals(3005, Arrays.stream(data()).flatMapToDouble(Arrays::stream).sum(), 0.0);
  }

  @Test
  void naiveAndLazyGreedyMatchApricotsAssertedRankingAndGains() {
    MaxCoverage f = MaxCoverage.dense(data(), 1);
    for (Selection s :
        new Selection[] {
          Greedy.naive(f, new Cardinality(K)), Greedy.lazy(f.copy(), new Cardinality(K))
        }) {
      assertArrayEquals(GREEDY_RANKING_15, Arrays.copyOf(s.elements(), 15));
      assertArrayEquals(GREEDY_GAINS_15, Arrays.copyOf(s.gains(), 15), 1e-4);
    }
  }

  static int[] range(int from, int to) {
    int[] r = new int[to - from];
    Arrays.setAll(r, t -> from + t);
    return r;
  }

  @Test
  void apricotsFourSieveCasesAndFathomsAdaptiveSieve() {
    double[][] x = data();
    MaxCoverage dense = MaxCoverage.dense(x, 1);
    MaxCoverage sparse = MaxCoverage.sparse(SparseSimilarity.fromDense(x), 1);
    int[][] batch = {range(0, 300)};
    int[][] minibatches = {range(0, 50), range(50, 150), range(150, 300)};
    // apricot's four cases: its grid and strict rule reproduce its ranking and gains exactly
    for (MaxCoverage f : new MaxCoverage[] {dense, sparse}) {
      for (int[][] batches : new int[][][] {batch, minibatches}) {
        Selection s = ApricotSieve.select(f, K, batches, 0.01, 1);
        assertArrayEquals(SIEVE_RANKING, s.elements());
        assertArrayEquals(SIEVE_GAINS, s.gains(), 1e-4);
        assertEquals(781, s.value(), 0.0);
      }
    }
    // Fathom's sieve with the same (adaptive) rule and eps over the same stream of ids
    for (MaxCoverage f : new MaxCoverage[] {dense, sparse}) {
      SieveStreaming sieve = new SieveStreaming(f, K, 0.01, SieveStreaming.Rule.ADAPTIVE);
      for (int e = 0; e < 300; e++) {
        sieve.offer(e);
      }
      Selection s = sieve.result();
      assertArrayEquals(SIEVE_RANKING, s.elements());
      assertArrayEquals(SIEVE_GAINS, s.gains(), 1e-4);
      assertEquals(781, s.value(), 0.0);
    }
  }
}
