package dev.fathom.coreset;

import static dev.fathom.coreset.TestData.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import org.junit.jupiter.api.Test;

class VectorSummarizerTest {
  private static final double[][] ROWS = rows();

  private static double[][] rows() {
    var rng = Rng.create(3);
    double[][] r = new double[2000][4];
    for (double[] v : r) {
      double s = rng.nextDouble() < 0.02 ? 30 : 1; // a few heavy rows
      for (int j = 0; j < 4; j++) {
        v[j] = s * Math.abs(rng.nextGaussian());
      }
    }
    return r;
  }

  private static double error(Coreset c) {
    double err = 0;
    double norm = 0;
    for (int j = 0; j < 4; j++) {
      double t = 0;
      for (double[] v : ROWS) {
        t += v[j];
      }
      double e = 0;
      for (int q = 0; q < c.size(); q++) {
        e += c.weight(q) * ROWS[c.index(q)][j];
      }
      err += (e - t) * (e - t);
      norm += t * t;
    }
    return Math.sqrt(err / norm);
  }

  @Test
  void caratheodoryIsExact() {
    Coreset c = VectorSummarizer.caratheodory().summarize(ROWS, 100, 1);
    assertTrue(c.size() <= 5);
    assertTrue(error(c) < 1e-9);
  }

  @Test
  void samplersBeatASingleUniformSampleOnAverage() {
    double uni = 0;
    double best = 0;
    double imp = 0;
    int trials = 40;
    for (int t = 0; t < trials; t++) {
      uni += error(SensitivitySampling.uniform(ROWS.length, 50, t)) / trials;
      best += error(VectorSummarizer.bestOfUniform(20).summarize(ROWS, 50, t)) / trials;
      imp += error(VectorSummarizer.importance().summarize(ROWS, 50, t)) / trials;
    }
    assertTrue(best < 0.5 * uni, "best-of-uniform " + best + " vs uniform " + uni);
    assertTrue(imp < uni, "importance " + imp + " vs uniform " + uni);
    assertTrue(VectorSummarizer.importance().summarize(ROWS, 50, 1).size() <= 50);
  }

  @Test
  void badInput() {
    assertEquals(
        "m = 2001: expected a coreset size in [1, n = 2000]",
        msg(() -> VectorSummarizer.bestOfUniform(5).summarize(ROWS, 2001, 1)));
    assertEquals(
        "m = 0: expected a coreset size in [1, n = 2000]",
        msg(() -> VectorSummarizer.caratheodory().summarize(ROWS, 0, 1)));
    assertEquals(
        "trials = 0: expected a positive integer", msg(() -> VectorSummarizer.bestOfUniform(0)));
  }
}
