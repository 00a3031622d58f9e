package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * The state-space duality (SSD) scan of Mamba-2 (Dao and Gu, "Transformers are SSMs", ICML 2024):
 * the selective scan for scalar-times-identity transitions computed by chunks. Per batch item and
 * channel (a Mamba-2 head of dimension 1) the recurrence is
 *
 * <pre>
 * h_t = a_t h_{t-1} + B_t x_t,   y_t = C_t . h_t,   h_{-1} = 0
 * </pre>
 *
 * with a scalar transition {@code a_t} per channel and time step (Mamba-2's {@code exp(Δ_t A)}) and
 * N-vectors B_t, C_t shared by the channels. Unrolled, {@code y = M x} with the lower triangular
 * {@code M_ij = L_ij (C_i . B_j)} and {@code L_ij = a_{j+1} ... a_i} ({@code L_ii = 1}). The scan
 * cuts the time axis into chunks of length Q and computes
 *
 * <ol>
 *   <li>inside each chunk the masked quadratic (attention-like) form {@code y = (L ∘ C B^T) x},
 *       with {@code C B^T} computed once per chunk for all channels;
 *   <li>the state each chunk leaves from its own inputs, {@code sum_j L_{e,j} B_j x_j} (e the
 *       chunk's last step);
 *   <li>across chunks the recurrence of chunk states {@code h_e = L_{e,s-1} h_{s-1} + ...} (s the
 *       chunk's first step);
 *   <li>the contribution of the incoming state, {@code y_i += L_{i,s-1} C_i . h_{s-1}}.
 * </ol>
 *
 * <p>The segment products {@code L_ij} are formed as running products inside the chunk rather than
 * as {@code exp} of differences of cumulative log sums: the cost is the same O(Q^2) per chunk, a
 * zero transition (a reset) gives exact zeros instead of {@code exp(-inf + inf)}, and the sign of a
 * negative transition is kept.
 *
 * <p>Negative eigenvalues (Grazzi et al., "Unlocking state-tracking in linear RNNs through negative
 * eigenvalues", ICLR 2025): the transitions may lie anywhere in [-1, 1], not only in Mamba's (0,
 * 1]. A one-channel recurrence with {@code a = -1} on a 1 bit and {@code a = 1} on a 0 bit carries
 * the parity of a bit string exactly, which no transition in [0, 1] can (its state is monotone in
 * the number of ones). The running products keep the signs, and {@code |a| <= 1} keeps every
 * product bounded.
 *
 * <p>Layout (the package rule): x, a and y are {@code (batch, D, L)}, B and C {@code (batch, N,
 * L)}, all with time innermost; the last state is {@code (batch, D, N)}. With chunk length 1 the
 * scan is the sequential recurrence; with chunk length at least L it is the pure quadratic form.
 * All methods are static and thread-safe.
 *
 * @since 1.1
 */
public final class StateSpaceDuality {
  /** The longest chunk: the chunk's Q x Q work arrays must fit in one Java array. */
  public static final int MAX_CHUNK = 46340;

  private StateSpaceDuality() {}

  /**
   * Runs the chunked SSD scan for a batch of sequences of equal length.
   *
   * @param batch the number of sequences, at least 1
   * @param length the sequence length L, at least 1
   * @param chunk the chunk length Q, at least 1 (values above L mean one chunk); {@code min(Q, L)}
   *     at most {@link #MAX_CHUNK}
   * @param x the inputs, (batch, D, L), finite
   * @param a the transitions a_t, (batch, D, L), in [-1, 1] (negative ones allowed)
   * @param b the input vectors B_t, (batch, N, L), finite
   * @param c the output vectors C_t, (batch, N, L), finite
   * @return the outputs y (batch, D, L) and the last states (batch, D, N)
   */
  public static SelectiveScan.Result scan(
      int batch, int length, int chunk, double[] x, double[] a, double[] b, double[] c) {
    int nb = Args.positive("batch", batch);
    int len = Args.positive("length", length);
    int q = Math.min(Args.positive("chunk", chunk), len);
    if (q > MAX_CHUNK) {
      throw Args.fail("chunk", chunk, "at most " + MAX_CHUNK + " (or at least the length)");
    }
    long steps = (long) nb * len; // long: batch * length may exceed the int range
    Args.finite("x", Args.notNull("x", x));
    if (x.length == 0 || x.length % steps != 0) {
      throw Args.fail("x.length", x.length, "a positive multiple of batch * length = " + steps);
    }
    Args.length("a", a, x.length);
    for (int i = 0; i < a.length; i++) {
      if (!(a[i] >= -1 && a[i] <= 1)) {
        throw Args.fail("a[" + i + "]", a[i], "a transition in [-1, 1]");
      }
    }
    Args.finite("b", Args.notNull("b", b));
    if (b.length == 0 || b.length % steps != 0) {
      throw Args.fail("b.length", b.length, "a positive multiple of batch * length = " + steps);
    }
    Args.finite("c", Args.length("c", c, b.length));
    int dch = (int) (x.length / steps);
    int n = (int) (b.length / steps);
    double[] bt = SelectiveScan.timeMajor(b, nb, n, len, 1);
    double[] ct = SelectiveScan.timeMajor(c, nb, n, len, 1);
    double[] y = new double[x.length];
    double[] state = new double[nb * dch * n];
    double[] g = new double[q * q]; // C_i . B_j inside the chunk, lower triangle
    double[] seg = new double[q * q]; // L_ij inside the chunk, lower triangle
    double[] decay = new double[q]; // L_{i, s-1} = a_s ... a_i
    for (int item = 0; item < nb; item++) {
      for (int s = 0; s < len; s += q) {
        int m = Math.min(q, len - s);
        for (int i = 0; i < m; i++) {
          int ci = (item * len + s + i) * n;
          for (int j = 0; j <= i; j++) {
            int bj = (item * len + s + j) * n;
            double dot = 0;
            for (int k = 0; k < n; k++) {
              dot += ct[ci + k] * bt[bj + k];
            }
            g[i * q + j] = dot;
          }
        }
        for (int ch = 0; ch < dch; ch++) {
          int base = (item * dch + ch) * len + s;
          int ho = (item * dch + ch) * n;
          segmentProducts(a, base, m, q, seg, decay);
          for (int i = 0; i < m; i++) {
            // incoming state, then the masked quadratic form
            int ci = (item * len + s + i) * n;
            double acc = 0;
            for (int k = 0; k < n; k++) {
              acc += ct[ci + k] * state[ho + k];
            }
            acc *= decay[i];
            for (int j = 0; j <= i; j++) {
              acc += seg[i * q + j] * g[i * q + j] * x[base + j];
            }
            y[base + i] = acc;
          }
          // chunk state recurrence: h_e = L_{e,s-1} h_{s-1} + sum_j L_{e,j} B_j x_j
          double carry = decay[m - 1];
          for (int k = 0; k < n; k++) {
            state[ho + k] *= carry;
          }
          for (int j = 0; j < m; j++) {
            double w = seg[(m - 1) * q + j] * x[base + j];
            if (w != 0) {
              int bj = (item * len + s + j) * n;
              for (int k = 0; k < n; k++) {
                state[ho + k] += w * bt[bj + k];
              }
            }
          }
        }
      }
    }
    return new SelectiveScan.Result(y, state);
  }

  /**
   * The segment products of one chunk: {@code seg[i q + j] = a_{j+1} ... a_i} for j <= i and {@code
   * decay[i] = a_0 ... a_i} (offsets relative to the chunk start), as running products.
   */
  private static void segmentProducts(
      double[] a, int base, int m, int q, double[] seg, double[] decay) {
    for (int i = 0; i < m; i++) {
      double p = 1;
      for (int j = i; j >= 0; j--) {
        seg[i * q + j] = p;
        p *= a[base + j];
      }
      decay[i] = p;
    }
  }
}
