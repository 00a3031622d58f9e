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
    if (checkSymmetry) {
      checkSymmetric(ptr, idx, val);
    }
    for (int j = 0; j < n; j++) {
      for (int p = ptr[j]; p < ptr[j + 1]; p++) {
        int i = idx[p];
        colSum[i] += val[p];
        if (i == j) {
          diag[j] = val[p];
        }
      }
    }
    this.inner = new double[n];
  }

  /**
   * Checks {@code s(j, i) == s(i, j)} for every stored entry in {@code O(nnz log nnz)}: each row is
   * sorted by client id once, then every entry looks up its mirror by binary search.
   */
  private static void checkSymmetric(int[] ptr, int[] idx, double[] val) {
    int n = ptr.length - 1;
    int[] sortedIdx = new int[idx.length];
    double[] sortedVal = new double[idx.length];
    for (int j = 0; j < n; j++) {
      int len = ptr[j + 1] - ptr[j];
      long[] keys = new long[len];
      for (int q = 0; q < len; q++) {
        keys[q] = ((long) idx[ptr[j] + q] << 32) | q;
      }
      java.util.Arrays.sort(keys);
      for (int q = 0; q < len; q++) {
        int from = ptr[j] + (int) (keys[q] & 0xFFFFFFFFL);
        sortedIdx[ptr[j] + q] = idx[from];
        sortedVal[ptr[j] + q] = val[from];
      }
    }
    for (int j = 0; j < n; j++) {
      for (int p = ptr[j]; p < ptr[j + 1]; p++) {
        int i = sortedIdx[p];
        int at = java.util.Arrays.binarySearch(sortedIdx, ptr[i], ptr[i + 1], j);
        double mirror = at >= 0 ? sortedVal[at] : 0;
        if (mirror != sortedVal[p]) {
          throw Args.fail(
              "s(" + j + ", " + i + ")", sortedVal[p], "s(" + i + ", " + j + ") (symmetry)");
        }
      }
    }
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

  /** {@inheritDoc} Reads the inner sums only. */
  @Override
  public boolean concurrentGains() {
    return true;
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
