package dev.fathom.relax;

import dev.fathom.core.Args;

/**
 * The binned contextual variant of {@link TsallisInf} (the paper's Tsallis-INF-CB): the context
 * interval {@code [lo, hi]} is cut into equal bins and an independent Tsallis-INF runs in each; a
 * context goes to the bin with the nearest centre (contexts outside the interval go to the end
 * bins).
 *
 * <p>Reproducible from its seed (bin b uses the b-th stream of the seed). Not thread-safe.
 */
public final class BinnedTsallisInf extends GridBandit {
  private final TsallisInf[] bins;
  private final double lo;
  private final double width;
  private int lastBin;

  /**
   * Creates the bandit.
   *
   * @param grid the omega values, each in (0, 2)
   * @param bins the number of bins, at least 1
   * @param lo the lower end of the context interval, finite
   * @param hi the upper end, greater than lo
   * @param seed the random seed
   */
  public BinnedTsallisInf(double[] grid, int bins, double lo, double hi, long seed) {
    this(grid, bins, lo, hi, TsallisInf.Estimator.IMPORTANCE_WEIGHTED, seed);
  }

  /**
   * Creates the bandit with a chosen loss estimator for every bin.
   *
   * @param grid the omega values, each in (0, 2)
   * @param bins the number of bins, at least 1
   * @param lo the lower end of the context interval, finite
   * @param hi the upper end, greater than lo
   * @param estimator the loss estimator of each bin's Tsallis-INF
   * @param seed the random seed
   */
  public BinnedTsallisInf(
      double[] grid, int bins, double lo, double hi, TsallisInf.Estimator estimator, long seed) {
    super(grid);
    Args.notNull("estimator", estimator);
    Args.positive("bins", bins);
    Args.finite("lo", lo);
    Args.finite("hi", hi);
    if (!(hi > lo)) {
      throw Args.fail("hi", hi, "a number greater than lo = " + lo);
    }
    this.bins = new TsallisInf[bins];
    for (int b = 0; b < bins; b++) {
      this.bins[b] =
          new TsallisInf(grid, estimator, dev.fathom.core.Rng.mix64(seed + 31L * (b + 1)));
    }
    this.lo = lo;
    this.width = (hi - lo) / bins;
  }

  @Override
  public String name() {
    return "Tsallis-INF-CB";
  }

  /**
   * The bin a context falls in.
   *
   * @param context the context
   * @return the bin index, in [0, bins)
   */
  public int bin(double context) {
    Args.finite("context", context);
    int b = (int) Math.floor((context - lo) / width);
    return Math.max(0, Math.min(bins.length - 1, b));
  }

  @Override
  protected int pick(double context) {
    lastBin = bin(context);
    return bins[lastBin].selectArm(context);
  }

  @Override
  protected void learn(int arm, double cost) {
    bins[lastBin].update(cost);
  }
}
