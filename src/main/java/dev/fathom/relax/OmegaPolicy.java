package dev.fathom.relax;

import dev.fathom.core.Args;
import java.util.function.ToDoubleFunction;

/**
 * Chooses the relaxation parameter for each system of a sequence and learns from the cost (the
 * iteration count) of the choice. Call {@link #choose} then {@link #observe} once per system.
 * Stateful policies are not thread-safe.
 *
 * @since 1.0
 */
public interface OmegaPolicy {
  /**
   * A short name for tables and plots.
   *
   * @return the name
   */
  String name();

  /**
   * Picks omega for the next system.
   *
   * @param instance the system (contextual policies read its context; reference policies may
   *     inspect the matrix)
   * @return omega, in (0, 2)
   */
  double choose(Instance instance);

  /**
   * Reports the cost of the last choice.
   *
   * @param cost the iteration count of the solve, at least 0
   */
  void observe(double cost);

  /**
   * A stateless policy that computes omega from each instance and ignores the costs.
   *
   * @param name the policy's name
   * @param rule omega as a function of the instance; must return a value in (0, 2)
   * @return the policy
   */
  static OmegaPolicy stateless(String name, ToDoubleFunction<Instance> rule) {
    Args.notNull("name", name);
    Args.notNull("rule", rule);
    return new OmegaPolicy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double choose(Instance instance) {
        return Solves.omega(rule.applyAsDouble(instance));
      }

      @Override
      public void observe(double cost) {}
    };
  }

  /**
   * Always the same omega.
   *
   * @param omega the value, in (0, 2)
   * @return the policy
   */
  static OmegaPolicy fixed(double omega) {
    double w = Solves.omega(omega);
    return stateless("omega = " + w, in -> w);
  }

  /**
   * The classical reference: {@link OptimalOmega#of(CsrMatrix) omega*} of each system's own matrix,
   * computed from its Jacobi spectral radius (the paper's instance-optimal policy). It reads the
   * matrix, which the bandits never do.
   *
   * @return the policy
   */
  static OmegaPolicy asymptoticOptimal() {
    return stateless("omega* per instance", in -> OptimalOmega.of(in.matrix()));
  }
}
