package dev.fathom.lsa;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The deterministic system {@code Ā θ = b̄} that an LSA stream estimates. Immutable: the
 * constructor copies its arguments and the accessors return copies.
 *
 * @since 1.0
 */
public final class LinearSystem {
  private final DMatrixRMaj a;
  private final double[] b;

  /**
   * Creates the system {@code a θ = b}.
   *
   * @param a the square mean matrix {@code Ā} (copied)
   * @param b the mean right-hand side {@code b̄} (copied)
   * @throws IllegalArgumentException if {@code a} is not square, the lengths differ, or an entry is
   *     not finite
   */
  public LinearSystem(DMatrixRMaj a, double[] b) {
    Args.notNull("a", a);
    if (a.numRows != a.numCols) {
      throw Args.fail("a", a.numRows + "x" + a.numCols, "a square matrix");
    }
    Args.length("b", b, a.numRows);
    Args.finite("a", a.data);
    Args.finite("b", b);
    this.a = a.copy();
    this.b = b.clone();
  }

  /**
   * The dimension {@code d}.
   *
   * @return the number of unknowns
   */
  public int dimension() {
    return b.length;
  }

  /**
   * A copy of {@code Ā}.
   *
   * @return the mean matrix
   */
  public DMatrixRMaj a() {
    return a.copy();
  }

  /**
   * A copy of {@code b̄}.
   *
   * @return the mean right-hand side
   */
  public double[] b() {
    return b.clone();
  }

  /**
   * Solves {@code Ā θ = b̄} by LU with partial pivoting.
   *
   * @return {@code θ* = Ā⁻¹ b̄}
   * @throws IllegalArgumentException if {@code Ā} is singular
   */
  public double[] solve() {
    DMatrixRMaj x = new DMatrixRMaj(b.length, 1);
    if (!CommonOps_DDRM.solve(a, DMatrixRMaj.wrap(b.length, 1, b.clone()), x)
        || !Dense.allFinite(x.data)) {
      throw Args.fail("a", "singular", "a non-singular mean matrix");
    }
    return x.data;
  }

  /**
   * The step-size check of this system at step {@code alpha}.
   *
   * @param alpha the step size
   * @return the stability report
   */
  public Stability stability(double alpha) {
    return Stability.of(a, alpha);
  }
}
