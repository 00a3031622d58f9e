package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * H channels of discrete diagonal systems {@code x_k = Abar x_{k-1} + Bbar u_k}, {@code y_k =
 * factor * Re(C x_k) + D u_k}, in the flat channel-major interleaved layout of {@link DiagonalSsm}.
 * Produced by {@link DiagonalSsm#discretize}, or from explicit arrays with {@link #of}. Immutable;
 * accessors return the internal arrays, which must not be modified.
 *
 * @param channels the number of channels H
 * @param modes the number of stored modes M per channel
 * @param storage how the modes map to a real output
 * @param abar the discrete eigenvalues (2 H M doubles, interleaved)
 * @param logAbar their logarithms, used to re-anchor powers (for ZOH exactly {@code Δ A})
 * @param bbar the discrete input coefficients (2 H M doubles)
 * @param c the output coefficients (2 H M doubles)
 * @param d the feed-through (H doubles)
 */
public record DiscreteSsm(
    int channels,
    int modes,
    DiagonalSsm.Storage storage,
    double[] abar,
    double[] logAbar,
    double[] bbar,
    double[] c,
    double[] d) {

  /**
   * Validates lengths and finiteness (logAbar may hold -infinity for a zero Abar).
   *
   * @param channels see the record component
   * @param modes see the record component
   * @param storage see the record component
   * @param abar see the record component
   * @param logAbar see the record component
   * @param bbar see the record component
   * @param c see the record component
   * @param d see the record component
   */
  public DiscreteSsm {
    Args.positive("channels", channels);
    Args.positive("modes", modes);
    Args.notNull("storage", storage);
    int len = 2 * channels * modes;
    Args.finite("abar", Args.length("abar", abar, len));
    Args.length("logAbar", logAbar, len);
    Args.finite("bbar", Args.length("bbar", bbar, len));
    Args.finite("c", Args.length("c", c, len));
    Args.finite("d", Args.length("d", d, channels));
  }

  /**
   * Builds a discrete system from explicit arrays (copied), computing {@code log Abar}.
   *
   * @param channels the number of channels H, at least 1
   * @param storage how the modes map to a real output
   * @param abar the discrete eigenvalues, 2 H M doubles
   * @param bbar the discrete input coefficients, same length
   * @param c the output coefficients, same length
   * @param d the feed-through, H doubles
   * @return the system
   */
  public static DiscreteSsm of(
      int channels,
      DiagonalSsm.Storage storage,
      double[] abar,
      double[] bbar,
      double[] c,
      double[] d) {
    Args.positive("channels", channels);
    Args.interleaved("abar", abar);
    if (abar.length == 0 || abar.length % (2 * channels) != 0) {
      throw Args.fail("abar.length", abar.length, "a positive multiple of 2 * channels");
    }
    double[] log = new double[abar.length];
    for (int k = 0; k < abar.length; k += 2) {
      log[k] = Math.log(Math.hypot(abar[k], abar[k + 1]));
      log[k + 1] = Math.atan2(abar[k + 1], abar[k]);
    }
    return new DiscreteSsm(
        channels,
        abar.length / (2 * channels),
        storage,
        abar.clone(),
        log,
        Args.notNull("bbar", bbar).clone(),
        Args.notNull("c", c).clone(),
        Args.notNull("d", d).clone());
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
}
