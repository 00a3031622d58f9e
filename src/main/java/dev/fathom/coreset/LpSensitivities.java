package dev.fathom.coreset;

import dev.fathom.core.Args;

/**
 * ℓp sensitivities of the rows of a matrix {@code A} ({@code n x d}, full column rank), {@code
 * sigma_i = sup_x |a_i . x|^p / ||A x||_p^p} for {@code p >= 1}: the sampling probabilities of ℓp
 * sensitivity sampling (Woodruff and Yasuda, ICML 2023). Two ways:
 *
 * <ul>
 *   <li>{@link #upperBounds}: certified upper bounds from ℓp {@link LewisWeights}. With {@code B =
 *       W^{1/2-1/p} A} for any positive weights {@code w}, Cauchy-Schwarz gives {@code |a_i . x| <=
 *       w_i^{1/p-1/2} sqrt(tau_i(B)) ||B x||_2}. For {@code p >= 2} Hölder gives {@code ||B x||_2^2
 *       <= (sum w)^{1-2/p} ||A x||_p^2}; for {@code p < 2}, with {@code c = max_j tau_j(B)/w_j},
 *       {@code ||B x||_2^p <= c^{1-p/2} ||A x||_p^p}. Hence {@code sigma_i <= w_i^{1-p/2}
 *       tau_i(B)^{p/2} F} with {@code F = (sum w)^{p/2-1}} ({@code p >= 2}) or {@code c^{1-p/2}}
 *       ({@code p < 2}), capped at 1. The bound holds for whatever weights the iteration returns;
 *       at the Lewis fixed point ({@code tau(B) = w}, {@code sum w = d}) it is {@code w_i} for
 *       {@code p <= 2} and {@code d^{p/2-1} w_i} for {@code p > 2}, so the total is at most {@link
 *       #totalBound} {@code = d^{max(1, p/2)}}. {@code O(n d^2)} per Lewis step.
 *   <li>{@link #exact}: {@code sigma_i = 1 / min{||A x||_p^p : a_i . x = 1}}, each minimum an ℓp
 *       regression with {@code d - 1} unknowns solved by {@link LpRegression} (eliminate the
 *       coordinate {@code k} where {@code |a_ik|} is largest). {@code n} regressions: for checking
 *       the bounds and for small inputs.
 * </ul>
 *
 * @since 1.0
 */
public final class LpSensitivities {
  private LpSensitivities() {}

  /**
   * Upper bounds on the ℓp sensitivities from ℓp Lewis weights (computed with {@link
   * LewisWeights#DEFAULT_RULE}); the leverage scores for {@code p = 2}.
   *
   * @param a the rows, {@code n x d} with {@code n >= d}, finite, full column rank (zero rows get
   *     the bound 0, their sensitivity)
   * @param p the exponent, finite, at least 1
   * @return {@code n} bounds in {@code [0, 1]}, summing to about {@code d^{max(1, p/2)}} at most
   */
  public static double[] upperBounds(double[][] a, double p) {
    int d = Args.rectangular("a", a);
    LpRegression.checkP(p);
    if (a.length < d) {
      throw Args.fail("a.length", a.length, "at least the number of columns " + d);
    }
    int[] kept = LewisWeights.nonzeroRows(a);
    if (kept != null) {
      return LewisWeights.scatter(upperBounds(LewisWeights.select(a, kept), p), kept, a.length);
    }
    if (p == 2) {
      return LeverageScores.of(a);
    }
    double[] w = LewisWeights.compute(a, p).weights();
    double[] tau = LewisWeights.reweightedLeverage(a, w, p);
    double f;
    if (p > 2) {
      double total = 0;
      for (double v : w) {
        total += v;
      }
      f = Math.pow(total, p / 2 - 1);
    } else {
      double c = 0;
      for (int i = 0; i < w.length; i++) {
        c = Math.max(c, tau[i] / w[i]);
      }
      f = Math.pow(c, 1 - p / 2);
    }
    double[] out = new double[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.min(1, Math.pow(w[i], 1 - p / 2) * Math.pow(tau[i], p / 2) * f);
    }
    return out;
  }

  /**
   * The sampling masses of Woodruff and Yasuda's combined sampler for {@code p > 2}: ℓp sensitivity
   * sampling mixed in equal parts with ℓ2 leverage-score sampling, {@code q_i = s_i / sum s + tau_i
   * / sum tau} with {@code s} the {@link #upperBounds} and {@code tau} the leverage scores of
   * {@code A} (the masses sum to 2). Sampling {@code ∝ q} draws every row at least half as often as
   * either pure sampler would, so it inherits both samplers' guarantees at twice the size; their
   * analysis of this mixture needs {@code ~d^{2/p} S^{2-4/p}} rows for a {@code (1 ± eps)} ℓp
   * subspace embedding ({@code S} the total sensitivity), against {@code ~S^{2-2/p}} for
   * sensitivity sampling alone. A mixture with the ℓp Lewis weights instead of the leverage scores
   * would change nothing here: for {@code p > 2} the bounds are proportional to the Lewis weights
   * already (up to the cap at 1).
   *
   * @param a the rows, {@code n x d} with {@code n >= d}, finite, full column rank
   * @param p the exponent, finite, at least 1
   * @return {@code n} masses, non-negative, summing to 2 (0 for zero rows)
   */
  public static double[] withLeverage(double[][] a, double p) {
    double[] s = upperBounds(a, p);
    double[] tau = LeverageScores.of(a);
    double ss = 0;
    double st = 0;
    for (int i = 0; i < s.length; i++) {
      ss += s[i];
      st += tau[i];
    }
    double[] q = new double[s.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = s[i] / ss + tau[i] / st;
    }
    return q;
  }

  /**
   * The bound on the total ℓp sensitivity that {@link #upperBounds} meets at the Lewis fixed point:
   * {@code d} for {@code p <= 2}, {@code d^{p/2}} for {@code p > 2}.
   *
   * @param d the number of columns, positive
   * @param p the exponent, finite, at least 1
   * @return {@code d^{max(1, p/2)}}
   */
  public static double totalBound(int d, double p) {
    Args.positive("d", d);
    LpRegression.checkP(p);
    return Math.pow(d, Math.max(1, p / 2));
  }

  /**
   * The ℓp sensitivities, each by one ℓp regression (to {@link LpRegression}'s tolerance): {@code
   * n} regressions of {@code n} rows and {@code d - 1} columns.
   *
   * @param a the rows, {@code n x d} with {@code n >= d}, finite, full column rank
   * @param p the exponent, finite, at least 1
   * @return the {@code n} sensitivities, in {@code [0, 1]}
   */
  public static double[] exact(double[][] a, double p) {
    int d = Args.rectangular("a", a);
    LpRegression.checkP(p);
    int n = a.length;
    if (n < d) {
      throw Args.fail("a.length", n, "at least the number of columns " + d);
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double[] ai = a[i];
      int k = 0;
      for (int j = 1; j < d; j++) {
        if (Math.abs(ai[j]) > Math.abs(ai[k])) {
          k = j;
        }
      }
      if (ai[k] == 0) {
        continue; // a zero row has sensitivity 0
      }
      // x_k = (1 - sum_{j != k} a_ij z_j) / a_ik: A x = c + D z with c = A_k / a_ik
      double[] target = new double[n];
      double[][] design = new double[n][Math.max(d - 1, 1)];
      for (int l = 0; l < n; l++) {
        double ck = a[l][k] / ai[k];
        target[l] = -ck;
        for (int j = 0, col = 0; j < d; j++) {
          if (j != k) {
            design[l][col++] = a[l][j] - ck * ai[j];
          }
        }
      }
      double min = 0;
      if (d == 1) {
        for (double t : target) {
          min += Math.pow(Math.abs(t), p);
        }
      } else {
        double[] z = LpRegression.fit(design, target, p).beta();
        for (int l = 0; l < n; l++) {
          min += Math.pow(Math.abs(target[l] - LeastAbsoluteDeviations.dot(design[l], z)), p);
        }
      }
      out[i] = Math.min(1, 1 / min);
    }
    return out;
  }
}
