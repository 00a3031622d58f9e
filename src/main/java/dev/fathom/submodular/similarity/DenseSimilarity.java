package dev.fathom.submodular.similarity;

import dev.fathom.linalg.DoubleRowBlocks;

/**
 * Dense double similarities, candidate {@code j}'s row the {@link #clients()} entries of {@code
 * arrays[j]} from {@code offsets[j]}: either rows {@code rows[j][i] = s(j, i)} used as given
 * (offsets 0), or the blocks of a {@link DoubleRowBlocks} (many rows per array), used as given.
 */
final class DenseSimilarity implements Similarity {
  private final double[][] arrays;
  private final int[] offsets;
  private final int clients;

  DenseSimilarity(double[][] rows) {
    this.arrays = rows;
    this.offsets = new int[rows.length];
    this.clients = rows[0].length;
  }

  DenseSimilarity(DoubleRowBlocks blocks) {
    int n = blocks.rows();
    this.arrays = new double[n][];
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
    FacilityGainKernel k = FacilityGainKernel.SELECTED;
    return k != null
        ? k.gain(arrays[e], offsets[e], cur, clients)
        : positivePartSum(arrays[e], offsets[e], cur, clients);
  }

  /**
   * {@code sum_i max(r[i] - cur[i], 0)}, summed as {@code 0.5 sum_i (t + |t|)} with {@code t = r[i]
   * - cur[i]}: {@code t + |t|} is exactly {@code 2 max(t, 0)}, and scaling by 2 commutes with
   * rounding, so this is bit-identical to summing {@code max(t, 0)} in the same order, without
   * Java's costly {@code Math.max} on doubles. (The one difference: a partial sum beyond half the
   * double range, 9e307, overflows to infinity here, where the direct sum would overflow only from
   * 1.8e308.) The scalar loop; {@link FacilityGainKernel} has the same sums in SIMD lanes.
   *
   * @param r the array holding the row
   * @param o where the row starts in {@code r}
   * @param cur the coverage
   * @param m the row length (clients)
   * @return the gain
   */
  static double positivePartSum(double[] r, int o, double[] cur, int m) {
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
    double[] r = arrays[e];
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
