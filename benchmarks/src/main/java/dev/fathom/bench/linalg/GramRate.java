package dev.fathom.bench.linalg;

import dev.fathom.core.Rng;
import dev.fathom.linalg.SquaredEuclidean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The floating-point rate of Fathom's Gram and similarity builds, for {@code
 * benchmarks/anchors/gram.sh}, which sets it beside the machine's FMA peak and numpy's {@code x @
 * x.T} on the same sizes.
 *
 * <pre>
 * GramRate N D THREADS REPEATS
 * </pre>
 *
 * <p>Prints {@code key median_ms gflops} lines for {@code SquaredEuclidean.gram} (double), {@code
 * similarity} (double) and {@code similarityFloat} (n row arrays), and {@code similarityBlocks} and
 * {@code similarityFloatBlocks} (row blocks, the storage {@code Similarity.squaredEuclidean} keeps)
 * on n Gaussian points in d dimensions. The flop count is that of the upper triangle with its
 * diagonal, {@code n (n + 1) d} (one multiply and one add per term), the work a symmetric rank-k
 * update does; the similarity builds also centre the points, compute the distances and write the
 * full n x n matrix, which the count does not include. Timing: one warm-up call, then the median of
 * the repeats.
 */
public final class GramRate {
  private GramRate() {}

  /**
   * Runs the measurement.
   *
   * @param args N, D, THREADS, REPEATS
   */
  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    int n = Integer.parseInt(args[0]);
    int d = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    int reps = Integer.parseInt(args[3]);
    double[][] x = gaussian(n, d);
    double flops = (double) n * (n + 1) * d;
    report("gram_double", flops, reps, () -> SquaredEuclidean.gram(x, threads));
    report("similarity_double", flops, reps, () -> SquaredEuclidean.similarity(x, threads));
    report("similarity_float", flops, reps, () -> SquaredEuclidean.similarityFloat(x, threads));
    report(
        "similarity_double_blocks",
        flops,
        reps,
        () -> SquaredEuclidean.similarityBlocks(x, threads));
    report(
        "similarity_float_blocks",
        flops,
        reps,
        () -> SquaredEuclidean.similarityFloatBlocks(x, threads));
  }

  /** n standard Gaussian points in d dimensions, seed 7 (the points of both Gram benchmarks). */
  static double[][] gaussian(int n, int d) {
    RandomGenerator rng = Rng.create(7);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    return x;
  }

  private static void report(String key, double flops, int reps, Supplier<Object> call) {
    Object keep = call.get();
    double[] ms = new double[reps];
    for (int r = 0; r < reps; r++) {
      keep = null;
      long t0 = System.nanoTime();
      keep = call.get();
      ms[r] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    double med = ms[reps / 2];
    System.out.printf("%s %.1f %.1f%n", key, med, flops / (med * 1e6));
    if (keep == null) {
      throw new AssertionError();
    }
  }
}
