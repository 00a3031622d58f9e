package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * The recurrent (step) mode of a diagonal system: {@code x_k = Abar x_{k-1} + Bbar u_k}, {@code y_k
 * = factor * Re(C x_k) + D u_k}, O(N) per step per channel. This is the reference the convolution
 * and scan modes must reproduce, and the inference mode of S4D.
 *
 * <p>Layouts: sequences are H L doubles, channel-major ({@code u_h[k]} at {@code h L + k}); states
 * are 2 H M doubles in the interleaved channel-major layout of {@link DiscreteSsm}. A batch of B
 * sequences follows the library's convention {@code (batch, channel, time)}: B H L doubles with
 * time innermost, states (batch, channel, mode) as 2 B H M doubles, as in {@link
 * ParallelScan#run(DiscreteSsm, double[], int)} and {@link SsmConvolution#batch}. All methods are
 * static and thread-safe; only documented outputs are modified.
 *
 * @since 1.0
 */
public final class Recurrence {
  private Recurrence() {}

  /** Outputs and final state of a run. */
  public static final class Result {
    private final double[] y;
    private final double[] state;

    /** Stores the parts. */
    Result(double[] y, double[] state) {
      this.y = y;
      this.state = state;
    }

    /**
     * Returns y: the outputs, (batch, H, L), with D u.
     *
     * @return y
     */
    public double[] y() {
      return y;
    }

    /**
     * Returns state: the final state {@code x_{L-1}}, (batch, H, M) complex, interleaved.
     *
     * @return state
     */
    public double[] state() {
      return state;
    }
  }

  /**
   * Runs the recurrence over a sequence (a batch of one).
   *
   * @param sys the discrete system
   * @param u the inputs, H L doubles, channel-major, finite
   * @param initialState {@code x_{-1}}, 2 H M doubles, or null for zero
   * @return the outputs (with D u) and the final state
   */
  public static Result run(DiscreteSsm sys, double[] u, double[] initialState) {
    return run(sys, u, 1, initialState);
  }

  /**
   * Runs the recurrence over a batch of sequences of equal length, one after the other on the
   * caller's thread ({@link ParallelScan} runs the same batch on several threads).
   *
   * @param sys the discrete system (H channels)
   * @param u the inputs, B H L doubles, (batch, channel, time), finite
   * @param batch B, at least 1
   * @param initialState {@code x_{-1}} of every sequence, 2 B H M doubles (batch, channel, mode),
   *     or null for zero
   * @return the outputs (with D u), B H L doubles, and the final states, 2 B H M doubles
   */
  public static Result run(DiscreteSsm sys, double[] u, int batch, double[] initialState) {
    Args.positive("batch", batch);
    int length = sequenceLength(sys, u, batch);
    int h = sys.channels();
    int m = sys.modes();
    int stateLength = 2 * batch * h * m;
    double[] x =
        initialState == null
            ? new double[stateLength]
            : Args.finite("initialState", Args.length("initialState", initialState, stateLength))
                .clone();
    double[] y = new double[u.length];
    for (int s = 0; s < batch * h; s++) {
      scanChannel(sys, s % h, u, s * length, y, s * length, length, x, 2 * s * m);
    }
    return new Result(y, x);
  }

  /**
   * Runs channel h over {@code len} inputs from {@code u[uOff]}, writing outputs (with D u) to
   * {@code y[yOff]} and updating the channel's state held at {@code x[xOff]} (2 M doubles).
   */
  static void scanChannel(
      DiscreteSsm sys,
      int h,
      double[] u,
      int uOff,
      double[] y,
      int yOff,
      int len,
      double[] x,
      int xOff) {
    int m = sys.modes();
    double[] a = sys.abar();
    double[] b = sys.bbar();
    double[] c = sys.c();
    double f = sys.factor();
    double dh = sys.d()[h];
    int base = 2 * h * m;
    for (int k = 0; k < len; k++) {
      double uk = u[uOff + k];
      double acc = 0;
      for (int n = 0; n < m; n++) {
        int i = base + 2 * n;
        int j = xOff + 2 * n;
        double xr = a[i] * x[j] - a[i + 1] * x[j + 1] + b[i] * uk;
        double xi = a[i] * x[j + 1] + a[i + 1] * x[j] + b[i + 1] * uk;
        x[j] = xr;
        x[j + 1] = xi;
        acc += c[i] * xr - c[i + 1] * xi;
      }
      y[yOff + k] = f * acc + dh * uk;
    }
  }

  /**
   * S5's bidirectional recurrence: a forward scan of {@code forward} plus a reverse-time scan
   * {@code x~_t = Abar x~_{t+1} + Bbar u_t} of {@code backward}, outputs added: {@code y_t = C1 x_t
   * + C2 x~_t + D u_t} (D from {@code forward}; the backward system's D is ignored). Unlike the
   * two-sided kernel of {@link SsmConvolution#bidirectional}, u_t enters both directions.
   *
   * @param forward the causal system (H channels)
   * @param backward the anti-causal system, same number of channels
   * @param u the inputs, H L doubles, channel-major
   * @return the outputs, H L doubles
   */
  public static double[] runBidirectional(DiscreteSsm forward, DiscreteSsm backward, double[] u) {
    int length = sequenceLength(forward, u);
    Args.notNull("backward", backward);
    if (backward.channels() != forward.channels()) {
      throw Args.fail(
          "backward.channels", backward.channels(), "forward.channels = " + forward.channels());
    }
    double[] y = run(forward, u, null).y();
    double[] reversed = new double[u.length];
    int h = forward.channels();
    for (int ch = 0; ch < h; ch++) {
      for (int k = 0; k < length; k++) {
        reversed[ch * length + k] = u[ch * length + length - 1 - k];
      }
    }
    double[] yb = new double[u.length];
    double[] x = new double[2 * h * backward.modes()];
    DiscreteSsm noSkip = backward.withoutFeedThrough();
    for (int ch = 0; ch < h; ch++) {
      scanChannel(
          noSkip, ch, reversed, ch * length, yb, ch * length, length, x, 2 * ch * backward.modes());
    }
    for (int ch = 0; ch < h; ch++) {
      for (int k = 0; k < length; k++) {
        y[ch * length + k] += yb[ch * length + length - 1 - k];
      }
    }
    return y;
  }

  /**
   * One step for all channels: updates the state in place and writes one output per channel.
   *
   * @param sys the discrete system
   * @param state the state {@code x_{k-1}}, 2 H M doubles, replaced by {@code x_k}
   * @param u the inputs {@code u_k}, H doubles
   * @param y receives the outputs {@code y_k}, H doubles
   */
  public static void step(DiscreteSsm sys, double[] state, double[] u, double[] y) {
    Args.notNull("sys", sys);
    Args.finite("state", Args.length("state", state, 2 * sys.channels() * sys.modes()));
    Args.finite("u", Args.length("u", u, sys.channels()));
    Args.length("y", y, sys.channels());
    int m = sys.modes();
    double[] a = sys.abar();
    double[] b = sys.bbar();
    double[] c = sys.c();
    for (int h = 0; h < sys.channels(); h++) {
      double acc = 0;
      for (int n = 0; n < m; n++) {
        int i = 2 * (h * m + n);
        double xr = a[i] * state[i] - a[i + 1] * state[i + 1] + b[i] * u[h];
        double xi = a[i] * state[i + 1] + a[i + 1] * state[i] + b[i + 1] * u[h];
        state[i] = xr;
        state[i + 1] = xi;
        acc += c[i] * xr - c[i + 1] * xi;
      }
      y[h] = sys.factor() * acc + sys.d()[h] * u[h];
    }
  }

  /**
   * The impulse response {@code K_l} of every channel, from the recurrence (without D): the
   * independent reference for the kernels.
   *
   * @param sys the discrete system
   * @param length L, at least 1
   * @return H L doubles, channel-major
   */
  public static double[] impulseResponse(DiscreteSsm sys, int length) {
    Args.notNull("sys", sys);
    Args.positive("length", length);
    double[] u = new double[sys.channels() * length];
    for (int h = 0; h < sys.channels(); h++) {
      u[h * length] = 1;
    }
    double[] y = run(sys, u, null).y();
    for (int h = 0; h < sys.channels(); h++) {
      y[h * length] -= sys.d()[h];
    }
    return y;
  }

  /**
   * The state after a sequence, {@code x_{L-1} = Abar^L s + sum_l Abar^l Bbar u_{L-1-l}} (the
   * transposed Vandermonde product), by Horner's rule in O(N L) without computing outputs.
   *
   * @param sys the discrete system
   * @param state the state before the sequence, 2 H M doubles
   * @param u the inputs, H L doubles, channel-major
   * @return the new state (the input state is not modified)
   */
  public static double[] advance(DiscreteSsm sys, double[] state, double[] u) {
    int length = sequenceLength(sys, u);
    int m = sys.modes();
    double[] x = Args.finite("state", Args.length("state", state, 2 * sys.channels() * m)).clone();
    double[] a = sys.abar();
    double[] b = sys.bbar();
    for (int h = 0; h < sys.channels(); h++) {
      for (int n = 0; n < m; n++) {
        int i = 2 * (h * m + n);
        double ar = a[i];
        double ai = a[i + 1];
        double br = b[i];
        double bi = b[i + 1];
        double xr = x[i];
        double xi = x[i + 1];
        for (int k = 0; k < length; k++) {
          double uk = u[h * length + k];
          double tr = ar * xr - ai * xi + br * uk;
          xi = ar * xi + ai * xr + bi * uk;
          xr = tr;
        }
        x[i] = xr;
        x[i + 1] = xi;
      }
    }
    return x;
  }

  static int sequenceLength(DiscreteSsm sys, double[] u) {
    return sequenceLength(sys, u, 1);
  }

  /** L of B H L inputs, checking sys and u. */
  static int sequenceLength(DiscreteSsm sys, double[] u, int batch) {
    Args.notNull("sys", sys);
    Args.finite("u", u);
    int per = batch * sys.channels();
    if (u.length == 0 || u.length % per != 0) {
      throw Args.fail(
          "u.length",
          u.length,
          batch == 1
              ? "a positive multiple of channels = " + per
              : "a positive multiple of batch * channels = " + per);
    }
    return u.length / per;
  }
}
