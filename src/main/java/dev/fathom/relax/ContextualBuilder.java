package dev.fathom.relax;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * What the builders of the contextual bandits share: the grid, the required context interval and
 * the two ways to give randomness. Package-private; the public builders extend it.
 *
 * @param <B> the builder's own type, for chaining
 * @param <T> the bandit built
 */
abstract class ContextualBuilder<B extends ContextualBuilder<B, T>, T> {
  final double[] grid;
  double lo = Double.NaN;
  double hi = Double.NaN;

  ContextualBuilder(double[] grid) {
    this.grid = Solves.grid(grid);
  }

  abstract B self();

  abstract T create(RandomGenerator rng);

  /**
   * The context interval (required).
   *
   * @param low the lower end, finite
   * @param high the upper end, greater than {@code low} (a swap is refused)
   * @return this builder
   */
  public B context(double low, double high) {
    Args.finite("lo", low);
    Args.finite("hi", high);
    if (!(high > low)) {
      throw Args.fail("hi", high, "a number greater than lo = " + low);
    }
    this.lo = low;
    this.hi = high;
    return self();
  }

  /**
   * Builds the bandit: {@code build(Rng.create(seed))}.
   *
   * @param seed the random seed
   * @return the bandit
   */
  public T build(long seed) {
    return build(Rng.create(seed));
  }

  /**
   * Builds the bandit drawing from {@code rng}.
   *
   * @param rng the generator, used by the bandit alone from now on
   * @return the bandit
   * @throws IllegalArgumentException if {@link #context} was not set
   */
  public T build(RandomGenerator rng) {
    Args.notNull("rng", rng);
    if (Double.isNaN(lo)) {
      throw Args.fail("context", "unset", "context(low, high) before build");
    }
    return create(rng);
  }
}
