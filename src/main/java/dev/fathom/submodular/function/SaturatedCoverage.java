package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.Arrays;

/**
 * Saturated coverage {@code f(S) = sum_i min(sum_{j in S} s(j, i), alpha sum_{j in V} s(j, i))}
 * (monotone submodular), over dense or sparse similarities (dense rows are stored sparsely, zeros
 * dropped). Caches the per-client sums; a gain costs {@code O(nnz_e)}. Not thread-safe.
 *
 * @since 1.0
 */
public final class SaturatedCoverage extends SetFunction {
  private final int[] ptr;
  private final int[] idx;
  private final double[] val;
  private final double[] cap;
  private final double[] sums;

  /**
   * Creates the function over dense similarities.
   *
   * @param rows dense similarities {@code rows[j][i] = s(j, i)}, finite non-negative
   * @param alpha the saturation fraction, in (0, 1]
   */
  public SaturatedCoverage(double[][] rows, double alpha) {
    this(checked(rows), alpha);
  }

  /**
   * Creates the function over sparse similarities.
   *
   * @param sim the similarities (candidates are the ground set)
   * @param alpha the saturation fraction, in (0, 1]
   */
  public SaturatedCoverage(SparseSimilarity sim, double alpha) {
    super(Args.notNull("sim", sim).candidates());
    Args.inRange("alpha", alpha, Double.MIN_VALUE, 1.0);
    this.ptr = sim.rowPointers();
    this.idx = sim.clientIds();
    this.val = sim.values();
    this.cap = new double[sim.clients()];
    for (int p = 0; p < idx.length; p++) {
      cap[idx[p]] += val[p];
    }
    for (int i = 0; i < cap.length; i++) {
      cap[i] *= alpha;
    }
    this.sums = new double[cap.length];
  }

  private static SparseSimilarity checked(double[][] rows) {
    Args.rectangular("rows", rows);
    for (int j = 0; j < rows.length; j++) {
      Args.nonNegative("rows[" + j + "]", rows[j]);
    }
    return SparseSimilarity.fromDense(rows);
  }

  private SaturatedCoverage(SaturatedCoverage o) {
    super(o);
    this.ptr = o.ptr;
    this.idx = o.idx;
    this.val = o.val;
    this.cap = o.cap;
    this.sums = o.sums.clone();
  }

  @Override
  public boolean monotone() {
    return true;
  }

  /** {@inheritDoc} Reads the per-client sums only. */
  @Override
  public boolean concurrentGains() {
    return true;
  }

  @Override
  public SaturatedCoverage copy() {
    return new SaturatedCoverage(this);
  }

  @Override
  protected double marginal(int e) {
    double g = 0;
    for (int p = ptr[e]; p < ptr[e + 1]; p++) {
      int i = idx[p];
      g += Math.min(sums[i] + val[p], cap[i]) - Math.min(sums[i], cap[i]);
    }
    return g;
  }

  @Override
  protected void include(int e) {
    for (int p = ptr[e]; p < ptr[e + 1]; p++) {
      sums[idx[p]] += val[p];
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(sums, 0.0);
  }
}
