package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import java.util.Arrays;

/**
 * Log-determinant {@code f(S) = log det(I + L_S)} (monotone submodular), or {@code log det(L_S)}
 * (submodular, not monotone; the DPP MAP objective) of a symmetric positive semidefinite kernel L.
 *
 * <p>Gains come from a partial Cholesky factor of the selected block, extended by one column per
 * add for every candidate (the fast greedy MAP inference of Chen, Zhang and Zhou, 2018): with
 * {@code K = I + L} (or {@code L}), candidate {@code e} keeps the vector {@code c_e} of its entries
 * in the factor and {@code d_e^2 = K_ee - |c_e|^2}, the squared Schur complement, so {@code gain(e)
 * = log d_e^2} costs O(1) and an add costs {@code O(n |S|)}. For {@code log det(L_S)} a candidate
 * whose Schur complement is not positive has gain {@code -infinity}. Not thread-safe.
 *
 * @since 1.0
 */
public final class LogDet extends SetFunction {
  private final double[][] kernel;
  private final boolean identity;
  private double[][] c;
  private final double[] d2;
  private int rank;

  /**
   * Creates the function.
   *
   * @param kernel a symmetric positive semidefinite n-by-n matrix L (used, not copied; symmetry is
   *     checked, definiteness is not)
   * @param addIdentity {@code true} for {@code log det(I + L_S)}, {@code false} for {@code log
   *     det(L_S)}
   */
  public LogDet(double[][] kernel, boolean addIdentity) {
    super(Args.positive("kernel.length", Args.notNull("kernel", kernel).length));
    int n = Args.rectangular("kernel", kernel);
    if (n != kernel.length) {
      throw Args.fail("kernel[0].length", n, "a square matrix of size " + kernel.length);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (kernel[i][j] != kernel[j][i]) {
          throw Args.fail(
              "kernel[" + i + "][" + j + "]", kernel[i][j], "kernel[" + j + "][" + i + "]");
        }
      }
    }
    this.kernel = kernel;
    this.identity = addIdentity;
    this.c = new double[n][4];
    this.d2 = new double[n];
    clear();
  }

  private LogDet(LogDet o) {
    super(o);
    this.kernel = o.kernel;
    this.identity = o.identity;
    this.c = new double[o.c.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = o.c[i].clone();
    }
    this.d2 = o.d2.clone();
    this.rank = o.rank;
  }

  @Override
  public boolean monotone() {
    return identity;
  }

  @Override
  public LogDet copy() {
    return new LogDet(this);
  }

  @Override
  protected double marginal(int e) {
    return d2[e] > 0 ? Math.log(d2[e]) : Double.NEGATIVE_INFINITY;
  }

  @Override
  protected void include(int j) {
    double dj = Math.sqrt(Math.max(d2[j], 0));
    double[] cj = c[j];
    int n = d2.length;
    for (int e = 0; e < n; e++) {
      if (e == j || contains(e)) {
        continue;
      }
      double[] ce = c[e];
      if (ce.length == rank) {
        ce = Arrays.copyOf(ce, 2 * rank + 1);
        c[e] = ce;
      }
      double dot = 0;
      for (int t = 0; t < rank; t++) {
        dot += cj[t] * ce[t];
      }
      double t = dj > 0 ? (kernel[j][e] - dot) / dj : 0;
      ce[rank] = t;
      d2[e] -= t * t;
    }
    if (cj.length == rank) {
      c[j] = Arrays.copyOf(cj, 2 * rank + 1);
    }
    c[j][rank] = dj;
    d2[j] = 0;
    rank++;
  }

  @Override
  protected void clear() {
    rank = 0;
    for (int e = 0; e < d2.length; e++) {
      d2[e] = kernel[e][e] + (identity ? 1 : 0);
    }
  }
}
