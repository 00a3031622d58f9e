package dev.fathom.submodular;

import dev.fathom.linalg.Args;
import java.util.Arrays;

/**
 * Saturated coverage {@code f(S) = sum_i min(sum_{j in S} s(j, i), alpha sum_{j in V} s(j, i))}
 * (monotone submodular). Caches the per-client sums. Not thread-safe.
 */
public final class SaturatedCoverage extends SetFunction {
  private final double[][] rows;
  private final double[] cap;
  private final double[] sums;

  /**
   * Creates the function.
   *
   * @param rows dense similarities {@code rows[j][i] = s(j, i)}, finite non-negative (used, not
   *     copied)
   * @param alpha the saturation fraction, in (0, 1]
   */
  public SaturatedCoverage(double[][] rows, double alpha) {
    super(Args.notNull("rows", rows).length);
    int m = Args.rectangular("rows", rows);
    for (int j = 0; j < rows.length; j++) {
      Args.nonNegative("rows[" + j + "]", rows[j]);
    }
    Args.inRange("alpha", alpha, Double.MIN_VALUE, 1.0);
    this.rows = rows;
    this.cap = new double[m];
    for (double[] r : rows) {
      for (int i = 0; i < m; i++) {
        cap[i] += r[i];
      }
    }
    for (int i = 0; i < m; i++) {
      cap[i] *= alpha;
    }
    this.sums = new double[m];
  }

  private SaturatedCoverage(SaturatedCoverage o) {
    super(o);
    this.rows = o.rows;
    this.cap = o.cap;
    this.sums = o.sums.clone();
  }

  @Override
  public boolean monotone() {
    return true;
  }

  @Override
  public SaturatedCoverage copy() {
    return new SaturatedCoverage(this);
  }

  @Override
  protected double marginal(int e) {
    double[] r = rows[e];
    double g = 0;
    for (int i = 0; i < sums.length; i++) {
      double s = r[i];
      if (s > 0) {
        g += Math.min(sums[i] + s, cap[i]) - Math.min(sums[i], cap[i]);
      }
    }
    return g;
  }

  @Override
  protected void include(int e) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] += rows[e][i];
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(sums, 0.0);
  }
}
