package dev.fathom.ssm;

import dev.fathom.linalg.Args;

/**
 * The selective scan of Mamba ({@code selective_scan_ref}): a diagonal recurrence whose step, input
 * and output matrices depend on the time step,
 *
 * <pre>
 * Δ_t = softplus(Δraw_t + bias)          (softplus and bias optional)
 * x_t = exp(Δ_t A) x_{t-1} + Δ_t B_t u_t  (Euler rule on B, not ZOH)
 * y_t = C_t . x_t + D u_t,   out_t = y_t silu(z_t)   (D and the gate z optional)
 * </pre>
 *
 * for D channels with N real modes each ({@code A = -exp(A_log)} in Mamba), B_t and C_t shared by
 * the channels. It is not time-invariant, so there is no convolution mode; with constant Δ, B and C
 * it reduces to the LTI recurrence with {@link Discretization#EULER_B}.
 *
 * <p>Layouts: u, Δ, z are D L doubles channel-major; A is D N (channel-major); B and C are N L
 * (mode-major, as Mamba's (N, L)). All methods are static and thread-safe.
 */
public final class SelectiveScan {
  private SelectiveScan() {}

  /**
   * Optional parts of the scan.
   *
   * @param d the skip D per channel (D doubles), or null
   * @param z the gate (D L doubles), or null
   * @param deltaBias added to Δ before the softplus (D doubles), or null
   * @param deltaSoftplus whether Δ goes through softplus
   * @param sequenceStarts for packed sequences (Mamba's {@code cu_seqlens}): the time steps,
   *     strictly increasing in {@code (0, L)}, where a new sequence begins and the state is reset
   *     to zero; or null
   */
  public record Options(
      double[] d, double[] z, double[] deltaBias, boolean deltaSoftplus, int[] sequenceStarts) {
    /** No skip, no gate, no bias, raw Δ, one sequence. */
    public static final Options NONE = new Options(null, null, null, false);

    /**
     * Options for a single (unpacked) sequence.
     *
     * @param d the skip D per channel, or null
     * @param z the gate, or null
     * @param deltaBias the bias of Δ, or null
     * @param deltaSoftplus whether Δ goes through softplus
     */
    public Options(double[] d, double[] z, double[] deltaBias, boolean deltaSoftplus) {
      this(d, z, deltaBias, deltaSoftplus, null);
    }
  }

  /**
   * Outputs and final state.
   *
   * @param y the outputs, D L doubles, channel-major
   * @param lastState the final state, D N doubles
   */
  public record Result(double[] y, double[] lastState) {}

  /**
   * Runs the scan for one sequence.
   *
   * @param length the sequence length L, at least 1
   * @param u the inputs, D L doubles, finite
   * @param delta the raw steps Δ, D L doubles, finite (positive after bias and softplus)
   * @param a the state matrix diagonal A, D N doubles, finite
   * @param b the input matrices B_t, N L doubles (mode-major)
   * @param c the output matrices C_t, N L doubles (mode-major)
   * @param options skip, gate, bias, softplus
   * @return the outputs and the last state
   */
  public static Result scan(
      int length, double[] u, double[] delta, double[] a, double[] b, double[] c, Options options) {
    return run(length, u, delta, a, b, c, options, false);
  }

  /**
   * Runs the scan with complex diagonal A, B_t and C_t (Mamba's complex mode): the N modes stand
   * for N conjugate pairs and the output is {@code 2 Re(C_t . x_t) + D u_t}.
   *
   * @param length the sequence length L, at least 1
   * @param u the inputs, D L doubles, finite
   * @param delta the raw steps Δ, D L doubles
   * @param a the complex state diagonal, 2 D N doubles (interleaved, channel-major)
   * @param b the complex input matrices, 2 N L doubles (interleaved, mode-major)
   * @param c the complex output matrices, 2 N L doubles (interleaved, mode-major)
   * @param options skip, gate, bias, softplus
   * @return the outputs and the last state (2 D N doubles, interleaved)
   */
  public static Result scanComplex(
      int length, double[] u, double[] delta, double[] a, double[] b, double[] c, Options options) {
    return run(length, u, delta, a, b, c, options, true);
  }

  private static Result run(
      int length,
      double[] u,
      double[] delta,
      double[] a,
      double[] b,
      double[] c,
      Options options,
      boolean complex) {
    int len = Args.positive("length", length);
    int width = complex ? 2 : 1;
    Args.notNull("options", options);
    Args.finite("u", Args.notNull("u", u));
    if (u.length == 0 || u.length % len != 0) {
      throw Args.fail("u.length", u.length, "a positive multiple of length = " + len);
    }
    Args.finite("delta", Args.length("delta", delta, u.length));
    Args.finite("b", Args.notNull("b", b));
    if (b.length == 0 || b.length % (width * len) != 0) {
      throw Args.fail("b.length", b.length, "a positive multiple of " + width + " * length");
    }
    Args.finite("c", Args.length("c", c, b.length));
    int dch = u.length / len;
    int n = b.length / (width * len);
    Args.finite("a", Args.length("a", a, width * dch * n));
    if (options.d() != null) {
      Args.finite("options.d", Args.length("options.d", options.d(), dch));
    }
    if (options.deltaBias() != null) {
      Args.finite("options.deltaBias", Args.length("options.deltaBias", options.deltaBias(), dch));
    }
    if (options.z() != null) {
      Args.finite("options.z", Args.length("options.z", options.z(), u.length));
    }
    boolean[] reset = new boolean[len];
    if (options.sequenceStarts() != null) {
      int prev = 0;
      for (int i = 0; i < options.sequenceStarts().length; i++) {
        int t = options.sequenceStarts()[i];
        if (t <= prev || t >= len) {
          throw Args.fail(
              "options.sequenceStarts[" + i + "]",
              t,
              "strictly increasing values in (0, " + len + ")");
        }
        reset[t] = true;
        prev = t;
      }
    }
    // time-major copies of B and C for unit-stride inner loops
    double[] bt = new double[b.length];
    double[] ct = new double[c.length];
    for (int k = 0; k < n; k++) {
      for (int t = 0; t < len; t++) {
        for (int q = 0; q < width; q++) {
          bt[width * (t * n + k) + q] = b[width * (k * len + t) + q];
          ct[width * (t * n + k) + q] = c[width * (k * len + t) + q];
        }
      }
    }
    double[] y = new double[u.length];
    double[] state = new double[width * dch * n];
    for (int ch = 0; ch < dch; ch++) {
      double bias = options.deltaBias() == null ? 0 : options.deltaBias()[ch];
      double skip = options.d() == null ? 0 : options.d()[ch];
      int xo = width * ch * n;
      for (int t = 0; t < len; t++) {
        int i = ch * len + t;
        double dt = delta[i] + bias;
        if (options.deltaSoftplus()) {
          dt = dt > 20 ? dt : Math.log1p(Math.exp(dt));
        }
        if (!(dt > 0)) {
          throw Args.fail("delta[" + i + "] (after bias/softplus)", dt, "a positive step");
        }
        if (reset[t]) {
          java.util.Arrays.fill(state, xo, xo + width * n, 0);
        }
        double du = dt * u[i];
        double acc = 0;
        int to = width * t * n;
        if (complex) {
          for (int k = 0; k < 2 * n; k += 2) {
            double e = Math.exp(dt * a[xo + k]);
            double er = e * Math.cos(dt * a[xo + k + 1]);
            double ei = e * Math.sin(dt * a[xo + k + 1]);
            double sr = state[xo + k];
            double si = state[xo + k + 1];
            double xr = er * sr - ei * si + du * bt[to + k];
            double xi = er * si + ei * sr + du * bt[to + k + 1];
            state[xo + k] = xr;
            state[xo + k + 1] = xi;
            acc += 2 * (ct[to + k] * xr - ct[to + k + 1] * xi);
          }
        } else {
          for (int k = 0; k < n; k++) {
            double x = Math.exp(dt * a[xo + k]) * state[xo + k] + du * bt[to + k];
            state[xo + k] = x;
            acc += ct[to + k] * x;
          }
        }
        double out = acc + skip * u[i];
        if (options.z() != null) {
          double zz = options.z()[i];
          out *= zz / (1 + Math.exp(-zz));
        }
        y[i] = out;
      }
    }
    return new Result(y, state);
  }
}
