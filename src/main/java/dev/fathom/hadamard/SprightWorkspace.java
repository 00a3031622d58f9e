package dev.fathom.hadamard;

/**
 * The arrays of one call that do not depend on the seed: the queried values ({@code C B |D|}) and
 * each group's bins and flags. A thread keeps them from call to call of the same {@link
 * SparseWalshHadamard} instance (they are overwritten before being read), which saves allocating
 * and zeroing them, 16 bytes per query (10 at n = 22, b = 10, where the values are gathered
 * straight into the bins as rows of 16, see {@link SparseWalshHadamard#rowWidth}) at every call;
 * above {@link #KEEP_MAX} doubles they are allocated per call instead.
 */
final class SprightWorkspace {
  /** The most doubles a thread keeps (16 MiB). */
  static final int KEEP_MAX = 1 << 21;

  private final SprightOptions options;
  final boolean keep;
  private double[] vals;
  private int[] gatherIndex;
  private final double[][] bins;
  private final long[][] changed;
  boolean busy;

  /**
   * The groups of the last call that built new ones (with {@link #keep}; null before), and their
   * count of distinct queries: a group depends only on the options and the draws, and its only
   * arrays that change are this workspace's bins and flags, overwritten by every call.
   */
  final HashGroup[] groups;

  int distinct;

  /** The coefficients found, kept (with {@link #keep}) and cleared for the next call. */
  private LongDoubleMap found;

  SprightWorkspace(SprightOptions o) {
    this.options = o;
    this.keep = 2 * o.queries() <= KEEP_MAX;
    this.bins = new double[o.groups()][];
    this.changed = new long[o.groups()][];
    this.groups = new HashGroup[o.groups()];
  }

  double[] vals() {
    double[] v = vals;
    if (v == null) {
      v = new double[Math.toIntExact(options.queries())];
      if (keep) {
        vals = v;
      }
    }
    return v;
  }

  /** Group c's bins, {@code length} values (which depends on the front end's layout). */
  double[] bins(int c, int length) {
    double[] v = bins[c];
    if (v == null || v.length != length) {
      v = new double[length];
      if (keep) {
        bins[c] = v;
      }
    }
    return v;
  }

  /**
   * Scratch for the indices of the SIMD gather ({@link HashGroup#gatherRows}), at least {@code
   * length}.
   */
  int[] gatherIndex(int length) {
    int[] v = gatherIndex;
    if (v == null || v.length < length) {
      v = new int[length];
      gatherIndex = v;
    }
    return v;
  }

  /** An empty map of the coefficients found, sized for the options' sparsity. */
  LongDoubleMap found() {
    LongDoubleMap f = found;
    if (f == null) {
      f = new LongDoubleMap(options.sparsity());
      if (keep) {
        found = f;
      }
    } else {
      f.clear();
    }
    return f;
  }

  long[] changed(int c) {
    long[] v = changed[c];
    if (v == null) {
      v = new long[HashGroup.flagWords(options.bucketBits())];
      if (keep) {
        changed[c] = v;
      }
    }
    return v;
  }
}
