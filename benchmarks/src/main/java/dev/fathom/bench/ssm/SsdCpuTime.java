package dev.fathom.bench.ssm;

import dev.fathom.core.Rng;
import dev.fathom.ssm.StateSpaceDuality;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A companion to {@link SsdBenchmark} for a crowded machine: Mamba-2's chunked SSD against the
 * step-by-step recurrence of the same map, alternated in one JVM, each timed by the best of several
 * rounds of <em>thread CPU time</em> (which time slices lost to other processes do not inflate).
 * One sequence, H = 4 heads of dimension P = 64, one group, chunk Q = 64, state N = 16 and 64, L =
 * 1024 to 16384. Prints a Markdown table; the chunked form uses the SIMD kernel when the JVM runs
 * with {@code --add-modules jdk.incubator.vector} (the header says which).
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp benchmarks/target/benchmarks.jar \
 *     dev.fathom.bench.ssm.SsdCpuTime [rounds]
 * </pre>
 */
public final class SsdCpuTime {
  private SsdCpuTime() {}

  private static final int HEADS = 4;
  private static final int HEAD_DIM = 64;
  private static final int CHUNK = 64;

  /**
   * Runs the comparison.
   *
   * @param args optional number of rounds (default 5)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    boolean simd = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    System.out.printf(
        Locale.ROOT,
        "| N | L | chunked Q = %d, %s (ms) | recurrent (ms) | recurrent / chunked |%n",
        CHUNK,
        simd ? "SIMD" : "scalar");
    System.out.println("|---|---|---|---|---|");
    for (int n : new int[] {16, 64}) {
      for (int len : new int[] {1024, 4096, 16384}) {
        StateSpaceDuality.SsdInputs in = inputs(n, len);
        Supplier<double[]> chunked = () -> StateSpaceDuality.chunked(in, CHUNK).y();
        Supplier<double[]> recurrent = () -> StateSpaceDuality.recurrent(in).y();
        double bestC = Double.POSITIVE_INFINITY;
        double bestR = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rounds + 2; r++) { // two warm-up rounds
          double c = cpuMillis(bean, chunked);
          double q = cpuMillis(bean, recurrent);
          if (r >= 2) {
            bestC = Math.min(bestC, c);
            bestR = Math.min(bestR, q);
          }
        }
        System.out.printf(
            Locale.ROOT, "| %d | %d | %.1f | %.1f | %.2f |%n", n, len, bestC, bestR, bestR / bestC);
      }
    }
  }

  private static StateSpaceDuality.SsdInputs inputs(int n, int len) {
    RandomGenerator rng = Rng.create(2405);
    double[] a = new double[HEADS * len];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.exp(-0.001 - 0.1 * rng.nextDouble());
    }
    return StateSpaceDuality.inputs()
        .length(len)
        .heads(HEADS)
        .x(Rng.gaussian(rng, HEADS * HEAD_DIM * len))
        .a(a)
        .b(Rng.gaussian(rng, n * len))
        .c(Rng.gaussian(rng, n * len))
        .build();
  }

  private static double cpuMillis(ThreadMXBean bean, Supplier<double[]> run) {
    long t0 = bean.getCurrentThreadCpuTime();
    double[] y = run.get();
    long t1 = bean.getCurrentThreadCpuTime();
    if (y.length == 0) {
      throw new IllegalStateException();
    }
    return (t1 - t0) / 1e6;
  }
}
