package dev.fathom.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs independent tasks on a few threads: the row blocks of the Gram build, the FFT's splits. */
final class ParallelTasks {
  private ParallelTasks() {}

  /**
   * Runs {@code task(0..tasks-1)} on {@code threads} threads (the caller is one of them), handing
   * out task indices in order; rethrows the first failure. The tasks must write disjoint data.
   */
  static void run(int threads, int tasks, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
            task.accept(t);
          }
        };
    int helpers = Math.min(threads, tasks) - 1;
    if (helpers <= 0) {
      worker.run();
      return;
    }
    Throwable[] failure = new Throwable[1];
    Thread[] pool = new Thread[helpers];
    for (int h = 0; h < helpers; h++) {
      pool[h] = new Thread(worker, "fathom-worker-" + h);
      pool[h].setDaemon(true);
      pool[h].setUncaughtExceptionHandler(
          (th, e) -> {
            synchronized (failure) {
              if (failure[0] == null) {
                failure[0] = e;
              }
            }
          });
      pool[h].start();
    }
    try {
      worker.run();
    } finally {
      boolean interrupted = false;
      for (Thread th : pool) {
        while (true) {
          try {
            th.join();
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
    synchronized (failure) {
      if (failure[0] instanceof RuntimeException) {
        throw (RuntimeException) failure[0];
      }
      if (failure[0] instanceof Error) {
        throw (Error) failure[0];
      }
    }
  }
}
