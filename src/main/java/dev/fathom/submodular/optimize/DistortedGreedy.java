package dev.fathom.submodular.optimize;

import dev.fathom.core.Args;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import java.util.Arrays;

/**
 * Distorted greedy (Harshaw, Feldman, Ward and Karbasi, ICML 2019) for {@code f = g - c} with g
 * monotone submodular and c a non-negative modular cost, under {@code |S| <= m}: in round {@code i
 * = 0..m-1} it takes the element maximizing {@code (1 - 1/m)^(m-i-1) (g(S + e) - g(S)) - c(e)} and
 * adds it only if that is positive. Guarantee: {@code g(S) - c(S) >= (1 - 1/e) g(T) - c(T)} for
 * every T with {@code |T| <= m}. Used by Lai and Choi for the Markov-chain objectives. Works on a
 * copy of g.
 *
 * <p>Start set (apricot's {@code initial_subset}): a non-empty current set {@code S0} of g ({@link
 * SetFunction#startingFrom(int...)}) is kept and counts against m. The run is distorted greedy on
 * the conditioned function {@code g'(T) = g(S0 + T) - g(S0)}, which is again monotone submodular
 * with {@code g'(empty) = 0}, over the other elements with {@code m' = m - |S0|} rounds, so the
 * guarantee holds for the conditioned problem: {@code g(S0 + S) - g(S0) - c(S) >= (1 - 1/e) (g(S0 +
 * T) - g(S0)) - c(T)} for every T outside S0 with {@code |T| <= m'}.
 *
 * @since 1.0
 */
public final class DistortedGreedy {
  private DistortedGreedy() {}

  /**
   * Runs distorted greedy.
   *
   * @param g the monotone submodular part; a non-empty current set is a start set (kept, counted
   *     against m, not listed in the result)
   * @param cost the finite non-negative cost of each element; length n
   * @param m the budget on the whole set, at least g's current set size
   * @return the selection; {@code value} is {@code g - c} of the whole set (start set included) and
   *     each gain is {@code g(S + e) - g(S) - c(e)} at the time e was added
   */
  public static Selection run(SetFunction g, double[] cost, int m) {
    Args.notNull("g", g);
    Args.length("cost", Args.nonNegative("cost", cost), g.groundSize());
    Args.nonNegative("m", m);
    if (m < g.size()) {
      throw Args.fail("m", m, "at least the " + g.size() + " elements of g's current set");
    }
    GreedyRun r = new GreedyRun(g, Constraint.cardinality(m));
    int n = g.groundSize();
    int rounds = m - g.size();
    int room = Math.min(rounds, n - g.size());
    int[] picked = new int[room];
    double[] gains = new double[room];
    int size = 0;
    double value = g.value();
    for (int e : g.selection()) {
      value -= cost[e];
    }
    for (int i = 0; i < rounds; i++) {
      double factor = Math.pow(1 - 1.0 / rounds, rounds - i - 1);
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      double ratio = Double.POSITIVE_INFINITY; // min cost / gain over elements of positive gain
      for (int e = 0; e < n; e++) {
        if (!r.f.contains(e)) {
          double gain = r.f.gain(e);
          double score = factor * gain - cost[e];
          if (score > bestScore) {
            bestScore = score;
            best = e;
          }
          if (gain > 0) {
            ratio = Math.min(ratio, cost[e] / gain);
          }
        }
      }
      if (best >= 0 && bestScore > 0) {
        double gain = r.f.add(best) - cost[best];
        picked[size] = best;
        gains[size++] = gain;
        value += gain;
      } else if (rounds > n) {
        // Nothing changes until the factor (1 - 1/m')^(m' - i - 1) exceeds the smallest cost/gain
        // ratio, so jump to one round before that: the work stays O(n^2) oracle calls for any m.
        if (!(ratio < 1)) {
          break;
        }
        double left = Math.log(ratio) / Math.log1p(-1.0 / rounds);
        double next = Math.ceil(rounds - 1 - left) - 1;
        if (next > i + 1) {
          i = (int) Math.min(next, rounds) - 1;
        }
      }
    }
    return new Selection(
        Arrays.copyOf(picked, size), Arrays.copyOf(gains, size), value, r.result().oracleCalls());
  }
}
