package dev.fathom.relax;

import dev.fathom.linalg.Args;

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
}
