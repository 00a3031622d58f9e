package dev.fathom.submodular.similarity;

import dev.fathom.core.Args;
import dev.fathom.linalg.SquaredEuclidean;
import dev.fathom.submodular.function.FacilityLocation;

/**
 * Non-negative similarities {@code s(j, i)} between candidates {@code j} (the ground set of a
 * {@link FacilityLocation}) and clients {@code i}, stored by candidate so that a marginal gain
 * reads one candidate's row. Three storages: {@link #dense(double[][]) dense rows}, {@link
 * #blocked(int, int, RowFiller) row-blocked float storage} (no single array limit, half the
 * memory), and {@link SparseSimilarity sparse rows} (for example k-nearest-neighbour graphs);
 * {@link #squaredEuclidean(double[][], int, Precision)} builds apricot's dense Euclidean similarity
 * from raw points, in double or float rows. Immutable after construction, so one storage can back
 * many functions and threads. An implementation of this interface must be as safe: {@link
 * FacilityLocation} allows its gains to be computed on several threads at once ({@code
 * SetFunction.concurrentGains()}), so {@link #gain(int, double[])} and {@link #get(int, int)} may
 * be called concurrently, and a late computation may still read a coverage array that {@link
 * #raise(int, double[])} is updating (its result is then discarded): it must not fail or hang.
 *
 * @since 1.0
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
   * Euclidean distances D, dense, between every pair of points (candidates = clients = points), in
   * double precision on the calling thread. See {@link #squaredEuclidean(double[][], int,
   * Precision)}.
   *
   * @param points the points, one row each
   * @return the dense storage
   */
  static Similarity squaredEuclidean(double[][] points) {
    return squaredEuclidean(points, 1, Precision.DOUBLE);
  }

  /**
   * The storage precision of a dense similarity built by {@link #squaredEuclidean(double[][], int,
   * Precision)}.
   */
  enum Precision {
    /** Doubles: the reference path. */
    DOUBLE,
    /**
     * Floats: half the memory and half the memory traffic of every gain; the Gram matrix is
     * accumulated in float, so entries differ from {@link #DOUBLE}'s by about 1e-6 of the largest
     * squared distance, and near-ties between gains may be broken differently. Squared distances
     * above {@code Float.MAX_VALUE / 64} (about 5.3e36) are refused, so that the float partial sums
     * of every gain stay finite.
     */
    FLOAT
  }

  /**
   * The similarity {@code s(j, i) = max D - D(j, i)} on squared Euclidean distances D between every
   * pair of points, as apricot builds it for {@code metric='euclidean'}. D is computed like
   * scikit-learn's {@code euclidean_distances}: {@code |x_i|^2 + |x_j|^2 - 2 x_i.x_j} on the
   * centred points from a cache-tiled Gram matrix (upper triangle only, then mirrored, so the
   * matrix is exactly symmetric), negative round-off clamped to 0 and the diagonal exactly 0. With
   * {@code --add-modules jdk.incubator.vector} on the JVM the Gram matrix uses a SIMD micro-kernel
   * (about twice as fast; disable with {@code -Dfathom.simd=false}). The result is bitwise the same
   * for every thread count and with or without the SIMD kernel. The matrix is kept as {@link
   * SquaredEuclidean#similarityBlocks(double[][], int)} (or {@link
   * SquaredEuclidean#similarityFloatBlocks(double[][], int)}) returns it: a few large arrays of
   * many rows each, which the G1 collector allocates outside its young generation and never copies.
   *
   * @param points the points, one row each (finite, rectangular)
   * @param threads the number of threads to use, at least 1 (1 = the calling thread only)
   * @param precision the storage (and Gram accumulation) precision
   * @return the dense storage
   */
  static Similarity squaredEuclidean(double[][] points, int threads, Precision precision) {
    Args.rectangular("points", points);
    Args.positive("threads", threads);
    Args.notNull("precision", precision);
    return precision == Precision.DOUBLE
        ? new DenseSimilarity(SquaredEuclidean.similarityBlocks(points, threads))
        : new DenseFloatSimilarity(SquaredEuclidean.similarityFloatBlocks(points, threads));
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
