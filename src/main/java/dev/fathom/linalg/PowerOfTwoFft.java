package dev.fathom.linalg;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fathom's complex FFT of power-of-two length {@code 2^p}, in place on interleaved data, and the
 * real transform of length {@code 2^(p+1)} built on it.
 *
 * <p>Schedule: decimation in frequency, radix 4 (one radix-2 stage at the bottom when {@code p} is
 * odd), with the outputs of each butterfly stored in the order {@code (0, 2, 1, 3)} so that the
 * result is in plain bit-reversed order; one permutation pass restores natural order (and applies
 * the inverse's {@code 1/n}). Above {@link #BLOCK} points the transform recurses depth first: one
 * radix-4 pass over the block, then the four quarters one after the other, so each quarter is
 * finished while it is in cache; blocks of at most {@code BLOCK} points run their stages
 * iteratively. The inverse transform is the forward one applied with real and imaginary parts
 * swapped ({@code conj(F(conj z)) = swap(F(swap z))}), with the exchange folded into the
 * permutation pass.
 *
 * <p>Twiddles: a stage of size {@code m} needs {@code w^j, w^2j, w^3j} for {@code w = exp(-2 pi i /
 * m)}, {@code j < m/4}. Stages up to {@link #TRIPLE_MAX} points keep all three per {@code j}
 * (contiguous, 6 doubles); larger stages keep {@code w^j} only (for {@code j <= m/4}, also the real
 * transform's table) and form {@code w^2j, w^3j} by two complex products: those passes are memory
 * bound and the table stays {@code m/2} doubles. Stage tables do not depend on the length of the
 * transform, so every length shares them (computed once per stage size, directly with {@code
 * cos}/{@code sin}).
 *
 * <p>Threads: with {@code t > 1} threads and at least {@link #PARALLEL_MIN} points, the top radix-4
 * passes are split over the threads by butterfly ranges until there are at least {@code 2t}
 * independent sub-blocks, which the threads then take one at a time, and the permutation is split
 * by index ranges. Every butterfly does the same arithmetic in the same order whatever the thread
 * count, so results are bit-identical for every {@code t}.
 */
final class PowerOfTwoFft {
  /** Points per block transformed with iterative stages (32 KiB of doubles). */
  static final int BLOCK = 1 << 11;

  /** Largest stage size whose twiddle table holds {@code w^j, w^2j, w^3j}. */
  static final int TRIPLE_MAX = 1 << 16;

  /** Complex points from which a transform is split over more than one thread. */
  static final int PARALLEL_MIN = 1 << 15;

  /**
   * Largest stage size whose single table is kept in the process-wide cache (all cached single
   * tables together hold about 8 MiB); a plan keeps the tables of larger stages itself, so they are
   * freed with it.
   */
  static final int CACHED_MAX_LOG2 = 20;

  private static final double[][] TRIPLES = new double[31][];
  private static final double[][] SINGLES = new double[31][];

  private final int p;
  private final int n;

  /** Per stage size {@code 2^s}: the triple table (s <= log2 TRIPLE_MAX) or the single one. */
  private final double[][] stage;

  /** The single table of size {@code 2n}, for the real transform of length {@code 2n}. */
  private double[] realTable;

  PowerOfTwoFft(int p) {
    this.p = p;
    this.n = 1 << p;
    this.stage = new double[p + 1][];
    for (int s = 3; s <= p; s++) {
      stage[s] = (1 << s) <= TRIPLE_MAX ? triples(s) : singles(s);
    }
  }

  int size() {
    return n;
  }

  // ---------------------------------------------------------------- twiddle tables

  /** {@code (cos, -sin)(2 pi j / 2^s)} for {@code j <= 2^s / 4}. */
  static synchronized double[] singles(int s) {
    double[] t = SINGLES[s];
    if (t == null) {
      int m = 1 << s;
      int q = m >> 2;
      t = new double[2 * (q + 1)];
      for (int j = 0; j <= q; j++) {
        double a = 2 * Math.PI * j / m;
        t[2 * j] = Math.cos(a);
        t[2 * j + 1] = -Math.sin(a);
      }
      if (q > 0) {
        t[2 * q] = 0; // exactly -i at a quarter turn
        t[2 * q + 1] = -1;
      }
      if (s <= CACHED_MAX_LOG2) {
        SINGLES[s] = t;
      }
    }
    return t;
  }

  /** {@code w^j, w^2j, w^3j} for {@code w = exp(-2 pi i / 2^s)}, {@code j < 2^s / 4}. */
  static synchronized double[] triples(int s) {
    double[] t = TRIPLES[s];
    if (t == null) {
      int m = 1 << s;
      int q = m >> 2;
      t = new double[6 * q];
      for (int j = 0; j < q; j++) {
        for (int r = 1; r <= 3; r++) {
          double a = 2 * Math.PI * ((long) r * j) / m;
          t[6 * j + 2 * r - 2] = Math.cos(a);
          t[6 * j + 2 * r - 1] = -Math.sin(a);
        }
      }
      TRIPLES[s] = t;
    }
    return t;
  }

  // ---------------------------------------------------------------- complex transforms

  /** Forward transform of {@code a[0, 2n)}, in place. */
  void forward(double[] a, int threads) {
    transform(a, false, false, 1.0, threads);
  }

  /** Inverse transform of {@code a[0, 2n)}, in place, scaled by {@code 1/n}. */
  void inverse(double[] a, int threads) {
    transform(a, true, true, 1.0 / n, threads);
  }

  /**
   * The unnormalised forward transform, then the permutation with {@code scale}. With {@code
   * swapIn} the real and imaginary parts are exchanged first, with {@code swapOut} in the
   * permutation: both give the inverse transform.
   */
  private void transform(double[] a, boolean swapIn, boolean swapOut, double scale, int threads) {
    if (threads > 1 && n >= PARALLEL_MIN) {
      parallel(a, swapIn, swapOut, scale, threads);
      return;
    }
    if (swapIn) {
      swap(a, 0, n);
    }
    dif(a, 0, p);
    permute(a, swapOut, scale, 0, 1);
  }

  /** Exchanges the real and imaginary parts of the points {@code [from, to)}. */
  private static void swap(double[] a, int from, int to) {
    for (int i = 2 * from; i < 2 * to; i += 2) {
      double t = a[i];
      a[i] = a[i + 1];
      a[i + 1] = t;
    }
  }

  /** Decimation in frequency of the {@code 2^s} points starting at point {@code base}. */
  private void dif(double[] a, int base, int s) {
    int m = 1 << s;
    if (m <= BLOCK) {
      iterative(a, base, s);
      return;
    }
    pass(a, base, s, 0, m >> 2);
    int q = m >> 2;
    for (int b = 0; b < 4; b++) {
      dif(a, base + b * q, s - 2);
    }
  }

  private static final double R = Math.sqrt(0.5);
  private static final double C16 = Math.cos(Math.PI / 8);
  private static final double S16 = Math.sin(Math.PI / 8);

  /** All stages of the block of {@code 2^s <= BLOCK} points at {@code base}. */
  private void iterative(double[] a, int base, int s) {
    int m = 1 << s;
    int t = s;
    for (; t >= 5; t -= 2) {
      int ms = 1 << t;
      for (int b = base; b < base + m; b += ms) {
        pass(a, b, t, 0, ms >> 2);
      }
    }
    int end = 2 * (base + m);
    switch (t) {
      case 4:
        for (int i = 2 * base; i < end; i += 32) {
          // the twiddled radix-4 stage of size 16, then four radix-4 leaves
          butterfly(a, i, 8, 1, 0, 1, 0, 1, 0);
          butterfly(a, i + 2, 8, C16, -S16, R, -R, S16, -C16);
          butterfly(a, i + 4, 8, R, -R, 0, -1, -R, -R);
          butterfly(a, i + 6, 8, S16, -C16, -R, -R, -C16, S16);
          for (int k = i; k < i + 32; k += 8) {
            butterfly(a, k, 2, 1, 0, 1, 0, 1, 0);
          }
        }
        break;
      case 3:
        for (int i = 2 * base; i < end; i += 16) {
          butterfly(a, i, 4, 1, 0, 1, 0, 1, 0);
          butterfly(a, i + 2, 4, R, -R, 0, -1, -R, -R);
          radix2(a, i, i + 16);
        }
        break;
      case 2:
        for (int i = 2 * base; i < end; i += 8) {
          butterfly(a, i, 2, 1, 0, 1, 0, 1, 0);
        }
        break;
      case 1:
        radix2(a, 2 * base, end);
        break;
      default:
        break;
    }
  }

  /** Radix-2 butterflies on the point pairs of the doubles {@code [from, to)}. */
  private static void radix2(double[] a, int from, int to) {
    for (int k = from; k < to; k += 4) {
      double x0r = a[k];
      double x0i = a[k + 1];
      double x1r = a[k + 2];
      double x1i = a[k + 3];
      a[k] = x0r + x1r;
      a[k + 1] = x0i + x1i;
      a[k + 2] = x0r - x1r;
      a[k + 3] = x0i - x1i;
    }
  }

  /**
   * One radix-4 butterfly on the points at doubles {@code i0, i0 + d, i0 + 2d, i0 + 3d}, with the
   * outputs {@code 0, 2, 1, 3} multiplied by {@code 1, w2, w1, w3}.
   */
  private static void butterfly(
      double[] a, int i0, int d, double c1, double s1, double c2, double s2, double c3, double s3) {
    int i1 = i0 + d;
    int i2 = i1 + d;
    int i3 = i2 + d;
    double x0r = a[i0];
    double x0i = a[i0 + 1];
    double x1r = a[i1];
    double x1i = a[i1 + 1];
    double x2r = a[i2];
    double x2i = a[i2 + 1];
    double x3r = a[i3];
    double x3i = a[i3 + 1];
    double t0r = x0r + x2r;
    double t0i = x0i + x2i;
    double t1r = x0r - x2r;
    double t1i = x0i - x2i;
    double t2r = x1r + x3r;
    double t2i = x1i + x3i;
    double t3r = x1r - x3r;
    double t3i = x1i - x3i;
    a[i0] = t0r + t2r;
    a[i0 + 1] = t0i + t2i;
    double ur = t0r - t2r;
    double ui = t0i - t2i;
    a[i1] = ur * c2 - ui * s2;
    a[i1 + 1] = ur * s2 + ui * c2;
    ur = t1r + t3i;
    ui = t1i - t3r;
    a[i2] = ur * c1 - ui * s1;
    a[i2 + 1] = ur * s1 + ui * c1;
    ur = t1r - t3i;
    ui = t1i + t3r;
    a[i3] = ur * c3 - ui * s3;
    a[i3 + 1] = ur * s3 + ui * c3;
  }

  /**
   * The radix-4 butterflies {@code j in [j0, j1)} of the stage of size {@code 2^s} on the block at
   * point {@code base}: inputs {@code j + l m/4}, outputs {@code X[4k], X[4k+2], X[4k+1], X[4k+3]}
   * (before the sub-transforms) in the quarters {@code 0, 1, 2, 3}.
   */
  private void pass(double[] a, int base, int s, int j0, int j1) {
    int q = 1 << (s - 2);
    double[] w = stage[s];
    boolean triple = (1 << s) <= TRIPLE_MAX;
    int d = 2 * q;
    for (int j = j0; j < j1; j++) {
      double c1;
      double s1;
      double c2;
      double s2;
      double c3;
      double s3;
      if (triple) {
        int k = 6 * j;
        c1 = w[k];
        s1 = w[k + 1];
        c2 = w[k + 2];
        s2 = w[k + 3];
        c3 = w[k + 4];
        s3 = w[k + 5];
      } else {
        c1 = w[2 * j];
        s1 = w[2 * j + 1];
        c2 = c1 * c1 - s1 * s1;
        s2 = 2 * c1 * s1;
        c3 = c2 * c1 - s2 * s1;
        s3 = c2 * s1 + s2 * c1;
      }
      butterfly(a, 2 * (base + j), d, c1, s1, c2, s2, c3, s3);
    }
  }

  /**
   * Bit-reversal permutation of the points {@code [from, to)} (each pair once, by its smaller
   * index), times scale, with real and imaginary parts exchanged if {@code swap}.
   */
  private void permute(double[] a, boolean swap, double scale, int part, int parts) {
    if (p >= TILED_MIN) {
      int mid = p - 2 * TILE;
      int b0 = (int) (((long) part << mid) / parts);
      int b1 = (int) (((long) (part + 1) << mid) / parts);
      tiled(a, swap ? 1 : 0, scale, b0, b1);
      return;
    }
    int from = (int) ((long) n * part / parts);
    int to = (int) ((long) n * (part + 1) / parts);
    if (n == 1) {
      if (from == 0 && to > 0) {
        double re = a[0];
        double im = a[1];
        a[0] = (swap ? im : re) * scale;
        a[1] = (swap ? re : im) * scale;
      }
      return;
    }
    int[] pr = pairs();
    int o = swap ? 1 : 0;
    // pairs[2k] < pairs[2k+1] swap; the pairs are sorted by their first point
    int k0 = lowerBound(pr, from);
    int k1 = lowerBound(pr, to);
    for (int k = k0; k < k1; k++) {
      exchange(a, pr[2 * k], pr[2 * k + 1], o, scale);
    }
    if (swap || scale != 1.0) {
      int[] fixed = fixedPoints();
      for (int x : fixed) {
        if (x >= 2 * from && x < 2 * to) {
          exchange(a, x, x, o, scale);
        }
      }
    }
  }

  /** Bits of the row and column index of a permutation tile ({@code 16 x 16} points). */
  private static final int TILE = 4;

  /** From this {@code p} on the permutation runs tile by tile, without a pair table. */
  static final int TILED_MIN = 12;

  private static final int[] TILE_REVERSE = new int[1 << TILE];

  static {
    for (int i = 0; i < TILE_REVERSE.length; i++) {
      TILE_REVERSE[i] = Integer.reverse(i) >>> (32 - TILE);
    }
  }

  /**
   * The bit reversal for the middle indices {@code [b0, b1)}: a point {@code (r, b, c)} (top {@code
   * TILE} bits, middle, bottom {@code TILE} bits) goes to {@code (rev c, rev b, rev r)}, so the
   * tile of middle {@code b} (16 rows of 16 consecutive points) is exchanged with the tile of
   * {@code rev b}, both held in the L1 cache while they are exchanged. The pair of tiles is done by
   * the smaller middle index.
   */
  private void tiled(double[] a, int o, double scale, int b0, int b1) {
    int mid = p - 2 * TILE;
    int rowShift = p - TILE;
    int t = 1 << TILE;
    for (int b = b0; b < b1; b++) {
      int rb = mid == 0 ? 0 : Integer.reverse(b) >>> (32 - mid);
      if (rb < b) {
        continue;
      }
      // two tiles: every point is exchanged; one tile: the pairs i < j, and the fixed points
      boolean both = rb != b;
      for (int r = 0; r < t; r++) {
        int rowI = (r << rowShift) | (b << TILE);
        int colR = (rb << TILE) | TILE_REVERSE[r];
        for (int c = 0; c < t; c++) {
          int i = rowI | c;
          int j = (TILE_REVERSE[c] << rowShift) | colR;
          if (both || i < j) {
            exchange(a, 2 * i, 2 * j, o, scale);
          } else if (i == j) {
            exchange(a, 2 * i, 2 * i, o, scale);
          }
        }
      }
    }
  }

  /**
   * Exchanges the points at doubles {@code x} and {@code y} (or scales one point if {@code x ==
   * y}), times {@code scale}, with the parts exchanged if {@code o == 1}.
   */
  private static void exchange(double[] a, int x, int y, int o, double scale) {
    double xr = a[x];
    double xi = a[x + 1];
    double yr = a[y];
    double yi = a[y + 1];
    a[x + o] = yr * scale;
    a[x + 1 - o] = yi * scale;
    a[y + o] = xr * scale;
    a[y + 1 - o] = xi * scale;
  }

  private int[] pairs;
  private int[] fixed;

  /** The first index {@code k} with {@code pairs[2k] >= 2 point}. */
  private static int lowerBound(int[] pr, int point) {
    int lo = 0;
    int hi = pr.length / 2;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (pr[2 * mid] < 2 * point) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The bit-reversal pairs {@code i < rev(i)} as double offsets, in increasing {@code i}. */
  private synchronized int[] pairs() {
    if (pairs == null) {
      int shift = 32 - p;
      int count = 0;
      int[] pr = new int[n - (1 << ((p + 1) / 2))];
      int[] fx = new int[1 << ((p + 1) / 2)];
      int f = 0;
      for (int i = 0; i < n; i++) {
        int r = Integer.reverse(i) >>> shift;
        if (i < r) {
          pr[count++] = 2 * i;
          pr[count++] = 2 * r;
        } else if (i == r) {
          fx[f++] = 2 * i;
        }
      }
      fixed = fx;
      pairs = pr;
    }
    return pairs;
  }

  private int[] fixedPoints() {
    pairs();
    return fixed;
  }

  /**
   * The threaded schedule: one worker per thread, phases separated by a barrier. Phase 1 runs the
   * top stages split by butterfly ranges; phase 2 hands out the independent sub-blocks; phase 3
   * permutes disjoint index ranges.
   */
  private void parallel(double[] a, boolean swapIn, boolean swapOut, double scale, int threads) {
    int top = 0; // stages run cooperatively, from s = p down by 2
    int blocks = 1;
    while (blocks < 2 * threads && p - 2 * top > 11) {
      top++;
      blocks *= 4;
    }
    final int levels = top;
    final int subBlocks = blocks;
    CyclicBarrier barrier = new CyclicBarrier(threads);
    AtomicInteger next = new AtomicInteger();
    ParallelTasks.run(
        threads,
        threads,
        w -> {
          try {
            if (swapIn) {
              swap(a, (int) ((long) n * w / threads), (int) ((long) n * (w + 1) / threads));
              barrier.await();
            }
            int count = 1;
            for (int l = 0; l < levels; l++) {
              int s = p - 2 * l;
              int m = 1 << s;
              int q = m >> 2;
              // butterflies of all `count` blocks: an even share of count * q per worker
              long total = (long) count * q;
              long lo = total * w / threads;
              long hi = total * (w + 1) / threads;
              for (long g = lo; g < hi; ) {
                int b = (int) (g / q);
                int j = (int) (g % q);
                int j1 = (int) Math.min(q, j + (hi - g));
                pass(a, b * m, s, j, j1);
                g += j1 - j;
              }
              barrier.await();
              count *= 4;
            }
            int s = p - 2 * levels;
            for (int b = next.getAndIncrement(); b < subBlocks; b = next.getAndIncrement()) {
              dif(a, b << s, s);
            }
            barrier.await();
            permute(a, swapOut, scale, w, threads);
          } catch (InterruptedException e) {
            barrier.reset();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("FFT worker interrupted", e);
          } catch (BrokenBarrierException e) {
            throw new IllegalStateException("FFT worker failed", e);
          } catch (RuntimeException | Error e) {
            barrier.reset();
            throw e;
          }
        });
  }

  // ---------------------------------------------------------------- real transforms

  private double[] realTable() {
    if (realTable == null) {
      realTable = singles(p + 1);
    }
    return realTable;
  }

  /**
   * Forward real transform of length {@code 2n}: the input in {@code a[0, 2n)}, the half spectrum
   * {@code X[0..n]} interleaved in {@code a[0, 2n + 2)}.
   */
  void realForward(double[] a, int threads) {
    forward(a, threads);
    double z0r = a[0];
    double z0i = a[1];
    a[0] = z0r + z0i;
    a[1] = 0;
    a[2 * n] = z0r - z0i;
    a[2 * n + 1] = 0;
    double[] w = realTable();
    for (int k = 1; 2 * k <= n; k++) {
      int x = 2 * k;
      int y = 2 * (n - k);
      double ar = a[x];
      double ai = a[x + 1];
      double br = a[y];
      double bi = -a[y + 1];
      double er = 0.5 * (ar + br);
      double ei = 0.5 * (ai + bi);
      // o = -i (A - B) / 2
      double or = 0.5 * (ai - bi);
      double oi = -0.5 * (ar - br);
      double wr = w[2 * k];
      double wi = w[2 * k + 1];
      double pr = wr * or - wi * oi;
      double pi = wr * oi + wi * or;
      a[x] = er + pr;
      a[x + 1] = ei + pi;
      a[y] = er - pr;
      a[y + 1] = -(ei - pi);
    }
  }

  /**
   * Inverse real transform of length {@code 2n}, scaled by {@code 1/(2n)}: the half spectrum in
   * {@code s[0, 2n + 2)} (not modified unless {@code s == a}), the sequence to {@code a[0, 2n)}.
   * The imaginary parts of {@code X[0]} and {@code X[n]} are ignored.
   */
  void realInverse(double[] s, double[] a, int threads) {
    double h = 0.5 / n; // 1/(2n), the inverse's scale, applied before the unscaled transform
    double x0 = s[0];
    double xn = s[2 * n];
    a[1] = h * (x0 + xn);
    a[0] = h * (x0 - xn);
    double[] w = realTable();
    for (int k = 1; 2 * k <= n; k++) {
      int x = 2 * k;
      int y = 2 * (n - k);
      double ar = s[x];
      double ai = s[x + 1];
      double br = s[y];
      double bi = -s[y + 1];
      double er = ar + br;
      double ei = ai + bi;
      // o = (A - B) conj(w)
      double dr = ar - br;
      double di = ai - bi;
      double wr = w[2 * k];
      double wi = -w[2 * k + 1];
      double or = dr * wr - di * wi;
      double oi = dr * wi + di * wr;
      // Z[k] = e + i o, Z[n-k] = conj(e) + i conj(o), stored with the parts exchanged
      a[x + 1] = h * (er - oi);
      a[x] = h * (ei + or);
      a[y + 1] = h * (er + oi);
      a[y] = h * (or - ei);
    }
    transform(a, false, true, 1.0, threads);
  }
}
