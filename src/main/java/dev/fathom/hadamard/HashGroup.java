package dev.fathom.hadamard;

import dev.fathom.core.Args;
import java.util.random.RandomGenerator;

/**
 * One subsampling group of SPRIGHT: the matrix {@code M_c} (its {@code b} columns over GF(2)), the
 * delays {@code D_c}, and the bins {@code U_c[j][d]} stored bin-major ({@code bins[j * stride +
 * d]}).
 */
final class HashGroup {
  final int n;
  final int b;
  final long[] cols;
  final long[] delays;

  /** Rows of the inverse of [M^T; e_S] (noiseless mode only), else null. */
  final long[] inverse;

  /** The map {@code v -> inverse v} by byte-wise lookup (noiseless mode only), else null. */
  final Gf2.Table inverseTable;

  /**
   * By byte-wise lookup, the signature {@code k -> [M^T; D^T] k}: the bin {@code M^T k} in the low
   * {@code b} bits and, in noiseless mode, the sign {@code <d, k>} of delay {@code d} (for {@code d
   * = 1 .. |D| - 1}; delay 0 is zero) at bit {@code b + d - 1}, the same bits {@link #inverseTable}
   * maps back to {@code k}. In robust mode it holds the bin only.
   */
  private final Gf2.Table signatureTable;

  private final int binMask;

  /** The spans of the low (up to eight) columns and of the others, for {@link #queries}. */
  private final long[] lowSpan;

  private final long[] highSpan;

  /**
   * The bins, bin {@code j} at {@code bins[j * stride]} with its {@code |D|} values in delay order
   * ({@code stride >= |D|}; the entries after them, if any, are zero).
   */
  final double[] bins;

  /** The distance between consecutive bins in {@link #bins}. */
  final int stride;

  /** The stride asked for at creation (0 for {@code |D|}), to recognize the same request. */
  private final int requestedStride;

  /** The bins to test again, one bit each: bit {@code j & 63} of word {@code j >>> 6}. */
  final long[] changed;

  private HashGroup(
      int n,
      int b,
      long[] cols,
      long[] delays,
      long[] inverse,
      int stride,
      double[] bins,
      long[] changed) {
    this.n = n;
    this.b = b;
    this.cols = cols;
    this.delays = delays;
    this.inverse = inverse;
    this.inverseTable = inverse == null ? null : new Gf2.Table(inverse, n);
    long[] rows = cols;
    if (inverse != null) {
      rows = java.util.Arrays.copyOf(cols, b + delays.length - 1);
      System.arraycopy(delays, 1, rows, b, delays.length - 1);
    }
    this.signatureTable = new Gf2.Table(rows, n);
    this.binMask = (1 << b) - 1;
    int lowBits = Math.min(b, 8);
    this.lowSpan = span(0, lowBits);
    this.highSpan = span(lowBits, b);
    this.requestedStride = stride;
    this.stride = Math.max(stride, delays.length);
    this.bins = bins != null ? bins : new double[this.stride << b];
    this.changed = changed != null ? changed : new long[flagWords(b)];
  }

  /** Builds group {@code c} of {@code options}, drawing from {@code rng} in a fixed order. */
  static HashGroup create(SprightOptions o, int c, RandomGenerator rng) {
    return create(o, c, rng, 0, null, null);
  }

  /**
   * As {@link #create(SprightOptions, int, RandomGenerator)}, with bins {@code stride} apart (at
   * least {@code |D|}; 0 for {@code |D|}) and the bins ({@code stride B} values) and the changed
   * flags ({@link #flagWords} words) in given arrays, whose old contents the caller overwrites, or
   * new ones where null.
   */
  static HashGroup create(
      SprightOptions o, int c, RandomGenerator rng, int stride, double[] bins, long[] changed) {
    return create(o, c, rng, stride, bins, changed, null);
  }

  /**
   * As {@link #create(SprightOptions, int, RandomGenerator, int, double[], long[])}, returning
   * {@code previous} itself when the draws give it again: group {@code c} of the same options,
   * built on the same {@code bins} and {@code changed} arrays, with the same columns (and, in
   * robust mode, the same delays; noiseless delays follow from the columns). The generator is
   * advanced exactly as without {@code previous}; only the tables derived from the draws (the
   * byte-wise signature and inverse maps, the spans) are not built again. A group holds no other
   * state than those arrays, which every call overwrites.
   */
  static HashGroup create(
      SprightOptions o,
      int c,
      RandomGenerator rng,
      int stride,
      double[] bins,
      long[] changed,
      HashGroup previous) {
    int n = o.n();
    int b = o.bucketBits();
    long mask = (1L << n) - 1;
    long[] cols = new long[b];
    if (o.subsampling() == SprightOptions.Subsampling.IDENTITY_BLOCKS) {
      int shift = (int) Math.round((double) c * n / o.groups());
      for (int t = 0; t < b; t++) {
        cols[t] = 1L << ((shift + t) % n);
      }
    } else {
      randomFullRank(rng, cols, mask);
    }
    boolean same =
        previous != null
            && previous.bins == bins
            && previous.changed == changed
            && previous.requestedStride == stride
            && java.util.Arrays.equals(previous.cols, cols);
    if (o.detection() == SprightOptions.Detection.NOISELESS) {
      if (same) {
        return previous;
      }
      Gf2.Basis basis = new Gf2.Basis();
      long[] rows = new long[n];
      for (int t = 0; t < b; t++) {
        basis.add(cols[t]);
        rows[t] = cols[t];
      }
      long[] delays = new long[n - b + 1];
      int next = 1;
      for (int i = 0; i < n && next < delays.length; i++) {
        if (basis.add(1L << i)) {
          rows[b + next - 1] = 1L << i;
          delays[next++] = 1L << i;
        }
      }
      return new HashGroup(n, b, cols, delays, Gf2.inverse(rows, n), stride, bins, changed);
    }
    int p = o.offsets();
    long[] delays = new long[p * (n + 1)];
    for (int q = 0; q < p; q++) {
      long r = rng.nextLong() & mask;
      delays[q * (n + 1)] = r;
      for (int i = 0; i < n; i++) {
        delays[q * (n + 1) + 1 + i] = r ^ (1L << i);
      }
    }
    if (same && java.util.Arrays.equals(previous.delays, delays)) {
      return previous;
    }
    return new HashGroup(n, b, cols, delays, null, stride, bins, changed);
  }

  private static void randomFullRank(RandomGenerator rng, long[] cols, long mask) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      Gf2.Basis basis = new Gf2.Basis();
      boolean ok = true;
      for (int t = 0; t < cols.length && ok; t++) {
        cols[t] = rng.nextLong() & mask;
        ok = basis.add(cols[t]);
      }
      if (ok) {
        return;
      }
    }
    // Unreachable in practice: a random n x b matrix with b <= n has full rank with probability
    // above 0.28, so 1000 failures in a row have probability below 1e-140.
    throw Args.fail("bucketBits", cols.length, "a rank reachable by random draws");
  }

  /** The number of words of the changed flags of {@code 2^b} bins. */
  static int flagWords(int b) {
    return ((1 << b) + 63) >>> 6;
  }

  /** The bin of frequency k: bit t is <col_t, k> (one table lookup per byte of k). */
  int hash(long k) {
    return (int) signatureTable.apply(k) & binMask;
  }

  /**
   * Noiseless mode: the signature {@code [M^T; D^T] k} of frequency k, its bin in the low {@code b}
   * bits and its delay signs above (see {@link #signatureTable}).
   */
  long signature(long k) {
    return signatureTable.apply(k);
  }

  /** Marks every bin to be tested. */
  void markAll() {
    java.util.Arrays.fill(changed, -1L);
    int tail = (1 << b) & 63;
    if (tail != 0) {
      changed[changed.length - 1] = (1L << tail) - 1;
    }
  }

  /** Marks bin j to be tested. */
  void mark(int j) {
    changed[j >>> 6] |= 1L << j;
  }

  /**
   * Writes the query indices M l xor d for l = 0..B-1 into out[off + l], in order: M l is the XOR
   * of the span of the low columns at the low bits of l and of the high columns at the rest.
   */
  void queries(long delay, long[] out, int off) {
    long[] low = lowSpan;
    long[] high = highSpan;
    int lowSize = low.length;
    for (int h = 0; h < high.length; h++) {
      long base = delay ^ high[h];
      int o = off + h * lowSize;
      for (int l = 0; l < lowSize; l++) {
        out[o + l] = base ^ low[l];
      }
    }
  }

  /** The query index {@code M l xor delay}. */
  long query(int l, long delay) {
    int lowSize = lowSpan.length;
    return delay ^ lowSpan[l & (lowSize - 1)] ^ highSpan[l / lowSize];
  }

  /**
   * Reads the queries of this group from a dense array: {@code out[off + d B + l] = x[M l xor
   * delays[d]]}, the layout {@link #queries} gives delay by delay, without the list of indices.
   * (All delays of one {@code l} together, which touches fewer memory pages, measured slower.)
   */
  void gather(double[] x, double[] out, int off) {
    long[] low = lowSpan;
    long[] high = highSpan;
    int lowSize = low.length;
    int size = 1 << b;
    for (int d = 0; d < delays.length; d++) {
      long delay = delays[d];
      for (int h = 0; h < high.length; h++) {
        long base = delay ^ high[h];
        int o = off + d * size + h * lowSize;
        for (int l = 0; l < lowSize; l++) {
          out[o + l] = x[(int) (base ^ low[l])];
        }
      }
    }
  }

  /**
   * As {@link #gather}, into rows: {@code out[off + l width + d] = x[M l xor delays[d]]}, row
   * {@code l} holding the values of all delays at {@code l} and zeros from {@code |D|} to {@code
   * width}, so that one transform across the rows ({@link DoubleKernel#columns}) takes all delays'
   * transforms at once and leaves bin {@code j} in row {@code j}.
   *
   * @return the largest bit pattern of the magnitudes read (for non-negative doubles the order of
   *     their values; a pattern at or above infinity's is not finite)
   */
  long gatherRows(double[] x, double[] out, int off, int width) {
    return gatherRows(x, out, off, width, null, null);
  }

  /**
   * Rows per index pass of the SIMD gather: {@code GATHER_CHUNK * width} indices in {@code index}.
   */
  static final int GATHER_CHUNK = 64;

  /**
   * As {@link #gatherRows(double[], double[], int, int)}, by {@code simd} when it is not null and
   * {@code width} is a multiple of its lanes: the indices of up to {@link #GATHER_CHUNK} rows at a
   * time are written to {@code index} (at least {@code GATHER_CHUNK * width} long; a row's padding
   * repeats its first index), then read by one gather instruction per vector. The same values and
   * the same largest magnitude, or a pattern at or above infinity's when a value is not finite.
   */
  long gatherRows(double[] x, double[] out, int off, int width, int[] index, RowGather simd) {
    if (simd != null && width % simd.lanes() == 0) {
      return gatherRowsSimd(x, out, off, width, index, simd);
    }
    long[] low = lowSpan;
    long[] high = highSpan;
    long[] ds = delays;
    int dn = ds.length;
    int lowSize = low.length;
    int o = off;
    long largest = 0;
    for (int h = 0; h < high.length; h++) {
      long hi = high[h];
      for (int l = 0; l < lowSize; l++, o += width) {
        long base = hi ^ low[l];
        for (int d = 0; d < dn; d++) {
          double v = x[(int) (base ^ ds[d])];
          out[o + d] = v;
          largest = Math.max(largest, Double.doubleToRawLongBits(v) & Long.MAX_VALUE);
        }
        for (int d = dn; d < width; d++) {
          out[o + d] = 0.0;
        }
      }
    }
    return largest;
  }

  private long gatherRowsSimd(
      double[] x, double[] out, int off, int width, int[] index, RowGather simd) {
    long[] low = lowSpan;
    long[] high = highSpan;
    long[] ds = delays;
    int dn = ds.length;
    int lowBits = Integer.numberOfTrailingZeros(low.length);
    int size = 1 << b;
    int chunk = Math.min(GATHER_CHUNK, size);
    long largest = 0;
    for (int r0 = 0; r0 < size; r0 += chunk) {
      for (int r = r0, i = 0; r < r0 + chunk; r++, i += width) {
        int base = (int) (high[r >>> lowBits] ^ low[r & (low.length - 1)]);
        for (int d = 0; d < dn; d++) {
          index[i + d] = base ^ (int) ds[d];
        }
        for (int d = dn; d < width; d++) {
          index[i + d] = base;
        }
      }
      largest =
          Math.max(largest, simd.gatherRows(x, index, out, off + r0 * width, chunk, width, dn));
    }
    return largest;
  }

  /**
   * Rows of a linear map {@code P} on {@code n} bits whose kernel is exactly {@code span(M)}: the
   * last {@code n - b} coordinates of a vector in the basis of {@code M}'s columns completed by
   * unit vectors. Two indices lie in the same coset of {@code span(M)} iff {@code P} maps them
   * alike.
   */
  long[] quotient() {
    Gf2.Basis basis = new Gf2.Basis();
    long[] columns = new long[n];
    for (int t = 0; t < b; t++) {
      basis.add(cols[t]);
      columns[t] = cols[t];
    }
    for (int i = 0, next = b; i < n && next < n; i++) {
      if (basis.add(1L << i)) {
        columns[next++] = 1L << i;
      }
    }
    long[] rows = new long[n]; // row r of the matrix whose columns are `columns`
    for (int c = 0; c < n; c++) {
      for (long bits = columns[c]; bits != 0; bits &= bits - 1) {
        rows[Long.numberOfTrailingZeros(bits)] |= 1L << c;
      }
    }
    return java.util.Arrays.copyOfRange(Gf2.inverse(rows, n), b, n);
  }

  /** All 2^(to - from) XORs of columns from..to-1, entry i holding those of i's set bits. */
  private long[] span(int from, int to) {
    long[] s = new long[1 << (to - from)];
    for (int i = 1; i < s.length; i++) {
      s[i] = s[i & (i - 1)] ^ cols[from + Integer.numberOfTrailingZeros(i)];
    }
    return s;
  }

  /** Subtracts the contribution of coefficient (k, alpha) from its bin and marks it changed. */
  void peel(long k, double alpha) {
    int j = hash(k);
    int dn = delays.length;
    int o = j * stride;
    for (int d = 0; d < dn; d++) {
      bins[o + d] -= Gf2.negateIf(alpha, Gf2.dot(delays[d], k));
    }
    mark(j);
  }

  /**
   * Noiseless mode: {@link #peel} of the coefficient of signature {@code sig} (see {@link
   * #signature}), its delay signs read from the signature; the same values as {@code peel}.
   */
  void peelSignature(long sig, double alpha) {
    int j = (int) sig & binMask;
    int dn = delays.length;
    int o = j * stride;
    bins[o] -= alpha;
    long signs = sig >>> b;
    for (int d = 1; d < dn; d++, signs >>>= 1) {
      bins[o + d] -= Gf2.negateIf(alpha, (int) signs & 1);
    }
    mark(j);
  }

  /**
   * Noiseless mode: {@link #amplitude} of bin j for the frequency of signature {@code sig}, the
   * same sum in the same order.
   */
  double amplitudeSignature(int j, long sig) {
    int dn = delays.length;
    int o = j * stride;
    double dot = 0;
    dot += bins[o]; // as in amplitude: 0 + (-0.0) is +0.0
    long signs = sig >>> b;
    for (int d = 1; d < dn; d++, signs >>>= 1) {
      dot += Gf2.negateIf(bins[o + d], (int) signs & 1);
    }
    return dot / dn;
  }

  /** Mean energy per delay of bin j. */
  double energy(int j) {
    int dn = delays.length;
    double e = 0;
    for (int d = j * stride, end = d + dn; d < end; d++) {
      e += bins[d] * bins[d];
    }
    return e / dn;
  }

  /**
   * Robust mode: the bit-wise index estimate of bin j, bit i set iff sum_p U[r_p] U[r_p ^ e_i] < 0
   * (corr is scratch of length n).
   */
  long bitwiseIndex(int j, double[] corr) {
    int dn = delays.length;
    int o = j * stride;
    int p = dn / (n + 1);
    java.util.Arrays.fill(corr, 0.0);
    for (int q = 0; q < p; q++) {
      int base = o + q * (n + 1);
      double ur = bins[base];
      for (int i = 0; i < n; i++) {
        corr[i] += ur * bins[base + 1 + i];
      }
    }
    long k = 0;
    for (int i = 0; i < n; i++) {
      if (corr[i] < 0) {
        k |= 1L << i;
      }
    }
    return k;
  }

  /** The least-squares amplitude of frequency k in bin j: mean_d s_k(d) U[d]. */
  double amplitude(int j, long k) {
    int dn = delays.length;
    int o = j * stride;
    double dot = 0;
    for (int d = 0; d < dn; d++) {
      dot += Gf2.negateIf(bins[o + d], Gf2.dot(delays[d], k));
    }
    return dot / dn;
  }

  /** Mean squared residual of bin j after removing (k, alpha). */
  double residual(int j, long k, double alpha) {
    int dn = delays.length;
    int o = j * stride;
    double res = 0;
    for (int d = 0; d < dn; d++) {
      double r = bins[o + d] - Gf2.negateIf(alpha, Gf2.dot(delays[d], k));
      res += r * r;
    }
    return res / dn;
  }
}
