package dev.fathom.bench.monotone;

import dev.fathom.core.Status;
import dev.fathom.core.StoppingRule;
import dev.fathom.monotone.InclusionResult;
import dev.fathom.monotone.Problem;
import dev.fathom.monotone.Problems;
import dev.fathom.monotone.VrHalpern;
import java.util.concurrent.TimeUnit;
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
 * One epoch ({@code n} oracle calls) of VR-Halpern against one full pass of {@code F} on dense
 * finite-sum least squares, {@code n = 10^4}, {@code d = 100}. The ratio {@code vrHalpernEpoch /
 * fullPass} shows whether the method's bookkeeping (sampling, estimator update, anchoring,
 * Bernoulli restarts) costs more than the oracle calls themselves; the figure of merit is at most
 * 1.3.
 *
 * <p>{@code vrHalpernEpochGeneric} hides the operator's fused difference {@code a_i a_iᵀ(x − y)},
 * so each difference costs two component evaluations, as for a black-box operator. Each solve runs
 * {@link #EPOCHS} epochs plus two monitoring passes (start and end), which are included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class VrHalpernEpochBenchmark {
  /** Epochs per solve. */
  static final int EPOCHS = 40;

  private Problem problem;
  private Problem generic;
  private double[] x;
  private double[] out;
  private StoppingRule rule;
  private VrHalpern solver;

  @Setup
  public void setup() {
    problem = Problems.leastSquares(10_000, 100, 7);
    generic = BlackBox.of(problem);
    x = problem.solution().clone();
    for (int j = 0; j < x.length; j++) {
      x[j] += 0.1;
    }
    out = new double[x.length];
    rule = StoppingRule.absolute(Double.MIN_VALUE, EPOCHS); // budget only
    solver = new VrHalpern(1).withStep(1.0 / problem.meanSquareLipschitz()).withCheckEvery(1e9);
    InclusionResult check = solver.solve(problem, rule);
    if (check.status() != Status.MAX_ITERATIONS) {
      throw new IllegalStateException("benchmark run ended " + check.status());
    }
  }

  @Benchmark
  public double[] fullPass() {
    problem.operator().apply(x, out);
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(EPOCHS)
  public InclusionResult vrHalpernEpoch() {
    return solver.solve(problem, rule);
  }

  @Benchmark
  @OperationsPerInvocation(EPOCHS)
  public InclusionResult vrHalpernEpochGeneric() {
    return solver.solve(generic, rule);
  }
}
