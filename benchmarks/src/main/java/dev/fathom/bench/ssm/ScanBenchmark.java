package dev.fathom.bench.ssm;

import dev.fathom.core.Rng;
import dev.fathom.ssm.DiagonalSsm;
import dev.fathom.ssm.DiscreteSsm;
import dev.fathom.ssm.Discretization;
import dev.fathom.ssm.ParallelScan;
import dev.fathom.ssm.Recurrence;
import dev.fathom.ssm.S4dInit;
import dev.fathom.ssm.SelectiveScan;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scans over a batch: the sequential recurrence (baseline), the chunked parallel scan on 2 threads
 * for a large batch (B = 8, H = 32: parallel over sequences) and for a single long sequence (time
 * chunks, about twice the work), and Mamba's selective scan at the same sizes (throughput).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ScanBenchmark {
  static final int BATCH = 8;
  static final int CHANNELS = 32;
  static final int STATE = 32;
  static final int LENGTH = 4096;

  private DiscreteSsm sys;
  private DiscreteSsm single;
  private double[] u;
  private double[] uLong;
  private ParallelScan one;
  private ParallelScan two;
  private double[] delta;
  private double[] a;
  private double[] b;
  private double[] c;

  @Setup(Level.Trial)
  public void setup() {
    S4dInit.Modes modes = S4dInit.inv(STATE);
    sys =
        DiagonalSsm.shared(
                modes,
                S4dInit.gaussianC(CHANNELS, modes.count(), true, 1),
                S4dInit.logSpacedDt(CHANNELS, 0.001, 0.1),
                new double[CHANNELS])
            .discretize(Discretization.ZOH);
    single =
        DiagonalSsm.shared(
                modes,
                S4dInit.gaussianC(1, modes.count(), true, 1),
                new double[] {0.01},
                new double[1])
            .discretize(Discretization.ZOH);
    u = Rng.gaussian(Rng.create(2), BATCH * CHANNELS * LENGTH);
    uLong = Rng.gaussian(Rng.create(3), BATCH * CHANNELS * LENGTH);
    one = new ParallelScan(1);
    two = new ParallelScan(2);
    delta = new double[CHANNELS * LENGTH];
    Arrays.fill(delta, 0.01);
    a = new double[CHANNELS * STATE];
    for (int i = 0; i < a.length; i++) {
      a[i] = -(i % STATE + 1);
    }
    b = Rng.gaussian(Rng.create(4), STATE * LENGTH);
    c = Rng.gaussian(Rng.create(5), STATE * LENGTH);
  }

  @TearDown(Level.Trial)
  public void close() {
    one.close();
    two.close();
  }

  /** Baseline: the sequential recurrence over the batch, one batch element after another. */
  @Benchmark
  public double[] sequentialBatch() {
    double[] y = new double[u.length];
    int per = CHANNELS * LENGTH;
    for (int i = 0; i < BATCH; i++) {
      double[] part = Arrays.copyOfRange(u, i * per, (i + 1) * per);
      System.arraycopy(Recurrence.run(sys, part, null).y(), 0, y, i * per, per);
    }
    return y;
  }

  /** The same chunked scan on one thread: separates the threads' gain from the loop's. */
  @Benchmark
  public double[] parallelBatch1Thread() {
    return one.run(sys, u, BATCH);
  }

  @Benchmark
  public double[] parallelBatch2Threads() {
    return two.run(sys, u, BATCH);
  }

  /** Baseline for one long sequence of the same total length. */
  @Benchmark
  public double[] sequentialLong() {
    return Recurrence.run(single, uLong, null).y();
  }

  @Benchmark
  public double[] parallelLong2Threads() {
    return two.run(single, uLong, 1);
  }

  /** Mamba selective scan for one batch element (H = D = 32 channels, N = 32 real modes). */
  @Benchmark
  public double[] selectiveScan() {
    return SelectiveScan.scan(
            SelectiveScan.inputs()
                .length(LENGTH)
                .u(Arrays.copyOf(u, CHANNELS * LENGTH))
                .delta(delta)
                .a(a)
                .b(SelectiveScan.Param.varying(b))
                .c(SelectiveScan.Param.varying(c))
                .build())
        .y();
  }
}
