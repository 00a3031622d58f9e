package dev.fathom.bench.relax;

import dev.fathom.core.StoppingRule;
import dev.fathom.relax.ConjugateGradient;
import dev.fathom.relax.CsrMatrix;
import dev.fathom.relax.SolveResult;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
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
 * A full solve of the m x m grid Laplacian to relative residual 1e-8: SSOR-preconditioned CG at a
 * good omega against plain CG and against EJML's sparse Cholesky (factor and solve; natural
 * ordering, the banded Laplacian's fill is O(m^3)).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SolverBenchmark {
  @Param({"200"})
  public int m;

  private CsrMatrix a;
  private DMatrixSparseCSC csc;
  private double[] b;
  private final StoppingRule rule = StoppingRule.relative(1e-8, 10_000);

  @Setup
  public void setup() {
    a = CsrMatrix.laplacian2d(m);
    csc = a.toCsc();
    b = new double[a.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = Math.sin(0.37 * i);
    }
  }

  /** SSOR-PCG at omega = 1.8. */
  @Benchmark
  public SolveResult ssorPcg() {
    return ConjugateGradient.solveSsor(a, b, null, 1.8, rule);
  }

  /** Baseline: unpreconditioned CG. */
  @Benchmark
  public SolveResult plainCg() {
    return ConjugateGradient.solve(a, b, null, rule);
  }

  /** Baseline: EJML sparse Cholesky, factor and solve. */
  @Benchmark
  public DMatrixRMaj ejmlCholesky() {
    LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver =
        LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
    solver.setA(csc.copy());
    DMatrixRMaj x = new DMatrixRMaj(b.length, 1);
    solver.solve(new DMatrixRMaj(b.length, 1, true, b), x);
    return x;
  }
}
