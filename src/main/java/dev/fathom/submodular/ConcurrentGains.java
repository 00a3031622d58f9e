package dev.fathom.submodular;

import dev.fathom.core.Args;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Evaluates marginal gains of one {@link SetFunction} on several threads at once, and remembers the
 * gains it computed against the current set so that {@link #add(int)} does not compute the added
 * element's gain again. The greedy optimizers' {@code threads} argument runs on it; other
 * algorithms that evaluate many gains between two changes of the set can use it as well.
 *
 * <p>It starts {@code threads - 1} daemon worker threads when the function allows concurrent
 * evaluation ({@link SetFunction#concurrentGains()}), and none otherwise (then every gain is
 * computed on the calling thread). The workers live until {@link #close()}: use it in a
 * try-with-resources block. Between two batches a worker spins for about {@value #SPIN_MICROS}
 * microseconds, then parks, so that a batch of a few gains of a few microseconds each is handed
 * over without the cost of waking a thread.
 *
 * <p>A worker descheduled in the middle of its share (on a busy machine) would stall the batch for
 * a time slice; after twice the calling thread's own time on the batch (plus 20 microseconds), the
 * calling thread computes the missing gains itself. Every gain asked for counts as one oracle call
 * on the function's counter, from the calling thread (counters are not thread-safe): {@link
 * #gain(int)} one, {@link #gains(int[], int, double[])} {@code count}, a gain computed twice in
 * this way once, so the count does not depend on the machine's load. A batch whose share for the
 * workers would take the calling thread under about 2 microseconds (by its own measured time per
 * gain) is not worth a hand-over and is computed on the calling thread. The gains are bitwise those
 * of {@link SetFunction#gain(int)}, whatever the thread count. If gains fail, {@link #gains(int[],
 * int, double[])} throws the failure of the first failing id in batch order, as one thread would.
 * Not thread-safe itself: one thread calls its methods, and the function's set must only change
 * through {@link #add(int)} or the function's own methods while no batch runs.
 *
 * @since 1.0
 */
public final class ConcurrentGains implements AutoCloseable {
  /** How long an idle worker spins for the next batch before it parks, in microseconds. */
  public static final int SPIN_MICROS = 100;

  private static final long WAKE_NANOS = 2L * SPIN_MICROS * 1000;
  private static final long MAX_WAKE_NANOS = 64 * WAKE_NANOS;
  private static final double HANDOFF_NANOS = 2_000;

  private final SetFunction f;
  private final int threads;
  private final double[] remembered;
  // remembered[e] is f's gain of e against the set of version stamp[e] - 1 (0: none)
  private final long[] stamp;
  private final Worker[] workers;
  private volatile Batch batch;
  private long lastWake = Long.MIN_VALUE / 2;
  private long wakeInterval = WAKE_NANOS;
  private boolean workersHelped = true;
  // the calling thread's average time per gain, or -1 before the first batch
  private double nanosPerGain = -1;
  private volatile boolean closed;

  /**
   * Creates the evaluator and starts its workers.
   *
   * @param f the function; its current set may grow between batches
   * @param threads the number of threads to use, at least 1 (1 = the calling thread only); capped
   *     at 1 when {@code f.concurrentGains()} is false
   */
  public ConcurrentGains(SetFunction f, int threads) {
    Args.notNull("f", f);
    Args.positive("threads", threads);
    this.f = f;
    this.threads = f.concurrentGains() ? threads : 1;
    this.remembered = new double[f.groundSize()];
    this.stamp = new long[f.groundSize()];
    this.workers = new Worker[this.threads - 1];
    for (int w = 0; w < workers.length; w++) {
      workers[w] = new Worker();
      Thread t = new Thread(workers[w]::run, "fathom-gains-" + w);
      t.setDaemon(true);
      workers[w].thread = t;
    }
    try {
      for (Worker w : workers) {
        w.thread.start();
      }
    } catch (RuntimeException | Error e) { // e.g. no native thread: stop those already started
      close();
      throw e;
    }
  }

  /**
   * The function whose gains this object evaluates.
   *
   * @return the function
   */
  public SetFunction function() {
    return f;
  }

  /**
   * The number of threads in use: the requested count, or 1 if the function does not allow
   * concurrent evaluation.
   *
   * @return the thread count
   */
  public int threads() {
    return threads;
  }

  /**
   * The gain of {@code e} against the current set, computed on the calling thread and remembered.
   * One oracle call, as {@link SetFunction#gain(int)}.
   *
   * @param e an element id in {@code [0, n)}
   * @return the gain
   */
  public double gain(int e) {
    checkOpen();
    double g = f.gain(e);
    remember(e, g);
    return g;
  }

  /**
   * The gains of {@code ids[0..count)} against the current set, written to {@code out[0..count)},
   * spread over the threads and remembered. {@code count} oracle calls.
   *
   * @param ids element ids in {@code [0, n)} (repeats are evaluated again)
   * @param count how many of {@code ids} to evaluate, in {@code [0, ids.length]}
   * @param out the gains, length at least {@code count}
   */
  public void gains(int[] ids, int count, double[] out) {
    Args.notNull("ids", ids);
    Args.notNull("out", out);
    Args.inRange("count", count, 0, ids.length);
    if (out.length < count) {
      throw Args.fail("out.length", out.length, "at least count = " + count);
    }
    for (int t = 0; t < count; t++) {
      if (ids[t] < 0 || ids[t] >= f.groundSize()) {
        throw Args.fail("ids[" + t + "]", ids[t], "an element id in [0, " + f.groundSize() + ")");
      }
    }
    checkOpen();
    // a hand-over costs about HANDOFF_NANOS: not worth it when the share the workers would take
    // is cheaper, by the calling thread's own measured time per gain
    if (threads == 1
        || count < 2
        || (nanosPerGain >= 0 && nanosPerGain * (count - count / threads) < HANDOFF_NANOS)) {
      long start = System.nanoTime();
      for (int t = 0; t < count; t++) {
        out[t] = gain(ids[t]);
      }
      measured(System.nanoTime() - start, count);
      return;
    }
    Batch b = new Batch(ids, count, Math.max(1, count / (8 * threads)));
    batch = b;
    long start = System.nanoTime();
    // Waking a parked worker is a system call of microseconds, and a woken worker spins: wake them
    // at most once per wakeInterval, which doubles (up to MAX_WAKE_NANOS) while the woken workers
    // computed nothing before the next wake, as on a busy machine where they rarely get a core,
    // and falls back to WAKE_NANOS once they do. On an idle core a worker never parks in a run.
    if (start - lastWake > wakeInterval) {
      boolean woke = false;
      for (Worker w : workers) {
        if (w.parked) {
          LockSupport.unpark(w.thread);
          woke = true;
        }
      }
      if (woke) {
        wakeInterval = workersHelped ? WAKE_NANOS : Math.min(2 * wakeInterval, MAX_WAKE_NANOS);
        workersHelped = false;
        lastWake = start;
      }
    }
    int own = 0;
    for (int c = b.next.getAndIncrement(); c < b.chunks; c = b.next.getAndIncrement()) {
      b.run(f, c, out);
      own += Math.min(count, (c + 1) * b.chunk) - c * b.chunk;
    }
    measured(System.nanoTime() - start, own);
    // a worker that is descheduled in the middle of its chunk would stall the caller for a time
    // slice: after twice the caller's own time (plus 20 us) it computes the missing chunks too
    long patience = 2 * (System.nanoTime() - start) + 20_000;
    long waitFrom = System.nanoTime();
    while (b.doneChunks.get() < b.chunks) {
      if (System.nanoTime() - waitFrom > patience) {
        for (int c = 0; c < b.chunks; c++) {
          if (b.state.get(c) == Batch.OPEN) {
            b.run(f, c, out);
          }
        }
        // a worker between its chunk's mark and its count of the chunk
        Thread.onSpinWait();
      } else {
        Thread.onSpinWait();
      }
    }
    f.counter().record(count);
    Throwable failure = b.failure();
    if (failure != null) {
      rethrow(failure);
    }
    workersHelped |= b.collect(out);
    long current = f.version() + 1;
    for (int t = 0; t < count; t++) {
      remembered[ids[t]] = out[t];
      stamp[ids[t]] = current;
    }
  }

  /**
   * Whether this object has computed the gain of {@code e} against the current set (since the last
   * change of the set). No oracle call.
   *
   * @param e an element id in {@code [0, n)}
   * @return true if {@link #freshGain(int)} has it
   */
  public boolean isFresh(int e) {
    f.checkId(e);
    return stamp[e] == f.version() + 1;
  }

  /**
   * The gain of {@code e} against the current set that this object computed. No oracle call.
   *
   * @param e an element id with {@link #isFresh(int)}
   * @return the gain
   */
  public double freshGain(int e) {
    if (!isFresh(e)) {
      throw Args.fail("e", e, "an element whose gain was computed against the current set");
    }
    return remembered[e];
  }

  /**
   * Adds {@code e} to the function's set, as {@link SetFunction#add(int)}, reusing the gain if this
   * object computed it against the current set (then the function does not compute it again; the
   * value and the returned gain are bitwise the same). Not counted as an oracle call.
   *
   * @param e an element id in {@code [0, n)}, not yet in the set
   * @return the gain {@code f(S + e) - f(S)}
   */
  public double add(int e) {
    checkOpen();
    return isFresh(e) ? f.addWithGain(e, remembered[e]) : f.add(e);
  }

  /** Stops the workers and waits for them to end; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean interrupted = false;
    for (Worker w : workers) {
      LockSupport.unpark(w.thread);
      while (true) {
        try {
          w.thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Folds the calling thread's time for {@code gains} gains into its average per gain. */
  private void measured(long nanos, int gains) {
    if (gains > 0) {
      double sample = (double) nanos / gains;
      nanosPerGain = nanosPerGain < 0 ? sample : nanosPerGain + (sample - nanosPerGain) / 8;
    }
  }

  private void remember(int e, double g) {
    remembered[e] = g;
    stamp[e] = f.version() + 1;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this ConcurrentGains is closed");
    }
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new IllegalStateException(t);
  }

  /**
   * One batch of gains in chunks, with its own claim counter and chunk states, so that a late
   * worker cannot mix two batches: a chunk is done once, by whoever finishes it first (its worker
   * into the batch's own array, or the calling thread into the caller's array); the values are the
   * same either way, since the set does not change while the batch runs.
   */
  private static final class Batch {
    static final int OPEN = 0;
    static final int BY_WORKER = 1;
    static final int BY_CALLER = 2;
    final int[] ids;
    final int count;
    final int chunk;
    final int chunks;
    final double[] result;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger doneChunks = new AtomicInteger();
    final AtomicIntegerArray state;
    // the failure of the lowest failed chunk: its first failing id is the one the one-thread run
    // fails on, whichever thread computed which chunk (guarded by this)
    private Throwable failure;
    private int failedChunk = Integer.MAX_VALUE;

    Batch(int[] ids, int count, int chunk) {
      this.ids = java.util.Arrays.copyOf(ids, count);
      this.count = count;
      this.chunk = chunk;
      this.chunks = (count + chunk - 1) / chunk;
      this.result = new double[count];
      this.state = new AtomicIntegerArray(chunks);
    }

    /**
     * Computes chunk {@code c} into {@code into} (the batch's array on a worker, the caller's on
     * the calling thread) and marks it done unless another thread did first; a computation that
     * finds the chunk already marked stops early. A failure is kept only from the computation that
     * marks the chunk, and of all failed chunks only the lowest one's.
     */
    void run(SetFunction f, int c, double[] into) {
      int from = c * chunk;
      int to = Math.min(count, from + chunk);
      Throwable failed = null;
      try {
        for (int t = from; t < to; t++) {
          if (((t - from) & 15) == 15 && state.get(c) != OPEN) {
            return; // the other thread's result is the one kept
          }
          int e = ids[t];
          into[t] = f.contains(e) ? 0.0 : f.marginal(e);
        }
      } catch (Throwable x) {
        failed = x;
      }
      if (state.compareAndSet(c, OPEN, into == result ? BY_WORKER : BY_CALLER)) {
        if (failed != null) {
          synchronized (this) {
            if (c < failedChunk) {
              failedChunk = c;
              failure = failed;
            }
          }
        }
        doneChunks.incrementAndGet();
      }
    }

    /** The failure of the lowest failed chunk, or null. */
    synchronized Throwable failure() {
      return failure;
    }

    /** Copies the chunks the workers finished into the caller's array; true if there were any. */
    boolean collect(double[] out) {
      boolean any = false;
      for (int c = 0; c < chunks; c++) {
        if (state.get(c) == BY_WORKER) {
          int from = c * chunk;
          System.arraycopy(result, from, out, from, Math.min(count, from + chunk) - from);
          any = true;
        }
      }
      return any;
    }
  }

  private final class Worker {
    Thread thread;
    volatile boolean parked;

    void run() {
      Batch last = null;
      while (true) {
        Batch b = await(last);
        if (b == null) {
          return;
        }
        for (int c = b.next.getAndIncrement(); c < b.chunks; c = b.next.getAndIncrement()) {
          b.run(f, c, b.result);
        }
        last = b;
      }
    }

    /** The next batch after {@code last}, or null once closed: spins, then parks. */
    private Batch await(Batch last) {
      long spinUntil = System.nanoTime() + SPIN_MICROS * 1000L;
      for (int spins = 0; ; spins++) {
        if (closed) {
          return null;
        }
        Batch b = batch;
        if (b != last) {
          return b;
        }
        if ((spins & 63) != 63 || System.nanoTime() < spinUntil) {
          Thread.onSpinWait();
        } else {
          parked = true;
          if (batch == last && !closed) {
            LockSupport.park(this);
          }
          parked = false;
          spinUntil = System.nanoTime() + SPIN_MICROS * 1000L;
        }
      }
    }
  }
}
