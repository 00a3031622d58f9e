package dev.fathom.bench.lsa;

import dev.fathom.core.Rng;
import dev.fathom.lsa.Lsa;
import dev.fathom.lsa.LsaStream;
import dev.fathom.lsa.MarkovRewardProcess;
import dev.fathom.lsa.TemporalDifference;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TD(0) with 50 features along a trajectory of a 1000-state MRP with 4 successors per state, in
 * transitions per second (one thread). {@code stream}: the library's O(d) rank-one update; {@code
 * lsaRun}: the same inside {@link Lsa#run} with Polyak-Ruppert averaging; {@code denseBaseline}:
 * the textbook dense recursion that forms {@code A_k = φ(φ − γφ')ᵀ} and {@code b_k} and computes
 * {@code θ − α(A_k θ − b_k)}, O(d²) per transition.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TdBenchmark {
  static final int STATES = 1000;
  static final int D = 50;
  static final double GAMMA = 0.9;
  static final double ALPHA = 0.01;
  static final int BATCH = 100_000;
  static final int DENSE_BATCH = 10_000;

  private TemporalDifference td;
  private LsaStream stream;
  private double[] theta;
  private Lsa.Options options;
  private long seed;

  private MarkovRewardProcess mrp;
  private double[] phi;
  private double[] reward;
  private double[] a;
  private double[] b;
  private double[] g;
  private double[] thetaDense;
  private RandomGenerator rng;
  private int state;

  @Setup
  public void setup() {
    td = TemporalDifference.random(STATES, 4, D, GAMMA, 11);
    stream = td.stream(TemporalDifference.Sampling.MARKOV);
    stream.reset(1);
    theta = new double[D];
    options = Lsa.Options.of(ALPHA, BATCH).withPolicy(Lsa.StabilityPolicy.SKIP);
    mrp = td.process();
    phi = new double[STATES * D];
    reward = new double[STATES];
    for (int s = 0; s < STATES; s++) {
      System.arraycopy(td.features(s), 0, phi, s * D, D);
      reward[s] = mrp.reward(s);
    }
    a = new double[D * D];
    b = new double[D];
    g = new double[D];
    thetaDense = new double[D];
    rng = Rng.create(1);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double[] stream() {
    for (int k = 0; k < BATCH; k++) {
      stream.update(ALPHA, theta);
    }
    return theta;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double[] lsaRun() {
    return Lsa.run(stream, theta, options, seed++).average();
  }

  @Benchmark
  @OperationsPerInvocation(DENSE_BATCH)
  public double[] denseBaseline() {
    double[] th = thetaDense;
    for (int k = 0; k < DENSE_BATCH; k++) {
      int s = state;
      int t = mrp.next(s, rng);
      for (int i = 0; i < D; i++) {
        double fi = phi[s * D + i];
        for (int j = 0; j < D; j++) {
          a[i * D + j] = fi * (phi[s * D + j] - GAMMA * phi[t * D + j]);
        }
        b[i] = reward[s] * fi;
      }
      for (int i = 0; i < D; i++) {
        double acc = -b[i];
        for (int j = 0; j < D; j++) {
          acc += a[i * D + j] * th[j];
        }
        g[i] = acc;
      }
      for (int i = 0; i < D; i++) {
        th[i] -= ALPHA * g[i];
      }
      state = t;
    }
    return th;
  }
}
