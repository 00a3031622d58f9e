package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * H channels of discrete diagonal systems {@code x_k = Abar x_{k-1} + Bbar u_k}, {@code y_k =
 * factor * Re(C x_k) + D u_k}, in the flat channel-major interleaved layout of {@link DiagonalSsm}.
 * Produced by {@link DiagonalSsm#discretize}, or from explicit arrays by name:
 *
 * <pre>{@code
 * DiscreteSsm sys = DiscreteSsm.builder(DiagonalSsm.Storage.FULL, channels)
 *     .abar(abar).bbar(bbar).c(c).d(d)   // d is optional (zero feed-through)
 *     .build();
 * }</pre>
 *
 * <p>Immutable; accessors return the internal arrays, which must not be modified.
 *
 * @since 1.0
 */
public final class DiscreteSsm {
  private final int channels;
  private final int modes;
  private final DiagonalSsm.Storage storage;
  private final double[] abar;
  private final double[] logAbar;
  private final double[] bbar;
  private final double[] c;
  private final double[] d;

  /** Validates lengths and finiteness (logAbar may hold -infinity for a zero Abar); no copies. */
  DiscreteSsm(
      int channels,
      int modes,
      DiagonalSsm.Storage storage,
      double[] abar,
      double[] logAbar,
      double[] bbar,
      double[] c,
      double[] d) {
    this.channels = Args.positive("channels", channels);
    this.modes = Args.positive("modes", modes);
    this.storage = Args.notNull("storage", storage);
    int len = 2 * channels * modes;
    this.abar = Args.finite("abar", Args.length("abar", abar, len));
    this.logAbar = Args.length("logAbar", logAbar, len);
    this.bbar = Args.finite("bbar", Args.length("bbar", bbar, len));
    this.c = Args.finite("c", Args.length("c", c, len));
    this.d = Args.finite("d", Args.length("d", d, channels));
  }

  /**
   * Starts a discrete system of H channels from explicit arrays.
   *
   * @param storage how the modes map to a real output
   * @param channels the number of channels H, at least 1; M is {@code abar.length / (2 H)}
   * @return a new builder
   */
  public static Builder builder(DiagonalSsm.Storage storage, int channels) {
    return new Builder(Args.notNull("storage", storage), Args.positive("channels", channels));
  }

  /**
   * The number of channels H.
   *
   * @return H
   */
  public int channels() {
    return channels;
  }

  /**
   * The number of stored modes M per channel.
   *
   * @return M
   */
  public int modes() {
    return modes;
  }

  /**
   * How the modes map to a real output.
   *
   * @return the storage
   */
  public DiagonalSsm.Storage storage() {
    return storage;
  }

  /**
   * The discrete eigenvalues Abar.
   *
   * @return 2 H M doubles, interleaved (internal; do not modify)
   */
  public double[] abar() {
    return abar;
  }

  /**
   * The logarithms of Abar, used to re-anchor powers (for ZOH exactly {@code Δ A}).
   *
   * @return 2 H M doubles, interleaved (internal; do not modify)
   */
  public double[] logAbar() {
    return logAbar;
  }

  /**
   * The discrete input coefficients Bbar.
   *
   * @return 2 H M doubles, interleaved (internal; do not modify)
   */
  public double[] bbar() {
    return bbar;
  }

  /**
   * The output coefficients C.
   *
   * @return 2 H M doubles, interleaved (internal; do not modify)
   */
  public double[] c() {
    return c;
  }

  /**
   * The feed-through D.
   *
   * @return H doubles (internal; do not modify)
   */
  public double[] d() {
    return d;
  }

  /**
   * Returns the output factor (2 for conjugate pairs, 1 for full storage).
   *
   * @return the factor
   */
  public double factor() {
    return storage.factor();
  }

  /**
   * Returns the state size per channel in doubles ({@code 2 M}).
   *
   * @return the interleaved state length of one channel
   */
  public int stateLength() {
    return 2 * modes;
  }

  /** The same system without feed-through (D = 0). */
  DiscreteSsm withoutFeedThrough() {
    return new DiscreteSsm(channels, modes, storage, abar, logAbar, bbar, c, new double[channels]);
  }

  @Override
  public String toString() {
    return "DiscreteSsm[channels=" + channels + ", modes=" + modes + ", storage=" + storage + "]";
  }

  /**
   * A builder of {@link DiscreteSsm} whose setters name each array; {@link #build()} copies and
   * validates them and computes {@code log Abar}. {@code abar}, {@code bbar} and {@code c} are
   * required; {@code d} defaults to zero. Not thread-safe.
   */
  public static final class Builder {
    private final DiagonalSsm.Storage storage;
    private final int channels;
    private double[] abar;
    private double[] bbar;
    private double[] c;
    private double[] d;

    private Builder(DiagonalSsm.Storage storage, int channels) {
      this.storage = storage;
      this.channels = channels;
    }

    /**
     * Sets the discrete eigenvalues Abar.
     *
     * @param values 2 H M doubles, interleaved, channel-major
     * @return this builder
     */
    public Builder abar(double[] values) {
      abar = values;
      return this;
    }

    /**
     * Sets the discrete input coefficients Bbar.
     *
     * @param values 2 H M doubles, interleaved, channel-major
     * @return this builder
     */
    public Builder bbar(double[] values) {
      bbar = values;
      return this;
    }

    /**
     * Sets the output coefficients C.
     *
     * @param values 2 H M doubles, interleaved, channel-major
     * @return this builder
     */
    public Builder c(double[] values) {
      c = values;
      return this;
    }

    /**
     * Sets the feed-through D, one per channel (default zero).
     *
     * @param values H doubles
     * @return this builder
     */
    public Builder d(double[] values) {
      d = values;
      return this;
    }

    /**
     * Copies, validates and builds the system.
     *
     * @return the system
     * @throws NullPointerException naming a required array that was not set
     * @throws IllegalArgumentException naming the first invalid array or entry
     */
    public DiscreteSsm build() {
      double[] dd = d == null ? new double[channels] : d.clone();
      double[] ab = Args.interleaved("abar", abar).clone();
      if (ab.length == 0 || ab.length % (2 * channels) != 0) {
        throw Args.fail(
            "abar.length", ab.length, "a positive multiple of 2 * channels = " + 2 * channels);
      }
      double[] log = new double[ab.length];
      for (int k = 0; k < ab.length; k += 2) {
        log[k] = Math.log(Math.hypot(ab[k], ab[k + 1]));
        log[k + 1] = Math.atan2(ab[k + 1], ab[k]);
      }
      return new DiscreteSsm(
          channels,
          ab.length / (2 * channels),
          storage,
          ab,
          log,
          Args.notNull("bbar", bbar).clone(),
          Args.notNull("c", c).clone(),
          dd);
    }
  }
}
