package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * Vector summarization: a weighted subset of at most {@code m} rows whose weighted sum approximates
 * the sum of all rows. AutoCoreset summarizes the rows of the loss matrix (one row per point, one
 * column per query), so that the coreset reproduces every query's total loss. Implementations are
 * immutable and thread-safe.
 *
 * @since 1.0
 */
public interface VectorSummarizer {
  /**
   * Summarizes the rows of {@code rows} (each with unit weight) by at most {@code m} of them.
   *
   * @param rows the vectors, {@code n x d}, finite
   * @param m the size budget, in {@code [1, n]}
   * @param rng the source of randomness (unused by deterministic summarizers)
   * @return the weighted subset
   */
  Coreset summarize(double[][] rows, int m, RandomGenerator rng);

  /**
   * As {@link #summarize(double[][], int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param rows the vectors, {@code n x d}, finite
   * @param m the size budget, in {@code [1, n]}
   * @param seed the seed (ignored by deterministic summarizers)
   * @return the weighted subset
   */
  default Coreset summarize(double[][] rows, int m, long seed) {
    return summarize(rows, m, Rng.create(seed));
  }

  /**
   * Exact Carathéodory ({@link Caratheodory#fast}): the sum is preserved to rounding with at most
   * {@code d + 1} rows, whatever {@code m}; when {@code d + 1 > m} the support may exceed {@code m}
   * (AutoCoreset stops before that happens).
   *
   * @return the summarizer
   */
  static VectorSummarizer caratheodory() {
    return (rows, m, rng) -> {
      Args.rectangular("rows", rows);
      SensitivitySampling.checkSize(m, rows.length);
      double[] w = new double[rows.length];
      java.util.Arrays.fill(w, 1);
      return Caratheodory.fast(rows, w);
    };
  }

  /**
   * The best of {@code trials} uniform samples (weights {@code n/m}): the one whose weighted sum is
   * closest in Euclidean norm to the true sum (AutoCoreset's "median of means" option).
   *
   * @param trials the number of samples tried, positive
   * @return the summarizer
   */
  static VectorSummarizer bestOfUniform(int trials) {
    Args.positive("trials", trials);
    return (rows, m, rng) -> {
      int d = Args.rectangular("rows", rows);
      SensitivitySampling.checkSize(m, rows.length);
      double[] total = new double[d];
      for (double[] r : rows) {
        for (int j = 0; j < d; j++) {
          total[j] += r[j];
        }
      }
      Args.notNull("rng", rng);
      Coreset best = null;
      double bestErr = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        Coreset c = SensitivitySampling.uniform(rows.length, m, rng.nextLong());
        double err = 0;
        double[] est = new double[d];
        for (int j = 0; j < c.size(); j++) {
          double[] r = rows[c.index(j)];
          for (int l = 0; l < d; l++) {
            est[l] += c.weight(j) * r[l];
          }
        }
        for (int l = 0; l < d; l++) {
          err += (est[l] - total[l]) * (est[l] - total[l]);
        }
        if (err < bestErr) {
          bestErr = err;
          best = c;
        }
      }
      return best;
    };
  }

  /**
   * Importance sampling with {@code p_i ∝ ||row_i||} (plus a small uniform floor so every row can
   * be drawn), weights {@code 1/(m p_i)}: unbiased for the sum.
   *
   * @return the summarizer
   */
  static VectorSummarizer importance() {
    return (rows, m, rng) -> {
      Args.rectangular("rows", rows);
      double[] norms = new double[rows.length];
      double total = 0;
      for (int i = 0; i < rows.length; i++) {
        double s = 0;
        for (double v : rows[i]) {
          s += v * v;
        }
        norms[i] = Math.sqrt(s);
        total += norms[i];
      }
      double floor = total > 0 ? 1e-3 * total / rows.length : 1;
      for (int i = 0; i < rows.length; i++) {
        norms[i] += floor;
      }
      return SensitivitySampling.sample(norms, m, rng);
    };
  }
}
