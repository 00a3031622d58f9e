package dev.fathom.bench.anchors;

import dev.fathom.coreset.ClusteringCoresets;
import dev.fathom.coreset.Coreset;
import dev.fathom.ssm.DiagonalSsm;
import dev.fathom.ssm.Discretization;
import dev.fathom.ssm.SsmConvolution;
import dev.fathom.ssm.VandermondeKernel;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.Similarity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Fathom's side of {@code benchmarks/anchors/anchors.py}, which times the numpy formulations of the
 * same problems and prints the ratios. Problems are built from the same closed forms as the Python
 * side (the facility-location points are read from the file the Python side wrote).
 *
 * <pre>
 * Anchors DIR QUICK THREADS [coreset]   writes DIR/fathom.txt ("key median_ms value") and DIR/*.f64
 *                                      (with "coreset": the k-means coreset row alone)
 * </pre>
 *
 * <p>Timing: warm-up calls, then the median of the repeats (System.nanoTime). The SSM problems run
 * on the calling thread only (JTransforms set to one thread).
 */
public final class Anchors {
  private Anchors() {}

  /**
   * Runs the Fathom side.
   *
   * @param args DIR, QUICK (0 or 1), THREADS, optionally "coreset" (that row alone)
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    Path dir = Path.of(args[0]);
    boolean quick = args[1].equals("1");
    int threads = Integer.parseInt(args[2]);
    int reps = quick ? 5 : 15;
    pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    StringBuilder out = new StringBuilder();
    if (args.length > 3 && args[3].equals("coreset")) {
      coreset(dir, out);
      Files.writeString(dir.resolve("fathom.txt"), out.toString());
      return;
    }

    // S4D kernel: H = 256, N = 64 (32 conjugate pairs), L = 4096, S4D-Inv modes
    int h = 256;
    int m = 32;
    int lk = 4096;
    DiagonalSsm sys = s4d(h, m);
    for (Discretization disc : new Discretization[] {Discretization.ZOH, Discretization.BILINEAR}) {
      String key = disc == Discretization.ZOH ? "kernel_zoh" : "kernel_bilinear";
      double[] k =
          time(out, key, () -> VandermondeKernel.compute(sys.discretize(disc), lk), reps, reps);
      write(dir.resolve(key + "_fathom.f64"), k);
    }

    // FFT convolution: H = 256, L = 16384
    int lc = quick ? 4096 : 16384;
    double[] kc = new double[h * lc];
    double[] uc = new double[h * lc];
    double[] dc = new double[h];
    for (int c = 0; c < h; c++) {
      dc[c] = 0.5 - (double) c / h;
      for (int l = 0; l < lc; l++) {
        kc[c * lc + l] = Math.exp(-l / (200.0 + 20 * c)) * Math.cos(0.002 * (c + 1) * l);
        uc[c * lc + l] = Math.sin(0.013 * l + 0.1 * c) + 0.5 * Math.cos(0.0007 * (c + 1) * l);
      }
    }
    double[] y = time(out, "conv", () -> SsmConvolution.batch(kc, h, uc, 1, dc), reps, reps);
    write(dir.resolve("conv_fathom.f64"), y);

    // facility location: similarity build and lazy greedy, both on THREADS threads, from raw points
    double[] flat = read(dir.resolve("points.f64"));
    String[] meta = Files.readString(dir.resolve("points.txt")).trim().split("\\s+");
    int n = Integer.parseInt(meta[0]);
    int d = Integer.parseInt(meta[1]);
    int budget = Integer.parseInt(meta[2]);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
    }
    flat = null;
    int flReps = 3;
    for (Similarity.Precision p : Similarity.Precision.values()) {
      String tag = p == Similarity.Precision.DOUBLE ? "double" : "float";
      time(
          out,
          "build_" + tag,
          () -> {
            Similarity s = Similarity.squaredEuclidean(x, threads, p);
            return new double[] {s.get(0, 1)};
          },
          flReps,
          1);
      double[] value = new double[1];
      time(
          out,
          "fl_" + tag,
          () -> {
            Similarity s = Similarity.squaredEuclidean(x, threads, p);
            Selection sel =
                Greedy.lazy(
                    new FacilityLocation(s),
                    Constraint.cardinality(budget),
                    Greedy.Until.POSITIVE_GAIN,
                    threads);
            value[0] = sel.value();
            return value;
          },
          flReps,
          1);
      out.append("fl_").append(tag).append("_value 0 ").append(value[0]).append('\n');
    }
    coreset(dir, out);
    Files.writeString(dir.resolve("fathom.txt"), out.toString());
  }

  /** The k-means coreset row: time, and the coreset's relative cost error at the true centres. */
  static void coreset(Path dir, StringBuilder out) throws IOException {
    String[] meta = Files.readString(dir.resolve("km.txt")).trim().split("\\s+");
    int n = Integer.parseInt(meta[0]);
    int d = Integer.parseInt(meta[1]);
    int k = Integer.parseInt(meta[2]);
    int m = Integer.parseInt(meta[3]);
    double[] flat = read(dir.resolve("km.f64"));
    double[] centres = read(dir.resolve("km_centres.f64"));
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
    }
    long[] seed = {11};
    Coreset[] last = new Coreset[1];
    time(
        out,
        "coreset",
        () -> {
          last[0] = ClusteringCoresets.kMeans(x, k, m, seed[0]++);
          return new double[] {last[0].size()};
        },
        5,
        2);
    double[] full = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int l = 0; l < d; l++) {
          double t = x[i][l] - centres[c * d + l];
          s += t * t;
        }
        best = Math.min(best, s);
      }
      full[i] = best;
      total += best;
    }
    double est = 0;
    int[] idx = last[0].indices();
    for (int j = 0; j < idx.length; j++) {
      est += last[0].weights()[j] * full[idx[j]];
    }
    out.append("coreset_err 0 ").append(Math.abs(est / total - 1)).append('\n');
  }

  /** S4D-Inv modes shared by the channels, B = 1, closed-form C, log-spaced steps. */
  static DiagonalSsm s4d(int h, int m) {
    double[] a = new double[2 * h * m];
    double[] b = new double[2 * h * m];
    double[] c = new double[2 * h * m];
    double[] dt = new double[h];
    for (int ch = 0; ch < h; ch++) {
      dt[ch] = Math.exp(Math.log(1e-3) + ch * (Math.log(1e-1) - Math.log(1e-3)) / (h - 1));
      for (int n = 0; n < m; n++) {
        int i = 2 * (ch * m + n);
        a[i] = -0.5;
        a[i + 1] = -(2 * m / Math.PI) * (2.0 * m / (2 * n + 1) - 1);
        b[i] = 1;
        c[i] = Math.cos(0.7 * ch + 1.3 * n);
        c[i + 1] = Math.sin(0.3 * ch - 0.9 * n);
      }
    }
    return DiagonalSsm.builder(DiagonalSsm.Storage.CONJUGATE_PAIRS).a(a).b(b).c(c).dt(dt).build();
  }

  /**
   * Median of {@code reps} timed calls after {@code warm} untimed ones; appends "key median_ms" to
   * out.
   */
  static double[] time(StringBuilder out, String key, Supplier<double[]> f, int reps, int warm) {
    double[] r = null;
    for (int i = 0; i < warm; i++) {
      r = f.get();
    }
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      r = f.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    out.append(key).append(' ').append(ms[reps / 2]).append('\n');
    System.err.printf("  fathom %-16s %10.2f ms%n", key, ms[reps / 2]);
    return r;
  }

  static void write(Path p, double[] v) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.asDoubleBuffer().put(v);
    Files.write(p, buf.array());
  }

  static double[] read(Path p) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    double[] v = new double[buf.capacity() / 8];
    buf.asDoubleBuffer().get(v);
    return v;
  }
}
