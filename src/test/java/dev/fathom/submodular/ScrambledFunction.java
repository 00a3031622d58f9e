package dev.fathom.submodular;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A test function that is neither monotone nor submodular: the gain of e is a hash of e and the
 * current set (its size and the sum of its ids), sometimes rising as the set grows, with exact ties
 * (values on a coarse grid), and NaN or -infinity for a few (e, set) pairs. It counts every {@link
 * #marginal(int)} call on a thread-safe counter, and can be told to throw on every gain against a
 * set of a given size. Its gains may be evaluated concurrently.
 */
public final class ScrambledFunction extends SetFunction {
  private final long seed;
  private final boolean specials;
  private final AtomicLong marginals;
  private final long throwAt;
  // the set's size and id sum, kept by include (not size(), so that a wrapper sees the same values)
  private long count;
  private long sum;

  /**
   * @param n the ground-set size
   * @param seed the hash seed
   * @param specials whether some gains are NaN or -infinity
   * @param throwAt one more than the set size whose gains throw, or 0 for none
   */
  public ScrambledFunction(int n, long seed, boolean specials, long throwAt) {
    super(n);
    this.seed = seed;
    this.specials = specials;
    this.marginals = new AtomicLong();
    this.throwAt = throwAt;
  }

  private ScrambledFunction(ScrambledFunction o) {
    super(o);
    this.seed = o.seed;
    this.specials = o.specials;
    this.marginals = o.marginals;
    this.throwAt = o.throwAt;
    this.count = o.count;
    this.sum = o.sum;
  }

  /** The number of {@link #marginal(int)} calls on this function and its copies, any thread. */
  public long marginals() {
    return marginals.get();
  }

  @Override
  public boolean monotone() {
    return false;
  }

  @Override
  public boolean concurrentGains() {
    return true;
  }

  @Override
  public ScrambledFunction copy() {
    return new ScrambledFunction(this);
  }

  @Override
  protected double marginal(int e) {
    marginals.incrementAndGet();
    if (count + 1 == throwAt) {
      throw new IllegalStateException("a gain at size " + count);
    }
    long h = seed ^ (e * 0x9E3779B97F4A7C15L) ^ ((count + 31 * sum) * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    int v = (int) Math.floorMod(h, 64L);
    if (specials && v == 0) {
      return Double.NaN;
    }
    if (specials && v == 1) {
      return Double.NEGATIVE_INFINITY;
    }
    return (v - 8) / 4.0;
  }

  @Override
  protected void include(int e) {
    count++;
    sum += e;
  }

  @Override
  protected void clear() {
    count = 0;
    sum = 0;
  }
}
