package dev.fathom.coreset;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Carathéodory's theorem as an algorithm: any weighted set of points in {@code R^d} has a subset of
 * at most {@code d + 1} points with new non-negative weights that has the same total weight and the
 * same weighted sum, exactly (up to rounding).
 *
 * <p>The reduction step takes {@code k} points, computes the null space of the {@code (d+1) x k}
 * matrix of columns {@code [p_j; 1]} (EJML SVD), and for each null vector {@code v} moves the
 * weights along {@code -v} until one of them reaches zero; that keeps {@code sum w_j p_j} and
 * {@code sum w_j}. The null vectors still to be used are first cleared at the removed point, so one
 * SVD removes {@code k - (d+1)} points.
 *
 * <ul>
 *   <li>{@link #exact}: streams the points through that step, {@code d + 1} new points at a time;
 *       {@code O(n d^2)} time.
 *   <li>{@link #fast}: the booster of Maalouf, Jubran and Feldman (NeurIPS 2019): split the points
 *       into {@code 2d + 2} chunks, reduce the chunks' weighted means, keep the surviving chunks
 *       with their weights rescaled, and repeat; {@code O(nd + d^4 log n)} time.
 * </ul>
 *
 * Static and thread-safe; deterministic.
 *
 * @since 1.0
 */
public final class Caratheodory {
  private Caratheodory() {}

  /**
   * Exact Carathéodory by streaming reduction.
   *
   * @param points the points, {@code n x d}, finite
   * @param weights the weights, finite and non-negative, length {@code n}, positive total
   * @return at most {@code d + 1} of the points of positive weight, with the same total weight and
   *     weighted sum
   */
  public static Coreset exact(double[][] points, double[] weights) {
    int d = check(points, weights);
    // only the points of positive weight take part: a reduction step may move weight onto any
    // point it is given, and a point of weight 0 is not in the support to be reduced
    int[] support = positive(weights);
    int[] active = new int[0];
    double[] w = new double[0];
    int next = 0;
    int n = support.length;
    while (next < n) {
      int take = Math.min(d + 1, n - next);
      int[] idx = java.util.Arrays.copyOf(active, active.length + take);
      double[] ww = java.util.Arrays.copyOf(w, w.length + take);
      for (int t = 0; t < take; t++) {
        idx[active.length + t] = support[next + t];
        ww[w.length + t] = weights[support[next + t]];
      }
      next += take;
      double[][] sub = new double[idx.length][];
      for (int j = 0; j < idx.length; j++) {
        sub[j] = points[idx[j]];
      }
      reduce(sub, ww);
      int keep = 0;
      for (double v : ww) {
        keep += v > 0 ? 1 : 0;
      }
      active = new int[keep];
      w = new double[keep];
      int c = 0;
      for (int j = 0; j < idx.length; j++) {
        if (ww[j] > 0) {
          active[c] = idx[j];
          w[c++] = ww[j];
        }
      }
    }
    return new Coreset(active, w);
  }

  /**
   * Fast Carathéodory by the chunked booster.
   *
   * @param points the points, {@code n x d}, finite
   * @param weights the weights, finite and non-negative, length {@code n}, positive total
   * @return at most {@code d + 1} of the points of positive weight, with the same total weight and
   *     weighted sum
   */
  public static Coreset fast(double[][] points, double[] weights) {
    int d = check(points, weights);
    double[] w = weights.clone();
    int[] active = positive(w);
    int chunks = 2 * (d + 1);
    while (active.length > d + 1) {
      if (active.length <= chunks) {
        double[][] sub = new double[active.length][];
        double[] ww = new double[active.length];
        for (int j = 0; j < active.length; j++) {
          sub[j] = points[active[j]];
          ww[j] = w[active[j]];
        }
        reduce(sub, ww);
        for (int j = 0; j < active.length; j++) {
          w[active[j]] = ww[j];
        }
        active = survivors(active, w);
        continue;
      }
      int len = active.length;
      double[][] means = new double[chunks][d];
      double[] cw = new double[chunks];
      int[] start = new int[chunks + 1];
      for (int c = 0; c <= chunks; c++) {
        start[c] = (int) ((long) len * c / chunks);
      }
      for (int c = 0; c < chunks; c++) {
        for (int j = start[c]; j < start[c + 1]; j++) {
          int i = active[j];
          cw[c] += w[i];
          double[] p = points[i];
          for (int l = 0; l < d; l++) {
            means[c][l] += w[i] * p[l];
          }
        }
        for (int l = 0; l < d; l++) {
          means[c][l] /= cw[c];
        }
      }
      double[] newCw = cw.clone();
      reduce(means, newCw);
      for (int c = 0; c < chunks; c++) {
        double f = newCw[c] / cw[c];
        for (int j = start[c]; j < start[c + 1]; j++) {
          w[active[j]] *= f;
        }
      }
      active = survivors(active, w);
    }
    double[] out = new double[active.length];
    for (int j = 0; j < active.length; j++) {
      out[j] = w[active[j]];
    }
    return new Coreset(active, out);
  }

  /** The indices of the positive weights, in order. */
  private static int[] positive(double[] w) {
    return java.util.stream.IntStream.range(0, w.length).filter(i -> w[i] > 0).toArray();
  }

  private static int[] survivors(int[] active, double[] w) {
    return java.util.Arrays.stream(active).filter(i -> w[i] > 0).toArray();
  }

  private static int check(double[][] points, double[] weights) {
    int d = Args.rectangular("points", points);
    Args.nonNegative("weights", weights);
    Args.length("weights", weights, points.length);
    double total = 0;
    for (double v : weights) {
      total += v;
    }
    if (!(total > 0)) {
      throw Args.fail("sum(weights)", total, "a positive total");
    }
    return d;
  }

  /**
   * Reduces {@code k} weighted points in place: afterwards at most {@code d + 1} weights are
   * positive (the others exactly 0), and {@code sum w_j p_j} and {@code sum w_j} are unchanged up
   * to rounding.
   */
  static void reduce(double[][] p, double[] w) {
    int k = p.length;
    int d = p[0].length;
    if (k <= d + 1) {
      return;
    }
    DMatrixRMaj a = new DMatrixRMaj(d + 1, k);
    for (int j = 0; j < k; j++) {
      for (int l = 0; l < d; l++) {
        a.set(l, j, p[j][l]);
      }
      a.set(d, j, 1);
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(d + 1, k, false, true, false);
    if (!svd.decompose(a)) {
      throw new IllegalStateException("SVD failed in Caratheodory reduction");
    }
    double[] sv = svd.getSingularValues();
    double smax = 0;
    for (double s : sv) {
      smax = Math.max(smax, s);
    }
    DMatrixRMaj ns = SingularOps_DDRM.nullSpace(svd, null, smax * 1e-12 * k);
    int r = ns.numCols;
    double[][] v = new double[r][k];
    for (int q = 0; q < r; q++) {
      for (int j = 0; j < k; j++) {
        v[q][j] = ns.get(j, q);
      }
    }
    // a point leaves only as the pivot of a null vector (then the later vectors are cleared
    // there); a weight that reaches 0 otherwise stays active, so every later update still sums
    // to zero over the active points
    boolean[] removed = new boolean[k];
    for (int q = 0; q < r; q++) {
      double[] u = v[q];
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        if (!removed[j]) {
          max = Math.max(max, u[j]);
          min = Math.min(min, u[j]);
        }
      }
      if (-min > max) {
        for (int j = 0; j < k; j++) {
          u[j] = -u[j];
        }
        max = -min;
      }
      if (!(max > 1e-14)) {
        continue;
      }
      int star = -1;
      double alpha = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        if (!removed[j] && u[j] > 1e-14 * max) {
          double t = w[j] / u[j];
          if (t < alpha) {
            alpha = t;
            star = j;
          }
        }
      }
      for (int j = 0; j < k; j++) {
        if (!removed[j]) {
          w[j] = Math.max(0, w[j] - alpha * u[j]);
        }
      }
      w[star] = 0;
      removed[star] = true;
      for (int q2 = q + 1; q2 < r; q2++) {
        double f = v[q2][star] / u[star];
        if (f != 0) {
          for (int j = 0; j < k; j++) {
            v[q2][j] -= f * u[j];
          }
        }
        v[q2][star] = 0;
      }
    }
  }
}
