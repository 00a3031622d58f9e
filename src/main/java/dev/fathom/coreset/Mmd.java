package dev.fathom.coreset;

import dev.fathom.core.Args;

/**
 * Maximum mean discrepancy between the empirical distribution of a data set and that of a weighted
 * subset: {@code MMD^2 = mean K[P,P] - 2 sum_j w_j mean_i K[i, c_j] + sum_{j,l} w_j w_l K[c_j,
 * c_l]} with normalised weights. Costs about {@code n^2/2 + n s + s^2/2} kernel evaluations (the
 * first term can be computed once with {@link #selfTerm} and passed back in).
 *
 * @since 1.0
 */
public final class Mmd {
  private Mmd() {}

  /**
   * {@code mean_{i,l} k(x_i, x_l)} over all pairs of the data set.
   *
   * @param x the points, {@code n x d}, finite
   * @param kernel the kernel
   * @return the mean kernel value
   */
  public static double selfTerm(double[][] x, Kernel kernel) {
    Args.rectangular("x", x);
    Args.notNull("kernel", kernel);
    double s = 0;
    for (double v : new Gram.OnTheFly(x, kernel).rowMeans()) {
      s += v;
    }
    return s / x.length;
  }

  /**
   * The MMD between all points and the uniform distribution on {@code indices} (repetitions count
   * with multiplicity).
   *
   * @param x the points, {@code n x d}, finite
   * @param kernel the kernel
   * @param indices the subset, non-empty, indices into {@code x}
   * @return the MMD
   */
  public static double of(double[][] x, Kernel kernel, int[] indices) {
    Args.rectangular("x", x);
    Args.notNull("kernel", kernel);
    Coreset coreset = KernelThinning.toCoreset(indices, x.length);
    return of(x, kernel, coreset, selfTerm(x, kernel));
  }

  /**
   * The MMD between all points and the coreset's distribution (weights normalised to sum 1).
   *
   * @param x the points, {@code n x d}, finite
   * @param kernel the kernel
   * @param coreset the weighted subset, positive total weight
   * @param selfTerm {@link #selfTerm(double[][], Kernel)} of {@code x} and {@code kernel}
   * @return the MMD
   */
  public static double of(double[][] x, Kernel kernel, Coreset coreset, double selfTerm) {
    Args.rectangular("x", x);
    Args.notNull("kernel", kernel);
    Args.notNull("coreset", coreset);
    Args.finite("selfTerm", selfTerm);
    double total = coreset.totalWeight();
    if (!(total > 0)) {
      throw Args.fail("coreset.totalWeight()", total, "a positive total weight");
    }
    int s = coreset.size();
    int n = x.length;
    for (int j = 0; j < s; j++) {
      if (coreset.index(j) >= n) {
        throw Args.fail(
            "coreset.index(" + j + ")", coreset.index(j), "an index below x.length = " + n);
      }
    }
    double cross = 0;
    double inner = 0;
    for (int j = 0; j < s; j++) {
      int cj = coreset.index(j);
      double wj = coreset.weight(j) / total;
      double row = 0;
      for (int i = 0; i < n; i++) {
        row += kernel.eval(x[i], x[cj]);
      }
      cross += wj * row / n;
      inner += wj * wj * kernel.eval(x[cj], x[cj]);
      for (int l = j + 1; l < s; l++) {
        inner += 2 * wj * coreset.weight(l) / total * kernel.eval(x[cj], x[coreset.index(l)]);
      }
    }
    return Math.sqrt(Math.max(0, selfTerm - 2 * cross + inner));
  }
}
