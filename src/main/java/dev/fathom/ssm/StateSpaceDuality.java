package dev.fathom.ssm;

import dev.fathom.core.Args;

/**
 * The state-space duality (SSD) scan of Mamba-2 (Dao and Gu, "Transformers are SSMs", ICML 2024,
 * arXiv 2405.21060): the selective scan for scalar-times-identity transitions, computed by chunks
 * with matrix products. The model has H heads of dimension P; head h has one scalar transition
 * {@code a_t} per time step, shared by its P channels, and reads the N-vectors B_t, C_t of its
 * group (G groups, H/G heads per group, as Mamba-2's {@code ngroups}). Per batch item, head and
 * channel p of the head,
 *
 * <pre>
 * h_t = a_t h_{t-1} + x_t[p] B_t,   y_t[p] = C_t . h_t + D x_t[p],   out_t[p] = y_t[p] silu(z_t[p])
 * </pre>
 *
 * with the state {@code h} an N-vector per channel (P x N per head), the initial state given or
 * zero, the skip D and the gate z optional. Unrolled, {@code Y = M X} per head with the lower
 * triangular {@code M_ij = L_ij (C_i . B_j)} and {@code L_ij = a_{j+1} ... a_i} ({@code L_ii = 1}).
 * {@link #chunked} cuts the time axis into chunks of length Q and computes
 *
 * <ol>
 *   <li>per group and chunk the Gram matrix {@code C B^T} (Q x Q, once for the group's heads);
 *   <li>per head inside the chunk the masked product {@code Y = (L ∘ C B^T) X} (Q x Q times Q x P);
 *   <li>the incoming state's output {@code Y_i += L_{i,s-1} C_i H^T} (N x P state, s the chunk's
 *       first step);
 *   <li>the chunk-state recurrence {@code H <- L_{e,s-1} H + sum_j L_{e,j} B_j X_j^T} (e the last
 *       step), a product N x Q times Q x P.
 * </ol>
 *
 * <p>{@link #recurrent} computes the same map step by step (Mamba-2's recurrent or inference mode),
 * with the state of a head updated as one N x P rank-one update per step. The two agree to
 * rounding.
 *
 * <p>The segment products {@code L_ij} are running products inside the chunk rather than {@code
 * exp} of differences of cumulative log sums: the cost is the same O(Q^2) per chunk and head, a
 * zero transition (a reset) gives exact zeros instead of {@code exp(-inf + inf)}, and the sign of a
 * negative transition is kept.
 *
 * <p>Negative eigenvalues (Grazzi et al., "Unlocking state-tracking in linear RNNs through negative
 * eigenvalues", ICLR 2025): the transitions may lie anywhere in [-1, 1], not only in Mamba's (0,
 * 1]. A one-channel recurrence with {@code a = -1} on a 1 bit and {@code a = 1} on a 0 bit carries
 * the parity of a bit string exactly, which no transition in [0, 1] can (its state is monotone in
 * the number of ones). {@code |a| <= 1} keeps every product bounded. Mamba-2's own parameterization
 * is {@code a_t = exp(Δ_t A_h)} with the input scaled by {@code Δ_t}: pass those as a and x.
 *
 * <p>Layout (the package rule, time innermost): the inputs x, the gate z and the output y are
 * {@code (batch, H P, L)} (channel {@code h P + p}); the transitions a are {@code (batch, H, L)}; B
 * and C are {@code (batch, G N, L)} (row {@code g N + n}); the initial and final states are {@code
 * (batch, H P, N)} (Mamba-2's {@code (batch, nheads, headdim, dstate)}); D is {@code (H)} or {@code
 * (H P)}. The inputs are named, built by {@link #inputs()}. All methods are static and thread-safe.
 *
 * @since 1.1
 */
public final class StateSpaceDuality {
  /** The longest chunk: the chunk's Q x Q work arrays must fit in one Java array. */
  public static final int MAX_CHUNK = 46340;

  private StateSpaceDuality() {}

  /**
   * Starts the named inputs of a scan.
   *
   * @return an empty builder (batch 1, one group, no D, no gate, zero initial state)
   */
  public static SsdInputs.Builder inputs() {
    return new SsdInputs.Builder();
  }

  /**
   * The inputs of an SSD scan, checked: shapes, finiteness and {@code a_t} in [-1, 1]. Made by
   * {@link StateSpaceDuality#inputs()}; immutable as long as the caller leaves the arrays it passed
   * alone (they are not copied).
   */
  public static final class SsdInputs {
    private final int batch;
    private final int length;
    private final int heads;
    private final int headDim;
    private final int groups;
    private final int stateDim;
    private final double[] x;
    private final double[] a;
    private final double[] b;
    private final double[] c;
    private final double[] d;
    private final double[] z;
    private final double[] initialState;

    private SsdInputs(Builder k) {
      batch = Args.positive("batch", k.batch);
      length = Args.positive("length", k.length);
      heads = Args.positive("heads", k.heads);
      groups = Args.positive("groups", k.groups);
      if (heads % groups != 0) {
        throw Args.fail("groups", groups, "a divisor of heads = " + heads);
      }
      x = Args.finite("x", Args.notNull("x", k.x));
      long unit = (long) batch * heads * length;
      if (x.length == 0 || x.length % unit != 0) {
        throw Args.fail(
            "x.length", x.length, "a positive multiple of batch * heads * length = " + unit);
      }
      headDim = (int) (x.length / unit);
      a = Args.notNull("a", k.a);
      Args.length("a", a, Args.size("batch * heads * length", unit));
      for (int i = 0; i < a.length; i++) {
        if (!(a[i] >= -1 && a[i] <= 1)) {
          throw Args.fail("a[" + i + "]", a[i], "a transition in [-1, 1]");
        }
      }
      b = Args.finite("b", Args.notNull("b", k.b));
      long bunit = (long) batch * groups * length;
      if (b.length == 0 || b.length % bunit != 0) {
        throw Args.fail(
            "b.length", b.length, "a positive multiple of batch * groups * length = " + bunit);
      }
      stateDim = (int) (b.length / bunit);
      c = Args.finite("c", Args.length("c", Args.notNull("c", k.c), b.length));
      int channels = heads * headDim;
      if (k.d != null && k.d.length != heads) {
        Args.length("d", k.d, channels);
      }
      d = k.d == null ? null : Args.finite("d", k.d);
      z = k.z == null ? null : Args.finite("z", Args.length("z", k.z, x.length));
      initialState =
          k.initialState == null
              ? null
              : Args.finite(
                  "initialState",
                  Args.length(
                      "initialState",
                      k.initialState,
                      Args.size("batch * H * P * N", (long) batch * channels * stateDim)));
    }

    /**
     * The number of sequences.
     *
     * @return the batch size
     */
    public int batch() {
      return batch;
    }

    /**
     * The sequence length L.
     *
     * @return L
     */
    public int length() {
      return length;
    }

    /**
     * The number of heads H.
     *
     * @return H
     */
    public int heads() {
      return heads;
    }

    /**
     * The head dimension P (channels per head), from the length of x.
     *
     * @return P
     */
    public int headDim() {
      return headDim;
    }

    /**
     * The number of groups G of B and C.
     *
     * @return G
     */
    public int groups() {
      return groups;
    }

    /**
     * The state dimension N, from the length of B.
     *
     * @return N
     */
    public int stateDim() {
      return stateDim;
    }

    @Override
    public String toString() {
      return "SsdInputs[batch="
          + batch
          + ", L="
          + length
          + ", H="
          + heads
          + ", P="
          + headDim
          + ", G="
          + groups
          + ", N="
          + stateDim
          + ", d="
          + (d != null)
          + ", z="
          + (z != null)
          + ", initialState="
          + (initialState != null)
          + "]";
    }

    /**
     * Collects the named inputs; {@link #build()} checks them. Required: {@link #length}, {@link
     * #heads}, {@link #x}, {@link #a}, {@link #b}, {@link #c}.
     */
    public static final class Builder {
      private int batch = 1;
      private int length;
      private int heads;
      private int groups = 1;
      private double[] x;
      private double[] a;
      private double[] b;
      private double[] c;
      private double[] d;
      private double[] z;
      private double[] initialState;

      Builder() {}

      /**
       * The number of sequences (default 1).
       *
       * @param value at least 1
       * @return this builder
       */
      public Builder batch(int value) {
        batch = value;
        return this;
      }

      /**
       * The sequence length L.
       *
       * @param value at least 1
       * @return this builder
       */
      public Builder length(int value) {
        length = value;
        return this;
      }

      /**
       * The number of heads H; the head dimension P follows from the length of x.
       *
       * @param value at least 1
       * @return this builder
       */
      public Builder heads(int value) {
        heads = value;
        return this;
      }

      /**
       * The number of groups G of B and C (default 1): head h reads group {@code h / (H / G)}.
       *
       * @param value a divisor of H
       * @return this builder
       */
      public Builder groups(int value) {
        groups = value;
        return this;
      }

      /**
       * The inputs x, {@code (batch, H P, L)}.
       *
       * @param values finite (not copied)
       * @return this builder
       */
      public Builder x(double[] values) {
        x = values;
        return this;
      }

      /**
       * The transitions {@code a_t} per head, {@code (batch, H, L)}.
       *
       * @param values in [-1, 1] (not copied)
       * @return this builder
       */
      public Builder a(double[] values) {
        a = values;
        return this;
      }

      /**
       * The input vectors B_t, {@code (batch, G N, L)}; N follows from the length.
       *
       * @param values finite (not copied)
       * @return this builder
       */
      public Builder b(double[] values) {
        b = values;
        return this;
      }

      /**
       * The output vectors C_t, {@code (batch, G N, L)} like B.
       *
       * @param values finite (not copied)
       * @return this builder
       */
      public Builder c(double[] values) {
        c = values;
        return this;
      }

      /**
       * The skip D: {@code y += D x}, one value per head {@code (H)} or per channel {@code (H P)}.
       *
       * @param values finite, or null for none (not copied)
       * @return this builder
       */
      public Builder d(double[] values) {
        d = values;
        return this;
      }

      /**
       * The gate z: the output is {@code y silu(z)}, {@code (batch, H P, L)} like x.
       *
       * @param values finite, or null for none (not copied)
       * @return this builder
       */
      public Builder z(double[] values) {
        z = values;
        return this;
      }

      /**
       * The state before the first step, {@code (batch, H P, N)} like the final state.
       *
       * @param values finite, or null for zero (not copied)
       * @return this builder
       */
      public Builder initialState(double[] values) {
        initialState = values;
        return this;
      }

      /**
       * Checks the inputs.
       *
       * @return the inputs
       * @throws IllegalArgumentException naming the first bad input
       * @throws NullPointerException if a required array is missing
       */
      public SsdInputs build() {
        return new SsdInputs(this);
      }
    }
  }

  /**
   * Runs the chunked SSD scan.
   *
   * @param in the inputs
   * @param chunk the chunk length Q, at least 1 (values above L mean one chunk); {@code min(Q, L)}
   *     at most {@link #MAX_CHUNK}
   * @return the outputs y {@code (batch, H P, L)} and the final states {@code (batch, H P, N)}
   */
  public static SelectiveScan.Result chunked(SsdInputs in, int chunk) {
    return chunked(in, chunk, SsdGemm.SELECTED);
  }

  /** {@link #chunked(SsdInputs, int)} with the given product kernel (the tests run both). */
  static SelectiveScan.Result chunked(SsdInputs in, int chunk, SsdGemm gemm) {
    Args.notNull("in", in);
    int len = in.length;
    int q = Math.min(Args.positive("chunk", chunk), len);
    if (q > MAX_CHUNK) {
      throw Args.fail("chunk", chunk, "at most " + MAX_CHUNK + " (or at least the length)");
    }
    int w = gemm.width();
    int nh = in.heads;
    int pd = in.headDim;
    int n = in.stateDim;
    int perGroup = nh / in.groups;
    // padded work shapes: rows to the kernel's row block, columns to its width
    int qp = roundUp(q, w);
    int pp = roundUp(pd, SsdGemm.ROWS);
    int np = roundUp(n, w);
    double[] x = in.x;
    double[] a = in.a;
    double[] b = in.b;
    double[] c = in.c;
    double[] y = new double[x.length];
    // the states as (batch, H, Pp, Np) with zero padding
    int block = pp * np;
    double[] st = new double[Args.size("batch * H * P * N", (long) in.batch * nh * block)];
    if (in.initialState != null) {
      copyStates(in.initialState, st, in.batch * nh, pd, n, np, true);
    }
    double[] bt = new double[qp * n]; // bt[j n + k] = B[k, s + j]
    double[] cc = new double[n * qp]; // cc[k qp + i] = C[k, s + i]
    double[] gram = new double[qp * qp]; // gram[j qp + i] = C_i . B_j
    double[] mt = new double[qp * qp]; // mt[j qp + i] = L_ij C_i . B_j for j <= i, else 0
    double[] decay = new double[q]; // L_{i, s-1} = a_s ... a_i
    double[] tail = new double[q]; // L_{e, j}
    double[] cd = new double[n * qp]; // C[k, s + i] decay[i]
    double[] bw = new double[qp * np]; // bw[j np + k] = B[k, s + j] tail[j]
    double[] xb = new double[pp * qp]; // the head's chunk of x, (P, Q), zero padded
    double[] yb = new double[pp * qp]; // its outputs
    for (int item = 0; item < in.batch; item++) {
      for (int s = 0; s < len; s += q) {
        int m = Math.min(q, len - s);
        if (m < q) { // the short last chunk: clear the columns beyond m
          java.util.Arrays.fill(bt, 0);
          java.util.Arrays.fill(cc, 0);
          java.util.Arrays.fill(xb, 0);
        }
        for (int g = 0; g < in.groups; g++) {
          int bo = ((item * in.groups + g) * n) * len + s; // row k at bo + k len
          for (int k = 0; k < n; k++) {
            int row = bo + k * len;
            System.arraycopy(c, row, cc, k * qp, m);
            for (int j = 0; j < m; j++) {
              bt[j * n + k] = b[row + j];
            }
          }
          java.util.Arrays.fill(gram, 0);
          gemm.addProduct(bt, 0, n, cc, qp, gram, 0, qp, qp, qp, n, false);
          for (int h = g * perGroup; h < (g + 1) * perGroup; h++) {
            int ao = (item * nh + h) * len + s;
            int xo = (item * nh + h) * pd * len + s; // channel p at xo + p len
            int so = (item * nh + h) * block;
            maskedGram(a, ao, m, qp, gram, mt, decay, tail);
            for (int p = 0; p < pd; p++) {
              System.arraycopy(x, xo + p * len, xb, p * qp, m);
            }
            java.util.Arrays.fill(yb, 0);
            if (s > 0 || in.initialState != null) { // the incoming state: Y += H (C o decay)
              for (int k = 0; k < n; k++) {
                for (int i = 0; i < m; i++) {
                  cd[k * qp + i] = cc[k * qp + i] * decay[i];
                }
              }
              gemm.addProduct(st, so, np, cd, qp, yb, 0, qp, pp, qp, n, false);
            }
            gemm.addProduct(xb, 0, qp, mt, qp, yb, 0, qp, pp, qp, m, true); // Y += X (L o C B^T)^T
            for (int p = 0; p < pd; p++) {
              System.arraycopy(yb, p * qp, y, xo + p * len, m);
            }
            // chunk state: H <- L_{e,s-1} H + X (tail o B^T)
            double carry = decay[m - 1];
            for (int e = so; e < so + block; e++) {
              st[e] *= carry;
            }
            for (int j = 0; j < m; j++) {
              for (int k = 0; k < n; k++) {
                bw[j * np + k] = bt[j * n + k] * tail[j];
              }
            }
            gemm.addProduct(xb, 0, qp, bw, np, st, so, np, pp, np, m, false);
          }
        }
      }
    }
    double[] last = new double[in.batch * nh * pd * n];
    copyStates(last, st, in.batch * nh, pd, n, np, false);
    return finish(in, y, last);
  }

  /**
   * Runs the same map step by step (Mamba-2's recurrent mode): per head and step one rank-one
   * update of the N x P state and its product with C_t.
   *
   * @param in the inputs
   * @return the outputs y {@code (batch, H P, L)} and the final states {@code (batch, H P, N)}
   */
  public static SelectiveScan.Result recurrent(SsdInputs in) {
    Args.notNull("in", in);
    int len = in.length;
    int nh = in.heads;
    int pd = in.headDim;
    int n = in.stateDim;
    int perGroup = nh / in.groups;
    double[] y = new double[in.x.length];
    double[] st = new double[Args.size("batch * H * N * P", (long) in.batch * nh * n * pd)];
    if (in.initialState != null) {
      transposeStates(in.initialState, st, in.batch * nh, pd, n, true);
    }
    double[] xs = new double[pd];
    double[] ys = new double[pd];
    for (int item = 0; item < in.batch; item++) {
      for (int h = 0; h < nh; h++) {
        int bo = ((item * in.groups + h / perGroup) * n) * len;
        int xo = (item * nh + h) * pd * len;
        int so = (item * nh + h) * n * pd;
        int ao = (item * nh + h) * len;
        for (int t = 0; t < len; t++) {
          double at = in.a[ao + t];
          for (int p = 0; p < pd; p++) {
            xs[p] = in.x[xo + p * len + t];
          }
          java.util.Arrays.fill(ys, 0);
          for (int k = 0; k < n; k++) {
            double bk = in.b[bo + k * len + t];
            double ck = in.c[bo + k * len + t];
            int sk = so + k * pd;
            for (int p = 0; p < pd; p++) {
              double v = at * st[sk + p] + bk * xs[p];
              st[sk + p] = v;
              ys[p] += ck * v;
            }
          }
          for (int p = 0; p < pd; p++) {
            y[xo + p * len + t] = ys[p];
          }
        }
      }
    }
    double[] last = new double[st.length];
    transposeStates(last, st, in.batch * nh, pd, n, false);
    return finish(in, y, last);
  }

  /**
   * Runs the chunked SSD scan for heads of dimension 1 and one group, the 1.1 form.
   *
   * @param batch the number of sequences, at least 1
   * @param length the sequence length L, at least 1
   * @param chunk the chunk length Q, at least 1
   * @param x the inputs, (batch, D, L), finite
   * @param a the transitions a_t, (batch, D, L), in [-1, 1]
   * @param b the input vectors B_t, (batch, N, L), finite
   * @param c the output vectors C_t, (batch, N, L), finite
   * @return the outputs y (batch, D, L) and the last states (batch, D, N)
   * @deprecated five adjacent arrays can be swapped silently: use {@link #chunked} with named
   *     {@link #inputs()} ({@code heads} = D, {@code groups} = 1).
   */
  @Deprecated(since = "1.1")
  public static SelectiveScan.Result scan(
      int batch, int length, int chunk, double[] x, double[] a, double[] b, double[] c) {
    int nb = Args.positive("batch", batch);
    int len = Args.positive("length", length);
    Args.notNull("x", x);
    long steps = (long) nb * len;
    if (x.length == 0 || x.length % steps != 0) {
      throw Args.fail("x.length", x.length, "a positive multiple of batch * length = " + steps);
    }
    int heads = (int) (x.length / steps);
    return chunked(inputs().batch(nb).length(len).heads(heads).x(x).a(a).b(b).c(c).build(), chunk);
  }

  /** Adds D x, applies the gate and returns y with the final states, (batch, H P, N). */
  private static SelectiveScan.Result finish(SsdInputs in, double[] y, double[] last) {
    int len = in.length;
    int pd = in.headDim;
    if (in.d != null || in.z != null) {
      int channels = in.heads * pd;
      for (int item = 0; item < in.batch; item++) {
        for (int ch = 0; ch < channels; ch++) {
          double skip = in.d == null ? 0 : in.d[in.d.length == channels ? ch : ch / pd];
          int o = (item * channels + ch) * len;
          for (int t = o; t < o + len; t++) {
            double v = y[t] + skip * in.x[t];
            if (in.z != null) {
              double zz = in.z[t];
              v *= zz / (1 + Math.exp(-zz));
            }
            y[t] = v;
          }
        }
      }
    }
    return new SelectiveScan.Result(y, last);
  }

  /**
   * Copies between the public state layout (item-head, P, N) and the internal (item-head, N, P):
   * {@code toInternal} copies {@code pub} into {@code internal}, else back.
   */
  private static void transposeStates(
      double[] pub, double[] internal, int blocks, int pd, int n, boolean toInternal) {
    for (int blk = 0; blk < blocks; blk++) {
      int o = blk * pd * n;
      for (int p = 0; p < pd; p++) {
        for (int k = 0; k < n; k++) {
          if (toInternal) {
            internal[o + k * pd + p] = pub[o + p * n + k];
          } else {
            pub[o + p * n + k] = internal[o + k * pd + p];
          }
        }
      }
    }
  }

  private static int roundUp(int v, int unit) {
    return (v + unit - 1) / unit * unit;
  }

  /**
   * Copies between the public state layout (item-head, P, N) and the padded internal one
   * (item-head, Pp, Np) of {@link #chunked}, Pp = P rounded up to the kernel's rows: {@code
   * toInternal} copies {@code pub} into {@code internal}, else back.
   */
  private static void copyStates(
      double[] pub, double[] internal, int blocks, int pd, int n, int np, boolean toInternal) {
    int pp = roundUp(pd, SsdGemm.ROWS);
    for (int blk = 0; blk < blocks; blk++) {
      for (int p = 0; p < pd; p++) {
        int po = (blk * pd + p) * n;
        int io = blk * pp * np + p * np;
        if (toInternal) {
          System.arraycopy(pub, po, internal, io, n);
        } else {
          System.arraycopy(internal, io, pub, po, n);
        }
      }
    }
  }

  /**
   * The masked Gram matrix of one head's chunk: {@code mt[j q + i] = L_ij gram[j q + i]} for j <=
   * i, {@code decay[i] = a_0 ... a_i} and {@code tail[j] = L_{m-1, j}} (offsets relative to the
   * chunk start), as running products.
   */
  private static void maskedGram(
      double[] a, int ao, int m, int q, double[] gram, double[] mt, double[] decay, double[] tail) {
    double run = 1;
    for (int j = 0; j < m; j++) {
      double p = 1;
      int mj = j * q;
      mt[mj + j] = gram[mj + j];
      for (int i = j + 1; i < m; i++) {
        p *= a[ao + i];
        mt[mj + i] = p * gram[mj + i];
      }
      tail[j] = p;
      run *= a[ao + j];
      decay[j] = run;
    }
  }
}
