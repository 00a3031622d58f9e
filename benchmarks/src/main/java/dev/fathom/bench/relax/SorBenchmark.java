package dev.fathom.bench.relax;

import dev.fathom.relax.CsrMatrix;
import dev.fathom.relax.Sor;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SOR iteration on the 5-point Laplacian of an m x m grid (m = 1000: 10^6 unknowns, 5 * 10^6
 * nonzeros): Fathom's in-place CSR sweep against the textbook splitting {@code x += M^{-1}(b - A
 * x)} with {@code M = D / omega + L} done with EJML's sparse kernels (matrix-vector product, then a
 * sparse lower-triangular solve), as in the paper's reference code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SorBenchmark {
  @Param({"1000"})
  public int m;

  private CsrMatrix a;
  private DMatrixSparseCSC csc;
  private DMatrixSparseCSC splitting;
  private double[] b;
  private double[] x;
  private DMatrixRMaj xv;
  private DMatrixRMaj ax;
  private final double omega = 1.9;

  @Setup
  public void setup() {
    a = CsrMatrix.laplacian2d(m);
    csc = a.toCsc();
    int n = a.size();
    // M = D / omega + strictly lower part, column-compressed.
    DMatrixSparseCSC lower = new DMatrixSparseCSC(n, n, csc.nz_length);
    int w = 0;
    for (int j = 0; j < n; j++) {
      lower.col_idx[j] = w;
      for (int k = csc.col_idx[j]; k < csc.col_idx[j + 1]; k++) {
        int i = csc.nz_rows[k];
        if (i >= j) {
          lower.nz_rows[w] = i;
          lower.nz_values[w++] = i == j ? csc.nz_values[k] / omega : csc.nz_values[k];
        }
      }
    }
    lower.col_idx[n] = w;
    lower.nz_length = w;
    lower.indicesSorted = true;
    splitting = lower;
    b = new double[n];
    Arrays.fill(b, 1.0);
    x = new double[n];
    xv = new DMatrixRMaj(n, 1);
    ax = new DMatrixRMaj(n, 1);
  }

  /** Fathom: one in-place forward sweep over the CSR rows. */
  @Benchmark
  public double[] csrSweep() {
    Sor.forwardSweep(a, b, x, omega);
    return x;
  }

  /** Baseline: r = b - A x (EJML sparse product), solve M d = r (EJML), x += d. */
  @Benchmark
  public DMatrixRMaj ejmlSplitting() {
    CommonOps_DSCC.mult(csc, xv, ax);
    double[] r = ax.data;
    for (int i = 0; i < r.length; i++) {
      r[i] = b[i] - r[i];
    }
    TriangularSolver_DSCC.solveL(splitting, r);
    double[] xd = xv.data;
    for (int i = 0; i < r.length; i++) {
      xd[i] += r[i];
    }
    return xv;
  }
}
