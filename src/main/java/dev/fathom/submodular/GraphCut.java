package dev.fathom.submodular;

import dev.fathom.linalg.Args;
import java.util.Arrays;

/**
 * Graph cut {@code f(S) = sum_{i in V, j in S} s_ij - lambda sum_{i, j in S} s_ij} over a symmetric
 * non-negative similarity matrix (submodular; monotone when {@code lambda <= 1/2}). Caches {@code
 * inner_e = sum_{j in S} s_je} for every e, so a gain is O(1) and an add O(n). Not thread-safe.
 */
public final class GraphCut extends SetFunction {
  private final double[][] s;
  private final double lambda;
  private final double[] colSum;
  private final double[] inner;

  /**
   * Creates the function.
   *
   * @param s a symmetric n-by-n matrix of finite non-negative similarities (used, not copied)
   * @param lambda the redundancy weight, finite and non-negative
   */
  public GraphCut(double[][] s, double lambda) {
    super(Args.notNull("s", s).length);
    int n = Args.rectangular("s", s);
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
    this.s = s;
    this.lambda = Args.nonNegative("lambda", lambda);
    this.colSum = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        colSum[j] += s[i][j];
      }
    }
    this.inner = new double[n];
  }

  private GraphCut(GraphCut o) {
    super(o);
    this.s = o.s;
    this.lambda = o.lambda;
    this.colSum = o.colSum;
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
    return colSum[e] - lambda * (2 * inner[e] + s[e][e]);
  }

  @Override
  protected void include(int e) {
    double[] r = s[e];
    for (int i = 0; i < inner.length; i++) {
      inner[i] += r[i];
    }
  }

  @Override
  protected void clear() {
    Arrays.fill(inner, 0.0);
  }
}
