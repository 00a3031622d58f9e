package dev.fathom.monotone;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * The randomness of a randomized solver: a seed (every run restarts {@code Rng.create(seed)}, so
 * runs repeat) or a caller's generator (runs continue drawing from it). Package-private.
 */
final class SeedSource {
  private final long seed;
  private final RandomGenerator rng;

  private SeedSource(long seed, RandomGenerator rng) {
    this.seed = seed;
    this.rng = rng;
  }

  static SeedSource of(long seed) {
    return new SeedSource(seed, null);
  }

  static SeedSource of(RandomGenerator rng) {
    return new SeedSource(0L, Args.notNull("rng", rng));
  }

  /** The generator of one run. */
  RandomGenerator generator() {
    return rng != null ? rng : Rng.create(seed);
  }
}
