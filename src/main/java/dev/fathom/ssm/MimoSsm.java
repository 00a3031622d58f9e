package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * An S5 layer: one multi-input multi-output diagonal system with H inputs and outputs and M complex
 * modes (conjugate symmetry: they stand for 2M real states), one timescale per mode, {@code x_k =
 * Abar x_{k-1} + Bbar u_k}, {@code y_k = 2 Re(C~ x_k) + D . u_k}, with the ZOH discretization
 * {@code Abar_n = exp(Δ_n lambda_n)}, {@code Bbar_n = (Abar_n - 1)/lambda_n B~_n}.
 *
 * <p>{@link Builder#hippo(int)} builds S5's HiPPO-N initialization: Λ from the normal part of LegS
 * (the unitary V of {@link Hippo#nplr}), {@code B~ = V^* B} and {@code C~ = C V} from real B (2M x
 * H) and C (H x 2M) given by {@link Builder#b} and {@link Builder#c}. Layouts: B~ is M x H and C~
 * is H x M, row-major interleaved complex; sequences are H L doubles, channel-major. Immutable and
 * thread-safe.
 *
 * <p>Built by name, so that no two arrays can be swapped silently:
 *
 * <pre>{@code
 * MimoSsm s5 = MimoSsm.builder(inputs).hippo(stateSize).b(b).c(c).dt(dt).d(d).build();
 * MimoSsm layer = MimoSsm.builder(inputs)
 *     .lambda(lambda).bTilde(bTilde).cTilde(cTilde).dt(dt).d(d)   // d is optional (zero)
 *     .build();
 * }</pre>
 *
 * @since 1.0
 */
public final class MimoSsm {
  private final int inputs;
  private final int modes;
  private final double[] lambda;
  private final double[] bTilde;
  private final double[] cTilde;
  private final double[] dt;
  private final double[] d;

  /** Validates arrays that are already private copies; M is {@code lambda.length / 2}. */
  private MimoSsm(
      int inputs, double[] lambda, double[] bTilde, double[] cTilde, double[] dt, double[] d) {
    this.inputs = Args.positive("inputs", inputs);
    Args.finite("lambda", Args.interleaved("lambda", lambda));
    if (lambda.length == 0) {
      throw Args.fail("lambda.length", 0, "at least one mode (2 doubles)");
    }
    this.modes = lambda.length / 2;
    for (int n = 0; n < modes; n++) {
      if (lambda[2 * n] > 0) {
        throw Args.fail("Re lambda[" + n + "]", lambda[2 * n], "<= 0 (stable)");
      }
    }
    this.lambda = lambda;
    this.bTilde = Args.finite("bTilde", Args.length("bTilde", bTilde, 2 * modes * inputs));
    this.cTilde = Args.finite("cTilde", Args.length("cTilde", cTilde, 2 * inputs * modes));
    this.dt = Args.length("dt", dt, modes);
    for (int n = 0; n < modes; n++) {
      Args.positive("dt[" + n + "]", dt[n]);
    }
    this.d = Args.finite("d", Args.length("d", d, inputs));
  }

  /**
   * Starts a layer with H inputs and outputs from explicit eigenbasis parameters.
   *
   * @param inputs H, at least 1
   * @return a new builder
   */
  public static Builder builder(int inputs) {
    return new Builder(Args.positive("inputs", inputs));
  }

  /**
   * H, the number of input and output channels.
   *
   * @return H
   */
  public int inputs() {
    return inputs;
  }

  /**
   * M, the number of stored complex modes.
   *
   * @return M
   */
  public int modes() {
    return modes;
  }

  /**
   * The eigenvalues, {@code Re <= 0}.
   *
   * @return 2 M doubles, interleaved (internal; do not modify)
   */
  public double[] lambda() {
    return lambda;
  }

  /**
   * The input matrix B~.
   *
   * @return M x H complex, 2 M H doubles (internal; do not modify)
   */
  public double[] bTilde() {
    return bTilde;
  }

  /**
   * The output matrix C~.
   *
   * @return H x M complex, 2 H M doubles (internal; do not modify)
   */
  public double[] cTilde() {
    return cTilde;
  }

  /**
   * The timescale of each mode.
   *
   * @return M positive doubles (internal; do not modify)
   */
  public double[] dt() {
    return dt;
  }

  /**
   * The feed-through per channel.
   *
   * @return H doubles (internal; do not modify)
   */
  public double[] d() {
    return d;
  }

  @Override
  public String toString() {
    return "MimoSsm[inputs=" + inputs + ", modes=" + modes + "]";
  }

  /**
   * A builder of {@link MimoSsm} whose setters name each array; {@link #build()} copies and
   * validates them. The modes are either explicit ({@code lambda}, {@code bTilde} and {@code
   * cTilde}) or HiPPO-N ({@link #hippo(int)} with the real {@code b} and {@code c}); {@code dt} is
   * required and {@code d} defaults to zero. Not thread-safe.
   */
  public static final class Builder {
    private final int inputs;
    private int hippoStateSize;
    private double[] realB;
    private double[] realC;
    private double[] lambda;
    private double[] bTilde;
    private double[] cTilde;
    private double[] dt;
    private double[] d;

    private Builder(int inputs) {
      this.inputs = inputs;
    }

    /**
     * Sets the eigenvalues; their count is M.
     *
     * @param values 2 M doubles, interleaved, {@code Re <= 0}
     * @return this builder
     */
    public Builder lambda(double[] values) {
      lambda = values;
      return this;
    }

    /**
     * Sets the input matrix B~.
     *
     * @param values M x H complex, row-major interleaved
     * @return this builder
     */
    public Builder bTilde(double[] values) {
      bTilde = values;
      return this;
    }

    /**
     * Sets the output matrix C~.
     *
     * @param values H x M complex, row-major interleaved
     * @return this builder
     */
    public Builder cTilde(double[] values) {
      cTilde = values;
      return this;
    }

    /**
     * Uses S5's HiPPO-N modes: the normal part of HiPPO-LegS with real state size 2M, into whose
     * unitary eigenbasis {@link #b} and {@link #c} are projected.
     *
     * @param stateSize the real state size 2M, even and at least 2
     * @return this builder
     */
    public Builder hippo(int stateSize) {
      if (stateSize < 2 || (stateSize & 1) != 0) {
        throw Args.fail("stateSize", stateSize, "an even state size >= 2 (conjugate pairs)");
      }
      hippoStateSize = stateSize;
      return this;
    }

    /**
     * Sets the real input matrix B of a {@link #hippo(int)} layer.
     *
     * @param values 2M x H, row-major
     * @return this builder
     */
    public Builder b(double[] values) {
      realB = values;
      return this;
    }

    /**
     * Sets the real output matrix C of a {@link #hippo(int)} layer.
     *
     * @param values H x 2M, row-major
     * @return this builder
     */
    public Builder c(double[] values) {
      realC = values;
      return this;
    }

    /**
     * Sets the timescale of each mode.
     *
     * @param values M positive doubles
     * @return this builder
     */
    public Builder dt(double[] values) {
      dt = values;
      return this;
    }

    /**
     * Sets the feed-through (default zero).
     *
     * @param values H doubles
     * @return this builder
     */
    public Builder d(double[] values) {
      d = values;
      return this;
    }

    /**
     * Copies, validates and builds the layer.
     *
     * @return the layer
     * @throws NullPointerException naming a required array that was not set
     * @throws IllegalArgumentException naming the first invalid array or entry
     */
    public MimoSsm build() {
      if (hippoStateSize > 0) {
        if (lambda != null || bTilde != null || cTilde != null) {
          throw Args.fail(
              "hippo", hippoStateSize, "no explicit lambda, bTilde or cTilde with HiPPO-N modes");
        }
        Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, hippoStateSize);
        double[][] tilde =
            project(nplr, Args.notNull("b", realB), Args.notNull("c", realC), inputs);
        return new MimoSsm(
            inputs,
            nplr.lambda().clone(),
            tilde[0],
            tilde[1],
            Args.notNull("dt", dt).clone(),
            d == null ? new double[inputs] : d.clone());
      }
      if (realB != null || realC != null) {
        throw Args.fail(
            realB != null ? "b" : "c",
            "set",
            "hippo(stateSize) first (explicit modes take bTilde and cTilde)");
      }
      return new MimoSsm(
          inputs,
          Args.notNull("lambda", lambda).clone(),
          Args.notNull("bTilde", bTilde).clone(),
          Args.notNull("cTilde", cTilde).clone(),
          Args.notNull("dt", dt).clone(),
          d == null ? new double[inputs] : d.clone());
    }
  }

  /**
   * Projects real B (2M x H) and C (H x 2M) onto the unitary eigenvectors of the normal part:
   * {@code B~ = V^* B}, {@code C~ = C V}.
   */
  private static double[][] project(Nplr nplr, double[] b, double[] c, int inputs) {
    int p = nplr.stateSize();
    int m = p / 2;
    Args.finite("b", Args.length("b", b, p * inputs));
    Args.finite("c", Args.length("c", c, inputs * p));
    double[] v = nplr.v();
    double[] bt = new double[2 * m * inputs];
    double[] ct = new double[2 * inputs * m];
    for (int n = 0; n < m; n++) {
      for (int j = 0; j < inputs; j++) {
        double sr = 0;
        double si = 0;
        double tr = 0;
        double ti = 0;
        for (int i = 0; i < p; i++) {
          double vr = v[2 * (i * m + n)];
          double vi = v[2 * (i * m + n) + 1];
          // (V^* B)[n][j] = sum_i conj(V[i][n]) B[i][j]
          sr += vr * b[i * inputs + j];
          si -= vi * b[i * inputs + j];
          // (C V)[j][n] = sum_i C[j][i] V[i][n]
          tr += c[j * p + i] * vr;
          ti += c[j * p + i] * vi;
        }
        bt[2 * (n * inputs + j)] = sr;
        bt[2 * (n * inputs + j) + 1] = si;
        ct[2 * (j * m + n)] = tr;
        ct[2 * (j * m + n) + 1] = ti;
      }
    }
    return new double[][] {bt, ct};
  }

  /**
   * Runs the layer over a sequence (ZOH, zero initial state).
   *
   * @param u the inputs, H L doubles, channel-major, finite
   * @return the outputs, H L doubles, channel-major
   */
  public double[] run(double[] u) {
    Args.finite("u", Args.notNull("u", u));
    if (u.length == 0 || u.length % inputs != 0) {
      throw Args.fail("u.length", u.length, "a positive multiple of inputs = " + inputs);
    }
    int len = u.length / inputs;
    double[] abar = new double[2 * modes];
    double[] bbar = new double[2 * modes * inputs];
    double[] tmp = new double[6];
    for (int n = 0; n < modes; n++) {
      Discretization.ZOH.apply(lambda[2 * n], lambda[2 * n + 1], dt[n], tmp);
      abar[2 * n] = tmp[0];
      abar[2 * n + 1] = tmp[1];
      for (int j = 0; j < inputs; j++) {
        int k = 2 * (n * inputs + j);
        bbar[k] = tmp[2] * bTilde[k] - tmp[3] * bTilde[k + 1];
        bbar[k + 1] = tmp[2] * bTilde[k + 1] + tmp[3] * bTilde[k];
      }
    }
    double[] x = new double[2 * modes];
    double[] y = new double[u.length];
    for (int t = 0; t < len; t++) {
      for (int n = 0; n < modes; n++) {
        double xr = abar[2 * n] * x[2 * n] - abar[2 * n + 1] * x[2 * n + 1];
        double xi = abar[2 * n] * x[2 * n + 1] + abar[2 * n + 1] * x[2 * n];
        for (int j = 0; j < inputs; j++) {
          double uj = u[j * len + t];
          xr += bbar[2 * (n * inputs + j)] * uj;
          xi += bbar[2 * (n * inputs + j) + 1] * uj;
        }
        x[2 * n] = xr;
        x[2 * n + 1] = xi;
      }
      for (int j = 0; j < inputs; j++) {
        double s = 0;
        for (int n = 0; n < modes; n++) {
          s +=
              cTilde[2 * (j * modes + n)] * x[2 * n]
                  - cTilde[2 * (j * modes + n) + 1] * x[2 * n + 1];
        }
        y[j * len + t] = 2 * s + d[j] * u[j * len + t];
      }
    }
    return y;
  }
}
