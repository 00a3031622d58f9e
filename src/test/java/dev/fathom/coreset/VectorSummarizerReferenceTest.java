package dev.fathom.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

/** The summarizers against their definitions, recomputed from the public sampling primitives. */
class VectorSummarizerReferenceTest {
  static double[][] rows(long seed, int n, int d) {
    var rng = Rng.create(seed);
    double[][] r = new double[n][d];
    for (double[] v : r) {
      for (int j = 0; j < d; j++) {
        v[j] = rng.nextGaussian() + (j == 0 ? 3 : 0);
      }
    }
    return r;
  }

  /** Squared distance between the coreset's weighted sum and the true sum. */
  static double sumError(double[][] rows, Coreset c) {
    double err = 0;
    for (int j = 0; j < rows[0].length; j++) {
      double t = 0;
      for (double[] v : rows) {
        t += v[j];
      }
      double e = 0;
      for (int q = 0; q < c.size(); q++) {
        e += c.weight(q) * rows[c.index(q)][j];
      }
      err += (e - t) * (e - t);
    }
    return err;
  }

  @Test
  void bestOfUniformKeepsTheSampleWithTheSmallestSumError() {
    for (long seed = 0; seed < 6; seed++) {
      double[][] x = rows(seed, 60, 3);
      int trials = 2 + (int) seed;
      var seeds = Rng.create(seed + 100);
      Coreset expected = null;
      double bestErr = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        Coreset c = SensitivitySampling.uniform(x.length, 8, seeds.nextLong());
        double err = sumError(x, c);
        if (err < bestErr) {
          bestErr = err;
          expected = c;
        }
      }
      Coreset got = VectorSummarizer.bestOfUniform(trials).summarize(x, 8, seed + 100);
      assertArrayEquals(expected.indices(), got.indices());
      assertArrayEquals(expected.weights(), got.weights());
      assertEquals(bestErr, sumError(x, got), 1e-9 * (1 + bestErr));
    }
  }

  @Test
  void importanceOnAllZeroRowsIsUniform() {
    double[][] zeros = new double[40][2];
    Coreset c = VectorSummarizer.importance().summarize(zeros, 10, 5);
    for (int q = 0; q < c.size(); q++) {
      // each draw has probability 1/40, weight 1/(10/40) = 4 per draw
      assertEquals(0, c.weight(q) % 4.0, 1e-12);
    }
    assertEquals(40, c.totalWeight(), 1e-9);
  }

  /** Draws proportional to the row norm plus a floor of 1e-3 times the mean norm. */
  @Test
  void importanceSamplesByNormPlusAFloor() {
    double[][] x = new double[25][];
    var rng = dev.fathom.core.Rng.create(8);
    for (int i = 0; i < x.length; i++) {
      // norms spread over four orders of magnitude; row 3 is zero and keeps only the floor
      double scale = i == 3 ? 0 : Math.pow(10, (i % 5) - 2);
      x[i] = new double[] {scale * rng.nextGaussian(), scale * rng.nextGaussian(), scale};
    }
    double mean = 0;
    double[] norms = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      norms[i] = Math.hypot(Math.hypot(x[i][0], x[i][1]), x[i][2]);
      mean += norms[i] / x.length;
    }
    for (int i = 0; i < x.length; i++) {
      norms[i] += 1e-3 * mean;
    }
    for (long seed = 0; seed < 5; seed++) {
      Coreset expected = SensitivitySampling.sample(norms, 12, seed);
      Coreset got = VectorSummarizer.importance().summarize(x, 12, seed);
      assertArrayEquals(expected.indices(), got.indices());
      assertArrayEquals(expected.weights(), got.weights(), 1e-9);
    }
  }
}
