package dev.fathom.hadamard;

/** Builds small results for the contract tests. */
final class SparseResultTestSupport {
  private SparseResultTestSupport() {}

  /** toDense with n too small for the stored index. */
  static double[] denseTooSmall() {
    SparseResult r =
        new SparseResult(
            new long[] {5, 40},
            new double[] {1, 2},
            0,
            0,
            1,
            0,
            0,
            0,
            SparseResult.Status.COMPLETE);
    return r.toDense(5);
  }
}
