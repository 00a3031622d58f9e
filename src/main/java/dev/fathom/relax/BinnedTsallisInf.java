package dev.fathom.relax;

import dev.fathom.core.Args;
import java.util.random.RandomGenerator;

/**
 * The binned contextual variant of {@link TsallisInf} (the paper's Tsallis-INF-CB): the context
 * interval {@code [lo, hi]} is cut into equal bins and an independent Tsallis-INF runs in each; a
 * context goes to the bin with the nearest centre (contexts outside the interval go to the end
 * bins).
 *
 * <p>Reproducible from its seed (the bins share one generator). Not thread-safe.
 *
 * @since 1.0
 */
public final class BinnedTsallisInf extends GridBandit {
  private final TsallisInf[] bins;
  private final double lo;
  private final double width;
  private int lastBin;

  private BinnedTsallisInf(Builder b, RandomGenerator rng) {
    super(b.grid);
    this.bins = new TsallisInf[b.bins];
    for (int k = 0; k < b.bins; k++) {
      this.bins[k] = new TsallisInf(b.grid, b.estimator, rng);
    }
    this.lo = b.lo;
    this.width = (b.hi - b.lo) / b.bins;
  }

  /**
   * Starts a bandit over {@code grid}; set the context interval with {@link Builder#context}.
   *
   * @param grid the omega values, each in (0, 2)
   * @return the builder (defaults: 1 bin, {@link TsallisInf.Estimator#IMPORTANCE_WEIGHTED})
   */
  public static Builder builder(double[] grid) {
    return new Builder(grid);
  }

  /**
   * Configures a {@link BinnedTsallisInf} by name: {@code
   * BinnedTsallisInf.builder(grid).bins(4).context(0, 10).build(seed)}.
   *
   * @since 1.0
   */
  public static final class Builder extends ContextualBuilder<Builder, BinnedTsallisInf> {
    private int bins = 1;
    private TsallisInf.Estimator estimator = TsallisInf.Estimator.IMPORTANCE_WEIGHTED;

    private Builder(double[] grid) {
      super(grid);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    BinnedTsallisInf create(RandomGenerator rng) {
      return new BinnedTsallisInf(this, rng);
    }

    /**
     * The number of bins.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder bins(int count) {
      this.bins = Args.positive("bins", count);
      return this;
    }

    /**
     * The loss estimator of every bin's Tsallis-INF.
     *
     * @param e the estimator
     * @return this builder
     */
    public Builder estimator(TsallisInf.Estimator e) {
      this.estimator = Args.notNull("estimator", e);
      return this;
    }
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
