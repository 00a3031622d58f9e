package dev.fathom.ssm;

import dev.fathom.core.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The recurrence of a diagonal system over a batch of sequences, in parallel: a chunked associative
 * scan (S5). The scan element of step k is {@code (Abar, Bbar u_k)} with the associative operator
 * {@code (a_i, b_i) . (a_j, b_j) = (a_j a_i, a_j b_i + b_j)}; on a CPU the practical form is
 * chunked: (1) every chunk of every sequence is scanned from a zero state, in parallel; (2) an
 * exclusive scan over the chunk summaries {@code (Abar^len, local end state)} gives each chunk's
 * incoming state; (3) every chunk adds the response to its incoming state (a Vandermonde product),
 * in parallel. Sequences are independent, so with a batch of at least {@code threads} sequences a
 * whole sequence is one chunk and the work is that of the sequential recurrence; time chunks only
 * pay off when there are fewer sequences than threads, at about twice the work.
 *
 * <p>The result equals {@link Recurrence#run} to rounding (the order of operations differs) for any
 * chunk length and thread count. An instance owns a thread pool: it is thread-safe, and should be
 * closed.
 *
 * @since 1.0
 */
public final class ParallelScan implements AutoCloseable {
  /** The largest thread count, that of {@link ForkJoinPool}. */
  public static final int MAX_THREADS = 32767;

  private final int threads;
  private final ForkJoinPool pool;

  /**
   * Creates a scan running on {@code threads} threads (1 runs on the caller's thread).
   *
   * @param threads the number of threads, in {@code [1, MAX_THREADS]}
   */
  public ParallelScan(int threads) {
    this.threads = Args.inRange("threads", threads, 1, MAX_THREADS);
    this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
  }

  /**
   * Returns the number of threads.
   *
   * @return the thread count
   */
  public int threads() {
    return threads;
  }

  /**
   * Runs the batch, chunking time only when there are fewer sequences than threads.
   *
   * @param sys the discrete system (H channels)
   * @param u the inputs, B H L doubles (batch-major, then channel, then time)
   * @param batch B, at least 1
   * @return the outputs {@code y} (with D u), B H L doubles
   */
  public double[] run(DiscreteSsm sys, double[] u, int batch) {
    int len = length(sys, u, batch);
    int seqs = batch * sys.channels();
    int chunk = seqs >= threads ? len : (len + threads - 1) / threads;
    return run(sys, u, batch, chunk);
  }

  /**
   * Runs the batch with a given chunk length.
   *
   * @param sys the discrete system (H channels)
   * @param u the inputs, B H L doubles
   * @param batch B, at least 1
   * @param chunkLength the time-chunk length, at least 1 (L or more: no time chunking)
   * @return the outputs, B H L doubles
   */
  public double[] run(DiscreteSsm sys, double[] u, int batch, int chunkLength) {
    int len = length(sys, u, batch);
    Args.positive("chunkLength", chunkLength);
    int h = sys.channels();
    int m = sys.modes();
    int seqs = batch * h;
    int cl = Math.min(chunkLength, len);
    int chunks = (len + cl - 1) / cl;
    double[] y = new double[u.length];
    double[][] ends = new double[seqs * chunks][];
    // phase 1: local scans from a zero state
    parallelFor(
        seqs * chunks,
        t -> {
          int s = t / chunks;
          int c = t % chunks;
          int off = s * len + c * cl;
          int n = Math.min(cl, len - c * cl);
          double[] x = new double[2 * m];
          Recurrence.scanChannel(sys, s % h, u, off, y, off, n, x, 0);
          ends[t] = x;
        });
    if (chunks == 1) {
      return y;
    }
    // phase 2: exclusive scan of the chunk summaries (Abar^cl, end state)
    double[][] incoming = new double[seqs * chunks][];
    for (int s = 0; s < seqs; s++) {
      int ch = s % h;
      double[] carry = new double[2 * m];
      for (int c = 0; c < chunks; c++) {
        incoming[s * chunks + c] = carry.clone();
        int n = Math.min(cl, len - c * cl);
        double[] next = ends[s * chunks + c];
        for (int k = 0; k < m; k++) {
          int i = 2 * (ch * m + k);
          double e = Math.exp(n * sys.logAbar()[i]);
          double th = n * sys.logAbar()[i + 1];
          double pr = e * Math.cos(th);
          double pi = e * Math.sin(th);
          next[2 * k] += pr * carry[2 * k] - pi * carry[2 * k + 1];
          next[2 * k + 1] += pr * carry[2 * k + 1] + pi * carry[2 * k];
        }
        carry = next;
      }
    }
    // phase 3: add each chunk's response to its incoming state
    parallelFor(
        seqs * (chunks - 1),
        t -> {
          int s = t / (chunks - 1);
          int c = 1 + t % (chunks - 1);
          int ch = s % h;
          double[] x = incoming[s * chunks + c];
          double[] w = new double[2 * m];
          for (int k = 0; k < m; k++) {
            int i = 2 * (ch * m + k);
            double ar = sys.abar()[i];
            double ai = sys.abar()[i + 1];
            double xr = ar * x[2 * k] - ai * x[2 * k + 1];
            double xi = ar * x[2 * k + 1] + ai * x[2 * k];
            double cr = sys.c()[i];
            double ci = sys.c()[i + 1];
            w[2 * k] = cr * xr - ci * xi;
            w[2 * k + 1] = cr * xi + ci * xr;
          }
          int off = s * len + c * cl;
          int n = Math.min(cl, len - c * cl);
          VandermondeKernel.accumulate(
              w, sys.abar(), sys.logAbar(), 2 * ch * m, m, sys.factor(), y, off, n);
        });
    return y;
  }

  /** Runs work(0..units-1) in about 4 tasks per thread. */
  private void parallelFor(int units, IntConsumer work) {
    List<Callable<Void>> tasks = new ArrayList<>();
    int per = Math.max(1, units / (4 * threads));
    for (int start = 0; start < units; start += per) {
      int from = start;
      int to = Math.min(units, start + per);
      tasks.add(
          () -> {
            for (int t = from; t < to; t++) {
              work.accept(t);
            }
            return null;
          });
    }
    execute(tasks);
  }

  private void execute(List<Callable<Void>> tasks) {
    if (pool == null) {
      for (Callable<Void> t : tasks) {
        try {
          t.call();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return;
    }
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static int length(DiscreteSsm sys, double[] u, int batch) {
    Args.positive("batch", batch);
    return Recurrence.sequenceLength(sys, u, batch);
  }

  /** Shuts the pool down. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
