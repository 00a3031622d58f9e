package dev.fathom.submodular.information;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import java.util.Arrays;

/**
 * The facility-location information measures over the data kernel: mutual information with a query
 * set (FLMI, PRISM's FLVMI), conditional gain given a private set (FLCG) and conditional mutual
 * information (FLCMI). With {@code m_i(A) = max_{j in A} s(j, i)}, {@code q_i = eta max_{q in Q}
 * s(i, q)} and {@code p_i = nu max_{r in P} s(i, r)}:
 *
 * <pre>
 * FLMI(A; Q)     = sum_{i in V} min(m_i(A), q_i)
 * FLCG(A | P)    = sum_{i in V} max(m_i(A) - p_i, 0)
 * FLCMI(A; Q | P) = sum_{i in V} max(min(m_i(A), q_i) - p_i, 0)
 * </pre>
 *
 * <p>Each is {@code f(A) + f(Q) - f(A u Q)}, {@code f(A u P) - f(P)} or {@code f(A u P) + f(Q u P)
 * - f(A u Q u P) - f(P)} for facility location f with clients V over the ground set V u Q u P, the
 * query similarities scaled by eta and the private ones by nu. All three are facility location on
 * the clipped similarities {@code max(min(s(j, i), q_i) - p_i, 0)} (a non-decreasing map of s that
 * fixes 0), hence monotone submodular. The state is the clipped coverage of every client, started
 * at {@code p_i}, so a gain is one pass over the candidate's row, {@code O(n)}, as for {@code
 * FacilityLocation}. Not thread-safe.
 *
 * @since 1.0
 */
public final class FacilityLocationInformation extends SetFunction {
  private final double[][] rows;
  private final double[] cap;
  private final double[] floor;
  private final double[] cur;

  private FacilityLocationInformation(double[][] rows, double[] cap, double[] floor) {
    super(rows.length);
    this.rows = rows;
    this.cap = cap;
    this.floor = floor;
    this.cur = floor.clone();
  }

  private FacilityLocationInformation(FacilityLocationInformation o) {
    super(o);
    this.rows = o.rows;
    this.cap = o.cap;
    this.floor = o.floor;
    this.cur = o.cur.clone();
  }

  /**
   * FLMI, submodlib's {@code FacilityLocationMutualInformationFunction}: {@code sum_{i in V}
   * min(max_{j in A} s(j, i), eta max_{q in Q} s(i, q))}.
   *
   * @param kernels with {@link InformationKernels#data data} and {@link InformationKernels#query
   *     query} kernels, non-negative
   * @param eta the query magnification, finite and non-negative (submodlib's {@code
   *     magnificationLambda}, default 1); larger favours query relevance over query coverage
   * @return the function
   */
  public static FacilityLocationInformation mutualInformation(
      InformationKernels kernels, double eta) {
    return build(kernels, eta, true, 0, false);
  }

  /**
   * FLCG, submodlib's {@code FacilityLocationConditionalGainFunction}: {@code sum_{i in V}
   * max(max_{j in A} s(j, i) - nu max_{r in P} s(i, r), 0)}.
   *
   * @param kernels with {@link InformationKernels#data data} and {@link InformationKernels#privates
   *     private} kernels, non-negative
   * @param nu the privacy hardness, finite and non-negative (submodlib's {@code privacyHardness},
   *     default 1)
   * @return the function
   */
  public static FacilityLocationInformation conditionalGain(InformationKernels kernels, double nu) {
    return build(kernels, 0, false, nu, true);
  }

  /**
   * FLCMI, submodlib's {@code FacilityLocationConditionalMutualInformationFunction}: {@code sum_{i
   * in V} max(min(max_{j in A} s(j, i), eta max_{q in Q} s(i, q)) - nu max_{r in P} s(i, r), 0)}.
   *
   * @param kernels with data, query and private kernels, non-negative
   * @param eta the query magnification, finite and non-negative
   * @param nu the privacy hardness, finite and non-negative
   * @return the function
   */
  public static FacilityLocationInformation conditionalMutualInformation(
      InformationKernels kernels, double eta, double nu) {
    return build(kernels, eta, true, nu, true);
  }

  private static FacilityLocationInformation build(
      InformationKernels kernels, double eta, boolean withQuery, double nu, boolean withPrivate) {
    Args.notNull("kernels", kernels);
    if (withQuery) {
      Args.nonNegative("eta", eta);
    }
    if (withPrivate) {
      Args.nonNegative("nu", nu);
    }
    double[][] data = InformationKernels.nonNegative("data", kernels.data());
    int n = data.length;
    double[] cap = new double[n];
    Arrays.fill(cap, Double.POSITIVE_INFINITY);
    double[] floor = new double[n];
    if (withQuery) {
      cap =
          InformationKernels.rowMax(InformationKernels.nonNegative("query", kernels.query()), eta);
    }
    if (withPrivate) {
      floor =
          InformationKernels.rowMax(
              InformationKernels.nonNegative("privates", kernels.privates()), nu);
    }
    return new FacilityLocationInformation(data, cap, floor);
  }

  @Override
  public boolean monotone() {
    return true;
  }

  @Override
  public FacilityLocationInformation copy() {
    return new FacilityLocationInformation(this);
  }

  @Override
  protected double marginal(int e) {
    double[] row = rows[e];
    double g = 0;
    for (int i = 0; i < row.length; i++) {
      g += Math.max(Math.min(row[i], cap[i]) - cur[i], 0.0);
    }
    return g;
  }

  @Override
  protected void include(int e) {
    double[] row = rows[e];
    for (int i = 0; i < row.length; i++) {
      cur[i] = Math.max(cur[i], Math.min(row[i], cap[i]));
    }
  }

  @Override
  protected void clear() {
    System.arraycopy(floor, 0, cur, 0, cur.length);
  }
}
