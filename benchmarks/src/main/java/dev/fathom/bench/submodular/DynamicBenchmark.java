package dev.fathom.bench.submodular;

import dev.fathom.submodular.dynamic.DynamicMaximizer;
import dev.fathom.submodular.similarity.SparseSimilarity;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole insert/delete stream ({@link DynamicWorkload}) through the fully dynamic algorithms. The
 * figure of merit is the oracle calls per update, reported as the auxiliary counters {@code
 * callsPerUpdate} (the dynamic algorithm) and {@code rerunCallsPerUpdate} (re-running lazy greedy
 * on the live set after an update, sampled every 64 updates), both measured in the same run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DynamicBenchmark {
  @Param({"1024", "4096", "16384"})
  public int n;

  @Param({"banihashem", "lattanzi"})
  public String algorithm;

  private SparseSimilarity sim;
  private DynamicMaximizer d;

  /** Calls per update, reported by JMH next to the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Calls {
    public double callsPerUpdate;
    public double rerunCallsPerUpdate;
  }

  @Setup(Level.Trial)
  public void data() {
    sim = DynamicWorkload.similarity(n);
  }

  @Setup(Level.Invocation)
  public void fresh() {
    d = DynamicWorkload.create(algorithm, sim);
  }

  @Benchmark
  public double stream(Calls calls) {
    DynamicWorkload.Result r = DynamicWorkload.run(d, sim, 64);
    calls.callsPerUpdate = r.dynamicPerUpdate();
    calls.rerunCallsPerUpdate = r.rerunPerUpdate();
    return d.value();
  }
}
