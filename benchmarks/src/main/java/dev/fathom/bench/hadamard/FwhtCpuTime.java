package dev.fathom.bench.hadamard;

import dev.fathom.hadamard.WalshHadamard;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A companion to {@link WalshHadamardBenchmark} for a crowded machine: the same two kernels
 * (library path and textbook triple loop, both orthonormal), alternated, each timed by the best of
 * several rounds of <em>thread CPU time</em>, which time slices lost to other processes do not
 * inflate. Prints a Markdown table with the FFHT anchors of the spec (§5.2) for scale. The second
 * argument selects the precision; the library path is SIMD when the JVM runs with {@code
 * --add-modules jdk.incubator.vector}, scalar otherwise (the table's header says which).
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp benchmarks/target/benchmarks.jar \
 *     dev.fathom.bench.hadamard.FwhtCpuTime [rounds] [double|float]
 * </pre>
 */
public final class FwhtCpuTime {
  private FwhtCpuTime() {}

  private static final int[] LOG_N = {16, 18, 20, 22, 24};
  private static final double[] FFHT_DOUBLE_SECONDS = {
    4.62e-5, Double.NaN, 9.67e-4, 5.04e-3, 2.62e-2
  };
  private static final double[] FFHT_FLOAT_SECONDS = {
    2.71e-5, Double.NaN, 5.04e-4, 2.46e-3, 1.26e-2
  };

  /**
   * Runs the comparison.
   *
   * @param args optional number of rounds (default 8), then {@code double} (default) or {@code
   *     float}
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    boolean single = args.length > 1 && args[1].equals("float");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    WalshHadamardBenchmark bench = new WalshHadamardBenchmark();
    Runnable library = single ? bench::fathomFloat : bench::fathom;
    Runnable baseline = single ? bench::tripleLoopFloat : bench::tripleLoop;
    double[] ffht = single ? FFHT_FLOAT_SECONDS : FFHT_DOUBLE_SECONDS;
    int lanes = single ? WalshHadamard.simdFloatLanes() : WalshHadamard.simdLanes();
    String precision = single ? "float" : "double";
    String kernel = lanes > 1 ? "SIMD, " + lanes + " lanes" : "scalar";
    System.out.printf(
        Locale.ROOT,
        "| N | fathom %s, %s (ms) | triple loop (ms) | ratio | FFHT %s, spec (ms) |%n",
        precision,
        kernel,
        precision);
    System.out.println("|---|---|---|---|---|");
    for (int i = 0; i < LOG_N.length; i++) {
      int logN = LOG_N[i];
      bench.logN = logN;
      bench.setup();
      int reps = Math.max(1, (1 << 22) >> logN);
      double best = Double.POSITIVE_INFINITY;
      double bestBaseline = Double.POSITIVE_INFINITY;
      for (int r = 0; r < rounds; r++) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int k = 0; k < reps; k++) {
          library.run();
        }
        long t1 = mx.getCurrentThreadCpuTime();
        for (int k = 0; k < reps; k++) {
          baseline.run();
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
          Double.isNaN(ffht[i]) ? "-" : String.format(Locale.ROOT, "%.3f", ffht[i] * 1e3));
    }
  }
}
