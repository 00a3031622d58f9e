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
}
