package dev.fathom.submodular;

import dev.fathom.linalg.Args;

/**
 * Non-negative similarities {@code s(j, i)} between candidates {@code j} (the ground set of a
 * {@link FacilityLocation}) and clients {@code i}, stored by candidate so that a marginal gain
 * reads one candidate's row. Three storages: {@link #dense(double[][]) dense rows}, {@link
 * #blocked(int, int, RowFiller) row-blocked float storage} (no single array limit, half the
 * memory), and {@link SparseSimilarity sparse rows} (for example k-nearest-neighbour graphs).
 * Immutable after construction, so one storage can back many functions and threads.
 */
public interface Similarity {
  /**
   * The number of candidates (the ground-set size).
   *
   * @return the count
   */
  int candidates();

  /**
   * The number of clients.
   *
   * @return the count
   */
  int clients();

  /**
   * The gain {@code sum_i max(s(e, i) - cur[i], 0)} of candidate {@code e}.
   *
   * @param e a candidate id
   * @param cur the current per-client coverage, length {@link #clients()}
   * @return the gain
   */
  double gain(int e, double[] cur);

  /**
   * Raises {@code cur[i]} to {@code max(cur[i], s(e, i))} for every client.
   *
   * @param e a candidate id
   * @param cur the current per-client coverage, updated in place
   */
  void raise(int e, double[] cur);

  /**
   * The similarity {@code s(j, i)} (for tests and small problems).
   *
   * @param j a candidate id
   * @param i a client id
   * @return the similarity
   */
  double get(int j, int i);

  /**
   * Dense storage of {@code rows[j][i] = s(j, i)}; the rows are used as given, not copied.
   *
   * @param rows a rectangular matrix of finite non-negative entries
   * @return the storage
   */
  static Similarity dense(double[][] rows) {
    Args.rectangular("rows", rows);
    for (int j = 0; j < rows.length; j++) {
      Args.nonNegative("rows[" + j + "]", rows[j]);
    }
    return new DenseSimilarity(rows);
  }

  /**
   * Fills one candidate's row of similarities.
   *
   * @see #blocked(int, int, RowFiller)
   */
  @FunctionalInterface
  interface RowFiller {
    /**
     * Writes {@code row[i] = s(j, i)} for every client {@code i}.
     *
     * @param j the candidate id
     * @param row the row to fill, length = clients
     */
    void fill(int j, double[] row);
  }

  /**
   * Row-blocked float storage: rows are packed into blocks of at most 2^26 floats each, so the
   * matrix is not limited by the 2^31 entries of one Java array, and floats halve the memory of
   * doubles. Gains are accumulated in double.
   *
   * @param candidates the number of candidates
   * @param clients the number of clients
   * @param filler fills each row; negative or non-finite entries are rejected
   * @return the storage
   */
  static Similarity blocked(int candidates, int clients, RowFiller filler) {
    return new BlockedSimilarity(candidates, clients, Args.notNull("filler", filler));
  }

  /**
   * The similarity apricot uses for Euclidean data, {@code s(j, i) = max D - D(j, i)} on squared
   * Euclidean distances D, dense, between every pair of points (candidates = clients = points).
   *
   * @param points the points, one row each
   * @return the dense storage
   */
  static Similarity squaredEuclidean(double[][] points) {
    int d = Args.rectangular("points", points);
    int n = points.length;
    double[] flat = new double[n * d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(points[i], 0, flat, i * d, d);
    }
    double[][] rows = new double[n][n];
    int j = 0;
    // four rows at a time, so each point i is loaded once for four distances
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
    return new DenseSimilarity(rows);
  }
}

final class DenseSimilarity implements Similarity {
  private final double[][] rows;

  DenseSimilarity(double[][] rows) {
    this.rows = rows;
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

final class BlockedSimilarity implements Similarity {
  private static final int BLOCK_FLOATS = 1 << 26;
  private final int candidates;
  private final int clients;
  private final int rowsPerBlock;
  private final float[][] blocks;

  BlockedSimilarity(int candidates, int clients, Similarity.RowFiller filler) {
    this.candidates = Args.positive("candidates", candidates);
    this.clients = Args.positive("clients", clients);
    this.rowsPerBlock = Math.max(1, BLOCK_FLOATS / clients);
    int nBlocks = (candidates + rowsPerBlock - 1) / rowsPerBlock;
    blocks = new float[nBlocks][];
    double[] row = new double[clients];
    for (int b = 0; b < nBlocks; b++) {
      int rows = Math.min(rowsPerBlock, candidates - b * rowsPerBlock);
      float[] block = new float[rows * clients];
      for (int r = 0; r < rows; r++) {
        int j = b * rowsPerBlock + r;
        filler.fill(j, row);
        for (int i = 0; i < clients; i++) {
          if (!(row[i] >= 0) || row[i] == Double.POSITIVE_INFINITY) {
            throw Args.fail("s(" + j + ", " + i + ")", row[i], "a finite non-negative number");
          }
          block[r * clients + i] = (float) row[i];
        }
      }
      blocks[b] = block;
    }
  }

  @Override
  public int candidates() {
    return candidates;
  }

  @Override
  public int clients() {
    return clients;
  }

  @Override
  public double gain(int e, double[] cur) {
    float[] block = blocks[e / rowsPerBlock];
    int off = (e % rowsPerBlock) * clients;
    double g0 = 0;
    double g1 = 0;
    int i = 0;
    for (; i + 1 < clients; i += 2) {
      g0 += Math.max(block[off + i] - cur[i], 0.0);
      g1 += Math.max(block[off + i + 1] - cur[i + 1], 0.0);
    }
    for (; i < clients; i++) {
      g0 += Math.max(block[off + i] - cur[i], 0.0);
    }
    return g0 + g1;
  }

  @Override
  public void raise(int e, double[] cur) {
    float[] block = blocks[e / rowsPerBlock];
    int off = (e % rowsPerBlock) * clients;
    for (int i = 0; i < clients; i++) {
      cur[i] = Math.max(cur[i], block[off + i]);
    }
  }

  @Override
  public double get(int j, int i) {
    return blocks[j / rowsPerBlock][(j % rowsPerBlock) * clients + i];
  }
}
