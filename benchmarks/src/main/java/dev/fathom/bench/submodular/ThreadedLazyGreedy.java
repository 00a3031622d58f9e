package dev.fathom.bench.submodular;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.Similarity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The lazy greedy of the facility-location anchor on one thread against {@code threads} threads,
 * interleaved in one JVM on the same similarity (Gaussian points, {@code
 * Similarity.squaredEuclidean(x, threads, precision)}): {@code Greedy.lazy(new FacilityLocation(s),
 * Constraint.cardinality(k), Until.POSITIVE_GAIN, t)} for t = 1 and t = threads, alternately.
 * Prints the wall time of every repeat, the oracle calls, whether the selections are bitwise the
 * same, the medians and the load:
 *
 * <pre>
 * java -Xmx8g --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.fathom.bench.submodular.ThreadedLazyGreedy [n d k threads repeats]
 * </pre>
 *
 * Defaults: the anchor's n = 10^4, d = 1024, k = 1000, 2 threads, 5 repeats.
 */
public final class ThreadedLazyGreedy {
  private ThreadedLazyGreedy() {}

  /**
   * Runs the comparison.
   *
   * @param args optional n, d, k, threads and the number of repeats
   * @throws Exception if the load cannot be read
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int reps = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    RandomGenerator rng = Rng.create(2024);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int c = 0; c < d; c++) {
        row[c] = rng.nextGaussian();
      }
    }
    System.out.printf(
        "n=%d d=%d k=%d threads=%d java=%s load %s%n",
        n, d, k, threads, System.getProperty("java.version"), load());
    for (Similarity.Precision p : Similarity.Precision.values()) {
      Similarity s = Similarity.squaredEuclidean(x, threads, p);
      double[][] t = new double[2][reps];
      for (int rep = -1; rep < reps; rep++) {
        long w0 = System.nanoTime();
        Selection one =
            Greedy.lazy(
                new FacilityLocation(s), Constraint.cardinality(k), Greedy.Until.POSITIVE_GAIN, 1);
        long w1 = System.nanoTime();
        Selection many =
            Greedy.lazy(
                new FacilityLocation(s),
                Constraint.cardinality(k),
                Greedy.Until.POSITIVE_GAIN,
                threads);
        long w2 = System.nanoTime();
        boolean same =
            Arrays.equals(one.elements(), many.elements())
                && Arrays.equals(one.gains(), many.gains())
                && Double.doubleToRawLongBits(one.value())
                    == Double.doubleToRawLongBits(many.value());
        System.out.printf(
            "%s%s 1 thread %.3f s (%d calls)  %d threads %.3f s (%d calls)  same: %b%n",
            p,
            rep < 0 ? " warm-up" : "",
            (w1 - w0) * 1e-9,
            one.oracleCalls(),
            threads,
            (w2 - w1) * 1e-9,
            many.oracleCalls(),
            same);
        if (rep >= 0) {
          t[0][rep] = (w1 - w0) * 1e-9;
          t[1][rep] = (w2 - w1) * 1e-9;
        }
      }
      for (double[] a : t) {
        Arrays.sort(a);
      }
      System.out.printf(
          "%s median: 1 thread %.3f s, %d threads %.3f s (%.2fx); load %s%n",
          p, t[0][reps / 2], threads, t[1][reps / 2], t[0][reps / 2] / t[1][reps / 2], load());
    }
  }

  private static String load() throws java.io.IOException {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }
}
