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
  private final DoubleUnaryOperator phi;
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
    Args.notNull("phi", phi);
    return sparse(features, weights, (DoubleUnaryOperator) phi::apply);
  }

  /**
   * As {@link #sparse(SparseSimilarity, double[], Concave)} with any concave function, apricot's
   * and submodlib's concave-over-modular with a user function. For {@code f} to be monotone
   * submodular, {@code phi} must be non-decreasing and concave on {@code [0, top]} with {@code
   * phi(0) = 0}, where {@code top} is the largest feature column sum: this is checked at 65 evenly
   * spaced points of that interval (a finite, non-decreasing and midpoint-concave sample, to a
   * relative slack of {@code 1e-12}) before any work, which catches a wrong sign or a convex
   * function, not every violation between the points.
   *
   * @param features the non-negative features, one compressed row per element
   * @param weights finite non-negative feature weights, one per feature; copied
   * @param phi the concave function, evaluated on sums of features; a pure function that may be
   *     called from several threads at once (the greedy optimizers' {@code threads} argument)
   * @return the function
   */
  public static FeatureBased sparse(
      SparseSimilarity features, double[] weights, DoubleUnaryOperator phi) {
    Args.notNull("features", features);
    Args.length("weights", Args.nonNegative("weights", weights), features.clients());
    Args.notNull("phi", phi);
    double[] colSums = new double[features.clients()];
    int[] ids = features.clientIds();
    double[] vals = features.values();
    for (int p = 0; p < ids.length; p++) {
      colSums[ids[p]] += vals[p];
    }
    double top = 0;
    for (double c : colSums) {
      top = Math.max(top, c);
    }
    checkConcave(phi, top);
    return new FeatureBased(
        features.rowPointers(), features.clientIds(), features.values(), weights.clone(), phi);
  }

  /** Refuses a phi that is not 0 at 0, non-decreasing and concave on a grid of [0, top]. */
  static void checkConcave(DoubleUnaryOperator phi, double top) {
    double p0 = phi.applyAsDouble(0);
    if (p0 != 0) {
      throw Args.fail("phi(0)", p0, "0");
    }
    int steps = 64;
    double[] v = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      double x = top * i / steps;
      v[i] = phi.applyAsDouble(x);
      if (!Double.isFinite(v[i])) {
        throw Args.fail("phi(" + x + ")", v[i], "a finite value");
      }
    }
    double slack = 1e-12 * Math.max(Math.abs(v[steps]), Double.MIN_NORMAL);
    for (int i = 1; i <= steps; i++) {
      if (v[i] < v[i - 1] - slack) {
        throw Args.fail(
            "phi(" + top * i / steps + ")",
            v[i],
            "at least phi(" + top * (i - 1) / steps + ") = " + v[i - 1] + " (non-decreasing)");
      }
      if (i < steps && v[i] < 0.5 * (v[i - 1] + v[i + 1]) - slack) {
        throw Args.fail(
            "phi(" + top * i / steps + ")",
            v[i],
            "at least the mean of its neighbours on the grid, "
                + 0.5 * (v[i - 1] + v[i + 1])
                + " (concave)");
      }
    }
  }

  private FeatureBased(
      int[] ptr, int[] idx, double[] val, double[] weights, DoubleUnaryOperator phi) {
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
    Args.notNull("phi", phi);
    return dense(features, weights, (DoubleUnaryOperator) phi::apply);
  }

  /**
   * As {@link #dense(double[][], double[], Concave)} with any concave function, checked as {@link
   * #sparse(SparseSimilarity, double[], DoubleUnaryOperator)} says.
   *
   * @param features finite non-negative features, one row per element
   * @param weights finite non-negative feature weights, one per column
   * @param phi the concave function, evaluated on sums of features
   * @return the function
   */
  public static FeatureBased dense(double[][] features, double[] weights, DoubleUnaryOperator phi) {
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

  /** {@inheritDoc} Reads the per-feature sums only. */
  @Override
  public boolean concurrentGains() {
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
      g += weights[u] * (phi.applyAsDouble(sums[u] + val[p]) - phi.applyAsDouble(sums[u]));
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
