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
 * closed under conjugation).
 *
 * <p>The constructor copies and validates every array: finite entries, {@code Δ > 0}, and {@code Re
 * A <= 0} unless {@code allowUnstable} is set. Instances are immutable; accessors return the
 * internal arrays, which must not be modified.
 *
 * @param channels the number of channels H, at least 1
 * @param modes the number of stored modes M per channel, at least 1
 * @param storage how the modes map to a real output
 * @param a the continuous eigenvalues A (2 H M doubles, interleaved)
 * @param b the input coefficients B (2 H M doubles, interleaved)
 * @param c the output coefficients C (2 H M doubles, interleaved)
 * @param dt the timescales Δ (H positive doubles)
 * @param d the feed-through D (H doubles)
 * @param allowUnstable whether modes with {@code Re A > 0} are accepted
 */
public record DiagonalSsm(
    int channels,
    int modes,
    Storage storage,
    double[] a,
    double[] b,
    double[] c,
    double[] dt,
    double[] d,
    boolean allowUnstable) {

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

  /**
   * Validates and copies the arrays.
   *
   * @param channels see the record component
   * @param modes see the record component
   * @param storage see the record component
   * @param a see the record component
   * @param b see the record component
   * @param c see the record component
   * @param dt see the record component
   * @param d see the record component
   * @param allowUnstable see the record component
   */
  public DiagonalSsm {
    Args.positive("channels", channels);
    Args.positive("modes", modes);
    Args.notNull("storage", storage);
    int len = 2 * channels * modes;
    a = Args.finite("a", Args.length("a", a, len)).clone();
    b = Args.finite("b", Args.length("b", b, len)).clone();
    c = Args.finite("c", Args.length("c", c, len)).clone();
    dt = Args.length("dt", dt, channels).clone();
    for (int h = 0; h < channels; h++) {
      Args.positive("dt[" + h + "]", dt[h]);
    }
    d = Args.finite("d", Args.length("d", d, channels)).clone();
    if (!allowUnstable) {
      for (int k = 0; k < len; k += 2) {
        if (a[k] > 0) {
          throw Args.fail(
              "Re a[" + k / 2 + "]", a[k], "<= 0 (stable; set allowUnstable to accept Re A > 0)");
        }
      }
    }
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
    Args.notNull("modes", modes);
    Args.notNull("dt", dt);
    int h = dt.length;
    int m = modes.count();
    double[] a = new double[2 * h * m];
    double[] b = new double[2 * h * m];
    for (int ch = 0; ch < h; ch++) {
      System.arraycopy(modes.a(), 0, a, 2 * ch * m, 2 * m);
      System.arraycopy(modes.b(), 0, b, 2 * ch * m, 2 * m);
    }
    return new DiagonalSsm(h, m, modes.storage(), a, b, c, dt, d, false);
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
    return new DiagonalSsm(channels, modes, storage, a, b, c, scaled, d, allowUnstable);
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
    return new DiagonalSsm(channels, modes, storage, a, b, cc, dt, d, allowUnstable);
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

  static double[] divide(double ar, double ai, double br, double bi) {
    double den = br * br + bi * bi;
    return new double[] {(ar * br + ai * bi) / den, (ai * br - ar * bi) / den};
  }
}
