package dev.fathom.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The task runner behind the threaded Gram builds: really parallel, joined, failures rethrown. */
class ParallelRunTest {
  @Test
  void tasksRunConcurrentlyOnDaemonHelpersAndAreAllDoneOnReturn() {
    Thread caller = Thread.currentThread();
    // Each of the three tasks waits for the other two: only three live threads get past it.
    CyclicBarrier barrier = new CyclicBarrier(3);
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    AtomicBoolean helpersDaemon = new AtomicBoolean(true);
    boolean[] done = new boolean[3];
    ParallelTasks.run(
        3,
        3,
        t -> {
          try {
            barrier.await(20, TimeUnit.SECONDS);
            if (Thread.currentThread() != caller) {
              helpersDaemon.compareAndSet(true, Thread.currentThread().isDaemon());
              Thread.sleep(50); // a helper finishing late must still be waited for
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          seen.add(Thread.currentThread());
          done[t] = true;
        });
    assertEquals(3, seen.size());
    assertTrue(seen.contains(caller), "the caller works too");
    assertTrue(helpersDaemon.get(), "helper threads are daemons");
    for (int t = 0; t < 3; t++) {
      assertTrue(done[t], "task " + t);
    }
  }

  @Test
  void aFailureOnAHelperThreadIsRethrownToTheCaller() {
    Thread caller = Thread.currentThread();
    CyclicBarrier barrier = new CyclicBarrier(2);
    IllegalStateException boom = new IllegalStateException("helper failed");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                ParallelTasks.run(
                    2,
                    2,
                    t -> {
                      try {
                        barrier.await(20, TimeUnit.SECONDS);
                      } catch (Exception e) {
                        throw new AssertionError(e);
                      }
                      if (Thread.currentThread() != caller) {
                        throw boom;
                      }
                    }));
    assertSame(boom, thrown);
  }
}
