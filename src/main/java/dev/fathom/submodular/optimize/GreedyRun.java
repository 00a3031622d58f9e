package dev.fathom.submodular.optimize;

import dev.fathom.core.Args;
import dev.fathom.submodular.ConcurrentGains;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import java.util.Arrays;
import java.util.function.IntPredicate;
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
  // the gains evaluator while a lazy loop runs (null otherwise)
  private ConcurrentGains evaluator;

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

  /**
   * The gain of {@code e} against the current set: inside a lazy loop the one its evaluator
   * computed since the last add, if any, else one oracle call.
   */
  double gain(int e) {
    if (evaluator == null) {
      return f.gain(e);
    }
    return evaluator.isFresh(e) ? evaluator.freshGain(e) : evaluator.gain(e);
  }

  void take(int e) {
    // inside a lazy loop the pick's gain is usually fresh: the evaluator does not recompute it
    double g = evaluator != null ? evaluator.add(e) : f.add(e);
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
   * stale one (approximate lazy greedy). {@code score} reads gains through {@link #gain(int)}.
   *
   * <p>With {@code threads > 1} (and a function whose gains may be evaluated concurrently) the loop
   * below runs unchanged, and only the gains it asks for are computed ahead, on the threads of a
   * {@link ConcurrentGains}: the initial pass all at once, and whenever the loop is about to
   * re-evaluate a stale element, that element together with the next stale entries of the heap in
   * pop order (up to {@code threads} in all). Why the selection is bitwise the one-thread run's,
   * for every function (submodular or not): a gain computed ahead is computed against the same set
   * as the one the serial loop would evaluate it against (the evaluator forgets every gain at each
   * add), and {@code marginal} depends only on the set and the element ({@link
   * dev.fathom.submodular.SetFunction#concurrentGains()}), so each value the loop reads is bitwise
   * the value the one-thread run computes at that point; the loop's own steps (heap operations, the
   * fresh marks, the take decisions) are the one-thread run's, in the same order, so it pushes the
   * same keys, pops the same entries and takes the same elements with the same gains. Gains
   * computed ahead that the loop does not read before its next add are wasted and counted: the
   * oracle calls are the one-thread run's plus those, at most {@code threads - 1} per add and as
   * many at the end. (Within one round of the loop, a batch holds the next stale feasible entries
   * in pop order; feasibility does not change and every later push is a fresh entry, so the loop
   * pops all of them before any other stale entry, unless it takes a fresh one first and ends the
   * round: only a round's last batch can be left partly unread.)
   */
  static void lazyLoop(
      GreedyRun r, IntToDoubleFunction score, Greedy.Until until, double beta, int threads) {
    int n = r.f.groundSize();
    try (ConcurrentGains evaluator = new ConcurrentGains(r.f, threads)) {
      r.evaluator = evaluator;
      GainHeap heap = new GainHeap(n);
      int[] fresh = new int[n];
      Ahead ahead = evaluator.threads() > 1 ? new Ahead(r, evaluator, heap, fresh) : null;
      if (ahead != null) {
        ahead.initial();
      }
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
          if (ahead != null && !evaluator.isFresh(e)) {
            ahead.evaluate(e, round);
          }
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
    } finally {
      r.evaluator = null;
    }
  }

  /** The gains a threaded lazy loop computes ahead (see {@link #lazyLoop}). */
  private static final class Ahead implements IntPredicate {
    private final GreedyRun r;
    private final ConcurrentGains evaluator;
    private final GainHeap heap;
    private final int[] fresh;
    private final int[] batch;
    private final double[] out;
    private int count;
    private int round;

    Ahead(GreedyRun r, ConcurrentGains evaluator, GainHeap heap, int[] fresh) {
      this.r = r;
      this.evaluator = evaluator;
      this.heap = heap;
      this.fresh = fresh;
      this.batch = new int[Math.max(evaluator.threads(), r.f.groundSize())];
      this.out = new double[batch.length];
    }

    /** The gains of every feasible element, all at once. */
    void initial() {
      int m = 0;
      for (int e = 0; e < r.f.groundSize(); e++) {
        if (r.feasible(e)) {
          batch[m++] = e;
        }
      }
      evaluator.gains(batch, m, out);
    }

    /**
     * The gain of {@code e}, just popped stale, and of the next stale feasible entries in pop order
     * up to the first entry fresh in this round (the loop takes that one before it reads any gain
     * below it), {@code threads} in all at most.
     */
    void evaluate(int e, int round) {
      this.round = round;
      batch[0] = e;
      count = 1;
      int want = evaluator.threads();
      heap.visitInOrder(4 * want + 16, this);
      evaluator.gains(batch, count, out);
    }

    @Override
    public boolean test(int x) {
      if (!r.feasible(x)) {
        return true;
      }
      if (fresh[x] == round) {
        return false;
      }
      if (!evaluator.isFresh(x)) {
        batch[count++] = x;
      }
      return count < evaluator.threads();
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
