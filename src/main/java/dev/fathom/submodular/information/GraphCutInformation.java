package dev.fathom.submodular.information;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.function.GraphCut;

/**
 * The graph-cut information measures: mutual information with a query set (GCMI) and conditional
 * gain given a private set (GCCG), for graph cut {@code f(X) = sum_{i in V, j in X} s_ij - lambda
 * sum_{i, j in X} s_ij}:
 *
 * <pre>
 * GCMI(A; Q)  = 2 lambda sum_{j in A} sum_{q in Q} s(j, q)
 * GCCG(A | P) = f(A) - 2 lambda nu sum_{j in A} sum_{r in P} s(j, r)
 * </pre>
 *
 * <p>These are {@code f(A) + f(Q) - f(A u Q)} and {@code f(A u P) - f(P)} for graph cut over V u Q
 * (or V u P, the private similarities scaled by nu) with the representation sum over clients V.
 * GCMI is modular (monotone); GCCG is submodular, and {@link #monotone()} reports the exact test
 * {@code min_e (1 - 2 lambda) sum_i s_ie + lambda s_ee - 2 lambda nu sum_r s(e, r) >= 0} (the gain
 * of e against {@code V - e}, the smallest it can be). A gain is O(1); a GCCG add costs {@code
 * O(nnz_e)} as for {@link GraphCut}. Not thread-safe.
 *
 * @since 1.0
 */
public final class GraphCutInformation extends SetFunction {
  private final double[] modular;
  private final GraphCut cut;
  private final boolean monotone;

  private GraphCutInformation(double[] modular, GraphCut cut, boolean monotone) {
    super(modular.length);
    this.modular = modular;
    this.cut = cut;
    this.monotone = monotone;
  }

  private GraphCutInformation(GraphCutInformation o) {
    super(o);
    this.modular = o.modular;
    this.cut = o.cut == null ? null : o.cut.copy();
    this.monotone = o.monotone;
  }

  /**
   * GCMI, submodlib's {@code GraphCutMutualInformationFunction}: {@code 2 lambda sum_{j in A}
   * sum_{q in Q} s(j, q)}.
   *
   * @param kernels with a non-negative {@link InformationKernels#query query} kernel (the data
   *     kernel is not used)
   * @param lambda the graph-cut redundancy weight, finite and non-negative
   * @return the function
   */
  public static GraphCutInformation mutualInformation(InformationKernels kernels, double lambda) {
    Args.notNull("kernels", kernels);
    Args.nonNegative("lambda", lambda);
    double[][] q = InformationKernels.nonNegative("query", kernels.query());
    return new GraphCutInformation(InformationKernels.rowSum(q, 2 * lambda), null, true);
  }

  /**
   * GCCG, submodlib's {@code GraphCutConditionalGainFunction}: {@code sum_{i in V, j in A} s_ij -
   * lambda sum_{i, j in A} s_ij - 2 lambda nu sum_{j in A, r in P} s(j, r)}.
   *
   * @param kernels with a symmetric non-negative data kernel and a non-negative private kernel
   * @param lambda the graph-cut redundancy weight, finite and non-negative
   * @param nu the privacy hardness, finite and non-negative (submodlib's {@code privacyHardness},
   *     default 1)
   * @return the function
   */
  public static GraphCutInformation conditionalGain(
      InformationKernels kernels, double lambda, double nu) {
    Args.notNull("kernels", kernels);
    Args.nonNegative("lambda", lambda);
    Args.nonNegative("nu", nu);
    double[][] s = kernels.data();
    GraphCut cut = new GraphCut(s, lambda);
    double[][] p = InformationKernels.nonNegative("privates", kernels.privates());
    double[] modular = InformationKernels.rowSum(p, -2 * lambda * nu);
    double worst = Double.POSITIVE_INFINITY;
    for (int e = 0; e < s.length; e++) {
      double col = 0;
      for (double v : s[e]) {
        col += v;
      }
      worst = Math.min(worst, (1 - 2 * lambda) * col + lambda * s[e][e] + modular[e]);
    }
    return new GraphCutInformation(modular, cut, worst >= 0);
  }

  @Override
  public boolean monotone() {
    return monotone;
  }

  @Override
  public GraphCutInformation copy() {
    return new GraphCutInformation(this);
  }

  @Override
  protected double marginal(int e) {
    return cut == null ? modular[e] : modular[e] + marginalOf(cut, e);
  }

  @Override
  protected void include(int e) {
    if (cut != null) {
      includeIn(cut, e);
    }
  }

  @Override
  protected void clear() {
    if (cut != null) {
      clearState(cut);
    }
  }
}
