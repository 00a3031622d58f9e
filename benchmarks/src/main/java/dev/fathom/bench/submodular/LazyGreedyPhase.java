package dev.fathom.bench.submodular;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.Similarity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * The greedy phase of the facility-location anchor alone, A against B in one JVM: on the same
 * similarity (Gaussian points, {@code Similarity.squaredEuclidean(x, 2, precision)}), {@code
 * Greedy.lazy(new FacilityLocation(s), Constraint.cardinality(k))} against a lazy greedy written
 * out here with the scalar gain loops the library had before its SIMD gains (the same sums, so the
 * same picks and gains, which are checked). Prints wall and thread CPU time per repeat, the medians
 * and the load. Run with {@code --add-modules jdk.incubator.vector} to measure the SIMD gains:
 *
 * <pre>
 * java -Xmx8g --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.fathom.bench.submodular.LazyGreedyPhase [n d k repeats]
 * </pre>
 *
 * Defaults: the anchor's n = 10^4, d = 1024, k = 1000, 5 repeats.
 */
public final class LazyGreedyPhase {
  private LazyGreedyPhase() {}

  /**
   * Runs the comparison.
   *
   * @param args optional n, d, k and the number of repeats
   * @throws Exception if the load cannot be read
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int reps = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    RandomGenerator rng = Rng.create(2024);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int c = 0; c < d; c++) {
        row[c] = rng.nextGaussian();
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (Similarity.Precision p : Similarity.Precision.values()) {
      Similarity s = Similarity.squaredEuclidean(x, 2, p);
      Object rows = copyRows(s, p);
      double[][] t = new double[4][reps];
      for (int rep = 0; rep < reps; rep++) {
        long w0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        int[] picks = new int[k];
        double[] gains = new double[k];
        int taken = previousLazy(rows, k, picks, gains);
        long w1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        Selection sel = Greedy.lazy(new FacilityLocation(s), Constraint.cardinality(k));
        long w2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        boolean same =
            Arrays.equals(Arrays.copyOf(picks, taken), sel.elements())
                && Arrays.equals(Arrays.copyOf(gains, taken), sel.gains());
        t[0][rep] = (w1 - w0) * 1e-9;
        t[1][rep] = (c1 - c0) * 1e-9;
        t[2][rep] = (w2 - w1) * 1e-9;
        t[3][rep] = (c2 - c1) * 1e-9;
        System.out.printf(
            "%s previous %.3f s (cpu %.3f)  library %.3f s (cpu %.3f)  same picks and gains: %b%n",
            p, t[0][rep], t[1][rep], t[2][rep], t[3][rep], same);
      }
      for (double[] a : t) {
        Arrays.sort(a);
      }
      System.out.printf(
          "%s median: previous %.3f s (cpu %.3f), library %.3f s (cpu %.3f); load %s%n",
          p,
          t[0][reps / 2],
          t[1][reps / 2],
          t[2][reps / 2],
          t[3][reps / 2],
          Files.readString(Path.of("/proc/loadavg")).trim());
    }
  }

  private static Object copyRows(Similarity s, Similarity.Precision p) {
    int n = s.candidates();
    int m = s.clients();
    if (p == Similarity.Precision.FLOAT) {
      float[][] r = new float[n][m];
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < m; i++) {
          r[j][i] = (float) s.get(j, i);
        }
      }
      return r;
    }
    double[][] r = new double[n][m];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < m; i++) {
        r[j][i] = s.get(j, i);
      }
    }
    return r;
  }

  /** Lazy greedy with stale gains in a heap (ties to the lowest id), stopping at a zero gain. */
  static int previousLazy(Object rows, int k, int[] picks, double[] gains) {
    float[][] rf = rows instanceof float[][] ? (float[][]) rows : null;
    double[][] rd = rf == null ? (double[][]) rows : null;
    int n = rf != null ? rf.length : rd.length;
    int m = rf != null ? rf[0].length : rd[0].length;
    float[] curF = new float[m];
    double[] curD = new double[m];
    // entries {bound, id, set size when computed}
    PriorityQueue<double[]> heap =
        new PriorityQueue<>(
            (a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
    for (int e = 0; e < n; e++) {
      heap.add(new double[] {rf != null ? gain(rf[e], curF) : gain(rd[e], curD), e, 0});
    }
    int size = 0;
    while (size < k && !heap.isEmpty()) {
      double[] top = heap.poll();
      int e = (int) top[1];
      if (top[2] == size) {
        if (!(top[0] > 0)) {
          break;
        }
        picks[size] = e;
        gains[size++] = top[0];
        for (int i = 0; i < m; i++) {
          if (rf != null) {
            curF[i] = Math.max(curF[i], rf[e][i]);
          } else {
            curD[i] = Math.max(curD[i], rd[e][i]);
          }
        }
      } else {
        heap.add(new double[] {rf != null ? gain(rf[e], curF) : gain(rd[e], curD), e, size});
      }
    }
    return size;
  }

  /**
   * The previous scalar float gain: eight float partial sums per block of 256 (unrolled, as the
   * library's scalar loop), blocks summed in double.
   */
  static double gain(float[] r, float[] cur) {
    int m = r.length;
    double g = 0;
    int b = 0;
    for (; b + 256 <= m; b += 256) {
      float g0 = 0;
      float g1 = 0;
      float g2 = 0;
      float g3 = 0;
      float g4 = 0;
      float g5 = 0;
      float g6 = 0;
      float g7 = 0;
      for (int i = b; i < b + 256; i += 8) {
        float t0 = r[i] - cur[i];
        float t1 = r[i + 1] - cur[i + 1];
        float t2 = r[i + 2] - cur[i + 2];
        float t3 = r[i + 3] - cur[i + 3];
        float t4 = r[i + 4] - cur[i + 4];
        float t5 = r[i + 5] - cur[i + 5];
        float t6 = r[i + 6] - cur[i + 6];
        float t7 = r[i + 7] - cur[i + 7];
        g0 += t0 + Math.abs(t0);
        g1 += t1 + Math.abs(t1);
        g2 += t2 + Math.abs(t2);
        g3 += t3 + Math.abs(t3);
        g4 += t4 + Math.abs(t4);
        g5 += t5 + Math.abs(t5);
        g6 += t6 + Math.abs(t6);
        g7 += t7 + Math.abs(t7);
      }
      g += ((double) g0 + g1) + ((double) g2 + g3) + ((double) g4 + g5) + ((double) g6 + g7);
    }
    for (; b < m; b++) {
      float t = r[b] - cur[b];
      g += t + Math.abs(t);
    }
    return 0.5 * g;
  }

  /** The previous scalar double gain: four interleaved partial sums, the odd end on the first. */
  static double gain(double[] r, double[] cur) {
    int m = r.length;
    double g0 = 0;
    double g1 = 0;
    double g2 = 0;
    double g3 = 0;
    int i = 0;
    for (; i + 3 < m; i += 4) {
      double t0 = r[i] - cur[i];
      double t1 = r[i + 1] - cur[i + 1];
      double t2 = r[i + 2] - cur[i + 2];
      double t3 = r[i + 3] - cur[i + 3];
      g0 += t0 + Math.abs(t0);
      g1 += t1 + Math.abs(t1);
      g2 += t2 + Math.abs(t2);
      g3 += t3 + Math.abs(t3);
    }
    for (; i < m; i++) {
      double t = r[i] - cur[i];
      g0 += t + Math.abs(t);
    }
    return 0.5 * ((g0 + g1) + (g2 + g3));
  }
}
