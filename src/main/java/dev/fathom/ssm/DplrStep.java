package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * The O(rN) recurrent step of a diagonal-plus-low-rank system {@code A = Lambda - P P^*} (in its
 * eigenbasis) with the bilinear discretization, S4's {@code _step_state_linear}: with {@code D =
 * (2/Δ - Lambda)^{-1}}, {@code E = 2/Δ + Lambda} and {@code R = (I + P^* D P)^{-1} P^* D},
 *
 * <pre>
 * y = E x - P (P^* x) + 2 B u,     x' = D (y - P R y),     out = 2 Re(C x')
 * </pre>
 *
 * which is exactly {@code (2/Δ - A) x' = (2/Δ + A) x + 2 B u} solved by the Woodbury identity. The
 * state holds the N/2 stored modes; sums over the conjugate half make every {@code P^* x} and
 * {@code P^* D P} real. This is the inference mode matching {@link CauchyKernel} (with the plain C,
 * not C~), and it avoids diagonalizing A itself, which for HiPPO-LegS is ill-conditioned.
 *
 * <p>Made by {@link #of(Nplr, double[], double)} for a HiPPO system, or from trained eigenbasis
 * parameters by name:
 *
 * <pre>{@code
 * DplrStep step = DplrStep.builder().lambda(lambda).pTilde(p).bTilde(b).c(c).dt(0.01).build();
 * }</pre>
 *
 * <p>Immutable after construction; {@link #step} works on a caller-owned state, so one instance can
 * serve many sequences (and threads, each with its own state).
 *
 * @since 1.0
 */
public final class DplrStep {
  private final int m;
  private final int r;
  private final double[] p;
  private final double[] b;
  private final double[] c;
  private final double[] dd;
  private final double[] ee;
  private final double[] rr;

  /** Builds the step from eigenbasis parameters (see the {@link Builder} setters). */
  private DplrStep(double[] lambda, double[] pTilde, double[] bTilde, double[] c, double dt) {
    Args.finite("lambda", Args.interleaved("lambda", lambda));
    m = lambda.length / 2;
    if (m == 0) {
      throw Args.fail("lambda.length", 0, "at least one mode");
    }
    Args.finite("pTilde", Args.notNull("pTilde", pTilde));
    if (pTilde.length == 0 || pTilde.length % (2 * m) != 0) {
      throw Args.fail("pTilde.length", pTilde.length, "a positive multiple of lambda.length");
    }
    r = pTilde.length / (2 * m);
    b = Args.finite("bTilde", Args.length("bTilde", bTilde, 2 * m)).clone();
    this.c = Args.finite("c", Args.length("c", c, 2 * m)).clone();
    Args.positive("dt", dt);
    p = pTilde.clone();
    dd = new double[2 * m];
    ee = new double[2 * m];
    for (int n = 0; n < m; n++) {
      double[] d = DiagonalSsm.divide(1, 0, 2 / dt - lambda[2 * n], -lambda[2 * n + 1]);
      dd[2 * n] = d[0];
      dd[2 * n + 1] = d[1];
      ee[2 * n] = 2 / dt + lambda[2 * n];
      ee[2 * n + 1] = lambda[2 * n + 1];
    }
    // K = I + P^* D P (real r x r, conjugate half included); R = K^{-1} P^* D (r x N/2 complex)
    double[] k = new double[2 * r * r];
    for (int q = 0; q < r; q++) {
      for (int s = 0; s < r; s++) {
        double sum = q == s ? 1 : 0;
        for (int n = 0; n < m; n++) {
          double[] pq = {p[2 * (q * m + n)], -p[2 * (q * m + n) + 1]};
          double[] pd = mul(pq, dd[2 * n], dd[2 * n + 1]);
          double[] t = mul(pd, p[2 * (s * m + n)], p[2 * (s * m + n) + 1]);
          sum += 2 * t[0];
        }
        k[2 * (q * r + s)] = sum;
      }
    }
    rr = new double[2 * r * m];
    for (int n = 0; n < m; n++) {
      double[] rhs = new double[2 * r];
      for (int q = 0; q < r; q++) {
        double[] pd =
            mul(
                new double[] {p[2 * (q * m + n)], -p[2 * (q * m + n) + 1]},
                dd[2 * n],
                dd[2 * n + 1]);
        rhs[2 * q] = pd[0];
        rhs[2 * q + 1] = pd[1];
      }
      double[] x = CauchyKernel.solveComplex(k.clone(), rhs, r);
      for (int q = 0; q < r; q++) {
        rr[2 * (q * m + n)] = x[2 * q];
        rr[2 * (q * m + n) + 1] = x[2 * q + 1];
      }
    }
  }

  /**
   * Builds the step for an NPLR HiPPO system with a real output vector in the original basis.
   *
   * @param nplr the decomposition
   * @param c the output vector (N)
   * @param dt the step Δ, positive
   * @return the step
   */
  public static DplrStep of(Nplr nplr, double[] c, double dt) {
    Args.notNull("nplr", nplr);
    return new DplrStep(
        nplr.lambda(), nplr.pTilde(), nplr.bTilde(), nplr.outputCoefficients(c), dt);
  }

  /**
   * Starts a step from explicit eigenbasis parameters.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder of {@link DplrStep} whose setters name each parameter; all five are required. Not
   * thread-safe.
   */
  public static final class Builder {
    private double[] lambda;
    private double[] pTilde;
    private double[] bTilde;
    private double[] c;
    private double dt = Double.NaN;

    private Builder() {}

    /**
     * Sets the eigenvalues of the normal part.
     *
     * @param values the N/2 eigenvalues, interleaved
     * @return this builder
     */
    public Builder lambda(double[] values) {
      lambda = values;
      return this;
    }

    /**
     * Sets the low-rank factor in the eigenbasis.
     *
     * @param values r rows of N/2 interleaved entries
     * @return this builder
     */
    public Builder pTilde(double[] values) {
      pTilde = values;
      return this;
    }

    /**
     * Sets the input vector in the eigenbasis.
     *
     * @param values N/2 interleaved entries
     * @return this builder
     */
    public Builder bTilde(double[] values) {
      bTilde = values;
      return this;
    }

    /**
     * Sets the output coefficients, for example {@link Nplr#outputCoefficients}.
     *
     * @param values N/2 interleaved entries
     * @return this builder
     */
    public Builder c(double[] values) {
      c = values;
      return this;
    }

    /**
     * Sets the step.
     *
     * @param value Δ, positive
     * @return this builder
     */
    public Builder dt(double value) {
      dt = value;
      return this;
    }

    /**
     * Validates and builds the step (the arrays are copied or consumed; later changes to them do
     * not affect it).
     *
     * @return the step
     * @throws NullPointerException naming a required array that was not set
     * @throws IllegalArgumentException naming the first invalid parameter (also an unset dt)
     */
    public DplrStep build() {
      Args.notNull("lambda", lambda);
      Args.notNull("pTilde", pTilde);
      Args.notNull("bTilde", bTilde);
      Args.notNull("c", c);
      return new DplrStep(lambda, pTilde, bTilde, c, dt);
    }
  }

  /**
   * Returns the state length in doubles ({@code N}: N/2 interleaved complex modes).
   *
   * @return the state length
   */
  public int stateLength() {
    return 2 * m;
  }

  /**
   * Advances the state by one input and returns the output {@code 2 Re(C x')} (no D term).
   *
   * @param state the state, {@link #stateLength()} doubles, updated in place
   * @param u the input, finite
   * @return the output
   */
  public double step(double[] state, double u) {
    Args.finite("state", Args.length("state", state, 2 * m));
    Args.finite("u", u);
    double[] px = new double[r];
    for (int q = 0; q < r; q++) {
      double s = 0;
      for (int n = 0; n < m; n++) {
        // Re(conj(p) x), twice for the conjugate half
        s += p[2 * (q * m + n)] * state[2 * n] + p[2 * (q * m + n) + 1] * state[2 * n + 1];
      }
      px[q] = 2 * s;
    }
    double[] y = new double[2 * m];
    for (int n = 0; n < m; n++) {
      double[] ex = mul(new double[] {ee[2 * n], ee[2 * n + 1]}, state[2 * n], state[2 * n + 1]);
      double yr = ex[0] + 2 * b[2 * n] * u;
      double yi = ex[1] + 2 * b[2 * n + 1] * u;
      for (int q = 0; q < r; q++) {
        yr -= p[2 * (q * m + n)] * px[q];
        yi -= p[2 * (q * m + n) + 1] * px[q];
      }
      y[2 * n] = yr;
      y[2 * n + 1] = yi;
    }
    double[] ry = new double[r];
    for (int q = 0; q < r; q++) {
      double s = 0;
      for (int n = 0; n < m; n++) {
        double[] t =
            mul(
                new double[] {rr[2 * (q * m + n)], rr[2 * (q * m + n) + 1]},
                y[2 * n],
                y[2 * n + 1]);
        s += t[0];
      }
      ry[q] = 2 * s;
    }
    double out = 0;
    for (int n = 0; n < m; n++) {
      double zr = y[2 * n];
      double zi = y[2 * n + 1];
      for (int q = 0; q < r; q++) {
        zr -= p[2 * (q * m + n)] * ry[q];
        zi -= p[2 * (q * m + n) + 1] * ry[q];
      }
      double[] x = mul(new double[] {dd[2 * n], dd[2 * n + 1]}, zr, zi);
      state[2 * n] = x[0];
      state[2 * n + 1] = x[1];
      out += c[2 * n] * x[0] - c[2 * n + 1] * x[1];
    }
    return 2 * out;
  }

  /**
   * Runs the step over a sequence from the zero state.
   *
   * @param u the inputs, finite
   * @return the outputs (no D term)
   */
  public double[] run(double[] u) {
    Args.finite("u", Args.notNull("u", u));
    double[] state = new double[2 * m];
    double[] y = new double[u.length];
    for (int k = 0; k < u.length; k++) {
      y[k] = step(state, u[k]);
    }
    return y;
  }

  private static double[] mul(double[] a, double br, double bi) {
    return new double[] {a[0] * br - a[1] * bi, a[0] * bi + a[1] * br};
  }
}
