package dev.fathom.bench.hadamard;

import dev.fathom.hadamard.Normalization;
import dev.fathom.hadamard.WalshHadamard;
import dev.fathom.linalg.Rng;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A companion to {@link WalshHadamardBenchmark} for a crowded machine: the same two kernels
 * (library scalar path and textbook triple loop, both orthonormal), alternated, each timed by the
 * best of several rounds of <em>thread CPU time</em>, which time slices lost to other processes do
 * not inflate. Prints a Markdown table with the FFHT anchors of the spec for scale.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fathom.bench.hadamard.FwhtCpuTime [rounds]
 * </pre>
 */
public final class FwhtCpuTime {
  private FwhtCpuTime() {}

  private static final int[] LOG_N = {16, 18, 20, 22, 24};
  private static final double[] FFHT_DOUBLE_SECONDS = {
    4.62e-5, Double.NaN, 9.67e-4, 5.04e-3, 2.62e-2
  };

  /**
   * Runs the comparison.
   *
   * @param args optional number of rounds (default 8)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    WalshHadamardBenchmark baseline = new WalshHadamardBenchmark();
    System.out.println("| N | fathom (ms) | triple loop (ms) | ratio | FFHT double, spec (ms) |");
    System.out.println("|---|---|---|---|---|");
    for (int i = 0; i < LOG_N.length; i++) {
      int logN = LOG_N[i];
      double[] x = Rng.gaussian(Rng.create(42), 1 << logN);
      baseline.logN = logN;
      baseline.setup();
      int reps = Math.max(1, (1 << 22) >> logN);
      double best = Double.POSITIVE_INFINITY;
      double bestBaseline = Double.POSITIVE_INFINITY;
      for (int r = 0; r < rounds; r++) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int k = 0; k < reps; k++) {
          WalshHadamard.transform(x, Normalization.ORTHONORMAL);
        }
        long t1 = mx.getCurrentThreadCpuTime();
        for (int k = 0; k < reps; k++) {
          baseline.tripleLoop();
        }
        long t2 = mx.getCurrentThreadCpuTime();
        best = Math.min(best, (t1 - t0) / 1e6 / reps);
        bestBaseline = Math.min(bestBaseline, (t2 - t1) / 1e6 / reps);
      }
      System.out.printf(
          Locale.ROOT,
          "| 2^%d | %.3f | %.3f | %.2fx | %s |%n",
          logN,
          best,
          bestBaseline,
          bestBaseline / best,
          Double.isNaN(FFHT_DOUBLE_SECONDS[i])
              ? "-"
              : String.format(Locale.ROOT, "%.3f", FFHT_DOUBLE_SECONDS[i] * 1e3));
    }
  }
}
