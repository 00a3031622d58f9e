package dev.fathom.lsa;

import dev.fathom.core.Rng;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The common part of the package's streams: dimension, generator, known mean (package-private). */
abstract class SeededStream implements LsaStream {
  private final int d;
  private final LinearSystem mean;
  RandomGenerator rng = Rng.create(0);

  SeededStream(int d, LinearSystem mean) {
    this.d = d;
    if (mean != null && mean.dimension() != d) {
      throw dev.fathom.core.Args.fail("mean.dimension()", mean.dimension(), String.valueOf(d));
    }
    this.mean = mean;
  }

  @Override
  public final int dimension() {
    return d;
  }

  @Override
  public void reset(RandomGenerator generator) {
    rng = dev.fathom.core.Args.notNull("rng", generator);
  }

  @Override
  public final Optional<LinearSystem> mean() {
    return Optional.ofNullable(mean);
  }
}
