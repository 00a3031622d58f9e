package dev.fathom.submodular;

/** Dense float rows (from {@link Similarity.Precision#FLOAT}); gains accumulate in double. */
final class DenseFloatSimilarity implements Similarity {
  private final float[][] rows;

  DenseFloatSimilarity(float[][] rows) {
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
    float[] r = rows[e];
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
    float[] r = rows[e];
    for (int i = 0; i < r.length; i++) {
      cur[i] = Math.max(cur[i], r[i]);
    }
  }

  @Override
  public double get(int j, int i) {
    return rows[j][i];
  }
}
