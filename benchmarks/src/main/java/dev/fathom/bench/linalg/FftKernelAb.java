package dev.fathom.bench.linalg;

import dev.fathom.core.Rng;
import dev.fathom.linalg.ComplexArrays;
import dev.fathom.linalg.Fft;
import dev.fathom.ssm.SsmConvolution;
import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * A/B in one JVM, interleaved: Fathom's FFT kernel ({@code Fft.of(n).withThreads(t)}) against
 * JTransforms with the same thread count, forward plus inverse, complex and real, for {@code n =
 * 2^lo .. 2^hi}; then the batch convolution of {@code SsmConvolution.batch}'s scalar path
 * (JTransforms, run with {@code -Dfathom.simd=false}) against the same loop over Fathom's kernel.
 * Prints medians of per-repeat times and of the per-repeat ratios Fathom / JTransforms.
 *
 * <p>Run: {@code java -Dfathom.simd=false -cp ... dev.fathom.bench.linalg.FftKernelAb 6 22 7 1}
 * (lo, hi, repeats, threads). This sets JTransforms' process-wide thread count for its side.
 */
public final class FftKernelAb {
  private FftKernelAb() {}

  /** Keeps results alive. */
  static double sink;

  /**
   * Runs the comparison.
   *
   * @param args lo, hi (log2 sizes), repeats, threads
   */
  public static void main(String[] args) {
    int lo = Integer.parseInt(args[0]);
    int hi = Integer.parseInt(args[1]);
    int reps = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    ConcurrencyUtils.setNumberOfThreads(threads);
    System.out.printf(
        "java %s, threads %d, medians of %d interleaved repeats%n",
        System.getProperty("java.version"), threads, reps);
    System.out.printf("%-4s %-8s %12s %12s %8s%n", "p", "kind", "fathom us", "jtrans us", "ratio");
    for (int p = lo; p <= hi; p++) {
      transforms(p, reps, threads);
    }
    convolution(256, 1, 16384, reps);
    convolution(64, 4, 4096, reps);
    ConcurrencyUtils.shutdownThreadPoolAndAwaitTermination();
  }

  private static double[] random(long seed, int len) {
    return Rng.gaussian(Rng.create(seed), len);
  }

  private static void transforms(int p, int reps, int threads) {
    int n = 1 << p;
    double[] z = random(p, 2 * n);
    Fft plan = Fft.of(n).withThreads(threads);
    DoubleFFT_1D jt = new DoubleFFT_1D(n);
    int iters = (int) Math.max(1, 30_000_000L / ((long) n * p));
    double[] za = z.clone();
    double[] zb = z.clone();
    double[] xa = Arrays.copyOf(z, n);
    double[] xb = xa.clone();
    double[] spec = new double[n + 2];
    double[][] t = new double[6][reps];
    for (int rep = -2; rep < reps; rep++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        plan.forward(za);
        plan.inverse(za);
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        jt.complexForward(zb);
        jt.complexInverse(zb, true);
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        plan.realForward(xa, spec);
        plan.realInverse(spec, xa);
      }
      long t3 = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        jt.realForward(xb);
        jt.realInverse(xb, true);
      }
      long t4 = System.nanoTime();
      if (rep >= 0) {
        t[0][rep] = (t1 - t0) / 1e3 / iters;
        t[1][rep] = (t2 - t1) / 1e3 / iters;
        t[2][rep] = t[0][rep] / t[1][rep];
        t[3][rep] = (t3 - t2) / 1e3 / iters;
        t[4][rep] = (t4 - t3) / 1e3 / iters;
        t[5][rep] = t[3][rep] / t[4][rep];
      }
    }
    sink += za[0] + zb[0] + xa[0] + xb[0];
    System.out.printf(
        "%-4d %-8s %12.2f %12.2f %8.3f%n", p, "complex", med(t[0]), med(t[1]), med(t[2]));
    System.out.printf(
        "%-4d %-8s %12.2f %12.2f %8.3f%n", p, "real", med(t[3]), med(t[4]), med(t[5]));
  }

  /** SsmConvolution.batch (scalar path when run with -Dfathom.simd=false) against the kernel. */
  private static void convolution(int channels, int batch, int len, int reps) {
    double[] k = random(1, channels * len);
    double[] u = random(2, batch * channels * len);
    double[] d = random(3, channels);
    double[] ta = new double[reps];
    double[] tb = new double[reps];
    double[] ratio = new double[reps];
    double diff = 0;
    for (int rep = -1; rep < reps; rep++) {
      long t0 = System.nanoTime();
      double[] ya = batchWithKernel(k, channels, u, batch, d);
      long t1 = System.nanoTime();
      double[] yb = SsmConvolution.batch(k, channels, u, batch, d);
      long t2 = System.nanoTime();
      if (rep >= 0) {
        ta[rep] = (t1 - t0) / 1e6;
        tb[rep] = (t2 - t1) / 1e6;
        ratio[rep] = ta[rep] / tb[rep];
      }
      for (int i = 0; i < ya.length; i++) {
        diff = Math.max(diff, Math.abs(ya[i] - yb[i]));
      }
    }
    System.out.printf(
        "batch H=%d B=%d L=%d: fathom kernel %.1f ms, SsmConvolution.batch %.1f ms, ratio %.3f"
            + " (max diff %.1e)%n",
        channels, batch, len, med(ta), med(tb), med(ratio), diff);
  }

  /** The scalar batch loop over the public Fft API with Fathom's kernel, one thread. */
  static double[] batchWithKernel(
      double[] kernels, int channels, double[] u, int batch, double[] d) {
    int lk = kernels.length / channels;
    int len = u.length / (batch * channels);
    int n = Fft.nextPowerOfTwo(lk + len - 1);
    Fft plan = Fft.of(n).withThreads(1);
    double[] y = new double[u.length];
    double[] x = new double[n];
    double[] ks = new double[n + 2];
    double[] s = new double[n + 2];
    for (int h = 0; h < channels; h++) {
      Arrays.fill(x, 0);
      System.arraycopy(kernels, h * lk, x, 0, lk);
      plan.realForward(x, ks);
      for (int b = 0; b < batch; b++) {
        int off = (b * channels + h) * len;
        System.arraycopy(u, off, x, 0, len);
        Arrays.fill(x, len, n, 0);
        plan.realForward(x, s);
        ComplexArrays.multiply(s, ks, s);
        plan.realInverse(s, x);
        for (int i = 0; i < len; i++) {
          y[off + i] = x[i] + d[h] * u[off + i];
        }
      }
    }
    return y;
  }

  private static double med(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
