package dev.fathom.bench.monotone;

import dev.fathom.core.StoppingRule;
import dev.fathom.monotone.Problem;
import dev.fathom.monotone.Problems;
import dev.fathom.monotone.VrHalpern;
import java.util.Locale;

/**
 * A load-robust companion of {@link VrHalpernEpochBenchmark} for a shared machine: interleaves the
 * three measurements (one full pass; 40 epochs of VR-Halpern with the fused difference; the same on
 * a black-box operator) for many rounds and reports the ratios of the per-epoch minimum times, so
 * that bursts of load from other processes do not land on one side only.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fathom.bench.monotone.EpochRatio [rounds]
 * </pre>
 */
public final class EpochRatio {
  private EpochRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int epochs = 40;
    Problem p = Problems.leastSquares(10_000, 100, 7);
    Problem generic = BlackBox.of(p);
    double[] x = p.solution();
    double[] out = new double[x.length];
    StoppingRule rule = StoppingRule.absolute(Double.MIN_VALUE, epochs); // budget only
    VrHalpern solver = new VrHalpern(1).withStep(1.0 / p.meanSquareLipschitz()).withCheckEvery(1e9);
    double full = Double.POSITIVE_INFINITY;
    double fused = Double.POSITIVE_INFINITY;
    double black = Double.POSITIVE_INFINITY;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < epochs; k++) {
        p.operator().apply(x, out);
      }
      long t1 = System.nanoTime();
      solver.solve(p, rule);
      long t2 = System.nanoTime();
      solver.solve(generic, rule);
      long t3 = System.nanoTime();
      full = Math.min(full, (t1 - t0) / (double) epochs);
      fused = Math.min(fused, (t2 - t1) / (double) epochs);
      black = Math.min(black, (t3 - t2) / (double) epochs);
    }
    System.out.printf(
        Locale.ROOT,
        "n = 10000, d = 100, %d rounds (min per epoch):%n"
            + "  full pass            %8.1f us%n"
            + "  VR-Halpern epoch     %8.1f us  ratio %.2f%n"
            + "  VR-Halpern black box %8.1f us  ratio %.2f%n",
        rounds,
        full / 1e3,
        fused / 1e3,
        fused / full,
        black / 1e3,
        black / full);
  }
}
