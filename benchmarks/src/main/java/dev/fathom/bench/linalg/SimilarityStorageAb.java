package dev.fathom.bench.linalg;

import dev.fathom.linalg.SquaredEuclidean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The similarity build stored as n row arrays ({@code SquaredEuclidean.similarity} / {@code
 * similarityFloat}) against row blocks sized to G1's regions ({@code similarityBlocks} / {@code
 * similarityFloatBlocks}), interleaved in one JVM: wall time and the garbage collectors' pause time
 * during each call.
 *
 * <pre>
 * SimilarityStorageAb N D THREADS REPEATS
 * </pre>
 *
 * <p>Prints one line per call ({@code variant ms gc_ms gc_count}) and the medians. Pause time is
 * the increase of {@link GarbageCollectorMXBean#getCollectionTime()} over the collectors whose name
 * does not contain "Concurrent" (G1's young, mixed and full pauses). Each call is preceded by
 * {@code System.gc()} so that every variant starts from the same heap.
 */
public final class SimilarityStorageAb {
  private SimilarityStorageAb() {}

  /**
   * Runs the comparison.
   *
   * @param args N, D, THREADS, REPEATS
   */
  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    int n = Integer.parseInt(args[0]);
    int d = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    int reps = Integer.parseInt(args[3]);
    double[][] x = GramRate.gaussian(n, d);
    String[] names = {"rows_double", "blocks_double", "rows_float", "blocks_float"};
    List<Supplier<Object>> calls =
        List.of(
            () -> SquaredEuclidean.similarity(x, threads),
            () -> SquaredEuclidean.similarityBlocks(x, threads),
            () -> SquaredEuclidean.similarityFloat(x, threads),
            () -> SquaredEuclidean.similarityFloatBlocks(x, threads));
    double[][] ms = new double[names.length][reps];
    double[][] gc = new double[names.length][reps];
    for (int v = 0; v < names.length; v++) {
      time(calls.get(v)); // warm-up
    }
    for (int r = 0; r < reps; r++) {
      for (int v = 0; v < names.length; v++) {
        double[] t = time(calls.get(v));
        ms[v][r] = t[0];
        gc[v][r] = t[1];
        System.out.printf("%s %.1f %.1f %.0f%n", names[v], t[0], t[1], t[2]);
      }
    }
    for (int v = 0; v < names.length; v++) {
      System.out.printf("median %s %.1f ms gc %.1f ms%n", names[v], median(ms[v]), median(gc[v]));
    }
  }

  private static double[] time(Supplier<Object> call) {
    System.gc();
    long[] before = pauses();
    long t0 = System.nanoTime();
    Object keep = call.get();
    double ms = (System.nanoTime() - t0) / 1e6;
    long[] after = pauses();
    if (keep == null) {
      throw new AssertionError();
    }
    return new double[] {ms, after[0] - before[0], after[1] - before[1]};
  }

  /** Pause milliseconds and collections so far, over the stop-the-world collectors. */
  private static long[] pauses() {
    long ms = 0;
    long count = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (!b.getName().contains("Concurrent")) {
        ms += b.getCollectionTime();
        count += b.getCollectionCount();
      }
    }
    return new long[] {ms, count};
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
