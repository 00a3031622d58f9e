package dev.fathom.coreset;

import dev.fathom.core.Args;

/**
 * Coreset sizes from a target relative error {@code eps} and failure probability {@code delta}. The
 * bounds are the standard ones with every hidden constant set to 1, so they are a scale, not a
 * certificate: the tests of this package measure the errors that such sizes really give.
 *
 * @since 1.0
 */
public final class CoresetSize {
  private CoresetSize() {}

  /**
   * Sensitivity sampling (Braverman et al.): {@code m = ceil(S/eps^2 (dim log S + log 1/delta))},
   * with {@code log S} taken as at least 1.
   *
   * @param eps the relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param totalSensitivity the total sensitivity {@code S}, finite and positive
   * @param dimension the dimension of the query space, positive
   * @return the number of draws
   */
  public static long sensitivity(double eps, double delta, double totalSensitivity, int dimension) {
    check(eps, delta);
    Args.positive("totalSensitivity", totalSensitivity);
    Args.positive("dimension", dimension);
    double logS = Math.max(1, Math.log(totalSensitivity));
    return ceil(totalSensitivity / (eps * eps) * (dimension * logS + Math.log(1 / delta)));
  }

  /**
   * ℓ2 subspace embedding by leverage-score sampling: {@code m = ceil(d log(d/delta) / eps^2)}.
   *
   * @param eps the relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param d the number of columns, positive
   * @return the number of draws
   */
  public static long leverage(double eps, double delta, int d) {
    check(eps, delta);
    Args.positive("d", d);
    return ceil(d * Math.max(1, Math.log(d / delta)) / (eps * eps));
  }

  /**
   * ℓp subspace embedding by Lewis-weight sampling (Cohen and Peng): {@code m = ceil(d^max(1, p/2)
   * log(d/delta) / eps^2)}, the {@code d^(p/2)} growth for {@code p > 2} being the known price of
   * large {@code p}.
   *
   * @param eps the relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param d the number of columns, positive
   * @param p the exponent, in {@code (0, 4)}
   * @return the number of draws
   */
  public static long lewis(double eps, double delta, int d, double p) {
    check(eps, delta);
    Args.positive("d", d);
    Args.inOpenRange("p", p, 0, 4);
    return ceil(Math.pow(d, Math.max(1, p / 2)) * Math.max(1, Math.log(d / delta)) / (eps * eps));
  }

  /**
   * k-means / k-median sensitivity coresets: {@code m = ceil(k d log(k/delta) / eps^2)}.
   *
   * @param eps the relative error, in {@code (0, 1)}
   * @param delta the failure probability, in {@code (0, 1)}
   * @param k the number of centers, positive
   * @param d the dimension, positive
   * @return the number of draws
   */
  public static long clustering(double eps, double delta, int k, int d) {
    check(eps, delta);
    Args.positive("k", k);
    Args.positive("d", d);
    return ceil((double) k * d * Math.max(1, Math.log(k / delta)) / (eps * eps));
  }

  private static void check(double eps, double delta) {
    Args.inOpenRange("eps", eps, 0, 1);
    Args.inOpenRange("delta", delta, 0, 1);
  }

  private static long ceil(double v) {
    return v >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(v);
  }
}
