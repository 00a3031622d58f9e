package dev.fathom.monotone;

import dev.fathom.core.Args;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * An affine operator {@code F(z) = Mz − c} split by columns: component {@code i} owns a group
 * {@code S_i} of columns and {@code F_i(z) = n·Σ_{j∈S_i} M_{:,j} z_j − c}, so {@code (1/n) Σ F_i =
 * F}. This is the splitting of the VR-Halpern paper's experiments (the matrix game's component
 * {@code i} owns the columns of {@code x_i} and {@code y_i}). Columns are stored sparsely, so a
 * component costs the non-zeros of its columns (plus {@code d} for the constant, which cancels in
 * differences).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class LinearFiniteSum implements FiniteSumOperator {
  private final int d;
  private final int[][] groups;
  private final int[][] rows;
  private final double[][] vals;
  private final double[] c;
  private final boolean hasConstant;
  private final double lipschitz;
  private final double meanSquare;

  /**
   * Builds the operator.
   *
   * @param m the square matrix {@code M}, {@code d × d}, finite
   * @param c the constant {@code c}, length {@code d}, finite
   * @param groups the column groups: every column in exactly one group, at least one group
   */
  public LinearFiniteSum(double[][] m, double[] c, int[][] groups) {
    this.d = Args.rectangular("m", m);
    if (m.length != d) {
      throw Args.fail("m.length", m.length, "a square matrix with " + d + " rows");
    }
    Args.length("c", c, d);
    Args.finite("c", c);
    Args.notNull("groups", groups);
    if (groups.length == 0) {
      throw Args.fail("groups.length", 0, "at least one group");
    }
    boolean[] seen = new boolean[d];
    this.groups = new int[groups.length][];
    for (int i = 0; i < groups.length; i++) {
      this.groups[i] = Args.notNull("groups[" + i + "]", groups[i]).clone();
      for (int j : this.groups[i]) {
        if (j < 0 || j >= d || seen[j]) {
          throw Args.fail("groups[" + i + "] column", j, "a column in [0, " + d + ") not seen");
        }
        seen[j] = true;
      }
    }
    for (int j = 0; j < d; j++) {
      if (!seen[j]) {
        throw Args.fail("column " + j, "in no group", "every column in exactly one group");
      }
    }
    this.rows = new int[d][];
    this.vals = new double[d][];
    for (int j = 0; j < d; j++) {
      int nnz = 0;
      for (int r = 0; r < d; r++) {
        if (m[r][j] != 0) {
          nnz++;
        }
      }
      rows[j] = new int[nnz];
      vals[j] = new double[nnz];
      int p = 0;
      for (int r = 0; r < d; r++) {
        if (m[r][j] != 0) {
          rows[j][p] = r;
          vals[j][p++] = m[r][j];
        }
      }
    }
    this.c = c.clone();
    this.hasConstant = Arrays.stream(c).anyMatch(v -> v != 0);
    this.lipschitz = NormOps_DDRM.normP2(new DMatrixRMaj(m));
    this.meanSquare = computeMeanSquare(m);
  }

  /**
   * Splits the columns round-robin into {@code n} groups: column {@code j} goes to group {@code j
   * mod n}.
   *
   * @param d the number of columns
   * @param n the number of groups, in {@code [1, d]}
   * @return the groups
   */
  public static int[][] roundRobin(int d, int n) {
    Args.positive("d", d);
    Args.size("d", d);
    Args.inRange("n", n, 1, d);
    int[][] g = new int[n][];
    for (int i = 0; i < n; i++) {
      g[i] = new int[(d - i + n - 1) / n];
      for (int k = 0; k < g[i].length; k++) {
        g[i][k] = i + k * n;
      }
    }
    return g;
  }

  private double computeMeanSquare(double[][] m) {
    double worst = 0;
    for (int[] g : groups) {
      DMatrixRMaj gram = new DMatrixRMaj(g.length, g.length);
      for (int a = 0; a < g.length; a++) {
        for (int b = 0; b < g.length; b++) {
          double s = 0;
          for (int r = 0; r < d; r++) {
            s += m[r][g[a]] * m[r][g[b]];
          }
          gram.set(a, b, s);
        }
      }
      EigenDecomposition_F64<DMatrixRMaj> eig =
          DecompositionFactory_DDRM.eig(g.length, false, true);
      if (!eig.decompose(gram)) {
        throw new IllegalStateException("eigen-decomposition of a group's Gram matrix failed");
      }
      for (int e = 0; e < g.length; e++) {
        worst = Math.max(worst, eig.getEigenvalue(e).getReal());
      }
    }
    return Math.sqrt(groups.length * worst);
  }

  /**
   * The exact Lipschitz constant {@code L_F = ‖M‖₂}.
   *
   * @return {@code ‖M‖₂}
   */
  public double lipschitz() {
    return lipschitz;
  }

  /**
   * The exact mean-square constant {@code L_Q = √n·max_i ‖M_{:,S_i}‖₂} under uniform sampling: the
   * smallest {@code L_Q} with {@code (1/n) Σ ‖F_i(u) − F_i(v)‖² ≤ L_Q² ‖u − v‖²}. It is tight, not
   * a bound through the worst component: the groups partition the columns, so {@code (1/n) Σ
   * J_iᵀJ_i = n·blockdiag(M_{:,S_i}ᵀ M_{:,S_i})} ({@code J_i} the Jacobian of {@code F_i}), whose
   * largest eigenvalue is that of one group.
   *
   * @return {@code L_Q}
   */
  public double meanSquareLipschitz() {
    return meanSquare;
  }

  /**
   * Solves {@code F(z) = 0}, i.e. {@code Mz = c}, by a dense LU solve (a reference for tests).
   *
   * @return the solution, or {@code null} if {@code M} is singular
   */
  public double[] solveLinear() {
    DMatrixRMaj mm = new DMatrixRMaj(d, d);
    for (int j = 0; j < d; j++) {
      for (int p = 0; p < rows[j].length; p++) {
        mm.set(rows[j][p], j, vals[j][p]);
      }
    }
    DMatrixRMaj rhs = new DMatrixRMaj(d, 1, true, c);
    DMatrixRMaj z = new DMatrixRMaj(d, 1);
    if (!CommonOps_DDRM.solve(mm, rhs, z)) {
      return null;
    }
    return z.data.clone();
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public int size() {
    return groups.length;
  }

  @Override
  public void addComponent(int i, double scale, double[] x, double[] acc) {
    double s = scale * groups.length;
    for (int j : groups[i]) {
      axpyColumn(j, s * x[j], acc);
    }
    if (hasConstant) {
      for (int r = 0; r < d; r++) {
        acc[r] -= scale * c[r];
      }
    }
  }

  @Override
  public void addComponentDifference(int i, double scale, double[] x, double[] y, double[] acc) {
    double s = scale * groups.length;
    for (int j : groups[i]) {
      axpyColumn(j, s * (x[j] - y[j]), acc);
    }
  }

  @Override
  public void apply(double[] x, double[] out) {
    for (int r = 0; r < d; r++) {
      out[r] = -c[r];
    }
    for (int j = 0; j < d; j++) {
      axpyColumn(j, x[j], out);
    }
  }

  private void axpyColumn(int j, double a, double[] acc) {
    if (a == 0) {
      return;
    }
    int[] rj = rows[j];
    double[] vj = vals[j];
    for (int p = 0; p < rj.length; p++) {
      acc[rj[p]] += a * vj[p];
    }
  }
}
