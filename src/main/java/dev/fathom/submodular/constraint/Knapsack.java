package dev.fathom.submodular.constraint;

import dev.fathom.core.Args;

/**
 * The knapsack constraint {@code sum_{e in S} cost[e] <= budget}. Immutable.
 *
 * @since 1.0
 */
public final class Knapsack implements Constraint {
  private final double[] cost;
  private final double budget;

  /**
   * Creates the constraint.
   *
   * @param cost finite positive element costs; copied
   * @param budget the finite non-negative budget
   */
  public Knapsack(double[] cost, double budget) {
    Args.notNull("cost", cost);
    for (int e = 0; e < cost.length; e++) {
      Args.positive("cost[" + e + "]", cost[e]);
    }
    this.cost = cost.clone();
    this.budget = Args.nonNegative("budget", budget);
  }

  /**
   * The cost of element {@code e}.
   *
   * @param e an element id
   * @return its cost
   */
  public double cost(int e) {
    return cost[e];
  }

  /**
   * The number of elements that have a cost.
   *
   * @return the length of the cost vector
   */
  public int elements() {
    return cost.length;
  }

  /**
   * The budget.
   *
   * @return the budget
   */
  public double budget() {
    return budget;
  }

  @Override
  public Tracker start() {
    return new Tracker() {
      private double spent;

      @Override
      public boolean canAdd(int e) {
        return spent + cost[e] <= budget;
      }

      @Override
      public void add(int e) {
        spent += cost[e];
      }
    };
  }
}
