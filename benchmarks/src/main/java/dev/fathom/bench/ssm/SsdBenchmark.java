package dev.fathom.bench.ssm;

import dev.fathom.core.Rng;
import dev.fathom.ssm.SelectiveScan;
import dev.fathom.ssm.StateSpaceDuality;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
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
 * Mamba-2's SSD on one long sequence, single thread: the chunked form ({@code chunked}, chunk Q),
 * the step-by-step recurrence of the same map ({@code recurrent}, one N x P rank-one update per
 * head and step) and Mamba-1's {@link SelectiveScan} computing the same map (A = -1 on every mode,
 * {@code Δ_t = -log a_t}, {@code u = x / Δ}: the generic sequential scan, which also takes one
 * {@code exp} per mode and step). The forks run with {@code --add-modules jdk.incubator.vector}
 * (the SIMD product kernel); add {@code -jvmArgsAppend -Dfathom.simd=false} for the scalar loops. H
 * heads of dimension P, one group, state dimension N, L steps.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class SsdBenchmark {
  @Param({"4096"})
  public int length;

  @Param({"64"})
  public int chunk;

  static final int HEADS = 4;
  static final int HEAD_DIM = 64;
  static final int STATE = 64;

  private StateSpaceDuality.SsdInputs in;
  private double[] u;
  private double[] delta;
  private double[] aMamba;
  private SelectiveScan.Param b;
  private SelectiveScan.Param c;

  @Setup(Level.Trial)
  public void setup() {
    RandomGenerator rng = Rng.create(2405);
    int channels = HEADS * HEAD_DIM;
    double[] x = Rng.gaussian(rng, channels * length);
    double[] a = new double[HEADS * length];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.exp(-0.001 - 0.1 * rng.nextDouble());
    }
    double[] bv = Rng.gaussian(rng, STATE * length);
    double[] cv = Rng.gaussian(rng, STATE * length);
    in = StateSpaceDuality.inputs().length(length).heads(HEADS).x(x).a(a).b(bv).c(cv).build();
    u = new double[x.length];
    delta = new double[x.length];
    for (int ch = 0; ch < channels; ch++) {
      for (int t = 0; t < length; t++) {
        double dt = -Math.log(a[(ch / HEAD_DIM) * length + t]);
        delta[ch * length + t] = dt;
        u[ch * length + t] = x[ch * length + t] / dt;
      }
    }
    aMamba = new double[channels * STATE];
    Arrays.fill(aMamba, -1);
    b = SelectiveScan.Param.varying(bv);
    c = SelectiveScan.Param.varying(cv);
  }

  @Benchmark
  public double[] chunked() {
    return StateSpaceDuality.chunked(in, chunk).y();
  }

  @Benchmark
  public double[] recurrent() {
    return StateSpaceDuality.recurrent(in).y();
  }

  @Benchmark
  public double[] selectiveScan() {
    return SelectiveScan.scan(
            SelectiveScan.inputs().length(length).u(u).delta(delta).a(aMamba).b(b).c(c).build())
        .y();
  }
}
