package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.Arrays;

/**
 * Graph cut {@code f(S) = sum_{i in V, j in S} s_ij - lambda sum_{i, j in S} s_ij} over a symmetric
 * non-negative similarity matrix, dense or sparse (dense input is stored sparsely, zeros dropped);
 * submodular, and monotone when {@code lambda <= 1/2}. Caches {@code inner_e = sum_{j in S} s_je}
 * for every e, so a gain is O(1) and an add {@code O(nnz_e)}. Not thread-safe.
 *
 * @since 1.0
 */
public final class GraphCut extends SetFunction {
  private final int[] ptr;
  private final int[] idx;
  private final double[] val;
  private final double lambda;
  private final double[] colSum;
  private final double[] diag;
  private final double[] inner;

  /**
   * Creates the function over a dense matrix.
   *
   * @param s a symmetric n-by-n matrix of finite non-negative similarities
   * @param lambda the redundancy weight, finite and non-negative
   */
  public GraphCut(double[][] s, double lambda) {
    this(checked(s), lambda, false);
  }

  /**
   * Creates the function over a sparse symmetric matrix (as many clients as candidates).
   *
   * @param s the similarities; {@code s.get(i, j) == s.get(j, i)} is checked
   * @param lambda the redundancy weight, finite and non-negative
   */
  public GraphCut(SparseSimilarity s, double lambda) {
    this(s, lambda, true);
  }

  private GraphCut(SparseSimilarity s, double lambda, boolean checkSymmetry) {
    super(Args.notNull("s", s).candidates());
    int n = s.candidates();
    if (s.clients() != n) {
      throw Args.fail("s.clients()", s.clients(), "a square matrix of size " + n);
    }
    this.ptr = s.rowPointers();
    this.idx = s.clientIds();
    this.val = s.values();
    this.lambda = Args.nonNegative("lambda", lambda);
    this.colSum = new double[n];
    this.diag = new double[n];
    for (int j = 0; j < n; j++) {
      for (int p = ptr[j]; p < ptr[j + 1]; p++) {
        int i = idx[p];
        if (checkSymmetry && s.get(i, j) != val[p]) {
          throw Args.fail("s(" + j + ", " + i + ")", val[p], "s(" + i + ", " + j + ") (symmetry)");
        }
        colSum[i] += val[p];
        if (i == j) {
          diag[j] = val[p];
        }
      }
    }
    this.inner = new double[n];
  }

  private static SparseSimilarity checked(double[][] s) {
    int n = Args.rectangular("s", Args.notNull("s", s));
    if (n != s.length) {
      throw Args.fail("s[0].length", n, "a square matrix of size " + s.length);
    }
    for (int i = 0; i < n; i++) {
      Args.nonNegative("s[" + i + "]", s[i]);
      for (int j = 0; j < i; j++) {
        if (s[i][j] != s[j][i]) {
          throw Args.fail("s[" + i + "][" + j + "]", s[i][j], "s[" + j + "][" + i + "] (symmetry)");
        }
      }
    }
    return SparseSimilarity.fromDense(s);
  }

  private GraphCut(GraphCut o) {
    super(o);
    this.ptr = o.ptr;
    this.idx = o.idx;
    this.val = o.val;
    this.lambda = o.lambda;
    this.colSum = o.colSum;
    this.diag = o.diag;
    this.inner = o.inner.clone();
  }

  @Override
  public boolean monotone() {
    return lambda <= 0.5;
  }

  @Override
  public GraphCut copy() {
    return new GraphCut(this);
  }

  @Override
  protected double marginal(int e) {
    return colSum[e] - lambda * (2 * inner[e] + diag[e]);
  }

  @Override
  protected void include(int e) {
    for (int p = ptr[e]; p < ptr[e + 1]; p++) {
      inner[idx[p]] += val[p];
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(inner, 0.0);
  }
}
