package dev.fathom.relax;

import dev.fathom.core.Args;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The iteration count of every grid omega on every system of a fixed list of independent systems:
 * the full information a bandit only samples. It gives the best fixed omega in hindsight, and lets
 * many bandit runs be replayed without solving again (valid because a solve is deterministic given
 * the system and omega, and the systems do not depend on earlier solutions).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class CostTable {
  private final double[] grid;
  private final int[][] costs;
  private final double[] contexts;

  private CostTable(double[] grid, int[][] costs, double[] contexts) {
    this.grid = grid;
    this.costs = costs;
    this.contexts = contexts;
  }

  /**
   * Solves every system at every grid omega.
   *
   * @param instances the systems (independent of each other's solutions)
   * @param grid the omega values, each in (0, 2)
   * @param solver the solver
   * @param parallel whether to spread the systems over the common fork-join pool (the table is the
   *     same either way)
   * @return the table
   */
  public static CostTable build(
      List<Instance> instances, double[] grid, RelaxedSolver solver, boolean parallel) {
    Args.notNull("instances", instances);
    Args.notNull("solver", solver);
    double[] g = Solves.grid(grid);
    int count = instances.size();
    int[][] costs = new int[count][];
    double[] contexts = new double[count];
    IntStream rows = IntStream.range(0, count);
    (parallel ? rows.parallel() : rows)
        .forEach(
            t -> {
              Instance in = Args.notNull("instances[" + t + "]", instances.get(t));
              int[] row = new int[g.length];
              for (int a = 0; a < g.length; a++) {
                row[a] = Solves.cost(solver.solve(in, g[a]));
              }
              costs[t] = row;
              contexts[t] = in.context();
            });
    return new CostTable(g, costs, contexts);
  }

  /**
   * The number of systems.
   *
   * @return T
   */
  public int size() {
    return costs.length;
  }

  /**
   * The grid.
   *
   * @return a copy of the omega values
   */
  public double[] grid() {
    return grid.clone();
  }

  /**
   * The cost of one arm on one system.
   *
   * @param t the system, in [0, size())
   * @param arm the arm, in [0, grid().length)
   * @return the iteration count
   */
  public int cost(int t, int arm) {
    Args.inRange("t", t, 0, costs.length - 1);
    Args.inRange("arm", arm, 0, grid.length - 1);
    return costs[t][arm];
  }

  /**
   * The context of a system.
   *
   * @param t the system, in [0, size())
   * @return its context
   */
  public double context(int t) {
    Args.inRange("t", t, 0, costs.length - 1);
    return contexts[t];
  }

  /**
   * The total cost of always playing one arm.
   *
   * @param arm the arm
   * @return the sum over systems
   */
  public long total(int arm) {
    Args.inRange("arm", arm, 0, grid.length - 1);
    long s = 0;
    for (int[] row : costs) {
      s += row[arm];
    }
    return s;
  }

  /**
   * The best fixed arm in hindsight.
   *
   * @return the arm with the least total cost (the first on ties)
   */
  public int bestFixedArm() {
    int best = 0;
    for (int a = 1; a < grid.length; a++) {
      if (total(a) < total(best)) {
        best = a;
      }
    }
    return best;
  }

  /**
   * The total cost of the best arm of each system (the instance-optimal grid policy).
   *
   * @return the sum over systems of the row minimum
   */
  public long instanceOptimalTotal() {
    long s = 0;
    for (int[] row : costs) {
      int m = Integer.MAX_VALUE;
      for (int v : row) {
        m = Math.min(m, v);
      }
      s += m;
    }
    return s;
  }

  /**
   * Replays a bandit over the table: each round it picks an arm from the system's context and sees
   * that arm's tabulated cost.
   *
   * @param bandit a bandit over the same grid
   * @return the run (its time covers the bandit only)
   */
  public TuningRun replay(GridBandit bandit) {
    Args.notNull("bandit", bandit);
    if (!Arrays.equals(bandit.grid(), grid)) {
      throw Args.fail("bandit.grid", Arrays.toString(bandit.grid()), "the table's grid");
    }
    int count = costs.length;
    int[] iterations = new int[count];
    double[] omegas = new double[count];
    long t0 = System.nanoTime();
    for (int t = 0; t < count; t++) {
      int arm = bandit.selectArm(contexts[t]);
      iterations[t] = costs[t][arm];
      omegas[t] = grid[arm];
      bandit.update(iterations[t]);
    }
    return new TuningRun(bandit.name(), iterations, omegas, System.nanoTime() - t0, 0);
  }
}
