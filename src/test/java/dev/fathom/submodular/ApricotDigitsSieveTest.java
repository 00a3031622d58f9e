package dev.fathom.submodular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.FeatureBased;
import dev.fathom.submodular.similarity.PointSimilarity;
import dev.fathom.submodular.similarity.SparseSimilarity;
import dev.fathom.submodular.streaming.SieveStreaming;
import dev.fathom.submodular.streaming.SieveStreaming.Rule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * apricot's facility-location and feature-based sieve test cases (tests/test_functions/
 * test_facility_location.py {@code test_digits_cosine_sieve_batch/minibatch}, metric 'cosine'
 * against the reservoir of all rows; test_feature_based.py {@code
 * test_digits_sqrt_sieve_batch/minibatch} and their sparse twins, 'sqrt') on scikit-learn's digits
 * (all 1797 rows: test resource digits.csv.gz, see DIGITS-NOTICE.md beside it), k = 100, apricot's
 * default eps 0.01, one batch or the mini-batches 0..299, 300..499, 500..1796. The expected ranking
 * and gains are copied from those files. Fathom's {@link SieveStreaming} with {@link
 * SieveStreaming.Grid#APRICOT} over {@link FacilityLocation} on {@link PointSimilarity#cosine} and
 * {@link FeatureBased} with {@code SQRT} reproduces them, as does apricot's rule written out in the
 * test ({@link ApricotSieve}); with its default grid it selects differently here (docs/
 * submodular.md, the 'sieve' row).
 */
class ApricotDigitsSieveTest {
  static final int K = 100;
  static final int N = 1797;

  /** test_facility_location.py, digits_cosine_sieve_ranking. */
  static final int[] FL_RANKING = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12,
    13, 14, 15, 16, 17, 18, 20, 22, 25, 26, 27, 29,
    32, 34, 39, 40, 41, 44, 52, 56, 58, 62, 65, 69,
    74, 76, 79, 84, 94, 99, 117, 126, 128, 131, 136, 138,
    144, 146, 148, 149, 152, 154, 157, 164, 165, 174, 180, 220,
    251, 257, 259, 260, 262, 264, 275, 281, 287, 297, 301, 324,
    331, 345, 349, 358, 366, 375, 387, 393, 424, 425, 436, 442,
    450, 460, 470, 517, 518, 519, 520, 522, 528, 531, 533, 534,
    540, 543, 545, 546
  };

  /** test_facility_location.py, digits_cosine_sieve_gains (apricot's unit: the reservoir mean). */
  static final double[] FL_GAINS = {
    0.4861, 0.1082, 0.0127, 0.0322, 0.0112, 0.011, 0.0236, 0.0145, 0.0084, 0.0029, 0.0059, 0.0078,
    0.0082, 0.0094, 0.0139, 0.0017, 0.0091, 0.0026, 0.0015, 0.0069, 0.0015, 0.0014, 0.0014, 0.0018,
    0.0052, 0.0015, 0.0051, 0.0026, 0.0026, 0.0031, 0.002, 0.0014, 0.0024, 0.0012, 0.0028, 0.001,
    0.0011, 0.0022, 0.0021, 0.0031, 0.0019, 0.0019, 0.0013, 0.001, 0.0017, 0.0012, 0.0017, 0.0009,
    0.0009, 0.0011, 0.0016, 0.001, 0.0011, 0.0009, 0.0016, 0.0008, 0.0009, 0.0009, 0.0012, 0.001,
    0.001, 0.0009, 0.0008, 0.001, 0.0008, 0.0009, 0.0009, 0.0009, 0.0008, 0.0009, 0.0011, 0.0008,
    0.001, 0.0009, 0.0008, 0.0008, 0.0009, 0.0014, 0.0007, 0.0011, 0.0007, 0.0008, 0.001, 0.0018,
    0.0006, 0.0006, 0.0007, 0.0008, 0.0008, 0.0006, 0.001, 0.0006, 0.0004, 0.0005, 0.0005, 0.0005,
    0.0004, 0.0005, 0.0004, 0.0004
  };

  /** test_feature_based.py, digits_sqrt_sieve_ranking. */
  static final int[] FB_RANKING = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
    25, 26, 27, 28, 29, 30, 31, 32, 33, 35, 36, 37,
    38, 39, 40, 41, 44, 48, 49, 52, 55, 58, 61, 64,
    66, 72, 73, 76, 77, 79, 84, 87, 98, 126, 135, 138,
    160, 163, 168, 172, 178, 185, 208, 221, 235, 263, 283, 313,
    317, 423, 430, 436, 491, 494, 502, 538, 586, 591, 629, 673,
    732, 757, 818, 873, 988, 1043, 1070, 1086, 1176, 1205, 1271, 1296,
    1313, 1375, 1493, 1572
  };

  /** test_feature_based.py, digits_sqrt_sieve_gains. */
  static final double[] FB_GAINS = {
    97.4318, 56.261, 41.2277, 28.303, 22.4519, 26.0864, 20.4726, 25.2477, 21.9949, 19.2037, 19.0145,
        16.1839,
    16.4639, 18.937, 17.1049, 18.4655, 14.7195, 14.2448, 10.6285, 11.6475, 13.6245, 12.8581,
        10.1707, 11.3949,
    9.3721, 13.8714, 12.2688, 10.2994, 11.2193, 13.2881, 9.4804, 13.0039, 12.9107, 9.8257, 10.7652,
        9.9669,
    9.839, 9.8269, 9.6268, 9.8585, 10.6952, 9.1965, 9.0226, 10.4219, 10.352, 9.0895, 9.4044, 9.1408,
    9.5094, 9.6559, 8.7728, 8.9756, 10.122, 8.9807, 9.5481, 8.7555, 8.6382, 8.6878, 8.6501, 8.736,
    9.5372, 9.3277, 8.7554, 8.7882, 9.1946, 8.9874, 8.7261, 8.6805, 8.9986, 11.8718, 10.1197, 8.595,
    9.8908, 8.3371, 8.4011, 8.5834, 8.2552, 8.3212, 9.5605, 8.3984, 8.3562, 8.395, 8.3125, 8.7659,
    8.9045, 8.4036, 8.0924, 9.0439, 9.965, 7.7882, 7.9432, 8.8214, 8.1663, 7.5898, 7.6332, 7.6048,
    7.6056, 7.7276, 7.2711, 7.6604
  };

  /** The resource's rows: 64 pixel values (0..16) and the label. */
  static double[][] rows() {
    try (InputStream in = ApricotDigitsSieveTest.class.getResourceAsStream("digits.csv.gz");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII))) {
      return r.lines()
          .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
          .toArray(double[][]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code load_digits().data}: the 64 pixel values of each row. */
  static double[][] digits() {
    return Arrays.stream(rows()).map(row -> Arrays.copyOf(row, 64)).toArray(double[][]::new);
  }

  static int[] range(int from, int to) {
    int[] r = new int[to - from];
    Arrays.setAll(r, t -> from + t);
    return r;
  }

  static final int[][][] STREAMS = {{range(0, N)}, {range(0, 300), range(300, 500), range(500, N)}};

  static FacilityLocation facilityLocation(double[][] x) {
    return new FacilityLocation(PointSimilarity.cosine(x));
  }

  static FeatureBased featureBased(double[][] x) {
    double[] w = new double[64];
    Arrays.fill(w, 1);
    return FeatureBased.dense(x, w, FeatureBased.Concave.SQRT);
  }

  /** apricot's 'sqrt' feature-based function on dense and on sparse input. */
  static FeatureBased[] featureBasedDenseAndSparse(double[][] x) {
    double[] w = new double[64];
    Arrays.fill(w, 1);
    return new FeatureBased[] {
      featureBased(x),
      FeatureBased.sparse(SparseSimilarity.fromDense(x), w, FeatureBased.Concave.SQRT)
    };
  }

  @Test
  void theDataIsScikitLearnsDigits() {
    double[][] rows = rows();
    assertEquals(N, rows.length);
    int[] perLabel = new int[10];
    for (double[] row : rows) {
      assertEquals(65, row.length);
      for (int c = 0; c < 64; c++) {
        assertTrue(row[c] >= 0 && row[c] <= 16 && row[c] == Math.rint(row[c]));
      }
      perLabel[(int) row[64]]++;
    }
    // scikit-learn's digits: 1797 images, 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 per
    // class
    assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, perLabel);
    assertArrayEquals(new double[] {0, 0, 5, 13, 9, 1, 0, 0}, Arrays.copyOf(rows[0], 8), 0.0);
  }

  @Test
  void apricotsRuleOverFathomsFunctionsReproducesItsFacilityLocationSieveCases() {
    FacilityLocation f = facilityLocation(digits());
    for (int[][] batches : STREAMS) {
      Selection s = ApricotSieve.select(f, K, batches, 0.01, N);
      assertArrayEquals(FL_RANKING, s.elements());
      assertArrayEquals(FL_GAINS, s.gains(), 1.5e-4);
    }
  }

  @Test
  void apricotsRuleOverFathomsFunctionsReproducesItsFeatureBasedSieveCases() {
    for (FeatureBased f : featureBasedDenseAndSparse(digits())) {
      for (int[][] batches : STREAMS) {
        Selection s = ApricotSieve.select(f, K, batches, 0.01, 1);
        assertArrayEquals(FB_RANKING, s.elements());
        assertArrayEquals(FB_GAINS, s.gains(), 1.5e-4);
      }
    }
  }

  /** Fathom's sieve on apricot's grid, fed batch by batch; gains in apricot's unit. */
  static Selection apricotGrid(SetFunction f, int[][] batches, double unit) {
    SieveStreaming sieve = SieveStreaming.apricot(f, K, 0.01, Rule.ADAPTIVE, unit);
    for (int[] batch : batches) {
      sieve.offerBatch(batch);
    }
    Selection s = sieve.result();
    double[] gains = Arrays.stream(s.gains()).map(g -> g / unit).toArray();
    return new Selection(s.elements(), gains, s.value() / unit, s.oracleCalls());
  }

  @Test
  void sieveStreamingOnApricotsGridMatchesItsFacilityLocationSieveCases() {
    FacilityLocation f = facilityLocation(digits());
    for (int[][] batches : STREAMS) {
      Selection s = apricotGrid(f, batches, N);
      assertArrayEquals(FL_RANKING, s.elements());
      assertArrayEquals(FL_GAINS, s.gains(), 1.5e-4);
      assertEquals(Arrays.stream(FL_GAINS).sum(), s.value(), 100 * 1.5e-4);
    }
  }

  @Test
  void sieveStreamingOnApricotsGridMatchesItsFeatureBasedSieveCases() {
    for (FeatureBased f : featureBasedDenseAndSparse(digits())) {
      for (int[][] batches : STREAMS) {
        Selection s = apricotGrid(f, batches, 1);
        assertArrayEquals(FB_RANKING, s.elements());
        assertArrayEquals(FB_GAINS, s.gains(), 1.5e-4);
      }
    }
  }
}
