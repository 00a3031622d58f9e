package dev.fathom.bench.hadamard;

import dev.fathom.hadamard.Normalization;
import dev.fathom.hadamard.QueryOracle;
import dev.fathom.hadamard.SparseResult;
import dev.fathom.hadamard.SparseSpectrum;
import dev.fathom.hadamard.SparseWalshHadamard;
import dev.fathom.hadamard.SprightOptions;
import dev.fathom.hadamard.WalshHadamard;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPRIGHT (noiseless, C = 3, b = log2 K) against the library's dense FWHT of the full vector at n =
 * 22, K = 1024 (ratio = dense22 / sparse22), and the sparse transform alone at n = 40, K = 4096
 * with a cheap oracle (a hash table of the time-domain values at the queried indices, filled once
 * by direct summation in the setup).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SparseWalshHadamardBenchmark {
  /** n = 22, K = 1024: the dense vector and its array-backed oracle. */
  @State(Scope.Benchmark)
  public static class N22 {
    SparseWalshHadamard sparse;
    QueryOracle oracle;
    double[] x;

    @Setup
    public void setup() {
      dev.fathom.hadamard.WalshHadamard.warmUp(); // SIMD from the first iteration
      SparseSpectrum s = SparseSpectrum.random(22, 1024, 1, 500, 1);
      x = s.dense();
      oracle = QueryOracle.ofArray(x.clone());
      sparse = new SparseWalshHadamard(SprightOptions.defaults(22, 1024));
      SparseSignals.requireExact(s, sparse.transform(oracle, 0));
    }
  }

  /** n = 40, K = 4096: a table oracle over the queried indices. */
  @State(Scope.Benchmark)
  public static class N40 {
    SparseWalshHadamard sparse;
    QueryOracle oracle;

    @Setup
    public void setup() {
      dev.fathom.hadamard.WalshHadamard.warmUp(); // SIMD from the first iteration
      SparseSpectrum s = SparseSpectrum.random(40, 4096, 1, 500, 2);
      dev.fathom.hadamard.BatchOracle direct = SparseSignals.parallel(s);
      sparse = new SparseWalshHadamard(SprightOptions.defaults(40, 4096));
      SparseSignals.Table table = new SparseSignals.Table(1 << 20);
      sparse.transform(
          (indices, out) -> {
            direct.values(indices, out);
            for (int i = 0; i < indices.length; i++) {
              table.put(indices[i], out[i]);
            }
          },
          0);
      oracle = table::get;
      SparseSignals.requireExact(s, sparse.transform(oracle, 0));
    }
  }

  /** SPRIGHT at n = 22, K = 1024, reading an array. */
  @Benchmark
  public SparseResult sparse22(N22 st) {
    return st.sparse.transform(st.oracle, 0);
  }

  /** Baseline: the library's dense FWHT of the full 2^22 vector, in place. */
  @Benchmark
  public double[] dense22(N22 st) {
    WalshHadamard.transform(st.x, Normalization.ORTHONORMAL);
    return st.x;
  }

  /** SPRIGHT at n = 40, K = 4096 with a table oracle. */
  @Benchmark
  public SparseResult sparse40(N40 st) {
    return st.sparse.transform(st.oracle, 0);
  }
}
