package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Feature-based (concave over modular) function {@code f(S) = sum_u w_u phi(sum_{j in S} m_ju)}
 * with sparse non-negative features {@code m} and a concave {@code phi} with {@code phi(0) = 0}
 * (monotone submodular). Needs no kernel matrix; a gain costs {@code O(nnz_e)}. Not thread-safe.
 *
 * @since 1.0
 */
public final class FeatureBased extends SetFunction {
  /** The concave function phi, each with {@code phi(0) = 0}, increasing and concave on x >= 0. */
  public enum Concave {
    /** {@code sqrt(x)}. */
    SQRT(Math::sqrt),
    /** {@code log(1 + x)}. */
    LOG1P(Math::log1p),
    /** {@code x / (1 + x)}. */
    INVERSE(x -> x / (1 + x)),
    /** {@code 1 - exp(-x)}. */
    SATURATING_EXP(x -> -Math.expm1(-x));

    private final DoubleUnaryOperator phi;

    Concave(DoubleUnaryOperator phi) {
      this.phi = phi;
    }

    /**
     * Evaluates phi.
     *
     * @param x a non-negative argument
     * @return phi(x)
     */
    public double apply(double x) {
      return phi.applyAsDouble(x);
    }
  }

  private final int[] ptr;
  private final int[] idx;
  private final double[] val;
  private final double[] weights;
  private final Concave phi;
  private final double[] sums;

  /**
   * Creates the function from sparse features: element {@code j} has value {@code features.get(j,
   * u)} on feature {@code u} (the storage's candidates are the elements, its clients the features).
   *
   * @param features the non-negative features, one compressed row per element
   * @param weights finite non-negative feature weights, one per feature ({@code
   *     features.clients()}); copied
   * @param phi the concave function
   * @return the function
   */
  public static FeatureBased sparse(SparseSimilarity features, double[] weights, Concave phi) {
    Args.notNull("features", features);
    Args.length("weights", Args.nonNegative("weights", weights), features.clients());
    return new FeatureBased(
        features.rowPointers(),
        features.clientIds(),
        features.values(),
        weights.clone(),
        Args.notNull("phi", phi));
  }

  private FeatureBased(int[] ptr, int[] idx, double[] val, double[] weights, Concave phi) {
    super(ptr.length - 1);
    this.ptr = ptr;
    this.idx = idx;
    this.val = val;
    this.weights = weights;
    this.phi = phi;
    this.sums = new double[weights.length];
  }

  /**
   * Creates the function from dense features {@code features[j][u]} (zeros are dropped).
   *
   * @param features finite non-negative features, one row per element
   * @param weights finite non-negative feature weights, one per column
   * @param phi the concave function
   * @return the function
   */
  public static FeatureBased dense(double[][] features, double[] weights, Concave phi) {
    int d = Args.rectangular("features", features);
    Args.length("weights", weights, d);
    for (int j = 0; j < features.length; j++) {
      Args.nonNegative("features[" + j + "]", features[j]);
    }
    return sparse(SparseSimilarity.fromDense(features), weights, phi);
  }

  private FeatureBased(FeatureBased o) {
    super(o);
    this.ptr = o.ptr;
    this.idx = o.idx;
    this.val = o.val;
    this.weights = o.weights;
    this.phi = o.phi;
    this.sums = o.sums.clone();
  }

  @Override
  public boolean monotone() {
    return true;
  }

  @Override
  public FeatureBased copy() {
    return new FeatureBased(this);
  }

  @Override
  protected double marginal(int e) {
    double g = 0;
    for (int p = ptr[e]; p < ptr[e + 1]; p++) {
      int u = idx[p];
      g += weights[u] * (phi.apply(sums[u] + val[p]) - phi.apply(sums[u]));
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
