package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * H channels of continuous diagonal state-space systems {@code x' = A x + B u}, {@code y = Re-part
 * of C x + D u}, each with M complex modes and its own timescale Δ.
 *
 * <p>Arrays are flat and channel-major: mode n of channel h is the complex number at interleaved
 * index {@code h * M + n} (doubles {@code 2 (h M + n)} and {@code 2 (h M + n) + 1}). With {@link
 * Storage#CONJUGATE_PAIRS} the M modes stand for a real system of 2M states whose other half is the
 * complex conjugate, and outputs are {@code 2 Re(sum_n ...)} (S4D, S5); with {@link Storage#FULL}
 * outputs are {@code Re(sum_n ...)} over all modes (S4D-Real, Mamba, or a full complex spectrum
 * closed under conjugation). Complex values are interleaved {@code double[]} (re, im, re, im, ...)
 * as everywhere in Fathom, not EJML matrices: every array here is a vector of diagonal entries.
 *
 * <p>Built by name, so that no two arrays can be swapped silently:
 *
 * <pre>{@code
 * DiagonalSsm sys = DiagonalSsm.builder(DiagonalSsm.Storage.CONJUGATE_PAIRS)
 *     .a(a).b(b).c(c).dt(dt).d(d)   // d is optional (zero feed-through)
 *     .build();
 * DiagonalSsm s4d = DiagonalSsm.shared(S4dInit.legs(64), c, dt, d);  // one set of modes for all H
 * }</pre>
 *
 * <p>H is {@code dt.length} and M is {@code a.length / (2 H)}. {@link Builder#build()} copies and
 * validates every array: finite entries, {@code Δ > 0}, matching lengths, and {@code Re A <= 0}
 * unless {@link Builder#allowUnstable()} was called. Instances are immutable; accessors return the
 * internal arrays, which must not be modified.
 *
 * @since 1.0
 */
public final class DiagonalSsm {
  private final int channels;
  private final int modes;
  private final Storage storage;
  private final double[] a;
  private final double[] b;
  private final double[] c;
  private final double[] dt;
  private final double[] d;
  private final boolean allowUnstable;

  /** How the stored complex modes map to a real output. */
  public enum Storage {
    /** M modes stand for 2M conjugate states; outputs are {@code 2 Re} of the half sum. */
    CONJUGATE_PAIRS,
    /** All modes are stored; outputs are {@code Re} of the full sum. */
    FULL;

    /**
     * Returns the factor applied to the real part of the mode sum: 2 or 1.
     *
     * @return the output factor
     */
    public double factor() {
      return this == CONJUGATE_PAIRS ? 2 : 1;
    }
  }

  /** Validates and stores arrays that are already private copies. */
  private DiagonalSsm(
      Storage storage,
      double[] a,
      double[] b,
      double[] c,
      double[] dt,
      double[] d,
      boolean allowUnstable) {
    this.storage = Args.notNull("storage", storage);
    Args.notNull("dt", dt);
    if (dt.length == 0) {
      throw Args.fail("dt.length", 0, "at least one channel (one timescale per channel)");
    }
    this.channels = dt.length;
    for (int h = 0; h < channels; h++) {
      Args.positive("dt[" + h + "]", dt[h]);
    }
    Args.interleaved("a", a);
    if (a.length == 0 || a.length % (2 * channels) != 0) {
      throw Args.fail(
          "a.length",
          a.length,
          "a positive multiple of 2 * channels = " + 2 * channels + " (channels = dt.length)");
    }
    this.modes = a.length / (2 * channels);
    int len = 2 * channels * modes;
    this.a = Args.finite("a", a);
    this.b = Args.finite("b", Args.length("b", b, len));
    this.c = Args.finite("c", Args.length("c", c, len));
    this.dt = dt;
    this.d = Args.finite("d", Args.length("d", d, channels));
    this.allowUnstable = allowUnstable;
    if (!allowUnstable) {
      for (int k = 0; k < len; k += 2) {
        if (a[k] > 0) {
          throw Args.fail(
              "Re a[" + k / 2 + "]",
              a[k],
              "<= 0 (stable; call allowUnstable() on the builder to accept Re A > 0)");
        }
      }
    }
  }

  /**
   * Starts a system with the given storage.
   *
   * @param storage how the modes map to a real output
   * @return a new builder
   */
  public static Builder builder(Storage storage) {
    return new Builder(Args.notNull("storage", storage));
  }

  /**
   * Builds H channels that share one set of modes (A, B) and differ in C, Δ and D.
   *
   * @param modes the shared modes, e.g. from {@link S4dInit}
   * @param c the output coefficients, 2 H M doubles
   * @param dt the timescales, H positive doubles
   * @param d the feed-through, H doubles
   * @return the stable system (Re A &le; 0 is checked)
   */
  public static DiagonalSsm shared(S4dInit.Modes modes, double[] c, double[] dt, double[] d) {
    return builder(Args.notNull("modes", modes).storage()).modes(modes).c(c).dt(dt).d(d).build();
  }

  /**
   * The number of channels H.
   *
   * @return H, at least 1
   */
  public int channels() {
    return channels;
  }

  /**
   * The number of stored modes M per channel.
   *
   * @return M, at least 1
   */
  public int modes() {
    return modes;
  }

  /**
   * How the modes map to a real output.
   *
   * @return the storage
   */
  public Storage storage() {
    return storage;
  }

  /**
   * The continuous eigenvalues A.
   *
   * @return 2 H M doubles, interleaved, channel-major (internal; do not modify)
   */
  public double[] a() {
    return a;
  }

  /**
   * The input coefficients B.
   *
   * @return 2 H M doubles, interleaved, channel-major (internal; do not modify)
   */
  public double[] b() {
    return b;
  }

  /**
   * The output coefficients C.
   *
   * @return 2 H M doubles, interleaved, channel-major (internal; do not modify)
   */
  public double[] c() {
    return c;
  }

  /**
   * The timescales Δ.
   *
   * @return H positive doubles (internal; do not modify)
   */
  public double[] dt() {
    return dt;
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
   * Whether modes with {@code Re A > 0} were accepted.
   *
   * @return true if built with {@link Builder#allowUnstable()}
   */
  public boolean allowUnstable() {
    return allowUnstable;
  }

  /**
   * A builder holding this system's arrays, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(storage).a(a).b(b).c(c).dt(dt).d(d);
    builder.allowUnstable = allowUnstable;
    return builder;
  }

  /**
   * Returns the same system sampled at a different rate: every Δ multiplied by {@code rate} (S4's
   * {@code rate}, S5's {@code step_rescale}); a kernel computed from it covers the same continuous
   * time with {@code 1/rate} times as many samples.
   *
   * @param rate the factor, finite and positive
   * @return a new system
   */
  public DiagonalSsm withRate(double rate) {
    Args.positive("rate", rate);
    double[] scaled = dt.clone();
    for (int h = 0; h < scaled.length; h++) {
      scaled[h] *= rate;
    }
    return new DiagonalSsm(storage, a, b, c, scaled, d, allowUnstable);
  }

  /**
   * Band-limits the system (S4ND): zeroes {@code C_n} of every mode whose frequency per sample
   * {@code Δ |Im A_n| / (2 pi)} is at least {@code limit / 2}, so that the kernel holds no
   * component above that fraction of the Nyquist rate.
   *
   * @param limit the band limit in (0, 1] (1 keeps frequencies below half the sampling rate)
   * @return a new system
   */
  public DiagonalSsm bandlimit(double limit) {
    Args.inRange("limit", limit, Double.MIN_NORMAL, 1);
    double[] cc = c.clone();
    for (int h = 0; h < channels; h++) {
      for (int n = 0; n < modes; n++) {
        int k = 2 * (h * modes + n);
        if (dt[h] * Math.abs(a[k + 1]) / (2 * Math.PI) >= limit / 2) {
          cc[k] = 0;
          cc[k + 1] = 0;
        }
      }
    }
    return new DiagonalSsm(storage, a, b, cc, dt, d, allowUnstable);
  }

  /**
   * Discretizes every mode with its channel's Δ.
   *
   * @param method the discretization
   * @return the discrete system
   */
  public DiscreteSsm discretize(Discretization method) {
    Args.notNull("method", method);
    int len = 2 * channels * modes;
    double[] abar = new double[len];
    double[] logAbar = new double[len];
    double[] bbar = new double[len];
    double[] tmp = new double[6];
    for (int h = 0; h < channels; h++) {
      for (int n = 0; n < modes; n++) {
        int k = 2 * (h * modes + n);
        method.apply(a[k], a[k + 1], dt[h], tmp);
        abar[k] = tmp[0];
        abar[k + 1] = tmp[1];
        logAbar[k] = tmp[4];
        logAbar[k + 1] = tmp[5];
        // Bbar = factor * B
        bbar[k] = tmp[2] * b[k] - tmp[3] * b[k + 1];
        bbar[k + 1] = tmp[2] * b[k + 1] + tmp[3] * b[k];
      }
    }
    return new DiscreteSsm(channels, modes, storage, abar, logAbar, bbar, c, d);
  }

  /**
   * Evaluates the continuous transfer function {@code G_h(s) = sum_n C_n B_n / (s - A_n)} (plus the
   * conjugate half for {@link Storage#CONJUGATE_PAIRS}) of one channel, without D.
   *
   * @param channel the channel index
   * @param sRe real part of s
   * @param sIm imaginary part of s
   * @return {@code {Re G, Im G}}
   */
  public double[] transfer(int channel, double sRe, double sIm) {
    Args.inRange("channel", channel, 0, channels - 1);
    Args.finite("sRe", sRe);
    Args.finite("sIm", sIm);
    double gr = 0;
    double gi = 0;
    for (int n = 0; n < modes; n++) {
      int k = 2 * (channel * modes + n);
      double wr = c[k] * b[k] - c[k + 1] * b[k + 1];
      double wi = c[k] * b[k + 1] + c[k + 1] * b[k];
      double[] q = divide(wr, wi, sRe - a[k], sIm - a[k + 1]);
      gr += q[0];
      gi += q[1];
      if (storage == Storage.CONJUGATE_PAIRS) {
        double[] p = divide(wr, -wi, sRe - a[k], sIm + a[k + 1]);
        gr += p[0];
        gi += p[1];
      }
    }
    return new double[] {gr, gi};
  }

  @Override
  public String toString() {
    return "DiagonalSsm[channels="
        + channels
        + ", modes="
        + modes
        + ", storage="
        + storage
        + (allowUnstable ? ", allowUnstable" : "")
        + "]";
  }

  /**
   * A builder of {@link DiagonalSsm} whose setters name each array; {@link #build()} copies and
   * validates them. {@code a}, {@code b}, {@code c} and {@code dt} are required ({@link
   * #modes(S4dInit.Modes)} sets {@code a} and {@code b} at once), {@code d} defaults to zero. Not
   * thread-safe.
   */
  public static final class Builder {
    private final Storage storage;
    private double[] a;
    private double[] b;
    private double[] c;
    private double[] dt;
    private double[] d;
    private S4dInit.Modes shared;
    private boolean allowUnstable;

    private Builder(Storage storage) {
      this.storage = storage;
    }

    /**
     * Sets the continuous eigenvalues A.
     *
     * @param values 2 H M doubles, interleaved, channel-major (copied at {@link #build()})
     * @return this builder
     */
    public Builder a(double[] values) {
      a = values;
      shared = null;
      return this;
    }

    /**
     * Sets the input coefficients B.
     *
     * @param values 2 H M doubles, interleaved, channel-major
     * @return this builder
     */
    public Builder b(double[] values) {
      b = values;
      shared = null;
      return this;
    }

    /**
     * Sets A and B of every channel to one shared set of modes (its storage must match).
     *
     * @param modes the modes, e.g. from {@link S4dInit}
     * @return this builder
     */
    public Builder modes(S4dInit.Modes modes) {
      Args.notNull("modes", modes);
      if (modes.storage() != storage) {
        throw Args.fail("modes.storage", modes.storage(), "the builder's storage " + storage);
      }
      shared = modes;
      a = null;
      b = null;
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
     * Sets the timescales Δ, one per channel; their count is the channel count H.
     *
     * @param values H positive doubles
     * @return this builder
     */
    public Builder dt(double[] values) {
      dt = values;
      return this;
    }

    /**
     * Sets the feed-through D (default zero).
     *
     * @param values H doubles
     * @return this builder
     */
    public Builder d(double[] values) {
      d = values;
      return this;
    }

    /**
     * Accepts modes with {@code Re A > 0} (rejected by default).
     *
     * @return this builder
     */
    public Builder allowUnstable() {
      allowUnstable = true;
      return this;
    }

    /**
     * Copies, validates and builds the system.
     *
     * @return the system
     * @throws NullPointerException naming a required array that was not set
     * @throws IllegalArgumentException naming the first invalid array or entry
     */
    public DiagonalSsm build() {
      Args.notNull("dt", dt);
      double[] aa;
      double[] bb;
      if (shared != null) {
        int h = dt.length;
        int m = shared.count();
        aa = new double[2 * h * m];
        bb = new double[2 * h * m];
        for (int ch = 0; ch < h; ch++) {
          System.arraycopy(shared.a(), 0, aa, 2 * ch * m, 2 * m);
          System.arraycopy(shared.b(), 0, bb, 2 * ch * m, 2 * m);
        }
      } else {
        aa = Args.notNull("a", a).clone();
        bb = Args.notNull("b", b).clone();
      }
      return new DiagonalSsm(
          storage,
          aa,
          bb,
          Args.notNull("c", c).clone(),
          dt.clone(),
          d == null ? new double[dt.length] : d.clone(),
          allowUnstable);
    }
  }

  static double[] divide(double ar, double ai, double br, double bi) {
    double den = br * br + bi * bi;
    return new double[] {(ar * br + ai * bi) / den, (ai * br - ar * bi) / den};
  }
}
