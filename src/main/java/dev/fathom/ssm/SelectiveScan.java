package dev.fathom.ssm;

import dev.fathom.core.Args;

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
 * <p>Layout: the library's convention, one rule for every array. Arrays indexed by time are flat
 * {@code (batch, channel, time)} with time innermost, the channel axis being the D channels for the
 * inputs and outputs and the N modes for the input-dependent B_t and C_t (as Mamba's {@code (B, N,
 * L)}); arrays without a time axis are {@code (channel, mode)} with the mode innermost, as in
 * {@link DiagonalSsm}. Complex values are interleaved pairs in place of one real value.
 *
 * <table>
 *   <caption>Shapes (outermost first)</caption>
 *   <tr><th>array</th><th>shape</th></tr>
 *   <tr><td>u, Δ, the gate z, the output y</td><td>(batch, D, L)</td></tr>
 *   <tr><td>input-dependent B_t, C_t ({@link Param#varying})</td><td>(batch, N, L)</td></tr>
 *   <tr><td>A; fixed B, C ({@link Param#fixed})</td><td>(D, N)</td></tr>
 *   <tr><td>the last state</td><td>(batch, D, N)</td></tr>
 *   <tr><td>the skip D and the Δ bias</td><td>(D)</td></tr>
 * </table>
 *
 * <p>The inputs are given by name, so that no two arrays of one type can be swapped silently:
 *
 * <pre>{@code
 * Result r = SelectiveScan.scan(SelectiveScan.inputs()
 *     .batch(nb).length(L).u(u).delta(delta).a(a)
 *     .b(Param.varying(b)).c(Param.varying(c)).options(Options.NONE.withD(d))
 *     .build());
 * }</pre>
 *
 * <p>{@link #scanComplex(ScanInputs)} takes the same inputs with complex A, B, C. Without {@code
 * batch} the inputs are the batch of one. The positional forms of 1.0 are deprecated. All methods
 * are static and thread-safe.
 *
 * @since 1.0
 */
public final class SelectiveScan {
  private SelectiveScan() {}

  /**
   * Optional parts of the scan, immutable: start from {@link #NONE} and add what is used by name,
   *
   * <pre>{@code
   * Options o = Options.NONE.withD(d).withZ(z).withDeltaBias(bias).withDeltaSoftplus(true);
   * }</pre>
   *
   * <p>The withers copy their arrays; the lengths are checked against the scan's shapes when it
   * runs.
   */
  public static final class Options {
    /** No skip, no gate, no bias, raw Δ, one sequence. */
    public static final Options NONE = new Options(null, null, null, false, null);

    private final double[] d;
    private final double[] z;
    private final double[] deltaBias;
    private final boolean deltaSoftplus;
    private final int[] sequenceStarts;

    private Options(
        double[] d, double[] z, double[] deltaBias, boolean deltaSoftplus, int[] sequenceStarts) {
      this.d = d;
      this.z = z;
      this.deltaBias = deltaBias;
      this.deltaSoftplus = deltaSoftplus;
      this.sequenceStarts = sequenceStarts;
    }

    /**
     * The skip D per channel.
     *
     * @return D doubles, or null for none (internal; do not modify)
     */
    public double[] d() {
      return d;
    }

    /**
     * The gate z: the output is multiplied by {@code silu(z)}.
     *
     * @return (batch, D, L) doubles like u, or null for none (internal; do not modify)
     */
    public double[] z() {
      return z;
    }

    /**
     * The bias added to Δ before the softplus.
     *
     * @return D doubles, or null for none (internal; do not modify)
     */
    public double[] deltaBias() {
      return deltaBias;
    }

    /**
     * Whether Δ goes through softplus.
     *
     * @return true for {@code softplus(Δ + bias)}
     */
    public boolean deltaSoftplus() {
      return deltaSoftplus;
    }

    /**
     * The starts of packed sequences (Mamba's {@code cu_seqlens}).
     *
     * @return the time steps where the state is reset to zero, or null for one sequence per item
     *     (internal; do not modify)
     */
    public int[] sequenceStarts() {
      return sequenceStarts;
    }

    /**
     * These options with the skip D.
     *
     * @param values D doubles, finite, or null for none
     * @return the new options
     */
    public Options withD(double[] values) {
      return new Options(copy(values), z, deltaBias, deltaSoftplus, sequenceStarts);
    }

    /**
     * These options with the gate z.
     *
     * @param values (batch, D, L) doubles like u, finite, or null for none
     * @return the new options
     */
    public Options withZ(double[] values) {
      return new Options(d, copy(values), deltaBias, deltaSoftplus, sequenceStarts);
    }

    /**
     * These options with a bias of Δ.
     *
     * @param values D doubles, finite, or null for none
     * @return the new options
     */
    public Options withDeltaBias(double[] values) {
      return new Options(d, z, copy(values), deltaSoftplus, sequenceStarts);
    }

    /**
     * These options with or without the softplus of Δ.
     *
     * @param softplus whether Δ goes through softplus
     * @return the new options
     */
    public Options withDeltaSoftplus(boolean softplus) {
      return new Options(d, z, deltaBias, softplus, sequenceStarts);
    }

    /**
     * These options with packed sequences: the state is reset to zero at each start.
     *
     * @param starts time steps strictly increasing in {@code (0, L)}, or null for one sequence
     * @return the new options
     */
    public Options withSequenceStarts(int[] starts) {
      return new Options(d, z, deltaBias, deltaSoftplus, starts == null ? null : starts.clone());
    }

    private static double[] copy(double[] values) {
      return values == null ? null : values.clone();
    }

    @Override
    public String toString() {
      return "Options[d="
          + (d != null)
          + ", z="
          + (z != null)
          + ", deltaBias="
          + (deltaBias != null)
          + ", deltaSoftplus="
          + deltaSoftplus
          + ", sequenceStarts="
          + java.util.Arrays.toString(sequenceStarts)
          + "]";
    }
  }

  /** Outputs and final state. */
  public static final class Result {
    private final double[] y;
    private final double[] lastState;

    /** Stores the parts. */
    Result(double[] y, double[] lastState) {
      this.y = y;
      this.lastState = lastState;
    }

    /**
     * Returns y: the outputs, (batch, D, L).
     *
     * @return y
     */
    public double[] y() {
      return y;
    }

    /**
     * Returns lastState: the final state, (batch, D, N), complex interleaved for the complex scans.
     *
     * @return lastState
     */
    public double[] lastState() {
      return lastState;
    }
  }

  /**
   * Runs the scan for one sequence.
   *
   * @param length the sequence length L, at least 1
   * @param u the inputs, (D, L), finite
   * @param delta the raw steps Δ, (D, L), finite (positive after bias and softplus)
   * @param a the state matrix diagonal A, (D, N), finite
   * @param b the input vectors B_t, (N, L), time innermost
   * @param c the output vectors C_t, (N, L), time innermost
   * @param options skip, gate, bias, softplus
   * @return the outputs and the last state
   * @deprecated adjacent arrays of one type can be swapped silently: use {@link #scan(ScanInputs)}
   *     or {@link #scanComplex(ScanInputs)} with named {@link #inputs()}.
   */
  @Deprecated(since = "1.1")
  public static Result scan(
      int length, double[] u, double[] delta, double[] a, double[] b, double[] c, Options options) {
    return SelectiveScanKernel.run(
        1, length, u, delta, a, Param.varying(b), Param.varying(c), options, false);
  }

  /**
   * Runs the scan with complex diagonal A, B_t and C_t (Mamba's complex mode): the N modes stand
   * for N conjugate pairs and the output is {@code 2 Re(C_t . x_t) + D u_t}.
   *
   * @param length the sequence length L, at least 1
   * @param u the inputs, (D, L), finite
   * @param delta the raw steps Δ, (D, L)
   * @param a the complex state diagonal, (D, N) complex, interleaved
   * @param b the complex input matrices, (N, L) complex, interleaved, time innermost
   * @param c the complex output matrices, (N, L) complex, interleaved, time innermost
   * @param options skip, gate, bias, softplus
   * @return the outputs and the last state (2 D N doubles, interleaved)
   * @deprecated adjacent arrays of one type can be swapped silently: use {@link #scan(ScanInputs)}
   *     or {@link #scanComplex(ScanInputs)} with named {@link #inputs()}.
   */
  @Deprecated(since = "1.1")
  public static Result scanComplex(
      int length, double[] u, double[] delta, double[] a, double[] b, double[] c, Options options) {
    return SelectiveScanKernel.run(
        1, length, u, delta, a, Param.varying(b), Param.varying(c), options, true);
  }

  /**
   * B or C of a batched scan: either input-dependent, one vector per batch item and time step
   * (shape (batch, N, L), time innermost), or fixed, one input-independent vector per channel
   * (shape (D, N), like A). Complex values are interleaved. Made by {@link #varying} or {@link
   * #fixed}; immutable.
   */
  public static final class Param {
    private final double[] values;
    private final boolean fixed;

    private Param(double[] values, boolean fixed) {
      this.values = Args.finite("values", Args.notNull("values", values)).clone();
      this.fixed = fixed;
    }

    /**
     * Input-dependent values, (batch, N, L).
     *
     * @param values the values, finite (copied)
     * @return the parameter
     */
    public static Param varying(double[] values) {
      return new Param(values, false);
    }

    /**
     * Fixed per-channel values, (D, N).
     *
     * @param values the values, finite (copied)
     * @return the parameter
     */
    public static Param fixed(double[] values) {
      return new Param(values, true);
    }

    /**
     * The values.
     *
     * @return the values (internal; do not modify)
     */
    public double[] values() {
      return values;
    }

    /**
     * Whether the values are the fixed (D, N) form.
     *
     * @return true for fixed, false for input-dependent
     */
    public boolean fixed() {
      return fixed;
    }

    @Override
    public String toString() {
      return "Param[" + (fixed ? "fixed" : "varying") + ", length=" + values.length + "]";
    }
  }

  /**
   * Runs the scan for a batch of sequences of equal length, real modes. The options apply to every
   * item: D and the Δ bias per channel, the gate z with the shape of u (batch, D, L), and packed
   * sequence starts (if any) restart the state inside each item.
   *
   * @param batch the number of sequences, at least 1
   * @param length the sequence length L, at least 1
   * @param u the inputs, (batch, D, L), finite
   * @param delta the raw steps Δ, (batch, D, L)
   * @param a the state matrix diagonal A, D N doubles (shared by the batch)
   * @param b the input matrices, varying (batch, N, L) or fixed (D, N)
   * @param c the output matrices, varying (batch, N, L) or fixed (D, N)
   * @param options skip, gate, bias, softplus, sequence starts
   * @return outputs (batch D L) and last states (batch D N)
   * @deprecated adjacent arrays of one type can be swapped silently: use {@link #scan(ScanInputs)}
   *     or {@link #scanComplex(ScanInputs)} with named {@link #inputs()}.
   */
  @Deprecated(since = "1.1")
  public static Result scanBatch(
      int batch,
      int length,
      double[] u,
      double[] delta,
      double[] a,
      Param b,
      Param c,
      Options options) {
    return SelectiveScanKernel.run(batch, length, u, delta, a, b, c, options, false);
  }

  /**
   * The batched scan with complex modes (output {@code 2 Re(C_t . x_t) + D u_t}); shapes as in
   * {@link #scanBatch} with every value of A, B, C and the state interleaved complex.
   *
   * @param batch the number of sequences, at least 1
   * @param length the sequence length L, at least 1
   * @param u the inputs, (batch, D, L), finite
   * @param delta the raw steps Δ, (batch, D, L)
   * @param a the complex state diagonal, 2 D N doubles
   * @param b the input matrices, varying (batch, N, L) or fixed (D, N), complex
   * @param c the output matrices, varying (batch, N, L) or fixed (D, N), complex
   * @param options skip, gate, bias, softplus, sequence starts
   * @return outputs (batch D L) and last states (2 batch D N doubles)
   * @deprecated adjacent arrays of one type can be swapped silently: use {@link #scan(ScanInputs)}
   *     or {@link #scanComplex(ScanInputs)} with named {@link #inputs()}.
   */
  @Deprecated(since = "1.1")
  public static Result scanBatchComplex(
      int batch,
      int length,
      double[] u,
      double[] delta,
      double[] a,
      Param b,
      Param c,
      Options options) {
    return SelectiveScanKernel.run(batch, length, u, delta, a, b, c, options, true);
  }

  /**
   * Starts the named inputs of a scan.
   *
   * @return an empty builder (batch 1, {@link Options#NONE})
   */
  public static ScanInputs.Builder inputs() {
    return new ScanInputs.Builder();
  }

  /**
   * The inputs of a selective scan by name, in the shapes of the class table. Made by {@link
   * SelectiveScan#inputs()}; the arrays are not copied (leave them alone until the scan returns);
   * shapes are checked when the scan runs, real or complex.
   *
   * @since 1.1
   */
  public static final class ScanInputs {
    private final int batch;
    private final int length;
    private final double[] u;
    private final double[] delta;
    private final double[] a;
    private final Param b;
    private final Param c;
    private final Options options;

    private ScanInputs(Builder k) {
      batch = k.batch;
      length = k.length;
      u = Args.notNull("u", k.u);
      delta = Args.notNull("delta", k.delta);
      a = Args.notNull("a", k.a);
      b = Args.notNull("b", k.b);
      c = Args.notNull("c", k.c);
      options = Args.notNull("options", k.options);
    }

    @Override
    public String toString() {
      return "ScanInputs[batch="
          + batch
          + ", length="
          + length
          + ", u.length="
          + u.length
          + ", b="
          + b
          + ", c="
          + c
          + ", "
          + options
          + "]";
    }

    /**
     * Collects the named inputs. Required: {@link #length}, {@link #u}, {@link #delta}, {@link #a},
     * {@link #b}, {@link #c}.
     */
    public static final class Builder {
      private int batch = 1;
      private int length;
      private double[] u;
      private double[] delta;
      private double[] a;
      private Param b;
      private Param c;
      private Options options = Options.NONE;

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
       * The inputs u, {@code (batch, D, L)}; D follows from the length.
       *
       * @param values finite (not copied)
       * @return this builder
       */
      public Builder u(double[] values) {
        u = values;
        return this;
      }

      /**
       * The raw steps Δ, {@code (batch, D, L)} like u.
       *
       * @param values finite, positive after bias and softplus (not copied)
       * @return this builder
       */
      public Builder delta(double[] values) {
        delta = values;
        return this;
      }

      /**
       * The state matrix diagonal A, {@code (D, N)} (complex interleaved for the complex scan).
       *
       * @param values finite (not copied)
       * @return this builder
       */
      public Builder a(double[] values) {
        a = values;
        return this;
      }

      /**
       * The input matrices B.
       *
       * @param values varying {@code (batch, N, L)} or fixed {@code (D, N)}
       * @return this builder
       */
      public Builder b(Param values) {
        b = values;
        return this;
      }

      /**
       * The output matrices C.
       *
       * @param values varying {@code (batch, N, L)} or fixed {@code (D, N)}
       * @return this builder
       */
      public Builder c(Param values) {
        c = values;
        return this;
      }

      /**
       * The optional parts: skip, gate, Δ bias and softplus, packed sequences (default {@link
       * Options#NONE}).
       *
       * @param values the options
       * @return this builder
       */
      public Builder options(Options values) {
        options = values;
        return this;
      }

      /**
       * Collects the inputs (the shapes are checked by the scan).
       *
       * @return the inputs
       * @throws NullPointerException if a required input is missing
       */
      public ScanInputs build() {
        return new ScanInputs(this);
      }
    }
  }

  /**
   * Runs the scan with real modes.
   *
   * @param in the inputs
   * @return outputs {@code (batch, D, L)} and last states {@code (batch, D, N)}
   */
  public static Result scan(ScanInputs in) {
    Args.notNull("in", in);
    return SelectiveScanKernel.run(
        in.batch, in.length, in.u, in.delta, in.a, in.b, in.c, in.options, false);
  }

  /**
   * Runs the scan with complex modes (Mamba's complex mode): A, B, C and the state complex
   * interleaved, output {@code 2 Re(C_t . x_t) + D u_t}.
   *
   * @param in the inputs
   * @return outputs {@code (batch, D, L)} and last states ({@code 2 batch D N} doubles)
   */
  public static Result scanComplex(ScanInputs in) {
    Args.notNull("in", in);
    return SelectiveScanKernel.run(
        in.batch, in.length, in.u, in.delta, in.a, in.b, in.c, in.options, true);
  }
}
