package dev.fathom.bench.submodular;

import dev.fathom.submodular.similarity.Similarity;

/**
 * The dense squared-Euclidean similarity as it was before the tiled Gram build (kept here as the
 * benchmark's baseline): direct differences four candidate rows at a time over the full matrix on
 * one thread, then a max pass and a {@code max - D} pass; gains sum {@code Math.max(s - cur, 0)}
 * with four accumulators.
 */
final class PreviousDenseKernel implements Similarity {
  private final double[][] rows;

  private PreviousDenseKernel(double[][] rows) {
    this.rows = rows;
  }

  /** The previous build of {@code max D - D}. */
  static Similarity squaredEuclidean(double[][] points) {
    int n = points.length;
    int d = points[0].length;
    double[] flat = new double[n * d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(points[i], 0, flat, i * d, d);
    }
    double[][] rows = new double[n][n];
    int j = 0;
    for (; j + 3 < n; j += 4) {
      int o0 = j * d;
      int o1 = o0 + d;
      int o2 = o1 + d;
      int o3 = o2 + d;
      for (int i = 0; i < n; i++) {
        int oi = i * d;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int c = 0; c < d; c++) {
          double x = flat[oi + c];
          double t0 = flat[o0 + c] - x;
          double t1 = flat[o1 + c] - x;
          double t2 = flat[o2 + c] - x;
          double t3 = flat[o3 + c] - x;
          s0 += t0 * t0;
          s1 += t1 * t1;
          s2 += t2 * t2;
          s3 += t3 * t3;
        }
        rows[j][i] = s0;
        rows[j + 1][i] = s1;
        rows[j + 2][i] = s2;
        rows[j + 3][i] = s3;
      }
    }
    for (; j < n; j++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          double t = flat[j * d + c] - flat[i * d + c];
          s += t * t;
        }
        rows[j][i] = s;
      }
    }
    double max = 0;
    for (double[] r : rows) {
      for (double v : r) {
        max = Math.max(max, v);
      }
    }
    for (double[] r : rows) {
      for (int i = 0; i < n; i++) {
        r[i] = max - r[i];
      }
    }
    return new PreviousDenseKernel(rows);
  }

  /** The previous gain loop over a copy of another storage's entries. */
  static Similarity copyOf(Similarity s) {
    double[][] rows = new double[s.candidates()][s.clients()];
    for (int j = 0; j < rows.length; j++) {
      for (int i = 0; i < rows[j].length; i++) {
        rows[j][i] = s.get(j, i);
      }
    }
    return new PreviousDenseKernel(rows);
  }

  @Override
  public int candidates() {
    return rows.length;
  }

  @Override
  public int clients() {
    return rows[0].length;
  }

  @Override
  public double gain(int e, double[] cur) {
    double[] r = rows[e];
    int m = r.length;
    double g0 = 0;
    double g1 = 0;
    double g2 = 0;
    double g3 = 0;
    int i = 0;
    for (; i + 3 < m; i += 4) {
      g0 += Math.max(r[i] - cur[i], 0.0);
      g1 += Math.max(r[i + 1] - cur[i + 1], 0.0);
      g2 += Math.max(r[i + 2] - cur[i + 2], 0.0);
      g3 += Math.max(r[i + 3] - cur[i + 3], 0.0);
    }
    for (; i < m; i++) {
      g0 += Math.max(r[i] - cur[i], 0.0);
    }
    return (g0 + g1) + (g2 + g3);
  }

  @Override
  public void raise(int e, double[] cur) {
    double[] r = rows[e];
    for (int i = 0; i < r.length; i++) {
      cur[i] = Math.max(cur[i], r[i]);
    }
  }

  @Override
  public double get(int j, int i) {
    return rows[j][i];
  }
}
