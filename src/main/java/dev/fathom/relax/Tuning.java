package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.Progress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The online tuning loop: for each system of a sequence, the policy picks omega, the solver runs,
 * and the policy sees the iteration count. Static and thread-safe (the arguments are not).
 *
 * @since 1.0
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
    return run(policy, sequence, solver, count, IterationListener.NONE);
  }

  /**
   * Runs a policy over the next {@code count} systems as {@link #run(OmegaPolicy, InstanceSequence,
   * RelaxedSolver, int)}, reporting each solved system to {@code listener}: {@link
   * Progress#iteration()} is the number of systems solved, {@link Progress#oracleCalls()} the total
   * cost (solver iterations) so far, {@link Progress#residual()} and {@link Progress#iterate()} the
   * last solve's residual and solution. A listener that cancels ends the loop there: the run then
   * holds the systems solved so far ({@code iterations().length < count}).
   *
   * @param policy the policy
   * @param sequence the systems
   * @param solver the solver
   * @param count how many systems, at least 1
   * @param listener the observer ({@link IterationListener#NONE} for none)
   * @return the run
   */
  public static TuningRun run(
      OmegaPolicy policy,
      InstanceSequence sequence,
      RelaxedSolver solver,
      int count,
      IterationListener listener) {
    Args.notNull("policy", policy);
    Args.notNull("sequence", sequence);
    Args.notNull("solver", solver);
    Args.notNull("listener", listener);
    return drive(
        policy.name(),
        sequence,
        count,
        (in, chosen) -> {
          chosen[0] = policy.choose(in);
          SolveResult r = solver.solve(in, chosen[0]);
          policy.observe(Solves.cost(r));
          return r;
        },
        listener);
  }

  /**
   * Runs a policy over a list of independent systems given as EJML sparse matrices. Each matrix is
   * converted once, when its turn comes, to a {@link CsrMatrix} ({@link Instance#of}: O(nnz) time
   * and memory, less than one solver iteration); the converted copy is dropped after its solve, so
   * at most one is held at a time.
   *
   * @param policy the policy
   * @param matrices the matrices A_t, each square, finite, with a nonzero diagonal (not modified)
   * @param rhs the right-hand sides b_t, one per matrix
   * @param contexts the contexts c_t, one per matrix, finite; or null for all zeros
   * @param solver the solver
   * @return the run over all {@code matrices.size()} systems (initial guess zero)
   */
  public static TuningRun run(
      OmegaPolicy policy,
      List<DMatrixSparseCSC> matrices,
      List<double[]> rhs,
      double[] contexts,
      RelaxedSolver solver) {
    Args.notNull("policy", policy);
    Args.notNull("matrices", matrices);
    Args.notNull("rhs", rhs);
    Args.notNull("solver", solver);
    int count = matrices.size();
    if (rhs.size() != count) {
      throw Args.fail("rhs.size()", rhs.size(), "matrices.size() = " + count);
    }
    double[] c = contexts == null ? new double[count] : contexts;
    Args.length("contexts", c, count);
    double lo = Arrays.stream(c).min().orElse(0);
    double hi = Arrays.stream(c).max().orElse(0);
    InstanceSequence sequence =
        new InstanceSequence() {
          private int next;

          @Override
          public Instance next() {
            int t = next++;
            return Instance.of(matrices.get(t), rhs.get(t)).withContext(c[t]);
          }

          @Override
          public double[] contextRange() {
            return new double[] {lo, hi};
          }
        };
    return run(policy, sequence, solver, count);
  }

  /** Runs count systems; step solves one and writes the omega it used into chosen[0]. */
  private static TuningRun drive(
      String name,
      InstanceSequence sequence,
      int count,
      BiFunction<Instance, double[], SolveResult> step,
      IterationListener listener) {
    Args.positive("count", count);
    Progress progress = new Progress();
    long total = 0;
    int[] iterations = new int[count];
    double[] omegas = new double[count];
    double[] chosen = new double[1];
    int unconverged = 0;
    long t0 = System.nanoTime();
    for (int t = 0; t < count; t++) {
      Instance in = sequence.next();
      SolveResult r = step.apply(in, chosen);
      sequence.accept(r.solution());
      iterations[t] = Solves.cost(r);
      omegas[t] = chosen[0];
      if (!r.converged()) {
        unconverged++;
      }
      total += iterations[t];
      listener.onIteration(progress.update(t + 1, total, r.residual(), r.solution()));
      if (progress.isCancelled() && t + 1 < count) {
        int done = t + 1;
        return new TuningRun(
            name,
            Arrays.copyOf(iterations, done),
            Arrays.copyOf(omegas, done),
            System.nanoTime() - t0,
            unconverged);
      }
    }
    return new TuningRun(name, iterations, omegas, System.nanoTime() - t0, unconverged);
  }

  /**
   * The instance-optimal grid policy, an oracle: every system is solved at every grid omega, the
   * cheapest count is charged, and the cheapest solve's solution is handed back to the sequence. It
   * works on any sequence, including those that depend on earlier solutions (the paper's
   * instance-optimal comparator for the heat equation, restricted to the grid). Same as {@link
   * #instanceOptimal(InstanceSequence, double[], RelaxedSolver, int, int)} with no refinement.
   *
   * @param sequence the systems
   * @param grid the omega values, each in (0, 2)
   * @param solver the solver
   * @param count how many systems, at least 1
   * @return the run (its omegas are the per-system best, the lowest on ties)
   */
  public static TuningRun instanceOptimal(
      InstanceSequence sequence, double[] grid, RelaxedSolver solver, int count) {
    Args.notNull("sequence", sequence);
    Args.notNull("solver", solver);
    double[] g = Solves.grid(grid);
    return drive(
        "instance-optimal on the grid",
        sequence,
        count,
        (in, chosen) -> {
          SolveResult best = null;
          for (double w : g) {
            SolveResult r = solver.solve(in, w);
            if (best == null || Solves.cost(r) < Solves.cost(best)) {
              best = r;
              chosen[0] = w;
            }
          }
          return best;
        },
        IterationListener.NONE);
  }

  /**
   * The instance-optimal policy refined between grid values, an oracle (the paper's
   * "instance-optimal" comparator for the heat equation): each system is solved at every grid
   * omega, then the grid minimum is bracketed by its two neighbours and the bracket is narrowed by
   * golden-section search, spending {@code refinements} more solves per system. The cheapest of all
   * the solves is charged and its solution handed back to the sequence, so the count is never above
   * {@link #instanceOptimal(InstanceSequence, double[], RelaxedSolver, int)}'s. Each system costs
   * {@code grid.length + refinements} solves.
   *
   * <p>The reference code scans 5 omegas and refines to 12 evaluations, then re-solves at the
   * middle of the tied minimisers; here the best evaluated point itself is charged (no extra
   * solve).
   *
   * @param sequence the systems
   * @param grid the omega values, strictly increasing, each in (0, 2)
   * @param solver the solver
   * @param count how many systems, at least 1
   * @param refinements golden-section solves per system after the grid, at least 0
   * @return the run (its omegas are the per-system best found)
   */
  public static TuningRun instanceOptimal(
      InstanceSequence sequence, double[] grid, RelaxedSolver solver, int count, int refinements) {
    Args.notNull("sequence", sequence);
    Args.notNull("solver", solver);
    double[] g = Solves.grid(grid);
    for (int i = 1; i < g.length; i++) {
      if (!(g[i] > g[i - 1])) {
        throw Args.fail("grid[" + i + "]", g[i], "more than grid[" + (i - 1) + "] = " + g[i - 1]);
      }
    }
    Args.nonNegative("refinements", refinements);
    return drive(
        "instance-optimal, golden-section refined",
        sequence,
        count,
        (in, chosen) -> {
          SolveResult[] atGrid = new SolveResult[g.length];
          for (int i = 0; i < g.length; i++) {
            atGrid[i] = solver.solve(in, g[i]);
          }
          GoldenSection.Best best =
              GoldenSection.refine(g, atGrid, w -> solver.solve(in, w), refinements);
          chosen[0] = best.omega();
          return best.result();
        },
        IterationListener.NONE);
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
    Solves.grid(grid);
    if (instances.isEmpty()) {
      throw Args.fail("instances.size()", 0, "at least one instance");
    }
    int prefix = Math.min(instances.size(), 20);
    long[] partial = new long[grid.length];
    for (int a = 0; a < grid.length; a++) {
      for (int t = 0; t < prefix; t++) {
        partial[a] += Solves.cost(solver.solve(instances.get(t), grid[a]));
      }
    }
    Integer[] order = IntStream.range(0, grid.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingLong(a -> partial[a]).thenComparing(a -> a));
    int best = -1;
    long bestTotal = Long.MAX_VALUE;
    for (int a : order) {
      long sum = partial[a];
      for (int t = prefix; t < instances.size() && sum <= bestTotal; t++) {
        sum += Solves.cost(solver.solve(instances.get(t), grid[a]));
      }
      if (sum < bestTotal || (sum == bestTotal && a < best)) {
        best = a;
        bestTotal = sum;
      }
    }
    return new FixedBest(best, grid[best], bestTotal);
  }
}
