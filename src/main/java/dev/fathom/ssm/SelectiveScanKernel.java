package dev.fathom.ssm;

import dev.fathom.core.Args;
import dev.fathom.ssm.SelectiveScan.Options;
import dev.fathom.ssm.SelectiveScan.Param;
import dev.fathom.ssm.SelectiveScan.Result;

/**
 * The computation behind {@link SelectiveScan}'s entry points: argument checks, the step {@code
 * Delta} (bias and softplus), {@code Abar = exp(Delta A)} and Euler {@code Bbar u = Delta B u} per
 * step, the state update, the readout with D and the gate {@code silu(z)}, and sequence resets, for
 * real and complex modes over a batch. The public class keeps the API (options, inputs, parameters,
 * result); this one the loops.
 */
final class SelectiveScanKernel {
  private SelectiveScanKernel() {}

  static Result run(
      int batch,
      int length,
      double[] u,
      double[] delta,
      double[] a,
      Param bp,
      Param cp,
      Options options,
      boolean complex) {
    int nb = Args.positive("batch", batch);
    int len = Args.positive("length", length);
    int width = complex ? 2 : 1;
    Args.notNull("options", options);
    Args.notNull("b", bp);
    Args.notNull("c", cp);
    Args.finite("u", Args.notNull("u", u));
    long steps = (long) nb * len; // long: batch * length may exceed the int range
    if (u.length == 0 || u.length % steps != 0) {
      throw Args.fail("u.length", u.length, "a positive multiple of batch * length = " + steps);
    }
    Args.finite("delta", Args.length("delta", delta, u.length));
    int dch = (int) (u.length / steps);
    double[] b = bp.values();
    double[] c = cp.values();
    // N from B: varying (batch, N, L) or fixed (D, N)
    long unit = width * (bp.fixed() ? dch : steps);
    if (b.length == 0 || b.length % unit != 0) {
      throw Args.fail(
          "b.length",
          b.length,
          "a positive multiple of " + unit + (bp.fixed() ? " (D N)" : " (batch N length)"));
    }
    int n = (int) (b.length / unit);
    Args.length("c", c, Args.size("c.length", width * n * (cp.fixed() ? dch : steps)));
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
    boolean[] reset = resets(options.sequenceStarts(), len);
    // time-major copies of varying B and C for unit-stride inner loops; fixed ones are used as
    // given
    double[] bt = bp.fixed() ? b : timeMajor(b, nb, n, len, width);
    double[] ct = cp.fixed() ? c : timeMajor(c, nb, n, len, width);
    double[] y = new double[u.length];
    double[] state = new double[Args.size("batch * D * N", (long) width * nb * dch * n)];
    for (int item = 0; item < nb; item++) {
      for (int ch = 0; ch < dch; ch++) {
        double bias = options.deltaBias() == null ? 0 : options.deltaBias()[ch];
        double skip = options.d() == null ? 0 : options.d()[ch];
        int ao = width * ch * n;
        int xo = width * (item * dch + ch) * n;
        for (int t = 0; t < len; t++) {
          int i = (item * dch + ch) * len + t;
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
          int bo = bp.fixed() ? ao : width * (item * len + t) * n;
          int co = cp.fixed() ? ao : width * (item * len + t) * n;
          double acc = 0;
          if (complex) {
            for (int k = 0; k < 2 * n; k += 2) {
              double e = Math.exp(dt * a[ao + k]);
              double er = e * Math.cos(dt * a[ao + k + 1]);
              double ei = e * Math.sin(dt * a[ao + k + 1]);
              double sr = state[xo + k];
              double si = state[xo + k + 1];
              double xr = er * sr - ei * si + du * bt[bo + k];
              double xi = er * si + ei * sr + du * bt[bo + k + 1];
              state[xo + k] = xr;
              state[xo + k + 1] = xi;
              acc += 2 * (ct[co + k] * xr - ct[co + k + 1] * xi);
            }
          } else {
            for (int k = 0; k < n; k++) {
              double x = Math.exp(dt * a[ao + k]) * state[xo + k] + du * bt[bo + k];
              state[xo + k] = x;
              acc += ct[co + k] * x;
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
    }
    return new Result(y, state);
  }

  private static boolean[] resets(int[] starts, int len) {
    boolean[] reset = new boolean[len];
    if (starts != null) {
      int prev = 0;
      for (int i = 0; i < starts.length; i++) {
        int t = starts[i];
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
    return reset;
  }

  /** (batch, N, L) mode-major to (batch, L, N) time-major, complex entries of the given width. */
  static double[] timeMajor(double[] m, int nb, int n, int len, int width) {
    double[] out = new double[m.length];
    for (int item = 0; item < nb; item++) {
      int base = item * n * len;
      for (int k = 0; k < n; k++) {
        for (int t = 0; t < len; t++) {
          for (int q = 0; q < width; q++) {
            out[width * (base + t * n + k) + q] = m[width * (base + k * len + t) + q];
          }
        }
      }
    }
    return out;
  }
}
