package dev.fathom.submodular.optimize;

import dev.fathom.core.Args;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * One greedy run, the machinery every optimizer in this package shares: a copy of f started from
 * f's current set, a constraint tracker, the growing selection with its gains and oracle count, and
 * the two selection loops (lazy, and best-of-a-uniform-sample).
 */
final class GreedyRun {
  final SetFunction f;
  final Constraint.Tracker tracker;
  final boolean[] alive;
  final double startValue;
  private final long before;
  private int[] elements;
  private double[] gains;
  private int size;

  GreedyRun(SetFunction f0, Constraint constraint) {
    Args.notNull("f", f0);
    Args.notNull("constraint", constraint);
    this.before = f0.counter().calls();
    this.f = f0.copy();
    this.tracker = constraint.start();
    int n = f.groundSize();
    this.alive = new boolean[n];
    Arrays.fill(alive, true);
    for (int e : f.selection()) {
      if (!tracker.canAdd(e)) {
        throw Args.fail("f.selection()", Arrays.toString(f.selection()), "a feasible start set");
      }
      tracker.add(e);
      alive[e] = false;
    }
    this.startValue = f.value();
    this.elements = new int[16];
    this.gains = new double[16];
  }

  boolean feasible(int e) {
    return alive[e] && tracker.canAdd(e);
  }

  /** Removes from the candidates every element that {@code keep} does not flag. */
  void restrict(boolean[] keep) {
    for (int e = 0; e < alive.length; e++) {
      alive[e] &= keep[e];
    }
  }

  int size() {
    return size;
  }

  void take(int e) {
    double g = f.add(e);
    tracker.add(e);
    alive[e] = false;
    if (size == elements.length) {
      elements = Arrays.copyOf(elements, 2 * size);
      gains = Arrays.copyOf(gains, 2 * size);
    }
    elements[size] = e;
    gains[size++] = g;
  }

  Selection result() {
    return new Selection(
        Arrays.copyOf(elements, size),
        Arrays.copyOf(gains, size),
        f.value(),
        f.counter().calls() - before);
  }

  /**
   * Lazy evaluation of the greedy rule "add the feasible element of largest positive score", for
   * scores that can only fall as the set grows (gains, gains per unit cost). With {@code beta < 1}
   * a re-evaluated element is also taken when its fresh score is at least {@code beta} times its
   * stale one (approximate lazy greedy).
   */
  static void lazyLoop(GreedyRun r, IntToDoubleFunction score, Greedy.Until until, double beta) {
    int n = r.f.groundSize();
    GainHeap heap = new GainHeap(n);
    int[] fresh = new int[n];
    for (int e = 0; e < n; e++) {
      if (r.feasible(e)) {
        heap.push(score.applyAsDouble(e), e);
      }
    }
    int round = 0;
    while (heap.size() > 0) {
      int e = heap.topId();
      double bound = heap.topKey();
      heap.pop();
      if (!r.feasible(e)) {
        continue;
      }
      if (fresh[e] == round) {
        if (!until.takes(bound)) {
          return;
        }
        r.take(e);
        round++;
      } else {
        fresh[e] = round;
        double s = score.applyAsDouble(e);
        if (beta < 1 && s >= beta * bound && s > 0 && until.takes(s)) {
          r.take(e);
          round++;
        } else {
          heap.push(s, e);
        }
      }
    }
  }

  /**
   * The stochastic selection loop: while fewer than {@code maxSize} elements are taken, draw a
   * uniform sample of {@code sample} of the {@code m} candidates in {@code pool} (a partial
   * Fisher-Yates shuffle), take the sampled feasible element of largest gain per cost (ties to the
   * lower id) and drop it from the pool; stop when no sampled element fits or the best gain is not
   * positive. Unit costs give gain per cost equal to the gain, bit for bit.
   */
  static void sampledLoop(
      GreedyRun r,
      int[] pool,
      int m,
      int sample,
      int maxSize,
      IntToDoubleFunction cost,
      RandomGenerator rng) {
    while (m > 0 && r.size() < maxSize) {
      int s = Math.min(sample, m);
      int bestPos = -1;
      double bestRatio = Double.NEGATIVE_INFINITY;
      double bestGain = 0;
      for (int t = 0; t < s; t++) {
        int j = t + rng.nextInt(m - t);
        int tmp = pool[t];
        pool[t] = pool[j];
        pool[j] = tmp;
        int e = pool[t];
        if (!r.tracker.canAdd(e)) {
          continue;
        }
        double g = r.f.gain(e);
        double ratio = g / cost.applyAsDouble(e);
        if (bestPos < 0 || ratio > bestRatio || (ratio == bestRatio && e < pool[bestPos])) {
          bestRatio = ratio;
          bestGain = g;
          bestPos = t;
        }
      }
      if (bestPos < 0 || !(bestGain > 0)) {
        break;
      }
      r.take(pool[bestPos]);
      pool[bestPos] = pool[--m];
    }
  }
}
