package dev.fathom.submodular.optimize;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Cardinality;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Maximization of non-negative submodular functions that need not be monotone: random greedy under
 * a cardinality constraint and randomized double (bidirectional) greedy without a constraint
 * (Buchbinder, Feldman, Naor and Schwartz). Like {@link Greedy}, they work on a copy of {@code f}
 * and leave {@code f} unchanged; a non-empty current set ({@link SetFunction#startingFrom(int...)})
 * is a start set that stays selected, counts against k, and is not listed in the result's elements.
 * The guarantees then hold for {@code T -> f(S0 + T)} (still non-negative and submodular): against
 * the best superset of the start set S0.
 *
 * @since 1.0
 */
public final class NonMonotone {
  private NonMonotone() {}

  /**
   * As {@link #randomGreedy(SetFunction, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param f the function (its current set is the start set)
   * @param k the budget on the whole set, at least 0 and at least the start set's size
   * @param seed the random seed
   * @return the selection
   */
  public static Selection randomGreedy(SetFunction f, int k, long seed) {
    return randomGreedy(f, k, Rng.create(seed));
  }

  /**
   * Random greedy for {@code |S| <= k}: each of k steps takes the k remaining elements of largest
   * positive gain, pads them with dummy elements of gain 0 up to k, and adds one of the k uniformly
   * at random (nothing when a dummy is drawn). {@code 1/e} of the optimum in expectation for
   * non-monotone f, {@code 1 - 1/e} for monotone f.
   *
   * @param f the function (its current set is the start set)
   * @param k the budget on the whole set, at least 0 and at least the start set's size
   * @param rng the source of randomness
   * @return the selection
   */
  public static Selection randomGreedy(SetFunction f, int k, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.nonNegative("k", k);
    GreedyRun r = new GreedyRun(f, new Cardinality(k));
    int n = r.f.groundSize();
    int budget = k - r.f.size();
    int[] top = new int[Math.max(Math.min(budget, n), 1)];
    for (int step = 0; step < budget; step++) {
      GainHeap heap = new GainHeap(n);
      for (int e = 0; e < n; e++) {
        if (r.alive[e]) {
          double g = r.f.gain(e);
          if (g > 0) {
            heap.push(g, e);
          }
        }
      }
      int m = 0;
      while (m < budget && heap.size() > 0) {
        top[m++] = heap.topId();
        heap.pop();
      }
      if (m == 0) {
        break; // no positive gain: the remaining steps can only draw dummies
      }
      if (budget > n) {
        // Skip the run of dummy draws in one geometric draw, so that the work stays O(n^2)
        // oracle calls for any k: the next real pick comes after G ~ Geometric(m / budget) dummies.
        double skip = Math.floor(Math.log1p(-rng.nextDouble()) / Math.log1p(-(double) m / budget));
        if (!(step + skip < budget)) {
          break;
        }
        step += (int) skip;
        r.take(top[rng.nextInt(m)]);
        continue;
      }
      int pick = rng.nextInt(budget);
      if (pick < m) {
        r.take(top[pick]);
      }
    }
    return r.result();
  }

  /**
   * As {@link #doubleGreedy(SetFunction, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param f the function (its current set is the start set)
   * @param seed the random seed
   * @return the selection X
   */
  public static Selection doubleGreedy(SetFunction f, long seed) {
    return doubleGreedy(f, Rng.create(seed));
  }

  /**
   * Randomized double greedy for unconstrained maximization: scans the elements in id order with X
   * empty and Y the whole ground set; with {@code a = f(X + e) - f(X)} and {@code b = f(Y - e) -
   * f(Y)} it adds e to X with probability {@code a+ / (a+ + b+)} and otherwise drops it from Y. At
   * least 1/2 of the optimum in expectation; {@code O(n)} oracle calls (each {@code f(Y - e)} is
   * one {@link SetFunction#evaluate(int...)}).
   *
   * @param f the function (its current set is the start set)
   * @param rng the source of randomness
   * @return the selection X
   */
  public static Selection doubleGreedy(SetFunction f, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.notNull("f", f);
    int n = f.groundSize();
    int[] order = new int[n];
    for (int e = 0; e < n; e++) {
      order[e] = e;
    }
    return doubleGreedy(f, order, n, rng);
  }

  /**
   * As {@link #doubleGreedy(SetFunction, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param f the function (its current set is the start set)
   * @param k the size of the whole set at which the scan stops, at least the start set's size
   * @param seed the random seed
   * @return the selection X
   */
  public static Selection doubleGreedy(SetFunction f, int k, long seed) {
    return doubleGreedy(f, k, Rng.create(seed));
  }

  /**
   * Bidirectional greedy stopped at k (apricot's {@code 'bidirectional'} optimizer): the randomized
   * double greedy of {@link #doubleGreedy(SetFunction, RandomGenerator)} scanning the elements in a
   * uniformly random order (drawn from {@code rng} first), which returns X as soon as it holds
   * {@code k} elements (start set included). If the scan ends before that, the result is exactly
   * the unconstrained double greedy's in that order, with its 1/2 guarantee; a stop at k has no
   * guarantee (the elements after the stop are never added), as in apricot. One pass; at most
   * {@code 2n + 1} oracle calls.
   *
   * @param f the function (its current set is the start set)
   * @param k the size of the whole set at which the scan stops, at least the start set's size
   * @param rng the source of randomness
   * @return the selection X
   */
  public static Selection doubleGreedy(SetFunction f, int k, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.notNull("f", f);
    Args.nonNegative("k", k);
    if (k < f.size()) {
      throw Args.fail("k", k, "at least the " + f.size() + " elements of f's current set");
    }
    return doubleGreedy(f, Rng.permutation(rng, f.groundSize()), k, rng);
  }

  /**
   * Randomized double greedy scanning {@code order}, returning once X has {@code stop} elements.
   */
  private static Selection doubleGreedy(SetFunction f, int[] order, int stop, RandomGenerator rng) {
    GreedyRun r = new GreedyRun(f, new Cardinality(f.groundSize()));
    int n = r.f.groundSize();
    boolean[] inY = new boolean[n];
    Arrays.fill(inY, true);
    int ySize = n;
    if (r.f.size() >= stop) {
      return r.result();
    }
    double fy = r.f.evaluate(all(inY, ySize));
    for (int e : order) {
      if (r.f.contains(e)) {
        continue;
      }
      double a = r.f.gain(e);
      inY[e] = false;
      double fyMinus = r.f.evaluate(all(inY, ySize - 1));
      double b = fyMinus - fy;
      double ap = Math.max(a, 0);
      double bp = Math.max(b, 0);
      boolean addToX = ap + bp == 0 ? true : rng.nextDouble() * (ap + bp) < ap;
      if (addToX) {
        inY[e] = true;
        r.take(e);
        if (r.f.size() >= stop) {
          break;
        }
      } else {
        ySize--;
        fy = fyMinus;
      }
    }
    return r.result();
  }

  private static int[] all(boolean[] in, int size) {
    int[] s = new int[size];
    int t = 0;
    for (int e = 0; e < in.length; e++) {
      if (in[e]) {
        s[t++] = e;
      }
    }
    return s;
  }
}
