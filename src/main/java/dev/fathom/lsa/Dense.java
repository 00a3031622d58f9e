package dev.fathom.lsa;

import dev.fathom.core.Args;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Small dense helpers of the package (package-private). */
final class Dense {
  private Dense() {}

  static boolean allFinite(double[] x) {
    for (double v : x) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Inverse of a square matrix; refuses a singular one. */
  static DMatrixRMaj inverse(DMatrixRMaj a, String name) {
    DMatrixRMaj inv = a.copy();
    if (!CommonOps_DDRM.invert(inv) || !allFinite(inv.data)) {
      throw Args.fail(name, "singular", "a non-singular matrix");
    }
    return inv;
  }

  /** Checks a square matrix of the given size with finite entries. */
  static DMatrixRMaj square(String name, DMatrixRMaj a, int d) {
    Args.notNull(name, a);
    if (a.numRows != d || a.numCols != d) {
      throw Args.fail(name, a.numRows + "x" + a.numCols, d + "x" + d);
    }
    Args.finite(name, a.data);
    return a;
  }
}
