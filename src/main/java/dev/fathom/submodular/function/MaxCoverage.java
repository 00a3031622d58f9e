package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.Arrays;

/**
 * apricot's maximum coverage with a threshold, {@code f(S) = sum_u min(sum_{j in S} m_ju, t)} over
 * non-negative features {@code m} (apricot's {@code MaxCoverageSelection(threshold=t)}; monotone
 * submodular: a feature-based function with the concave {@code min(x, t)}). With 0/1 features and
 * {@code t = 1} it is the number of features covered, {@link WeightedCoverage} with unit weights.
 * Caches the capped sums {@code c_u = min(sum_{j in S} m_ju, t)}; a gain {@code sum_u min(c_u +
 * m_eu, t) - c_u} costs {@code O(nnz_e)}. Not thread-safe.
 *
 * @since 1.0
 */
public final class MaxCoverage extends SetFunction {
  private final int[] ptr;
  private final int[] idx;
  private final double[] val;
  private final double threshold;
  private final double[] capped;

  private MaxCoverage(int[] ptr, int[] idx, double[] val, int features, double threshold) {
    super(ptr.length - 1);
    this.ptr = ptr;
    this.idx = idx;
    this.val = val;
    this.threshold = threshold;
    this.capped = new double[features];
  }

  private MaxCoverage(MaxCoverage o) {
    super(o);
    this.ptr = o.ptr;
    this.idx = o.idx;
    this.val = o.val;
    this.threshold = o.threshold;
    this.capped = o.capped.clone();
  }

  /**
   * Maximum coverage over sparse features: element {@code j} has value {@code features.get(j, u)}
   * on feature {@code u} (candidates are the elements, clients the features).
   *
   * @param features the non-negative features, one compressed row per element
   * @param threshold the cap t per feature, finite and positive (apricot's default is 1)
   * @return the function
   */
  public static MaxCoverage sparse(SparseSimilarity features, double threshold) {
    Args.notNull("features", features);
    Args.positive("threshold", threshold);
    return new MaxCoverage(
        features.rowPointers(),
        features.clientIds(),
        features.values(),
        features.clients(),
        threshold);
  }

  /**
   * Maximum coverage over dense features {@code features[j][u]} (zeros are dropped).
   *
   * @param features finite non-negative features, one row per element
   * @param threshold the cap t per feature, finite and positive
   * @return the function
   */
  public static MaxCoverage dense(double[][] features, double threshold) {
    Args.rectangular("features", features);
    for (int j = 0; j < features.length; j++) {
      Args.nonNegative("features[" + j + "]", features[j]);
    }
    Args.positive("threshold", threshold);
    return sparse(SparseSimilarity.fromDense(features), threshold);
  }

  /**
   * The cap t.
   *
   * @return t
   */
  public double threshold() {
    return threshold;
  }

  @Override
  public boolean monotone() {
    return true;
  }

  /** {@inheritDoc} Reads the capped sums only. */
  @Override
  public boolean concurrentGains() {
    return true;
  }

  @Override
  public MaxCoverage copy() {
    return new MaxCoverage(this);
  }

  @Override
  protected double marginal(int e) {
    double g = 0;
    for (int p = ptr[e]; p < ptr[e + 1]; p++) {
      double c = capped[idx[p]];
      g += Math.min(c + val[p], threshold) - c;
    }
    return g;
  }

  @Override
  protected void include(int e) {
    for (int p = ptr[e]; p < ptr[e + 1]; p++) {
      int u = idx[p];
      capped[u] = Math.min(capped[u] + val[p], threshold);
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(capped, 0.0);
  }
}
