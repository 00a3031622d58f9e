package dev.fathom.bench.hadamard;

import dev.fathom.hadamard.Normalization;
import dev.fathom.hadamard.WalshHadamard;

/**
 * The whole-program cost of a short program: a fresh JVM fills and transforms one array of {@code
 * 2^log2n} doubles {@code calls} times and prints the first call's and the total time. Run it in a
 * plain JVM, with {@code --add-modules jdk.incubator.vector} (background warm-up, the default) and
 * with that plus {@code -Dfathom.simd.warmup=none}, each a fresh process:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fathom.bench.hadamard.FirstCalls 20 10
 * </pre>
 */
public final class FirstCalls {
  private FirstCalls() {}

  /**
   * Runs the program.
   *
   * @param args log2 of the size, number of calls
   */
  public static void main(String[] args) {
    int log2n = Integer.parseInt(args[0]);
    int calls = Integer.parseInt(args[1]);
    double[] x = new double[1 << log2n];
    long start = System.nanoTime();
    long first = 0;
    for (int c = 0; c < calls; c++) {
      for (int i = 0; i < x.length; i++) {
        x[i] = (i * 2654435761L % 7) - 3;
      }
      long s = System.nanoTime();
      WalshHadamard.transform(x, Normalization.UNNORMALIZED);
      if (c == 0) {
        first = System.nanoTime() - s;
      }
    }
    long total = System.nanoTime() - start;
    System.out.printf(
        "2^%d x %d: first %.2f ms, total %.2f ms, x[1] = %.1f%n",
        log2n, calls, first / 1e6, total / 1e6, x[1]);
  }
}
