package dev.fathom.submodular.information;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.function.FeatureBased;
import java.util.function.DoubleUnaryOperator;

/**
 * COM, the concave-over-modular mutual information of PRISM (submodlib's {@code
 * ConcaveOverModularFunction}), over the data-query kernel:
 *
 * <pre>
 * COM(A; Q) = eta sum_{j in A} psi(sum_{q in Q} s(j, q)) + sum_{q in Q} psi(sum_{j in A} s(j, q))
 * </pre>
 *
 * <p>For a concave, non-decreasing psi with {@code psi(0) = 0} it is monotone submodular (a sum of
 * concave functions of modular functions plus a non-negative modular term). The state is the sum
 * per query, so a gain costs {@code O(m)} evaluations of psi. Not thread-safe.
 *
 * @since 1.0
 */
public final class ConcaveOverModularInformation extends SetFunction {
  private final double[][] query;
  private final double[] relevance;
  private final DoubleUnaryOperator psi;
  private final double[] sums;

  private ConcaveOverModularInformation(
      double[][] query, double[] relevance, DoubleUnaryOperator psi) {
    super(query.length);
    this.query = query;
    this.relevance = relevance;
    this.psi = psi;
    this.sums = new double[query[0].length];
  }

  private ConcaveOverModularInformation(ConcaveOverModularInformation o) {
    super(o);
    this.query = o.query;
    this.relevance = o.relevance;
    this.psi = o.psi;
    this.sums = o.sums.clone();
  }

  /**
   * COM with a given concave function.
   *
   * @param kernels with a non-negative query kernel (the data kernel is not used)
   * @param eta the weight of the relevance term, finite and non-negative (submodlib's {@code
   *     magnificationLambda}, default 1)
   * @param psi concave and non-decreasing on {@code [0, infinity)} with {@code psi(0) = 0} (only
   *     {@code psi(0)} and finite values are checked), e.g. {@code Math::sqrt} or {@code
   *     Math::log1p}
   * @return the function
   */
  public static ConcaveOverModularInformation mutualInformation(
      InformationKernels kernels, double eta, DoubleUnaryOperator psi) {
    Args.notNull("kernels", kernels);
    Args.nonNegative("eta", eta);
    Args.notNull("psi", psi);
    double at0 = psi.applyAsDouble(0);
    if (at0 != 0) {
      throw Args.fail("psi(0)", at0, "0 (a normalized concave function)");
    }
    double[][] q = InformationKernels.nonNegative("query", kernels.query());
    double[] sums = InformationKernels.rowSum(q, 1);
    double[] rel = new double[q.length];
    for (int j = 0; j < q.length; j++) {
      double v = psi.applyAsDouble(sums[j]);
      if (!Double.isFinite(v)) {
        throw Args.fail("psi(" + sums[j] + ")", v, "a finite value");
      }
      rel[j] = eta * v;
    }
    return new ConcaveOverModularInformation(q, rel, psi);
  }

  /**
   * COM with one of the named concave functions (submodlib's {@code logarithmic} is {@link
   * FeatureBased.Concave#LOG1P}, {@code squareRoot} {@link FeatureBased.Concave#SQRT}, {@code
   * inverse} {@link FeatureBased.Concave#INVERSE}).
   *
   * @param kernels with a non-negative query kernel
   * @param eta the weight of the relevance term, finite and non-negative
   * @param psi the concave function
   * @return the function
   */
  public static ConcaveOverModularInformation mutualInformation(
      InformationKernels kernels, double eta, FeatureBased.Concave psi) {
    Args.notNull("psi", psi);
    return mutualInformation(kernels, eta, psi::apply);
  }

  @Override
  public boolean monotone() {
    return true;
  }

  @Override
  public ConcaveOverModularInformation copy() {
    return new ConcaveOverModularInformation(this);
  }

  @Override
  protected double marginal(int e) {
    double[] row = query[e];
    double g = relevance[e];
    for (int q = 0; q < row.length; q++) {
      if (row[q] != 0) {
        g += psi.applyAsDouble(sums[q] + row[q]) - psi.applyAsDouble(sums[q]);
      }
    }
    return g;
  }

  @Override
  protected void include(int e) {
    double[] row = query[e];
    for (int q = 0; q < row.length; q++) {
      sums[q] += row[q];
    }
  }

  @Override
  protected void clear() {
    java.util.Arrays.fill(sums, 0.0);
  }
}
