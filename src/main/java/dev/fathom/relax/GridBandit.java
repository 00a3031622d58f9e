package dev.fathom.relax;

import dev.fathom.core.Args;

/**
 * A bandit over a fixed grid of omega values ("arms"). Subclasses pick an arm index from a scalar
 * context and learn from the cost of the arm played. Costs are iteration counts (at least 1 in
 * practice); the bandits normalise them internally, so no cost bound need be known.
 *
 * <p>Not thread-safe.
 *
 * @since 1.0
 */
public abstract class GridBandit implements OmegaPolicy {
  private final double[] grid;
  private int lastArm = -1;

  /**
   * Validates and copies the grid.
   *
   * @param grid the omega values, each in (0, 2), at least one
   */
  protected GridBandit(double[] grid) {
    this.grid = Solves.grid(grid);
  }

  /**
   * The paper's grid: 20 values evenly spaced from 1 to 1.95.
   *
   * @return {@code linspace(1, 1.95, 20)}
   */
  public static double[] paperGrid() {
    return linspace(1.0, 1.95, 20);
  }

  /**
   * Evenly spaced values, both ends included.
   *
   * @param lo the first value
   * @param hi the last value
   * @param count how many, at least 2
   * @return the values
   */
  public static double[] linspace(double lo, double hi, int count) {
    Args.finite("lo", lo);
    Args.finite("hi", hi);
    Args.inRange("count", count, 2, Args.MAX_ARRAY_LENGTH);
    double[] g = new double[count];
    for (int i = 0; i < count; i++) {
      g[i] = lo + (hi - lo) * i / (count - 1);
    }
    return g;
  }

  /**
   * The grid.
   *
   * @return a copy of the omega values
   */
  public final double[] grid() {
    return grid.clone();
  }

  /**
   * The number of arms.
   *
   * @return the grid size
   */
  public final int arms() {
    return grid.length;
  }

  /**
   * Samples the arm to play for a system with the given context.
   *
   * @param context the system's context (ignored by non-contextual bandits)
   * @return the arm index, in [0, arms())
   */
  public final int selectArm(double context) {
    Args.finite("context", context);
    if (lastArm >= 0) {
      throw new IllegalStateException("selectArm called twice without update");
    }
    lastArm = pick(context);
    return lastArm;
  }

  /**
   * Reports the cost of the arm returned by the last {@link #selectArm}.
   *
   * @param cost the cost, finite and non-negative
   */
  public final void update(double cost) {
    Args.nonNegative("cost", cost);
    if (lastArm < 0) {
      throw new IllegalStateException("update called before selectArm");
    }
    int arm = lastArm;
    lastArm = -1;
    learn(arm, cost);
  }

  @Override
  public final double choose(Instance instance) {
    return grid[selectArm(instance.context())];
  }

  @Override
  public final void observe(double cost) {
    update(cost);
  }

  /**
   * Picks an arm.
   *
   * @param context the finite context
   * @return the arm index
   */
  protected abstract int pick(double context);

  /**
   * Learns from the cost of an arm.
   *
   * @param arm the arm played
   * @param cost its cost
   */
  protected abstract void learn(int arm, double cost);

  /** Samples an index from the probabilities p (summing to about 1). */
  static int sample(double[] p, double u) {
    double total = 0;
    for (double v : p) {
      total += v;
    }
    double target = u * total;
    double c = 0;
    for (int i = 0; i < p.length; i++) {
      c += p[i];
      if (target < c) {
        return i;
      }
    }
    for (int i = p.length - 1; i >= 0; i--) {
      if (p[i] > 0) {
        return i;
      }
    }
    return p.length - 1;
  }
}
