package dev.fathom.linalg;

import dev.fathom.core.Args;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Fast Fourier transforms of real and complex sequences of any length.
 *
 * <p>Convention: the forward transform is {@code X[k] = sum_j x[j] exp(-2 pi i j k / n)}; the
 * inverse divides by {@code n}, so {@code inverse(forward(x)) == x} to rounding. Complex data is
 * interleaved {@code (re, im, ...)}. A real sequence of length {@code n} has the half spectrum
 * {@code X[0..n/2]} ({@code n/2 + 1} complex values, interleaved), the other half being its
 * conjugate mirror.
 *
 * <p>An {@code Fft} instance is a plan for one length: its twiddle tables are shared through a
 * small cache, and it may own a scratch buffer, so an instance is <b>not thread-safe</b>; create
 * one per thread with {@link #of(int)} (cheap after the first call for a length). The static
 * convenience methods create a plan per call and are thread-safe.
 *
 * <p>Two engines. A plan from {@link #of(int)} uses JTransforms (mixed radix, and its own Bluestein
 * for lengths with large prime factors); it is the faster engine on one thread below {@code 2^20}
 * points (Fathom's kernel measured up to about 1.5 times slower there on JDK 17, less on JDK 25,
 * and level from {@code 2^20} to {@code 2^22}; see docs/linalg.md). A plan from {@link
 * #withThreads(int)} uses Fathom's own kernel: a radix-4 FFT for powers of two (and Bluestein's
 * method over it for other lengths) whose tables are shared by all plans. Both agree with the exact
 * DFT to about {@code log2(n)} units of rounding of the largest output; they are not bit-identical
 * with each other.
 *
 * <p>Threads. A plan from {@link #withThreads(int) withThreads(t)} uses exactly {@code t} threads
 * per transform: the calling thread plus {@code t - 1} daemon threads started for the call, from
 * {@code 2^15} complex points (a real transform of length {@code 2^16}, or a Bluestein work length
 * of {@code 2^15}); shorter transforms run in the calling thread. Its results are bit-identical for
 * every {@code t}, and {@code withThreads(1)} never starts a thread. A plan from {@link #of(int)}
 * follows JTransforms' process-wide setting: for long transforms (about {@code n >= 8192})
 * JTransforms splits the work over its own pool, as set by {@code
 * pl.edu.icm.jlargearrays.ConcurrencyUtils}, with results bit-identical to its single-thread path.
 * Fathom never changes those settings, so the application owns them: {@code
 * ConcurrencyUtils.setNumberOfThreads(1)} makes those transforms single-threaded. JTransforms'
 * default pool uses non-daemon threads that stay alive for a minute after their last task; a
 * program that returns from {@code main} without {@code System.exit} should call {@code
 * ConcurrencyUtils.shutdownThreadPoolAndAwaitTermination()} first (or use {@code withThreads}).
 *
 * @since 1.0
 */
public final class Fft {
  private static final int CACHE_LIMIT = 64;
  private static final ConcurrentHashMap<Integer, DoubleFFT_1D> TABLES = new ConcurrentHashMap<>();

  private static final ConcurrentHashMap<Integer, PowerOfTwoFft> KERNELS =
      new ConcurrentHashMap<>();

  /** The largest thread count a plan accepts. */
  public static final int MAX_THREADS = 256;

  private final int n;
  private final int threads;

  /** Fathom's kernel for powers of two (of half the length for the real transform), or null. */
  private final PowerOfTwoFft complex;

  private final PowerOfTwoFft half;

  /** Bluestein's method over Fathom's kernel, for other lengths with a thread count, or null. */
  private final BluesteinFft bluestein;

  /** JTransforms' plan for plans without a thread count, or null. */
  private final DoubleFFT_1D fft;

  private double[] scratch;

  private Fft(int n, int threads) {
    this.n = n;
    this.threads = threads;
    if (threads > 0 && Integer.bitCount(n) == 1) {
      int p = Integer.numberOfTrailingZeros(n);
      this.complex = kernel(p);
      this.half = p == 0 ? null : kernel(p - 1);
      this.bluestein = null;
      this.fft = null;
    } else if (threads > 0) {
      this.complex = null;
      this.half = null;
      this.bluestein = new BluesteinFft(n, kernel(BluesteinFft.workLog(n)));
      this.fft = null;
    } else {
      this.complex = null;
      this.half = null;
      this.bluestein = null;
      DoubleFFT_1D t = TABLES.get(n);
      if (t == null) {
        if (TABLES.size() >= CACHE_LIMIT) {
          TABLES.clear();
        }
        t = TABLES.computeIfAbsent(n, DoubleFFT_1D::new);
      }
      this.fft = t;
    }
  }

  private static PowerOfTwoFft kernel(int p) {
    return KERNELS.computeIfAbsent(p, PowerOfTwoFft::new);
  }

  /**
   * The largest supported transform length, {@code 2^28}: lengths that are not powers of two use
   * Bluestein's method with a work array of the next power of two above {@code 2n}, and every work
   * array must fit in a Java array.
   */
  public static final int MAX_SIZE = 1 << 28;

  /**
   * Returns a plan for sequences of length {@code n}.
   *
   * @param n the transform length, in {@code [1, MAX_SIZE]}
   * @return the plan (not thread-safe)
   */
  public static Fft of(int n) {
    if (Args.positive("n", n) > MAX_SIZE) {
      throw Args.fail("n", n, "at most Fft.MAX_SIZE = " + MAX_SIZE);
    }
    return new Fft(n, 0);
  }

  /**
   * Returns a plan for the same length on Fathom's own kernel that uses exactly {@code threads}
   * threads per transform (from {@code 2^15} complex points; see the class description), with
   * results bit-identical for every thread count. Lengths that are not powers of two use
   * Bluestein's method, which holds a work array of {@code 2M} doubles and the chirp's transform
   * ({@code M >= 2n - 1} a power of two) per plan.
   *
   * @param threads the number of threads one transform may use, in {@code [1, MAX_THREADS]}; 1 runs
   *     everything in the calling thread
   * @return the new plan (not thread-safe)
   */
  public Fft withThreads(int threads) {
    Args.inRange("threads", threads, 1, MAX_THREADS);
    return new Fft(n, threads);
  }

  /**
   * Returns the thread count this plan was given by {@link #withThreads(int)}.
   *
   * @return the thread count, or empty for a plan from {@link #of(int)}, whose threading is
   *     JTransforms' process-wide setting
   */
  public OptionalInt threads() {
    return threads > 0 ? OptionalInt.of(threads) : OptionalInt.empty();
  }

  /**
   * Returns the transform length.
   *
   * @return {@code n}
   */
  public int size() {
    return n;
  }

  /**
   * Forward complex transform in place.
   *
   * @param z interleaved array of {@code 2n} doubles, replaced by its transform
   */
  public void forward(double[] z) {
    Args.length("z", z, 2 * n);
    if (complex != null) {
      complex.forward(z, threads);
    } else if (bluestein != null) {
      bluestein.transform(z, false, threads);
    } else {
      fft.complexForward(z);
    }
  }

  /**
   * Inverse complex transform in place, scaled by {@code 1/n}.
   *
   * @param z interleaved array of {@code 2n} doubles, replaced by its inverse transform
   */
  public void inverse(double[] z) {
    Args.length("z", z, 2 * n);
    if (complex != null) {
      complex.inverse(z, threads);
    } else if (bluestein != null) {
      bluestein.transform(z, true, threads);
    } else {
      fft.complexInverse(z, true);
    }
  }

  /**
   * Forward transform of a real sequence to its half spectrum.
   *
   * @param x real input of length {@code n} (not modified)
   * @param spectrum interleaved output of {@code 2 * (n / 2 + 1)} doubles: {@code X[0..n/2]}
   */
  public void realForward(double[] x, double[] spectrum) {
    Args.length("x", x, n);
    Args.length("spectrum", spectrum, 2 * (n / 2 + 1));
    if (complex != null) {
      System.arraycopy(x, 0, spectrum, 0, n);
      if (half == null) {
        spectrum[1] = 0;
      } else {
        half.realForward(spectrum, threads);
      }
      return;
    }
    if (bluestein != null) {
      double[] z = complexScratch();
      for (int j = 0; j < n; j++) {
        z[2 * j] = x[j];
        z[2 * j + 1] = 0;
      }
      bluestein.transform(z, false, threads);
      System.arraycopy(z, 0, spectrum, 0, spectrum.length);
      return;
    }
    double[] a = scratch();
    System.arraycopy(x, 0, a, 0, n);
    fft.realForward(a);
    unpack(a, spectrum);
  }

  /**
   * Inverse transform of a half spectrum to a real sequence, scaled by {@code 1/n}. The imaginary
   * parts of {@code X[0]} and (for even {@code n}) {@code X[n/2]} are ignored, as for any real
   * sequence they are zero.
   *
   * @param spectrum interleaved half spectrum of {@code 2 * (n / 2 + 1)} doubles (not modified)
   * @param x real output of length {@code n}
   */
  public void realInverse(double[] spectrum, double[] x) {
    Args.length("spectrum", spectrum, 2 * (n / 2 + 1));
    Args.length("x", x, n);
    if (complex != null) {
      if (half == null) {
        x[0] = spectrum[0];
      } else {
        half.realInverse(spectrum, x, threads);
      }
      return;
    }
    if (bluestein != null) {
      double[] z = complexScratch();
      int top = n / 2;
      System.arraycopy(spectrum, 0, z, 0, 2 * (top + 1));
      z[1] = 0;
      if ((n & 1) == 0) {
        z[2 * top + 1] = 0;
      }
      for (int k = 1; 2 * k < n; k++) {
        z[2 * (n - k)] = spectrum[2 * k];
        z[2 * (n - k) + 1] = -spectrum[2 * k + 1];
      }
      bluestein.transform(z, true, threads);
      for (int j = 0; j < n; j++) {
        x[j] = z[2 * j];
      }
      return;
    }
    double[] a = scratch();
    pack(spectrum, a);
    fft.realInverse(a, true);
    System.arraycopy(a, 0, x, 0, n);
  }

  /**
   * Forward complex transform of a copy.
   *
   * @param z interleaved input (not modified); its length must be even and positive
   * @return the interleaved transform
   */
  public static double[] forwardCopy(double[] z) {
    Args.interleaved("z", z);
    double[] out = z.clone();
    of(Math.max(1, z.length / 2)).forward(out);
    return out;
  }

  /**
   * Inverse complex transform (scaled by {@code 1/n}) of a copy.
   *
   * @param z interleaved input (not modified); its length must be even and positive
   * @return the interleaved inverse transform
   */
  public static double[] inverseCopy(double[] z) {
    Args.interleaved("z", z);
    double[] out = z.clone();
    of(Math.max(1, z.length / 2)).inverse(out);
    return out;
  }

  /**
   * Half spectrum of a real sequence.
   *
   * @param x real input (not modified), non-empty
   * @return the interleaved half spectrum {@code X[0..n/2]}
   */
  public static double[] realSpectrum(double[] x) {
    Args.positive("x.length", Args.notNull("x", x).length);
    Fft plan = of(x.length);
    double[] s = new double[2 * (x.length / 2 + 1)];
    plan.realForward(x, s);
    return s;
  }

  /**
   * Returns the smallest power of two that is at least {@code m}.
   *
   * @param m a positive size, at most {@code 2^30}
   * @return the power of two
   */
  public static int nextPowerOfTwo(int m) {
    Args.inRange("m", m, 1, 1 << 30);
    return m == 1 ? 1 : Integer.highestOneBit(m - 1) << 1;
  }

  private double[] complexScratch() {
    if (scratch == null) {
      scratch = new double[2 * n];
    }
    return scratch;
  }

  private double[] scratch() {
    if (scratch == null) {
      scratch = new double[n];
    }
    return scratch;
  }

  /** JTransforms' packed real layout to interleaved X[0..n/2]. */
  private void unpack(double[] a, double[] s) {
    int half = n / 2;
    s[0] = a[0];
    s[1] = 0;
    if ((n & 1) == 0) {
      for (int k = 1; k < half; k++) {
        s[2 * k] = a[2 * k];
        s[2 * k + 1] = a[2 * k + 1];
      }
      if (n > 1) {
        s[2 * half] = a[1];
        s[2 * half + 1] = 0;
      }
    } else {
      for (int k = 1; k < half; k++) {
        s[2 * k] = a[2 * k];
        s[2 * k + 1] = a[2 * k + 1];
      }
      if (half > 0) {
        s[2 * half] = a[n - 1];
        s[2 * half + 1] = a[1];
      }
    }
  }

  /** Interleaved X[0..n/2] to JTransforms' packed real layout. */
  private void pack(double[] s, double[] a) {
    int half = n / 2;
    a[0] = s[0];
    for (int k = 1; k < half; k++) {
      a[2 * k] = s[2 * k];
      a[2 * k + 1] = s[2 * k + 1];
    }
    if ((n & 1) == 0) {
      if (n > 1) {
        a[1] = s[2 * half];
      }
    } else if (half > 0) {
      a[n - 1] = s[2 * half];
      a[1] = s[2 * half + 1];
    }
  }
}
