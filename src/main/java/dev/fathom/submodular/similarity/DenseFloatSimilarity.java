package dev.fathom.submodular.similarity;

import dev.fathom.linalg.FloatRowBlocks;
import dev.fathom.submodular.function.FacilityLocation;

/**
 * Dense float rows, built by {@link Similarity#squaredEuclidean(double[][], int,
 * Similarity.Precision)} with {@link Similarity.Precision#FLOAT}; public only for its
 * float-coverage methods, which {@code FacilityLocation} uses (there is no public constructor).
 * Through the {@link Similarity} interface, gains are exact float-to-double differences summed in
 * double. {@link FacilityLocation} keeps its coverage in float as well (every coverage is a stored
 * float or 0) and uses {@link #gain(int, float[])}: float differences, summed eight-wide in float
 * over blocks of {@link #BLOCK} clients and the blocks in double, which avoids a conversion per
 * entry (about 1.5x faster) at a relative rounding of about 1e-7 of the gain. With {@code
 * --add-modules jdk.incubator.vector} on a machine with 256-bit vectors, both gains run as SIMD
 * loops (about twice as fast on rows in memory; disable with {@code -Dfathom.simd=false}) with
 * bitwise the same results. The builder refuses squared distances above {@code Float.MAX_VALUE /
 * 64} so that those float partial sums stay finite. The rows are stored as the builder returns
 * them, {@link FloatRowBlocks}: blocks of many rows each, which the JVM's G1 collector allocates
 * outside its young generation, so that its collections never copy the matrix.
 *
 * @since 1.0
 */
public final class DenseFloatSimilarity implements Similarity {
  private final float[][] arrays;
  private final int[] offsets;
  private final int clients;

  /** Rows used as given (tests; the builder stores blocks). */
  DenseFloatSimilarity(float[][] rows) {
    this.arrays = rows;
    this.offsets = new int[rows.length];
    this.clients = rows[0].length;
  }

  DenseFloatSimilarity(FloatRowBlocks blocks) {
    int n = blocks.rows();
    this.arrays = new float[n][];
    this.offsets = new int[n];
    for (int j = 0; j < n; j++) {
      arrays[j] = blocks.array(j);
      offsets[j] = blocks.offset(j);
    }
    this.clients = blocks.columns();
  }

  @Override
  public int candidates() {
    return arrays.length;
  }

  @Override
  public int clients() {
    return clients;
  }

  @Override
  public double gain(int e, double[] cur) {
    float[] r = arrays[e];
    int o = offsets[e];
    int m = clients;
    double g0 = 0;
    double g1 = 0;
    double g2 = 0;
    double g3 = 0;
    int i = 0;
    for (; i + 3 < m; i += 4) {
      double t0 = r[o + i] - cur[i];
      double t1 = r[o + i + 1] - cur[i + 1];
      double t2 = r[o + i + 2] - cur[i + 2];
      double t3 = r[o + i + 3] - cur[i + 3];
      g0 += t0 + Math.abs(t0);
      g1 += t1 + Math.abs(t1);
      g2 += t2 + Math.abs(t2);
      g3 += t3 + Math.abs(t3);
    }
    for (; i < m; i++) {
      double t0 = r[o + i] - cur[i];
      g0 += t0 + Math.abs(t0);
    }
    return 0.5 * ((g0 + g1) + (g2 + g3));
  }

  @Override
  public void raise(int e, double[] cur) {
    float[] r = arrays[e];
    int o = offsets[e];
    for (int i = 0; i < clients; i++) {
      cur[i] = Math.max(cur[i], r[o + i]);
    }
  }

  /** Clients per float partial sum in {@link #gain(int, float[])}. */
  static final int BLOCK = 256;

  /**
   * The gain against a float coverage vector (see the class comment). Unchecked, like {@link
   * #gain(int, double[])}.
   *
   * @param e the candidate, in {@code [0, candidates())}
   * @param cur the coverage, float, length {@link #clients()}
   * @return the gain
   */
  public double gain(int e, float[] cur) {
    FacilityGainKernel k = FacilityGainKernel.SELECTED;
    return k != null
        ? k.gain(arrays[e], offsets[e], cur, clients)
        : scalarGain(arrays[e], offsets[e], cur, clients);
  }

  /**
   * The scalar loop of {@link #gain(int, float[])} on a row.
   *
   * @param r the array holding the row
   * @param o where the row starts in {@code r}
   * @param cur the coverage
   * @param m the row length (clients)
   * @return the gain
   */
  static double scalarGain(float[] r, int o, float[] cur, int m) {
    double g = 0;
    int b = 0;
    for (; b + BLOCK <= m; b += BLOCK) {
      float g0 = 0;
      float g1 = 0;
      float g2 = 0;
      float g3 = 0;
      float g4 = 0;
      float g5 = 0;
      float g6 = 0;
      float g7 = 0;
      for (int i = b; i < b + BLOCK; i += 8) {
        float t0 = r[o + i] - cur[i];
        float t1 = r[o + i + 1] - cur[i + 1];
        float t2 = r[o + i + 2] - cur[i + 2];
        float t3 = r[o + i + 3] - cur[i + 3];
        float t4 = r[o + i + 4] - cur[i + 4];
        float t5 = r[o + i + 5] - cur[i + 5];
        float t6 = r[o + i + 6] - cur[i + 6];
        float t7 = r[o + i + 7] - cur[i + 7];
        g0 += t0 + Math.abs(t0);
        g1 += t1 + Math.abs(t1);
        g2 += t2 + Math.abs(t2);
        g3 += t3 + Math.abs(t3);
        g4 += t4 + Math.abs(t4);
        g5 += t5 + Math.abs(t5);
        g6 += t6 + Math.abs(t6);
        g7 += t7 + Math.abs(t7);
      }
      g += ((double) g0 + g1) + ((double) g2 + g3) + ((double) g4 + g5) + ((double) g6 + g7);
    }
    for (; b < m; b++) {
      float t = r[o + b] - cur[b];
      g += t + Math.abs(t);
    }
    return 0.5 * g;
  }

  /**
   * Raises a float coverage vector to candidate {@code e}'s row. Unchecked.
   *
   * @param e the candidate, in {@code [0, candidates())}
   * @param cur the coverage, length {@link #clients()}, updated in place
   */
  public void raise(int e, float[] cur) {
    float[] r = arrays[e];
    int o = offsets[e];
    for (int i = 0; i < clients; i++) {
      cur[i] = Math.max(cur[i], r[o + i]);
    }
  }

  @Override
  public double get(int j, int i) {
    return arrays[j][offsets[j] + i];
  }
}
