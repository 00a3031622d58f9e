package dev.fathom.submodular.information;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;

/**
 * FLQMI (PRISM's query-only facility-location mutual information, submodlib's {@code
 * FacilityLocationVariantMutualInformationFunction}), which needs only the data-query kernel:
 *
 * <pre>
 * FLQMI(A; Q) = sum_{q in Q} max_{j in A} s(j, q) + eta sum_{j in A} max_{q in Q} s(j, q)
 * </pre>
 *
 * <p>It is {@code f(A) + f(Q) - f(A u Q)} for facility location f over V u Q with clients V u Q
 * weighted eta on V and 1 on Q, the cross similarities s and identity similarities inside V and
 * inside Q (for similarities at most 1). A facility location with the queries as clients plus a
 * modular term: monotone submodular, a gain costs {@code O(m)}. Not thread-safe.
 *
 * @since 1.0
 */
public final class FacilityLocationQueryInformation extends SetFunction {
  private final double[][] query;
  private final double[] relevance;
  private final double[] cur;

  private FacilityLocationQueryInformation(double[][] query, double[] relevance) {
    super(query.length);
    this.query = query;
    this.relevance = relevance;
    this.cur = new double[query[0].length];
  }

  private FacilityLocationQueryInformation(FacilityLocationQueryInformation o) {
    super(o);
    this.query = o.query;
    this.relevance = o.relevance;
    this.cur = o.cur.clone();
  }

  /**
   * FLQMI over the {@link InformationKernels#query query} kernel.
   *
   * @param kernels with a non-negative query kernel (the data kernel is not used)
   * @param eta the weight of the relevance term, finite and non-negative (submodlib's {@code
   *     magnificationLambda}, default 1)
   * @return the function
   */
  public static FacilityLocationQueryInformation mutualInformation(
      InformationKernels kernels, double eta) {
    Args.notNull("kernels", kernels);
    Args.nonNegative("eta", eta);
    double[][] q = InformationKernels.nonNegative("query", kernels.query());
    return new FacilityLocationQueryInformation(q, InformationKernels.rowMax(q, eta));
  }

  @Override
  public boolean monotone() {
    return true;
  }

  @Override
  public FacilityLocationQueryInformation copy() {
    return new FacilityLocationQueryInformation(this);
  }

  @Override
  protected double marginal(int e) {
    double[] row = query[e];
    double g = relevance[e];
    for (int q = 0; q < row.length; q++) {
      g += Math.max(row[q] - cur[q], 0.0);
    }
    return g;
  }

  @Override
  protected void include(int e) {
    double[] row = query[e];
    for (int q = 0; q < row.length; q++) {
      cur[q] = Math.max(cur[q], row[q]);
    }
  }

  @Override
  protected void clear() {
    java.util.Arrays.fill(cur, 0.0);
  }
}
