package dev.fathom.submodular.optimize;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Cardinality;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Knapsack;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The greedy family for monotone submodular maximization: naive, lazy, stochastic and
 * decreasing-threshold greedy, greedy under any {@link Constraint} (matroids give 1/2), and
 * cost-benefit greedy for knapsacks. Every method works on a {@link SetFunction#copy() copy} of
 * {@code f} started from f's current set (normally empty), leaves {@code f} unchanged, never
 * selects an element twice, breaks ties by the lowest id, and stops when the best feasible gain is
 * not positive. The returned {@link Selection} counts the oracle calls spent.
 *
 * <p>A non-empty current set ({@link SetFunction#startingFrom(int...)}, apricot's {@code
 * initial_subset}) is a start set: it must be feasible, it counts against the constraint and
 * against every budget {@code k} ({@code |S| <= k} bounds the whole set, so apricot's {@code
 * n_samples = k} new elements is a budget of {@code k + ids.length}), its elements are never
 * selected again and are not listed in {@link Selection#elements()}, and {@link Selection#value()}
 * is f of the whole set.
 *
 * @since 1.0
 */
public final class Greedy {
  private Greedy() {}

  /** When a greedy run stops adding elements. */
  public enum Until {
    /** Stop when the best feasible gain is not positive (the default). */
    POSITIVE_GAIN,
    /**
     * Keep adding the best feasible element while one exists, even when its gain is zero or
     * negative, so that a cardinality budget k yields exactly k elements when n allows (apricot's
     * behaviour); an element whose gain is {@code -infinity} or NaN is never taken.
     */
    FULL;

    boolean takes(double gain) {
      return this == FULL ? gain > Double.NEGATIVE_INFINITY : gain > 0;
    }
  }

  /**
   * The smallest {@code eps} that {@link #threshold(SetFunction, int, double)} accepts: it makes at
   * most {@code ln(n/eps)/eps} passes of {@code n} oracle calls each (about {@code 2e7 n} at this
   * bound), so a smaller eps would let the work grow without bound.
   */
  public static final double MIN_THRESHOLD_EPS = 1e-6;

  /**
   * Naive greedy (Nemhauser, Wolsey and Fisher 1978): each step evaluates every feasible element
   * and adds the best. {@code 1 - 1/e} for cardinality, 1/2 for a matroid; O(nk) oracle calls.
   *
   * @param f the function
   * @param constraint the constraint
   * @return the selection
   */
  public static Selection naive(SetFunction f, Constraint constraint) {
    return naive(f, constraint, Until.POSITIVE_GAIN);
  }

  /**
   * Naive greedy with a choice of when to stop (see {@link Until}).
   *
   * @param f the function
   * @param constraint the constraint
   * @param until when to stop adding
   * @return the selection
   */
  public static Selection naive(SetFunction f, Constraint constraint, Until until) {
    Args.notNull("until", until);
    GreedyRun r = new GreedyRun(f, constraint);
    int n = r.f.groundSize();
    while (true) {
      int best = -1;
      double bestGain = Double.NEGATIVE_INFINITY;
      for (int e = 0; e < n; e++) {
        if (r.alive[e] && !r.feasible(e)) {
          r.alive[e] = false;
        }
        if (r.alive[e]) {
          double g = r.f.gain(e);
          if (g > bestGain) {
            bestGain = g;
            best = e;
          }
        }
      }
      if (best < 0 || !until.takes(bestGain)) {
        return r.result();
      }
      r.take(best);
    }
  }

  /**
   * Lazy greedy (Minoux 1978): keeps stale gains as upper bounds in a max-heap and re-evaluates
   * only the top; an element whose gain is fresh for the current set and tops the heap is the
   * greedy choice. Returns exactly {@link #naive(SetFunction, Constraint)}'s selection (same
   * tie-breaking), usually with far fewer oracle calls.
   *
   * @param f the function
   * @param constraint the constraint
   * @return the selection
   */
  public static Selection lazy(SetFunction f, Constraint constraint) {
    return lazy(f, constraint, Until.POSITIVE_GAIN);
  }

  /**
   * Lazy greedy with a choice of when to stop (see {@link Until}); the same selection as {@link
   * #naive(SetFunction, Constraint, Until)} with the same {@code until} (gains fall as the set
   * grows whatever their sign, so stale gains stay upper bounds).
   *
   * @param f the function
   * @param constraint the constraint
   * @param until when to stop adding
   * @return the selection
   */
  public static Selection lazy(SetFunction f, Constraint constraint, Until until) {
    return lazy(f, constraint, until, 1);
  }

  /**
   * Lazy greedy on {@code threads} threads: bitwise the same {@link Selection} as {@link
   * #lazy(SetFunction, Constraint, Until)} (same elements in the same order, same gains and value)
   * for every thread count and every function, with the gains spread over the threads when {@link
   * SetFunction#concurrentGains()} allows it (facility location over any similarity storage, graph
   * cut, the coverage functions; the others run on the calling thread). The lazy loop itself runs
   * as on one thread; the initial pass is split over the threads, and each time the loop
   * re-evaluates a stale element, the next stale elements in heap order (up to {@code threads} in
   * all) are evaluated with it, on long-lived workers (daemon threads, stopped before this method
   * returns or throws) that spin briefly between batches, then park. Gains computed ahead that the
   * loop does not use before its next pick are wasted, at most {@code threads - 1} per pick and as
   * many after the last, and {@link Selection#oracleCalls()} counts them: the one-thread run's
   * calls plus those. Pays off when a gain costs microseconds (a dense facility-location gain over
   * 10^4 clients) and the threads have idle cores; re-evaluations too cheap for a hand-over (under
   * about 2 microseconds of the workers' share, measured) stay on the calling thread, with the same
   * result and count.
   *
   * @param f the function
   * @param constraint the constraint
   * @param until when to stop adding
   * @param threads the number of threads, at least 1 (1 = the calling thread only)
   * @return the selection
   */
  public static Selection lazy(SetFunction f, Constraint constraint, Until until, int threads) {
    Args.notNull("until", until);
    Args.positive("threads", threads);
    GreedyRun r = new GreedyRun(f, constraint);
    GreedyRun.lazyLoop(r, r::gain, until, 1, threads);
    return r.result();
  }

  /**
   * Approximate lazy greedy (apricot's {@code 'approximate-lazy'} optimizer): lazy greedy that,
   * when it re-evaluates the top of its heap of stale gains, takes that element at once if its
   * fresh gain is at least {@code beta} times its stale gain (which bounds every other gain), and
   * otherwise pushes it back. Every step therefore takes an element whose gain is at least {@code
   * beta} times the best feasible gain, which gives {@code 1 - e^-beta} of the optimum under {@code
   * |S| <= k} and {@code beta / (1 + beta)} under a matroid for monotone f; it often saves most of
   * lazy greedy's re-evaluations. {@code beta = 1} is exactly {@link #lazy(SetFunction,
   * Constraint)} (same selection, same calls). Stops when the best fresh gain is not positive.
   *
   * @param f the function
   * @param constraint the constraint (a {@link Knapsack} passed with that static type uses {@link
   *     #approximateLazy(SetFunction, Knapsack, double)})
   * @param beta the acceptance factor, in {@code (0, 1]}
   * @return the selection
   */
  public static Selection approximateLazy(SetFunction f, Constraint constraint, double beta) {
    Args.inRange("beta", beta, Double.MIN_VALUE, 1);
    GreedyRun r = new GreedyRun(f, constraint);
    GreedyRun.lazyLoop(r, r::gain, Until.POSITIVE_GAIN, beta, 1);
    return r.result();
  }

  /**
   * Approximate lazy greedy on gain per unit cost for a knapsack (apricot's {@code
   * 'approximate-lazy'} with {@code sample_cost}): {@link #costBenefit(SetFunction, Knapsack)}
   * whose lazy ratio loop accepts a re-evaluated element when its ratio is at least {@code beta}
   * times its stale ratio, compared with the best single element that fits. {@code beta = 1} is
   * exactly {@code costBenefit}.
   *
   * @param f the function
   * @param knapsack the costs (one per element) and budget
   * @param beta the acceptance factor, in {@code (0, 1]}
   * @return the selection
   */
  public static Selection approximateLazy(SetFunction f, Knapsack knapsack, double beta) {
    Args.inRange("beta", beta, Double.MIN_VALUE, 1);
    return costBenefit(f, knapsack, null, beta);
  }

  /**
   * As {@link #sample(SetFunction, Constraint, double, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param f the function
   * @param constraint the constraint
   * @param fraction the share of the candidates kept, in {@code (0, 1]}
   * @param seed the random seed
   * @return the selection
   */
  public static Selection sample(SetFunction f, Constraint constraint, double fraction, long seed) {
    return sample(f, constraint, fraction, Rng.create(seed));
  }

  /**
   * Sample greedy (apricot's {@code 'sample'} optimizer): keeps a uniformly random subset of {@code
   * max(1, floor(fraction m))} of the {@code m} candidates (the elements outside the start set),
   * drawn without replacement, and runs {@link #lazy(SetFunction, Constraint)} on it. Every element
   * is kept with probability {@code p = max(1, floor(fraction m))/m}, so the sample holds a subset
   * of an optimal set worth at least {@code p OPT} in expectation (by submodularity), and for
   * monotone f under {@code |S| <= k} the expected value is at least {@code p (1 - 1/e) OPT}; the
   * oracle calls shrink in proportion.
   *
   * @param f the function
   * @param constraint the constraint (a {@link Knapsack} passed with that static type uses {@link
   *     #sample(SetFunction, Knapsack, double, RandomGenerator)})
   * @param fraction the share of the candidates kept, in {@code (0, 1]}
   * @param rng the source of randomness
   * @return the selection
   */
  public static Selection sample(
      SetFunction f, Constraint constraint, double fraction, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.inRange("fraction", fraction, Double.MIN_VALUE, 1);
    GreedyRun r = new GreedyRun(f, constraint);
    r.restrict(sampled(r.alive, fraction, rng));
    GreedyRun.lazyLoop(r, r::gain, Until.POSITIVE_GAIN, 1, 1);
    return r.result();
  }

  /**
   * As {@link #sample(SetFunction, Knapsack, double, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param f the function
   * @param knapsack the costs (one per element) and budget
   * @param fraction the share of the candidates kept, in {@code (0, 1]}
   * @param seed the random seed
   * @return the selection
   */
  public static Selection sample(SetFunction f, Knapsack knapsack, double fraction, long seed) {
    return sample(f, knapsack, fraction, Rng.create(seed));
  }

  /**
   * Sample greedy for a knapsack: the same uniform subsample as {@link #sample(SetFunction,
   * Constraint, double, RandomGenerator)}, then {@link #costBenefit(SetFunction, Knapsack)} on it;
   * at least {@code p (1 - 1/e)/2} of the optimum in expectation for monotone f, with {@code p} the
   * chance an element is kept.
   *
   * @param f the function
   * @param knapsack the costs (one per element) and budget
   * @param fraction the share of the candidates kept, in {@code (0, 1]}
   * @param rng the source of randomness
   * @return the selection
   */
  public static Selection sample(
      SetFunction f, Knapsack knapsack, double fraction, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.inRange("fraction", fraction, Double.MIN_VALUE, 1);
    Args.notNull("f", f);
    boolean[] candidate = new boolean[f.groundSize()];
    for (int e = 0; e < candidate.length; e++) {
      candidate[e] = !f.contains(e);
    }
    return costBenefit(f, knapsack, sampled(candidate, fraction, rng), 1);
  }

  /** A uniform subset of {@code max(1, floor(fraction m))} of the m flagged candidates. */
  private static boolean[] sampled(boolean[] candidate, double fraction, RandomGenerator rng) {
    int n = candidate.length;
    int[] ids = new int[n];
    int m = 0;
    for (int e = 0; e < n; e++) {
      if (candidate[e]) {
        ids[m++] = e;
      }
    }
    boolean[] keep = new boolean[n];
    if (m == 0) {
      return keep;
    }
    int size = (int) Math.max(1, Math.min(m, Math.floor(fraction * m)));
    for (int pos : Rng.sampleWithoutReplacement(rng, m, size)) {
      keep[ids[pos]] = true;
    }
    return keep;
  }

  /**
   * Modular selection (apricot's {@code 'modular'} optimizer): every element's gain against the
   * start set is evaluated once ({@code n} oracle calls), and the elements are added in decreasing
   * order of that gain (ties to the lowest id), each one that the constraint still accepts,
   * skipping those it refuses. Exact for a modular f (a weighted sum); for other functions a fast
   * baseline without a guarantee. With {@link Until#POSITIVE_GAIN} only elements of positive first
   * gain are taken; the recorded gains are the true marginal gains when each was added.
   *
   * @param f the function
   * @param constraint the constraint
   * @param until which elements may be taken
   * @return the selection
   */
  public static Selection modular(SetFunction f, Constraint constraint, Until until) {
    Args.notNull("until", until);
    GreedyRun r = new GreedyRun(f, constraint);
    int n = r.f.groundSize();
    GainHeap heap = new GainHeap(n);
    for (int e = 0; e < n; e++) {
      if (r.alive[e]) {
        heap.push(r.f.gain(e), e);
      }
    }
    while (heap.size() > 0) {
      int e = heap.topId();
      double score = heap.topKey();
      heap.pop();
      if (!until.takes(score)) {
        break;
      }
      if (r.feasible(e)) {
        r.take(e);
      }
    }
    return r.result();
  }

  /**
   * As {@link #stochastic(SetFunction, int, double, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param f the function
   * @param k the budget, at least 0
   * @param eps the accuracy, in (0, 1)
   * @param seed the random seed
   * @return the selection
   */
  public static Selection stochastic(SetFunction f, int k, double eps, long seed) {
    return stochastic(f, k, eps, Rng.create(seed));
  }

  /**
   * Stochastic greedy ("lazier than lazy", Mirzasoleiman et al. 2015) for {@code |S| <= k}: each
   * step evaluates a uniform sample of {@code ceil((n/k) ln(1/eps))} remaining elements and adds
   * the best of the sample. {@code 1 - 1/e - eps} in expectation with {@code O(n log(1/eps))}
   * oracle calls in total.
   *
   * @param f the function
   * @param k the budget, at least 0
   * @param eps the accuracy, in (0, 1)
   * @param rng the source of randomness
   * @return the selection
   */
  public static Selection stochastic(SetFunction f, int k, double eps, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.nonNegative("k", k);
    Args.inOpenRange("eps", eps, 0, 1);
    GreedyRun r = new GreedyRun(f, Constraint.cardinality(k));
    int n = r.f.groundSize();
    int budget = k - r.f.size();
    int[] pool = new int[n];
    int m = 0;
    for (int e = 0; e < n; e++) {
      if (r.alive[e]) {
        pool[m++] = e;
      }
    }
    int sample = (int) Math.min(n, Math.ceil((double) m / Math.max(budget, 1) * Math.log(1 / eps)));
    GreedyRun.sampledLoop(r, pool, m, sample, budget, e -> 1.0, rng);
    return r.result();
  }

  /**
   * As {@link #stochastic(SetFunction, Knapsack, double, RandomGenerator)} with the generator
   * {@code Rng.create(seed)}.
   *
   * @param f the function
   * @param knapsack the costs (one per element) and budget
   * @param eps the accuracy, in (0, 1)
   * @param seed the random seed
   * @return the selection
   */
  public static Selection stochastic(SetFunction f, Knapsack knapsack, double eps, long seed) {
    return stochastic(f, knapsack, eps, Rng.create(seed));
  }

  /**
   * Stochastic greedy with knapsack costs, as apricot's {@code 'stochastic'} optimizer with {@code
   * sample_cost}: each step evaluates a uniform sample of {@code ceil((m / k) ln(1/eps))} of the
   * {@code m} remaining candidates, with {@code k = max(1, budget / mean cost)} the number of picks
   * the budget affords on average ({@code n ln(1/eps) / k} for unit costs, as apricot), and adds
   * the sampled element of largest gain per cost that still fits (ties to the lower id); it stops
   * when no sampled element fits or the best gain is not positive. With unit costs and an integer
   * budget it is {@link #stochastic(SetFunction, int, double, RandomGenerator)} draw for draw
   * ({@code 1 - 1/e - eps} in expectation); with general costs no approximation guarantee is known
   * (use {@link #costBenefit(SetFunction, Knapsack)} for one).
   *
   * @param f the function
   * @param knapsack the costs (one per element) and budget
   * @param eps the accuracy, in (0, 1)
   * @param rng the source of randomness
   * @return the selection
   */
  public static Selection stochastic(
      SetFunction f, Knapsack knapsack, double eps, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.notNull("knapsack", knapsack);
    Args.inOpenRange("eps", eps, 0, 1);
    GreedyRun r = new GreedyRun(f, knapsack);
    int n = r.f.groundSize();
    if (knapsack.elements() != n) {
      throw Args.fail("knapsack.elements()", knapsack.elements(), "the ground-set size " + n);
    }
    int[] pool = new int[n];
    int m = 0;
    double costSum = 0;
    for (int e = 0; e < n; e++) {
      if (r.alive[e]) {
        pool[m++] = e;
        costSum += knapsack.cost(e);
      }
    }
    double picks = m == 0 || costSum <= 0 ? 1 : Math.max(1, knapsack.budget() / (costSum / m));
    int sample = (int) Math.min(n, Math.ceil(m / picks * Math.log(1 / eps)));
    GreedyRun.sampledLoop(r, pool, m, sample, Integer.MAX_VALUE, knapsack::cost, rng);
    return r.result();
  }

  /**
   * Decreasing-threshold greedy (Badanidiyuru and Vondrak 2014) for {@code |S| <= k}: with {@code
   * d} the best singleton value, sweeps thresholds {@code w = d, d(1-eps), ...} down to {@code eps
   * d / n} and adds every element whose gain is at least {@code w}. {@code 1 - 1/e - eps} with
   * {@code O((n/eps) log(n/eps))} oracle calls.
   *
   * @param f the function
   * @param k the budget, at least 0
   * @param eps the accuracy, in {@code [MIN_THRESHOLD_EPS, 1)}
   * @return the selection
   */
  public static Selection threshold(SetFunction f, int k, double eps) {
    Args.nonNegative("k", k);
    Args.inClosedOpenRange("eps", eps, MIN_THRESHOLD_EPS, 1);
    GreedyRun r = new GreedyRun(f, Constraint.cardinality(k));
    int n = r.f.groundSize();
    double d = 0;
    for (int e = 0; e < n; e++) {
      if (r.alive[e]) {
        d = Math.max(d, r.f.gain(e));
      }
    }
    double stop = eps * d / n;
    int budget = k - r.f.size();
    for (double w = d; w >= stop && w > 0 && r.size() < budget; w *= 1 - eps) {
      for (int e = 0; e < n && r.size() < budget; e++) {
        if (r.alive[e] && !r.f.contains(e)) {
          double g = r.f.gain(e);
          if (g >= w && g > 0) {
            r.take(e);
          }
        }
      }
    }
    return r.result();
  }

  /**
   * Cost-benefit greedy for a knapsack (Leskovec et al. 2007): lazy greedy on gain per unit cost
   * among the elements that still fit, compared with the best single element that fits; returns the
   * better of the two, which is at least {@code (1 - 1/e)/2} of the optimum.
   *
   * @param f the function
   * @param knapsack the costs (one per element) and budget
   * @return the selection
   */
  public static Selection costBenefit(SetFunction f, Knapsack knapsack) {
    return costBenefit(f, knapsack, null, 1);
  }

  /**
   * Cost-benefit greedy among the elements {@code keep} flags (all when null), with the lazy ratio
   * loop's acceptance factor {@code beta}.
   */
  static Selection costBenefit(SetFunction f, Knapsack knapsack, boolean[] keep, double beta) {
    Args.notNull("knapsack", knapsack);
    Args.notNull("f", f);
    long before = f.counter().calls();
    GreedyRun r = new GreedyRun(f, knapsack);
    int n = r.f.groundSize();
    if (keep != null) {
      r.restrict(keep);
    }
    if (knapsack.elements() != n) {
      throw Args.fail("knapsack.elements()", knapsack.elements(), "the ground-set size " + n);
    }
    int bestSingle = -1;
    double bestSingleGain = 0;
    double[] first = new double[n];
    boolean[] pending = new boolean[n];
    for (int e = 0; e < n; e++) {
      if (r.feasible(e)) {
        double g = r.f.gain(e);
        first[e] = g;
        pending[e] = true;
        if (g > bestSingleGain) {
          bestSingleGain = g;
          bestSingle = e;
        }
      }
    }
    // the singleton gains double as the lazy loop's first scores
    GreedyRun.lazyLoop(
        r,
        e -> {
          double g = pending[e] ? first[e] : r.gain(e);
          pending[e] = false;
          return g / knapsack.cost(e);
        },
        Until.POSITIVE_GAIN,
        beta,
        1);
    Selection ratio = r.result();
    if (bestSingle >= 0 && bestSingleGain > ratio.value() - r.startValue) {
      GreedyRun s = new GreedyRun(f, knapsack);
      s.take(bestSingle);
      Selection single = s.result();
      return new Selection(
          single.elements(), single.gains(), single.value(), f.counter().calls() - before);
    }
    return new Selection(
        ratio.elements(), ratio.gains(), ratio.value(), f.counter().calls() - before);
  }

  /**
   * A data-dependent upper bound on the optimum of a monotone submodular f under {@code |S| <= k}
   * (Minoux 1978; Leskovec et al. 2007): for every prefix {@code S_i} of the selection, {@code OPT
   * <= f(S_i) + (sum of the k largest gains against S_i)}; returns the smallest of these bounds.
   * Costs {@code n} oracle calls per prefix. Dividing a selection's value by this bound certifies
   * how close to optimal it is, usually far better than the worst-case {@code 1 - 1/e}.
   *
   * @param f the monotone function (with an empty current set; unchanged)
   * @param elements the selection, in the order it was built (for example {@link
   *     Selection#elements()})
   * @param k the budget, at least 1
   * @return the bound
   */
  public static double upperBound(SetFunction f, int[] elements, int k) {
    Args.notNull("f", f);
    Args.notNull("elements", elements);
    Args.positive("k", k);
    if (!f.monotone()) {
      throw Args.fail("f.monotone()", false, "a monotone function");
    }
    GreedyRun r = new GreedyRun(f, new Cardinality(f.groundSize()));
    int n = r.f.groundSize();
    double best = Double.POSITIVE_INFINITY;
    // At most n gains are positive, so the k largest sum to the min(k, n) largest.
    k = Math.max(1, Math.min(k, n));
    double[] top = new double[k];
    for (int i = 0; i <= elements.length; i++) {
      Arrays.fill(top, 0.0);
      for (int e = 0; e < n; e++) {
        if (!r.f.contains(e)) {
          double g = r.f.gain(e);
          if (g > top[0]) {
            top[0] = g;
            for (int t = 1; t < k && top[t - 1] > top[t]; t++) {
              double tmp = top[t];
              top[t] = top[t - 1];
              top[t - 1] = tmp;
            }
          }
        }
      }
      double sum = 0;
      for (double g : top) {
        sum += g;
      }
      best = Math.min(best, r.f.value() + sum);
      if (i < elements.length) {
        r.take(elements[i]);
      }
    }
    return best;
  }
}
