package dev.fathom.submodular;

/**
 * A test wrapper that returns another function's gains bit for bit after a busy wait, so that the
 * gains are expensive enough for {@link ConcurrentGains} to hand batches to its workers.
 */
public final class Slowed extends SetFunction {
  private final SetFunction inner;
  private final long nanos;

  /**
   * @param inner a function with an empty current set (copied)
   * @param nanos the busy wait per gain
   */
  public Slowed(SetFunction inner, long nanos) {
    super(inner.groundSize());
    if (inner.size() != 0) {
      throw new IllegalArgumentException("inner must start empty");
    }
    this.inner = inner.copy();
    this.nanos = nanos;
  }

  private Slowed(Slowed o) {
    super(o);
    this.inner = o.inner.copy();
    this.nanos = o.nanos;
  }

  @Override
  public boolean monotone() {
    return inner.monotone();
  }

  @Override
  public boolean concurrentGains() {
    return inner.concurrentGains();
  }

  @Override
  public Slowed copy() {
    return new Slowed(this);
  }

  @Override
  protected double marginal(int e) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    return marginalOf(inner, e);
  }

  @Override
  protected void include(int e) {
    includeIn(inner, e);
  }

  @Override
  protected void clear() {
    clearState(inner);
  }
}
