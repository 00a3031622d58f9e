package dev.fathom.submodular.optimize;

import dev.fathom.core.Args;
import dev.fathom.submodular.KSetFunction;
import java.util.Arrays;

/**
 * Greedy algorithms for k-set functions: the k-submodular greedy of Ohsaka and Yoshida (NeurIPS
 * 2015) under a total size or individual size constraints (1/2 and 1/3 of the optimum for monotone
 * k-submodular functions), and the generalized distorted greedy that Lai and Choi use for the
 * partition form of their Markov-chain objectives. Each evaluation of {@link
 * KSetFunction#value(int[])} counts as one oracle call.
 *
 * @since 1.0
 */
public final class KSubmodularGreedy {
  private KSubmodularGreedy() {}

  /** What a k-set greedy selected. */
  public static final class KSelection {
    private final int[] elements;
    private final int[] types;
    private final double[] gains;
    private final double value;
    private final int[] assignment;
    private final long oracleCalls;

    KSelection(
        int[] elements,
        int[] types,
        double[] gains,
        double value,
        int[] assignment,
        long oracleCalls) {
      this.elements = elements;
      this.types = types;
      this.gains = gains;
      this.value = value;
      this.assignment = assignment;
      this.oracleCalls = oracleCalls;
    }

    /**
     * The assigned elements, in the order they were assigned.
     *
     * @return the assigned elements, in the order they were assigned
     */
    public int[] elements() {
      return elements;
    }

    /**
     * The type given to each assigned element.
     *
     * @return the type given to each assigned element
     */
    public int[] types() {
      return types;
    }

    /**
     * The gain of each assignment when it was made (net of its cost for the distorted greedy).
     *
     * @return the gain of each assignment when it was made (net of its cost for the distorted
     *     greedy)
     */
    public double[] gains() {
      return gains;
    }

    /**
     * F of the final assignment (minus its cost for the distorted greedy).
     *
     * @return f of the final assignment (minus its cost for the distorted greedy)
     */
    public double value() {
      return value;
    }

    /**
     * The final assignment, -1 for unassigned elements.
     *
     * @return the final assignment, -1 for unassigned elements
     */
    public int[] assignment() {
      return assignment;
    }

    /**
     * The value evaluations spent.
     *
     * @return the value evaluations spent
     */
    public long oracleCalls() {
      return oracleCalls;
    }
  }

  /**
   * Ohsaka-Yoshida greedy under a total size constraint: {@code budget} times, assign the (element,
   * type) pair of largest gain among the unassigned elements, while that gain is positive. At least
   * 1/2 of the optimum for monotone k-submodular f.
   *
   * @param f the function
   * @param budget the total number of elements to assign, at least 0
   * @return the selection
   */
  public static KSelection totalSize(KSetFunction f, int budget) {
    Args.notNull("f", f);
    Args.nonNegative("budget", budget);
    int[] caps = new int[f.types()];
    Arrays.fill(caps, budget);
    // At most groundSize() elements can be assigned, so a larger budget is the same constraint.
    return run(f, Math.min(budget, f.groundSize()), caps, null, null, false);
  }

  /**
   * Ohsaka-Yoshida greedy under individual size constraints: at most {@code budgets[j]} elements of
   * type j. At least 1/3 of the optimum for monotone k-submodular f.
   *
   * @param f the function
   * @param budgets the non-negative budget of each type, length k
   * @return the selection
   */
  public static KSelection individualSizes(KSetFunction f, int[] budgets) {
    Args.notNull("f", f);
    Args.length("budgets", budgets, f.types());
    long total = 0;
    for (int j = 0; j < budgets.length; j++) {
      total += Args.nonNegative("budgets[" + j + "]", budgets[j]);
    }
    return run(f, (int) Math.min(total, f.groundSize()), budgets.clone(), null, null, false);
  }

  /**
   * Generalized distorted greedy (Lai and Choi, Algorithm 3) for {@code g - c} where each element e
   * may only take the type {@code typeOf[e]} (its ground block) and costs {@code cost[e]}: in round
   * {@code i = 0..m-1} it assigns the element maximizing {@code (1 - 1/m)^(m-i-1) gain - cost} if
   * that is positive. With zero costs it is the total-size greedy restricted to the blocks. Its
   * approximation guarantee is not stated here (it could not be checked against the paper).
   *
   * @param g the function
   * @param typeOf the only allowed type of each element, in {@code [0, k)}; length n
   * @param cost the finite non-negative cost of each element; length n
   * @param m the total budget, at least 0
   * @return the selection; gains and value are net of costs
   */
  public static KSelection distorted(KSetFunction g, int[] typeOf, double[] cost, int m) {
    Args.notNull("g", g);
    int n = g.groundSize();
    Args.length("typeOf", typeOf, n);
    Args.length("cost", Args.nonNegative("cost", cost), n);
    for (int e = 0; e < n; e++) {
      Args.inRange("typeOf[" + e + "]", typeOf[e], 0, g.types() - 1);
    }
    Args.nonNegative("m", m);
    int[] caps = new int[g.types()];
    Arrays.fill(caps, m);
    return run(g, m, caps, typeOf, cost, true);
  }

  private static KSelection run(
      KSetFunction f, int rounds, int[] caps, int[] typeOf, double[] cost, boolean distorted) {
    int n = f.groundSize();
    int k = f.types();
    int[] assignment = new int[n];
    Arrays.fill(assignment, -1);
    int[] used = new int[k];
    int[] elements = new int[rounds];
    int[] types = new int[rounds];
    double[] gains = new double[rounds];
    int size = 0;
    long calls = 1;
    double current = f.value(assignment);
    double net = 0;
    for (int i = 0; i < rounds; i++) {
      double factor = distorted ? Math.pow(1 - 1.0 / rounds, rounds - i - 1) : 1;
      int bestE = -1;
      int bestJ = -1;
      double bestScore = 0;
      double bestValue = 0;
      for (int e = 0; e < n; e++) {
        if (assignment[e] >= 0) {
          continue;
        }
        for (int j = 0; j < k; j++) {
          if (used[j] >= caps[j] || (typeOf != null && typeOf[e] != j)) {
            continue;
          }
          assignment[e] = j;
          double v = f.value(assignment);
          calls++;
          assignment[e] = -1;
          double score = factor * (v - current) - (cost == null ? 0 : cost[e]);
          if (score > bestScore) {
            bestScore = score;
            bestE = e;
            bestJ = j;
            bestValue = v;
          }
        }
      }
      if (bestE < 0) {
        break;
      }
      double gain = bestValue - current - (cost == null ? 0 : cost[bestE]);
      assignment[bestE] = bestJ;
      used[bestJ]++;
      current = bestValue;
      net += gain;
      elements[size] = bestE;
      types[size] = bestJ;
      gains[size++] = gain;
    }
    return new KSelection(
        Arrays.copyOf(elements, size),
        Arrays.copyOf(types, size),
        Arrays.copyOf(gains, size),
        net,
        assignment,
        calls);
  }
}
