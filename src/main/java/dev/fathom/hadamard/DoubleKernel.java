package dev.fathom.hadamard;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The scalar double-precision FWHT schedule (unchecked; {@link WalshHadamard} validates). {@code
 * FloatKernel} is generated from this file by replacing the element type, so edit both alike. (One
 * schedule generic over the array type, calling typed passes, was tried and measured 15-20% slower
 * at 2^14 to 2^20 in a JVM that transforms both doubles and floats: the shared call sites see both
 * types, and C2 then no longer inlines the radix-4 passes with their constant strides.)
 *
 * <p>Schedule: (1) contiguous blocks of {@code 2^BLOCK_LOG2} elements, each transformed in cache by
 * an unrolled 16-point kernel (levels 0-3) followed by radix-4 passes that C2 vectorizes; (2)
 * serially, the levels above the blocks by the recursive in-place schedule of {@link #recursive}
 * (radix-4 passes with literal strides over ever larger sub-transforms); in parallel, the remaining
 * levels in groups of at most {@code GROUP_MAX} levels. A group is done tile by tile: a tile is
 * {@code 2^TILE_LOG2} adjacent columns of the matrix whose rows are the blocks, gathered into a
 * small contiguous buffer, transformed there through all levels of the group, and scattered back.
 * Each element is thus read and written once per group, which keeps large sizes near one memory
 * sweep per group instead of one per radix-4 pass, and avoids the cache-set conflicts of
 * power-of-two strides. In parallel the normalization is fused into the last sweep; serially it is
 * one more sweep (fused into the block when the array is a single block).
 *
 * <p>With a SIMD kernel and serial execution the kernel's own recursive schedule ({@link
 * SimdKernel#transform}) replaces both steps, and the normalization is one more sweep.
 */
final class DoubleKernel {
  /**
   * The unnormalized transforms of the {@code 2^log2Width} columns of a row-major block of {@code
   * 2^log2Rows} rows at {@code a[off]}, all at once: levels {@code [log2Width, log2Width +
   * log2Rows)} of the block, whose butterflies pair whole rows. Each column gets bitwise the result
   * of {@link #transform} on it alone (the same additions in the same order), and the work runs on
   * contiguous rows, SIMD where the kernel is there.
   */
  static void columns(double[] a, int off, int log2Rows, int log2Width) {
    SimdKernel<double[]> simd = Simd.kernel();
    int to = log2Width + log2Rows;
    if (simd != null && (1 << log2Width) >= simd.lanes()) {
      simd.levels(a, off, 1 << to, log2Width, to);
    } else {
      levels(a, off, 1 << to, log2Width, to);
    }
  }

  /** Levels done inside one contiguous block (2^12 doubles = 32 KiB). */
  static final int BLOCK_LOG2 = 12;

  /** Log2 of the tile width in elements (64 doubles = eight 64-byte cache lines). */
  static final int TILE_LOG2 = 6;

  /** Most levels per tiled group: the tile buffer holds 2^(GROUP_MAX + TILE_LOG2) elements. */
  static final int GROUP_MAX = 8;

  /** Sizes below 2^PARALLEL_MIN_LOG2 run serially even when parallelism is requested. */
  static final int PARALLEL_MIN_LOG2 = 16;

  private DoubleKernel() {}

  /**
   * Transforms {@code a[off, off + 2^log2n)} in place and multiplies the result by {@code scale}.
   */
  static void transform(double[] a, int off, int log2n, double scale, boolean parallel) {
    transform(a, off, log2n, scale, parallel, GROUP_MAX, TILE_LOG2, Simd.kernel());
  }

  /** As above with explicit tiling parameters (tests and tuning use other values). */
  static void transform(
      double[] a, int off, int log2n, double scale, boolean parallel, int groupMax, int tileLog2) {
    transform(a, off, log2n, scale, parallel, groupMax, tileLog2, Simd.kernel());
  }

  /** As above with an explicit SIMD kernel; {@code simd == null} selects the scalar passes. */
  static void transform(
      double[] a,
      int off,
      int log2n,
      double scale,
      boolean parallel,
      int groupMax,
      int tileLog2,
      SimdKernel<double[]> simd) {
    if (log2n < 4) {
      small(a, off, log2n, scale);
      return;
    }
    if (simd != null
        && !(parallel && log2n >= PARALLEL_MIN_LOG2)
        && log2n >= simd.minTransformLog2()) {
      // The SIMD kernel's recursive schedule (VectorKernel), measured faster at every size.
      simd.transform(a, off, log2n);
      scale(a, off, 1 << log2n, scale);
      return;
    }
    int t = Math.min(log2n, BLOCK_LOG2);
    double blockScale = log2n == t ? scale : 1.0;
    int blocks = 1 << (log2n - t);
    boolean par = parallel && log2n >= PARALLEL_MIN_LOG2 && blocks > 1;
    if (simd == null && blocks > 1 && !par) {
      // Serial and scalar: the recursive in-place schedule, measured faster at every size.
      recursive(a, off, log2n);
      scale(a, off, 1 << log2n, scale);
      return;
    }
    chunks(
        blocks,
        par,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            block(a, off + (i << t), t, blockScale, simd);
          }
        });
    int lo = t;
    int remaining = log2n - t;
    int groups = (remaining + groupMax - 1) / groupMax;
    for (int g = 0; g < groups; g++) {
      int size = (remaining - (lo - t) + (groups - g) - 1) / (groups - g);
      int hi = lo + size;
      group(a, off, log2n, lo, hi, hi == log2n ? scale : 1.0, par, tileLog2, simd);
      lo = hi;
    }
  }

  /**
   * The unnormalized transform of {@code a[off, off + 2^log2n)}, log2n > BLOCK_LOG2, recursive and
   * in place like the SIMD kernels' schedule but with radix 4: the four quarters first, then their
   * top two levels in one radix-4 pass (the top level alone in one radix-2 pass at 2^(BLOCK_LOG2 +
   * 1)). Each level is thus done after all lower ones, in the order of the textbook loop.
   */
  private static void recursive(double[] a, int off, int log2n) {
    if (log2n <= BLOCK_LOG2) {
      block(a, off, log2n, 1.0, null);
      return;
    }
    int r = Math.min(2, log2n - BLOCK_LOG2);
    int sub = log2n - r;
    for (int i = 0; i < 1 << r; i++) {
      recursive(a, off + (i << sub), sub);
    }
    if (r == 2) {
      pass4Top(a, off, 1 << log2n, sub);
    } else {
      pass2(a, off, 1 << log2n, 1 << BLOCK_LOG2);
    }
  }

  /** Levels [lo, hi) of a transform of size 2^log2n, tile by tile (lo >= tileLog2). */
  private static void group(
      double[] a,
      int off,
      int log2n,
      int lo,
      int hi,
      double scale,
      boolean parallel,
      int tileLog2,
      SimdKernel<double[]> simd) {
    SimdKernel<double[]> tileSimd = simd != null && (1 << tileLog2) >= simd.lanes() ? simd : null;
    int tilesPerRow = 1 << (lo - tileLog2);
    int outer = 1 << (log2n - hi);
    int rows = 1 << (hi - lo);
    int tiles = outer * tilesPerRow;
    chunks(
        tiles,
        parallel,
        (from, to) -> {
          double[] buf = new double[rows << tileLog2];
          for (int i = from; i < to; i++) {
            int base = off + ((i / tilesPerRow) << hi) + ((i % tilesPerRow) << tileLog2);
            tile(a, base, 1 << lo, buf, rows, tileLog2, hi - lo, scale, tileSimd);
          }
        });
  }

  /** Gathers rows of 2^tileLog2 at stride {@code stride}, transforms across rows, scatters. */
  private static void tile(
      double[] a,
      int base,
      int stride,
      double[] buf,
      int rows,
      int tileLog2,
      int levels,
      double scale,
      SimdKernel<double[]> simd) {
    int w = 1 << tileLog2;
    for (int r = 0, p = base, q = 0; r < rows; r++, p += stride, q += w) {
      System.arraycopy(a, p, buf, q, w);
    }
    if (simd != null) {
      simd.levels(buf, 0, rows << tileLog2, tileLog2, tileLog2 + levels);
    } else {
      levels(buf, 0, rows << tileLog2, tileLog2, tileLog2 + levels);
    }
    if (scale == 1.0) {
      for (int r = 0, p = base, q = 0; r < rows; r++, p += stride, q += w) {
        System.arraycopy(buf, q, a, p, w);
      }
      return;
    }
    for (int r = 0, p = base, q = 0; r < rows; r++, p += stride, q += w) {
      for (int i = 0; i < w; i++) {
        a[p + i] = buf[q + i] * scale;
      }
    }
  }

  /** All levels of a contiguous block of 2^t elements, t >= 4, then the scale. */
  private static void block(double[] a, int off, int t, double scale, SimdKernel<double[]> simd) {
    int end = off + (1 << t);
    if (simd != null && (1 << t) >= 2 * simd.lanes()) {
      simd.block(a, off, t);
    } else {
      for (int p = off; p < end; p += 16) {
        kernel16(a, p);
      }
      levels(a, off, 1 << t, 4, t);
    }
    scale(a, off, 1 << t, scale);
  }

  /** Multiplies {@code a[off, off + len)} by {@code scale} unless it is 1. */
  private static void scale(double[] a, int off, int len, double scale) {
    if (scale != 1.0) {
      for (int p = off, end = off + len; p < end; p++) {
        a[p] *= scale;
      }
    }
  }

  /** Levels [from, to) on {@code a[off, off + len)}, by radix-4 passes and a last radix-2 one. */
  static void levels(double[] a, int off, int len, int from, int to) {
    int s = from;
    for (; s + 2 <= to; s += 2) {
      pass4At(a, off, len, s);
    }
    if (s < to) {
      pass2At(a, off, len, s);
    }
  }

  // The passes below are called with h = 2^s as a literal constant for the usual levels: once the
  // pass is inlined, the offsets k, k + h, ... differ by constants, which lets C2's superword
  // optimization vectorize the inner loop (with a variable h it stays scalar, about 1.8x slower).

  private static void pass4At(double[] a, int off, int len, int s) {
    switch (s) {
      case 4:
        pass4(a, off, len, 1 << 4);
        return;
      case 5:
        pass4(a, off, len, 1 << 5);
        return;
      case 6:
        pass4(a, off, len, 1 << 6);
        return;
      case 7:
        pass4(a, off, len, 1 << 7);
        return;
      case 8:
        pass4(a, off, len, 1 << 8);
        return;
      case 9:
        pass4(a, off, len, 1 << 9);
        return;
      case 10:
        pass4(a, off, len, 1 << 10);
        return;
      case 11:
        pass4(a, off, len, 1 << 11);
        return;
      case 12:
        pass4(a, off, len, 1 << 12);
        return;
      case 13:
        pass4(a, off, len, 1 << 13);
        return;
      case 14:
        pass4(a, off, len, 1 << 14);
        return;
      case 15:
        pass4(a, off, len, 1 << 15);
        return;
      default:
        pass4(a, off, len, 1 << s);
    }
  }

  private static void pass2At(double[] a, int off, int len, int s) {
    switch (s) {
      case 4:
        pass2(a, off, len, 1 << 4);
        return;
      case 5:
        pass2(a, off, len, 1 << 5);
        return;
      case 6:
        pass2(a, off, len, 1 << 6);
        return;
      case 7:
        pass2(a, off, len, 1 << 7);
        return;
      case 8:
        pass2(a, off, len, 1 << 8);
        return;
      case 9:
        pass2(a, off, len, 1 << 9);
        return;
      case 10:
        pass2(a, off, len, 1 << 10);
        return;
      case 11:
        pass2(a, off, len, 1 << 11);
        return;
      case 12:
        pass2(a, off, len, 1 << 12);
        return;
      case 13:
        pass2(a, off, len, 1 << 13);
        return;
      case 14:
        pass2(a, off, len, 1 << 14);
        return;
      case 15:
        pass2(a, off, len, 1 << 15);
        return;
      case 16:
        pass2(a, off, len, 1 << 16);
        return;
      default:
        pass2(a, off, len, 1 << s);
    }
  }

  /** {@link #pass4} for the top levels of {@link #recursive}, with the same literal strides. */
  private static void pass4Top(double[] a, int off, int len, int s) {
    switch (s) {
      case 12:
        pass4Wide(a, off, len, 1 << 12);
        return;
      case 13:
        pass4Wide(a, off, len, 1 << 13);
        return;
      case 14:
        pass4Wide(a, off, len, 1 << 14);
        return;
      case 15:
        pass4Wide(a, off, len, 1 << 15);
        return;
      case 16:
        pass4Wide(a, off, len, 1 << 16);
        return;
      case 17:
        pass4Wide(a, off, len, 1 << 17);
        return;
      case 18:
        pass4Wide(a, off, len, 1 << 18);
        return;
      case 19:
        pass4Wide(a, off, len, 1 << 19);
        return;
      case 20:
        pass4Wide(a, off, len, 1 << 20);
        return;
      case 21:
        pass4Wide(a, off, len, 1 << 21);
        return;
      case 22:
        pass4Wide(a, off, len, 1 << 22);
        return;
      default:
        pass4Wide(a, off, len, 1 << s);
    }
  }

  /**
   * {@link #pass4} again, for {@link #pass4Top} only. A separate copy: called with long loops, it
   * is compiled on its own early, and C2 then declines to inline an already compiled callee into
   * the rarely taken cases of a switch; sharing one method made the block passes' {@link #pass4At}
   * lose the inlining (and with it the vectorization) at small sizes.
   */
  private static void pass4Wide(double[] a, int off, int len, int h) {
    int end = off + len;
    for (int j = off; j < end; j += 4 * h) {
      for (int k = j, stop = j + h; k < stop; k++) {
        double x0 = a[k];
        double x1 = a[k + h];
        double x2 = a[k + 2 * h];
        double x3 = a[k + 3 * h];
        double s01 = x0 + x1;
        double d01 = x0 - x1;
        double s23 = x2 + x3;
        double d23 = x2 - x3;
        a[k] = s01 + s23;
        a[k + h] = d01 + d23;
        a[k + 2 * h] = s01 - s23;
        a[k + 3 * h] = d01 - d23;
      }
    }
  }

  /** Levels s and s + 1 (h = 2^s) in one sweep. */
  private static void pass4(double[] a, int off, int len, int h) {
    int end = off + len;
    for (int j = off; j < end; j += 4 * h) {
      for (int k = j, stop = j + h; k < stop; k++) {
        double x0 = a[k];
        double x1 = a[k + h];
        double x2 = a[k + 2 * h];
        double x3 = a[k + 3 * h];
        double s01 = x0 + x1;
        double d01 = x0 - x1;
        double s23 = x2 + x3;
        double d23 = x2 - x3;
        a[k] = s01 + s23;
        a[k + h] = d01 + d23;
        a[k + 2 * h] = s01 - s23;
        a[k + 3 * h] = d01 - d23;
      }
    }
  }

  /** Level s (h = 2^s). */
  private static void pass2(double[] a, int off, int len, int h) {
    int end = off + len;
    for (int j = off; j < end; j += 2 * h) {
      for (int k = j, stop = j + h; k < stop; k++) {
        double x0 = a[k];
        double x1 = a[k + h];
        a[k] = x0 + x1;
        a[k + h] = x0 - x1;
      }
    }
  }

  /** Sizes 1, 2, 4, 8. */
  private static void small(double[] a, int off, int log2n, double scale) {
    int len = 1 << log2n;
    for (int s = 0; s < log2n; s++) {
      pass2(a, off, len, 1 << s);
    }
    if (scale != 1.0) {
      for (int p = off; p < off + len; p++) {
        a[p] *= scale;
      }
    }
  }

  /** Runs {@code body} over [0, count) in contiguous chunks, in parallel when asked. */
  static void chunks(int count, boolean parallel, ChunkBody body) {
    if (!parallel) {
      body.run(0, count);
      return;
    }
    int parts = Math.min(count, 4 * ForkJoinPool.getCommonPoolParallelism());
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            p ->
                body.run((int) ((long) count * p / parts), (int) ((long) count * (p + 1) / parts)));
  }

  /** A range of work items. */
  @FunctionalInterface
  interface ChunkBody {
    void run(int from, int to);
  }

  /** Levels 0-3 of 16 contiguous elements, held in locals. */
  static void kernel16(double[] a, int p) {
    double x0 = a[p];
    double x1 = a[p + 1];
    double x2 = a[p + 2];
    double x3 = a[p + 3];
    double x4 = a[p + 4];
    double x5 = a[p + 5];
    double x6 = a[p + 6];
    double x7 = a[p + 7];
    double x8 = a[p + 8];
    double x9 = a[p + 9];
    double x10 = a[p + 10];
    double x11 = a[p + 11];
    double x12 = a[p + 12];
    double x13 = a[p + 13];
    double x14 = a[p + 14];
    double x15 = a[p + 15];
    double s0 = x0 + x1, d0 = x0 - x1, s2 = x2 + x3, d2 = x2 - x3;
    x0 = s0 + s2;
    x1 = d0 + d2;
    x2 = s0 - s2;
    x3 = d0 - d2;
    double s4 = x4 + x5, d4 = x4 - x5, s6 = x6 + x7, d6 = x6 - x7;
    x4 = s4 + s6;
    x5 = d4 + d6;
    x6 = s4 - s6;
    x7 = d4 - d6;
    double s8 = x8 + x9, d8 = x8 - x9, s10 = x10 + x11, d10 = x10 - x11;
    x8 = s8 + s10;
    x9 = d8 + d10;
    x10 = s8 - s10;
    x11 = d8 - d10;
    double s12 = x12 + x13, d12 = x12 - x13, s14 = x14 + x15, d14 = x14 - x15;
    x12 = s12 + s14;
    x13 = d12 + d14;
    x14 = s12 - s14;
    x15 = d12 - d14;
    double t0 = x0 + x4, u0 = x0 - x4, t8 = x8 + x12, u8 = x8 - x12;
    x0 = t0 + t8;
    x4 = u0 + u8;
    x8 = t0 - t8;
    x12 = u0 - u8;
    double t1 = x1 + x5, u1 = x1 - x5, t9 = x9 + x13, u9 = x9 - x13;
    x1 = t1 + t9;
    x5 = u1 + u9;
    x9 = t1 - t9;
    x13 = u1 - u9;
    double t2 = x2 + x6, u2 = x2 - x6, t10 = x10 + x14, u10 = x10 - x14;
    x2 = t2 + t10;
    x6 = u2 + u10;
    x10 = t2 - t10;
    x14 = u2 - u10;
    double t3 = x3 + x7, u3 = x3 - x7, t11 = x11 + x15, u11 = x11 - x15;
    x3 = t3 + t11;
    x7 = u3 + u11;
    x11 = t3 - t11;
    x15 = u3 - u11;
    a[p] = x0;
    a[p + 1] = x1;
    a[p + 2] = x2;
    a[p + 3] = x3;
    a[p + 4] = x4;
    a[p + 5] = x5;
    a[p + 6] = x6;
    a[p + 7] = x7;
    a[p + 8] = x8;
    a[p + 9] = x9;
    a[p + 10] = x10;
    a[p + 11] = x11;
    a[p + 12] = x12;
    a[p + 13] = x13;
    a[p + 14] = x14;
    a[p + 15] = x15;
  }
}
