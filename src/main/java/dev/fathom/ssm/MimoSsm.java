package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * An S5 layer: one multi-input multi-output diagonal system with H inputs and outputs and M complex
 * modes (conjugate symmetry: they stand for 2M real states), one timescale per mode, {@code x_k =
 * Abar x_{k-1} + Bbar u_k}, {@code y_k = 2 Re(C~ x_k) + D . u_k}, with the ZOH discretization
 * {@code Abar_n = exp(Δ_n lambda_n)}, {@code Bbar_n = (Abar_n - 1)/lambda_n B~_n}.
 *
 * <p>{@link #hippo} builds S5's HiPPO-N initialization: Λ from the normal part of LegS (the unitary
 * V of {@link Hippo#nplr}), {@code B~ = V^* B} and {@code C~ = C V} from real B (2M x H) and C (H x
 * 2M). Layouts: B~ is M x H and C~ is H x M, row-major interleaved complex; sequences are H L
 * doubles, channel-major. Immutable and thread-safe.
 *
 * @param inputs H, the number of input and output channels
 * @param modes M, the number of stored complex modes
 * @param lambda the eigenvalues (2 M doubles, interleaved), {@code Re <= 0}
 * @param bTilde the input matrix B~ (M x H complex, 2 M H doubles)
 * @param cTilde the output matrix C~ (H x M complex, 2 H M doubles)
 * @param dt the timescale of each mode (M positive doubles)
 * @param d the feed-through per channel (H doubles)
 */
public record MimoSsm(
    int inputs,
    int modes,
    double[] lambda,
    double[] bTilde,
    double[] cTilde,
    double[] dt,
    double[] d) {

  /**
   * Validates and copies the arrays.
   *
   * @param inputs see the record component
   * @param modes see the record component
   * @param lambda see the record component
   * @param bTilde see the record component
   * @param cTilde see the record component
   * @param dt see the record component
   * @param d see the record component
   */
  public MimoSsm {
    Args.positive("inputs", inputs);
    Args.positive("modes", modes);
    lambda = Args.finite("lambda", Args.length("lambda", lambda, 2 * modes)).clone();
    for (int n = 0; n < modes; n++) {
      if (lambda[2 * n] > 0) {
        throw Args.fail("Re lambda[" + n + "]", lambda[2 * n], "<= 0 (stable)");
      }
    }
    bTilde = Args.finite("bTilde", Args.length("bTilde", bTilde, 2 * modes * inputs)).clone();
    cTilde = Args.finite("cTilde", Args.length("cTilde", cTilde, 2 * inputs * modes)).clone();
    dt = Args.length("dt", dt, modes).clone();
    for (int n = 0; n < modes; n++) {
      Args.positive("dt[" + n + "]", dt[n]);
    }
    d = Args.finite("d", Args.length("d", d, inputs)).clone();
  }

  /**
   * S5's HiPPO-N layer: the normal part of LegS with state size 2M, projected B and C.
   *
   * @param b the real input matrix (2M x H, row-major)
   * @param c the real output matrix (H x 2M, row-major)
   * @param inputs H, at least 1
   * @param stateSize the real state size 2M, even
   * @param dt the timescale of each mode (M positive doubles)
   * @param d the feed-through (H doubles)
   * @return the layer
   */
  public static MimoSsm hippo(
      double[] b, double[] c, int inputs, int stateSize, double[] dt, double[] d) {
    Args.positive("inputs", inputs);
    Nplr nplr = Hippo.nplr(Hippo.Measure.LEGS, stateSize);
    int p = stateSize;
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
    return new MimoSsm(inputs, m, nplr.lambda(), bt, ct, dt, d);
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
