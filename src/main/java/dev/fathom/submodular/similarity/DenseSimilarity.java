package dev.fathom.submodular.similarity;

/** Dense double rows {@code rows[j][i] = s(j, i)}, used as given. */
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
    FacilityGainKernel k = FacilityGainKernel.SELECTED;
    return k != null ? k.gain(rows[e], cur) : positivePartSum(rows[e], cur);
  }

  /**
   * {@code sum_i max(r[i] - cur[i], 0)}, summed as {@code 0.5 sum_i (t + |t|)} with {@code t = r[i]
   * - cur[i]}: {@code t + |t|} is exactly {@code 2 max(t, 0)}, and scaling by 2 commutes with
   * rounding, so this is bit-identical to summing {@code max(t, 0)} in the same order, without
   * Java's costly {@code Math.max} on doubles. (The one difference: a partial sum beyond half the
   * double range, 9e307, overflows to infinity here, where the direct sum would overflow only from
   * 1.8e308.) The scalar loop; {@link FacilityGainKernel} has the same sums in SIMD lanes.
   */
  static double positivePartSum(double[] r, double[] cur) {
    int m = r.length;
    double g0 = 0;
    double g1 = 0;
    double g2 = 0;
    double g3 = 0;
    int i = 0;
    for (; i + 3 < m; i += 4) {
      double t0 = r[i] - cur[i];
      double t1 = r[i + 1] - cur[i + 1];
      double t2 = r[i + 2] - cur[i + 2];
      double t3 = r[i + 3] - cur[i + 3];
      g0 += t0 + Math.abs(t0);
      g1 += t1 + Math.abs(t1);
      g2 += t2 + Math.abs(t2);
      g3 += t3 + Math.abs(t3);
    }
    for (; i < m; i++) {
      double t0 = r[i] - cur[i];
      g0 += t0 + Math.abs(t0);
    }
    return 0.5 * ((g0 + g1) + (g2 + g3));
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
