package dev.fathom.submodular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.LogDet;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** {@link ConcurrentGains} against {@link SetFunction#gain(int)} and {@link SetFunction#add}. */
class ConcurrentGainsTest {

  static List<Thread> workers() {
    List<Thread> list = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("fathom-gains-")) {
        list.add(t);
      }
    }
    return list;
  }

  @Test
  void batchGainsAreTheSerialGainsBitForBitAndCountOncePerId() {
    FacilityLocation f = Instances.facility(4, 500);
    FacilityLocation ref = f.copy();
    RandomGenerator rng = Rng.create(9);
    try (ConcurrentGains g = new ConcurrentGains(f, 3)) {
      assertEquals(3, g.threads());
      for (int step = 0; step < 20; step++) {
        int count = 1 + rng.nextInt(600);
        int[] ids = new int[count + 3];
        for (int t = 0; t < ids.length; t++) {
          ids[t] = rng.nextInt(500); // repeats and members included
        }
        double[] out = new double[count];
        long before = f.counter().calls();
        g.gains(ids, count, out);
        assertEquals(count, f.counter().calls() - before);
        for (int t = 0; t < count; t++) {
          assertEquals(
              Double.doubleToRawLongBits(ref.gain(ids[t])),
              Double.doubleToRawLongBits(out[t]),
              "step " + step + " id " + ids[t]);
          assertTrue(g.isFresh(ids[t]));
          assertEquals(out[t], g.freshGain(ids[t]));
        }
        int e = ids[0];
        if (!f.contains(e)) {
          long calls = f.counter().calls();
          double added = g.add(e);
          assertEquals(calls, f.counter().calls());
          assertEquals(Double.doubleToRawLongBits(ref.add(e)), Double.doubleToRawLongBits(added));
          assertEquals(
              Double.doubleToRawLongBits(ref.value()), Double.doubleToRawLongBits(f.value()));
          assertFalse(g.isFresh(ids[1]), "every remembered gain is stale after an add");
        }
      }
    }
    assertEquals(List.of(), workers());
  }

  @Test
  void addReusesAFreshGainAndComputesAStaleOne() {
    ScrambledFunction f = new ScrambledFunction(50, 3, false, 0);
    ScrambledFunction ref = f.copy();
    try (ConcurrentGains g = new ConcurrentGains(f, 2)) {
      double fresh = g.gain(7);
      long marginals = f.marginals();
      assertEquals(ref.add(7), g.add(7));
      assertEquals(marginals + 1, f.marginals(), "the reference's add only");
      g.gain(9);
      f.reset();
      ref.reset();
      assertFalse(g.isFresh(9), "a reset forgets");
      marginals = f.marginals();
      assertEquals(ref.add(9), g.add(9));
      assertEquals(marginals + 2, f.marginals(), "both adds computed the gain");
      assertEquals(ref.value(), f.value());
      assertTrue(Double.isFinite(fresh));
    }
  }

  @Test
  void aFunctionWithoutConcurrentGainsGetsNoWorkers() {
    double[][] k = Instances.gram(Instances.points(Rng.create(2), 30, 3));
    LogDet f = new LogDet(k, true);
    assertFalse(f.concurrentGains());
    int before = workers().size();
    try (ConcurrentGains g = new ConcurrentGains(f, 4)) {
      assertEquals(1, g.threads());
      assertEquals(before, workers().size());
      double[] out = new double[30];
      int[] ids = new int[30];
      for (int e = 0; e < 30; e++) {
        ids[e] = e;
      }
      g.gains(ids, 30, out);
      for (int e = 0; e < 30; e++) {
        assertEquals(f.copy().gain(e), out[e]);
      }
    }
  }

  @Test
  void closeStopsTheWorkersAndIsIdempotent() throws InterruptedException {
    FacilityLocation f = Instances.facility(1, 40);
    ConcurrentGains g = new ConcurrentGains(f, 4);
    assertEquals(3, workers().size());
    for (Thread t : workers()) {
      assertTrue(t.isDaemon());
    }
    Thread.sleep(5); // past the spin: the workers park
    g.gains(new int[] {1, 2, 3, 4, 5}, 5, new double[5]);
    g.close();
    g.close();
    assertEquals(List.of(), workers());
    assertThrows(IllegalStateException.class, () -> g.gain(1));
    assertThrows(IllegalStateException.class, () -> g.gains(new int[] {1}, 1, new double[1]));
  }

  @Test
  void badInputIsRefused() {
    FacilityLocation f = Instances.facility(1, 10);
    assertThrows(NullPointerException.class, () -> new ConcurrentGains(null, 2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ConcurrentGains(f, 0));
    assertTrue(e.getMessage().contains("threads"), e.getMessage());
    try (ConcurrentGains g = new ConcurrentGains(f, 2)) {
      assertThrows(NullPointerException.class, () -> g.gains(null, 0, new double[0]));
      assertThrows(NullPointerException.class, () -> g.gains(new int[1], 1, null));
      assertThrows(IllegalArgumentException.class, () -> g.gains(new int[2], 3, new double[3]));
      assertThrows(IllegalArgumentException.class, () -> g.gains(new int[2], -1, new double[3]));
      assertThrows(IllegalArgumentException.class, () -> g.gains(new int[3], 3, new double[2]));
      IllegalArgumentException id =
          assertThrows(
              IllegalArgumentException.class, () -> g.gains(new int[] {0, 10}, 2, new double[2]));
      assertTrue(id.getMessage().contains("ids[1]"), id.getMessage());
      assertThrows(IllegalArgumentException.class, () -> g.gain(-1));
      assertThrows(IllegalArgumentException.class, () -> g.freshGain(3));
      assertThrows(IllegalArgumentException.class, () -> g.isFresh(10));
      g.add(2);
      assertThrows(IllegalArgumentException.class, () -> g.add(2));
    }
    assertEquals(0, f.counter().calls());
  }

  /**
   * Modular weights; a gain takes 3 us on the calling thread and 20 ms on a worker (a descheduled
   * worker).
   */
  static final class SlowOnWorkers extends SetFunction {
    final double[] w;
    final java.util.concurrent.atomic.AtomicLong marginals;

    SlowOnWorkers(double[] w) {
      super(w.length);
      this.w = w;
      this.marginals = new java.util.concurrent.atomic.AtomicLong();
    }

    private SlowOnWorkers(SlowOnWorkers o) {
      super(o);
      this.w = o.w;
      this.marginals = o.marginals;
    }

    @Override
    public boolean monotone() {
      return true;
    }

    @Override
    public boolean concurrentGains() {
      return true;
    }

    @Override
    public SlowOnWorkers copy() {
      return new SlowOnWorkers(this);
    }

    @Override
    protected double marginal(int e) {
      marginals.incrementAndGet();
      if (Thread.currentThread().getName().startsWith("fathom-gains-")) {
        LockSupportSleep.sleepMillis(20);
      } else {
        // 3 us on the calling thread: expensive enough for a hand-over
        long until = System.nanoTime() + 3_000;
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
      }
      return w[e] * (1 + size());
    }

    @Override
    protected void include(int e) {}

    @Override
    protected void clear() {}
  }

  static final class LockSupportSleep {
    static void sleepMillis(long ms) {
      java.util.concurrent.locks.LockSupport.parkNanos(ms * 1_000_000L);
    }
  }

  @Test
  void theCallerComputesWhatASlowWorkerHoldsAndItsLateResultIsDropped() {
    double[] w = new double[40];
    for (int e = 0; e < 40; e++) {
      w[e] = e + 0.5;
    }
    SlowOnWorkers f = new SlowOnWorkers(w);
    int[] ids = new int[40];
    for (int e = 0; e < 40; e++) {
      ids[e] = 39 - e;
    }
    try (ConcurrentGains g = new ConcurrentGains(f, 3)) {
      for (int round = 0; round < 5; round++) {
        double[] out = new double[40];
        long calls = f.counter().calls();
        long marginals = f.marginals.get();
        g.gains(ids, 40, out);
        assertEquals(40, f.counter().calls() - calls, "asked-for gains count once");
        assertTrue(f.marginals.get() - marginals >= 40 - round, "every non-member's gain computed");
        for (int t = 0; t < 40; t++) {
          // a member's gain is 0; the others are against the current set, whatever thread
          double expected = f.contains(ids[t]) ? 0 : w[ids[t]] * (1 + round);
          assertEquals(expected, out[t], "round " + round + " id " + ids[t]);
        }
        g.add(round); // the set changes at once, while late workers may still compute
      }
    }
    assertEquals(List.of(), workers());
  }

  /** Modular weights whose gains take 3 us on every thread and fail for the given ids. */
  static final class FailsOn extends SetFunction {
    final java.util.Set<Integer> failing;

    FailsOn(int n, java.util.Set<Integer> failing) {
      super(n);
      this.failing = failing;
    }

    private FailsOn(FailsOn o) {
      super(o);
      this.failing = o.failing;
    }

    @Override
    public boolean monotone() {
      return true;
    }

    @Override
    public boolean concurrentGains() {
      return true;
    }

    @Override
    public FailsOn copy() {
      return new FailsOn(this);
    }

    @Override
    protected double marginal(int e) {
      long until = System.nanoTime() + 3_000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      if (failing.contains(e)) {
        throw new IllegalStateException("gain " + e);
      }
      return e;
    }

    @Override
    protected void include(int e) {}

    @Override
    protected void clear() {}
  }

  @Test
  void ofSeveralFailingGainsTheFirstInBatchOrderIsThrownAsOnOneThread() {
    int n = 96;
    int[] ids = new int[n];
    for (int t = 0; t < n; t++) {
      ids[t] = t;
    }
    for (int threads : new int[] {1, 2, 3}) {
      for (int rep = 0; rep < 20; rep++) {
        FailsOn f = new FailsOn(n, java.util.Set.of(11, 60, 90));
        try (ConcurrentGains g = new ConcurrentGains(f, threads)) {
          g.gain(0); // a measured time per gain, so that the batch is handed over
          IllegalStateException x =
              assertThrows(IllegalStateException.class, () -> g.gains(ids, n, new double[n]));
          assertEquals("gain 11", x.getMessage(), threads + " threads, repeat " + rep);
        }
      }
    }
    assertEquals(List.of(), workers());
  }
}
