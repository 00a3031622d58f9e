package dev.fathom.ssm;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * The S4D initializations of a diagonal system (Gu et al. 2022, section 4), and the standard C and
 * Δ initializations. N is the full real state size; complex inits store N/2 conjugate-pair modes
 * with the reference code's sign convention {@code Im A <= 0}.
 *
 * <ul>
 *   <li>S4D-LegS: the normal part of HiPPO-LegS, {@code A_n = -1/2 + i w_n}, {@code B = V^* B_LegS
 *       / 2} (the halved B for which the kernel converges to LegS's as N grows; the reference code
 *       drops the 1/2, see {@link #legs(int, boolean)}).
 *   <li>S4D-Inv: {@code A_n = -1/2 - i (N/pi)(N/(2n+1) - 1)}, {@code B_n = 1}.
 *   <li>S4D-Lin: {@code A_n = -1/2 - i pi n}, {@code B_n = 1}.
 *   <li>S4D-Real: N real modes {@code A_n = -(n+1)}, {@code B_n = 1} (Mamba's default), {@link
 *       DiagonalSsm.Storage#FULL}.
 *   <li>The reference code's less common {@code inv2}, {@code quad} and {@code rand}.
 * </ul>
 *
 * All methods are static and thread-safe; randomized ones are reproducible from their seed.
 *
 * @since 1.0
 */
public final class S4dInit {
  private S4dInit() {}

  /**
   * The modes of one channel, as the factories of this class make them (for other modes, give the
   * arrays to {@link DiagonalSsm#builder} by name). Immutable; accessors return the internal
   * arrays, which must not be modified.
   */
  public static final class Modes {
    private final DiagonalSsm.Storage storage;
    private final double[] a;
    private final double[] b;

    /** Validates arrays the caller no longer shares. */
    Modes(DiagonalSsm.Storage storage, double[] a, double[] b) {
      this.storage = Args.notNull("storage", storage);
      this.a = Args.finite("a", Args.interleaved("a", a));
      this.b = Args.finite("b", Args.length("b", b, a.length));
    }

    /**
     * How the modes map to a real output.
     *
     * @return the storage
     */
    public DiagonalSsm.Storage storage() {
      return storage;
    }

    /**
     * The eigenvalues A.
     *
     * @return 2 M doubles, interleaved (internal; do not modify)
     */
    public double[] a() {
      return a;
    }

    /**
     * The input coefficients B.
     *
     * @return 2 M doubles, interleaved (internal; do not modify)
     */
    public double[] b() {
      return b;
    }

    /**
     * Returns the number of stored modes.
     *
     * @return M
     */
    public int count() {
      return a.length / 2;
    }

    @Override
    public String toString() {
      return "Modes[storage=" + storage + ", count=" + count() + "]";
    }
  }

  /**
   * S4D-LegS with the halved B of the theory.
   *
   * @param n the full state size N, even and at least 2
   * @return N/2 conjugate-pair modes
   */
  public static Modes legs(int n) {
    return legs(n, true);
  }

  /**
   * S4D-LegS.
   *
   * @param n the full state size N, even and at least 2
   * @param halveB whether to use {@code B/2} (theory) or B (reference code)
   * @return N/2 conjugate-pair modes
   */
  public static Modes legs(int n, boolean halveB) {
    Nplr d = Hippo.nplr(Hippo.Measure.LEGS, n);
    double[] b = d.bTilde().clone();
    if (halveB) {
      for (int i = 0; i < b.length; i++) {
        b[i] *= 0.5;
      }
    }
    return new Modes(DiagonalSsm.Storage.CONJUGATE_PAIRS, d.lambda().clone(), b);
  }

  /**
   * Clips the imaginary parts of B to {@code [-bound, bound]}, the reference code's {@code B_clip =
   * 2} for S4D-LegS.
   *
   * @param modes the modes
   * @param bound the bound, positive
   * @return new modes with the same A
   */
  public static Modes clipImaginaryB(Modes modes, double bound) {
    Args.notNull("modes", modes);
    Args.positive("bound", bound);
    double[] b = modes.b().clone();
    for (int k = 1; k < b.length; k += 2) {
      b[k] = Math.max(-bound, Math.min(bound, b[k]));
    }
    return new Modes(modes.storage(), modes.a().clone(), b);
  }

  /**
   * S4D-Inv.
   *
   * @param n the full state size N, even and at least 2
   * @return N/2 conjugate-pair modes
   */
  public static Modes inv(int n) {
    return halfDamped(n, k -> -(n / Math.PI) * (n / (2.0 * k + 1) - 1));
  }

  /**
   * S4D-Lin.
   *
   * @param n the full state size N, even and at least 2
   * @return N/2 conjugate-pair modes
   */
  public static Modes lin(int n) {
    return halfDamped(n, k -> -Math.PI * k);
  }

  /**
   * The reference code's {@code inv2}: {@code A_n = -1/2 - i (N/pi)(N/(n+1) - 1)}, {@code B_n = 1}.
   *
   * @param n the full state size N, even and at least 2
   * @return N/2 conjugate-pair modes
   */
  public static Modes inv2(int n) {
    return halfDamped(n, k -> -(n / Math.PI) * (n / (k + 1.0) - 1));
  }

  /**
   * The reference code's {@code quad}: {@code A_n = -1/2 - i (1/pi)(1 + 2n)^2}, {@code B_n = 1}.
   *
   * @param n the full state size N, even and at least 2
   * @return N/2 conjugate-pair modes
   */
  public static Modes quad(int n) {
    return halfDamped(n, k -> -(1 + 2.0 * k) * (1 + 2.0 * k) / Math.PI);
  }

  /**
   * The reference code's {@code rand}: {@code A_n = -1/2 - i exp(g_n)} with standard normal {@code
   * g_n}, {@code B_n = 1}.
   *
   * @param n the full state size N, even and at least 2
   * @param seed the seed ({@code random(n, Rng.create(seed))})
   * @return N/2 conjugate-pair modes
   */
  public static Modes random(int n, long seed) {
    return random(n, Rng.create(seed));
  }

  /**
   * {@link #random(int, long)} drawing from a given generator.
   *
   * @param n the full state size N, even and at least 2
   * @param rng the generator, advanced by N/2 draws
   * @return N/2 conjugate-pair modes
   */
  public static Modes random(int n, RandomGenerator rng) {
    Args.notNull("rng", rng);
    return halfDamped(n, k -> -Math.exp(rng.nextGaussian()));
  }

  /**
   * S4D-Real.
   *
   * @param n the state size N, at least 1
   * @return N real modes, full storage
   */
  public static Modes real(int n) {
    Args.positive("n", n);
    Args.size("2 * n", 2L * n);
    double[] a = new double[2 * n];
    for (int k = 0; k < n; k++) {
      a[2 * k] = -(k + 1);
    }
    return new Modes(DiagonalSsm.Storage.FULL, a, ones(n));
  }

  /**
   * C initialization: independent complex standard normals, variance 1/2 per real and imaginary
   * part (as {@code torch.randn(cfloat)}); with {@code complex = false}, real standard normals.
   *
   * @param channels H, at least 1
   * @param modes M, at least 1
   * @param complex whether C is complex
   * @param seed the seed ({@code gaussianC(channels, modes, complex, Rng.create(seed))})
   * @return 2 H M doubles, interleaved
   */
  public static double[] gaussianC(int channels, int modes, boolean complex, long seed) {
    return gaussianC(channels, modes, complex, Rng.create(seed));
  }

  /**
   * {@link #gaussianC(int, int, boolean, long)} drawing from a given generator.
   *
   * @param channels H, at least 1
   * @param modes M, at least 1
   * @param complex whether C is complex
   * @param rng the generator
   * @return 2 H M doubles, interleaved
   */
  public static double[] gaussianC(int channels, int modes, boolean complex, RandomGenerator rng) {
    Args.positive("channels", channels);
    Args.positive("modes", modes);
    Args.notNull("rng", rng);
    Args.size("2 * channels * modes", 2L * channels * modes);
    double[] c = new double[2 * channels * modes];
    double s = Math.sqrt(0.5);
    for (int k = 0; k < c.length; k += 2) {
      if (complex) {
        c[k] = s * rng.nextGaussian();
        c[k + 1] = s * rng.nextGaussian();
      } else {
        c[k] = rng.nextGaussian();
      }
    }
    return c;
  }

  /**
   * Δ initialization: {@code log Δ ~ Uniform[log dtMin, log dtMax]} per channel.
   *
   * @param channels H, at least 1
   * @param dtMin the smallest timescale, positive (0.001 in the references)
   * @param dtMax the largest timescale, greater than dtMin (0.1 in the references)
   * @param seed the seed ({@code logUniformDt(channels, dtMin, dtMax, Rng.create(seed))})
   * @return H timescales
   */
  public static double[] logUniformDt(int channels, double dtMin, double dtMax, long seed) {
    return logUniformDt(channels, dtMin, dtMax, Rng.create(seed));
  }

  /**
   * {@link #logUniformDt(int, double, double, long)} drawing from a given generator.
   *
   * @param channels H, at least 1
   * @param dtMin the smallest timescale, positive
   * @param dtMax the largest timescale, greater than dtMin
   * @param rng the generator
   * @return H timescales
   */
  public static double[] logUniformDt(
      int channels, double dtMin, double dtMax, RandomGenerator rng) {
    checkRange(channels, dtMin, dtMax);
    Args.notNull("rng", rng);
    double[] dt = new double[channels];
    for (int h = 0; h < channels; h++) {
      dt[h] = Math.exp(rng.nextDouble(Math.log(dtMin), Math.log(dtMax)));
    }
    return dt;
  }

  /**
   * Deterministic Δ initialization: {@code log Δ = linspace(log dtMin, log dtMax, H)}.
   *
   * @param channels H, at least 1
   * @param dtMin the smallest timescale, positive
   * @param dtMax the largest timescale, greater than dtMin
   * @return H timescales
   */
  public static double[] logSpacedDt(int channels, double dtMin, double dtMax) {
    checkRange(channels, dtMin, dtMax);
    double[] dt = new double[channels];
    double lo = Math.log(dtMin);
    double step = channels == 1 ? 0 : (Math.log(dtMax) - lo) / (channels - 1);
    for (int h = 0; h < channels; h++) {
      dt[h] = Math.exp(lo + h * step);
    }
    return dt;
  }

  private static void checkRange(int channels, double dtMin, double dtMax) {
    Args.positive("channels", channels);
    Args.positive("dtMin", dtMin);
    Args.positive("dtMax", dtMax);
    if (!(dtMax > dtMin)) {
      throw Args.fail("dtMax", dtMax, "greater than dtMin = " + dtMin);
    }
  }

  /** N/2 pairs with Re A = -1/2, Im A = imag(k) in order of k, and B = 1. */
  private static Modes halfDamped(int n, java.util.function.IntToDoubleFunction imag) {
    int m = half(n);
    double[] a = new double[2 * m];
    for (int k = 0; k < m; k++) {
      a[2 * k] = -0.5;
      a[2 * k + 1] = imag.applyAsDouble(k);
    }
    return new Modes(DiagonalSsm.Storage.CONJUGATE_PAIRS, a, ones(m));
  }

  private static int half(int n) {
    if (n < 2 || (n & 1) != 0) {
      throw Args.fail("n", n, "an even state size >= 2 (conjugate pairs)");
    }
    return n / 2;
  }

  private static double[] ones(int m) {
    double[] b = new double[2 * m];
    for (int k = 0; k < m; k++) {
      b[2 * k] = 1;
    }
    return b;
  }
}
