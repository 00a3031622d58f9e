package dev.fathom.relax;

import dev.fathom.linalg.Args;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The online tuning loop: for each system of a sequence, the policy picks omega, the solver runs,
 * and the policy sees the iteration count. Static and thread-safe (the arguments are not).
 */
public final class Tuning {
  private Tuning() {}

  /**
   * Runs a policy over the next {@code count} systems of a sequence, solving each live and handing
   * the solution back to the sequence.
   *
   * @param policy the policy
   * @param sequence the systems
   * @param solver the solver
   * @param count how many systems, at least 1
   * @return the run
   */
  public static TuningRun run(
      OmegaPolicy policy, InstanceSequence sequence, RelaxedSolver solver, int count) {
    Args.notNull("policy", policy);
    Args.notNull("sequence", sequence);
    Args.notNull("solver", solver);
    Args.positive("count", count);
    int[] iterations = new int[count];
    double[] omegas = new double[count];
    int unconverged = 0;
    long t0 = System.nanoTime();
    for (int t = 0; t < count; t++) {
      Instance in = sequence.next();
      double omega = policy.choose(in);
      SolveResult r = solver.solve(in, omega);
      policy.observe(r.iterations());
      sequence.accept(r.x());
      iterations[t] = r.iterations();
      omegas[t] = omega;
      if (!r.converged()) {
        unconverged++;
      }
    }
    return new TuningRun(policy.name(), iterations, omegas, System.nanoTime() - t0, unconverged);
  }

  /**
   * The best fixed omega in hindsight.
   *
   * @param arm its index in the grid
   * @param omega its value
   * @param total its total iteration count over the systems
   */
  public record FixedBest(int arm, double omega, long total) {}

  /**
   * Finds the grid omega with the least total iteration count over a list of independent systems,
   * exactly, without solving every system at every omega: arms are ranked by their cost on a short
   * prefix, then totalled in that order, and an arm is abandoned as soon as its partial sum exceeds
   * the best total so far. Much cheaper than a full {@link CostTable} when most arms are poor.
   *
   * @param instances the systems
   * @param grid the omega values, each in (0, 2)
   * @param solver the solver
   * @return the best arm (the lowest index on ties)
   */
  public static FixedBest bestFixed(List<Instance> instances, double[] grid, RelaxedSolver solver) {
    Args.notNull("instances", instances);
    Args.notNull("solver", solver);
    Args.notNull("grid", grid);
    if (grid.length == 0 || instances.isEmpty()) {
      throw Args.fail(
          grid.length == 0 ? "grid.length" : "instances.size()", 0, "at least one element");
    }
    for (int i = 0; i < grid.length; i++) {
      Args.inOpenRange("grid[" + i + "]", grid[i], 0, 2);
    }
    int prefix = Math.min(instances.size(), 20);
    long[] partial = new long[grid.length];
    for (int a = 0; a < grid.length; a++) {
      for (int t = 0; t < prefix; t++) {
        partial[a] += solver.solve(instances.get(t), grid[a]).iterations();
      }
    }
    Integer[] order = IntStream.range(0, grid.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingLong(a -> partial[a]).thenComparing(a -> a));
    int best = -1;
    long bestTotal = Long.MAX_VALUE;
    for (int a : order) {
      long sum = partial[a];
      for (int t = prefix; t < instances.size() && sum <= bestTotal; t++) {
        sum += solver.solve(instances.get(t), grid[a]).iterations();
      }
      if (sum < bestTotal || (sum == bestTotal && a < best)) {
        best = a;
        bestTotal = sum;
      }
    }
    return new FixedBest(best, grid[best], bestTotal);
  }
}
