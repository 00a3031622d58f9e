package dev.fathom.hadamard;

/** Small linear algebra over GF(2) with vectors of up to 63 bits packed in a {@code long}. */
final class Gf2 {
  private Gf2() {}

  /** Parity of popcount(a & b): the inner product over GF(2). */
  static int dot(long a, long b) {
    return Long.bitCount(a & b) & 1;
  }

  /** An incrementally built basis in reduced form (one pivot bit per vector). */
  static final class Basis {
    private final long[] byPivot = new long[64];
    private int size;

    /** Adds {@code v} if it is independent of the basis; returns whether it was. */
    boolean add(long v) {
      long r = reduce(v);
      if (r == 0) {
        return false;
      }
      byPivot[63 - Long.numberOfLeadingZeros(r)] = r;
      size++;
      return true;
    }

    long reduce(long v) {
      long r = v;
      while (r != 0) {
        int p = 63 - Long.numberOfLeadingZeros(r);
        if (byPivot[p] == 0) {
          return r;
        }
        r ^= byPivot[p];
      }
      return 0;
    }

    int size() {
      return size;
    }
  }

  /**
   * Inverts the {@code n x n} matrix whose row {@code r} is {@code rows[r]} (bit {@code c} = entry
   * {@code (r, c)}). Returns the rows of the inverse, or null if singular.
   */
  static long[] inverse(long[] rows, int n) {
    long[] a = rows.clone();
    long[] inv = new long[n];
    for (int r = 0; r < n; r++) {
      inv[r] = 1L << r;
    }
    for (int col = 0; col < n; col++) {
      int piv = -1;
      for (int r = col; r < n; r++) {
        if (((a[r] >>> col) & 1) != 0) {
          piv = r;
          break;
        }
      }
      if (piv < 0) {
        return null;
      }
      long t = a[piv];
      a[piv] = a[col];
      a[col] = t;
      t = inv[piv];
      inv[piv] = inv[col];
      inv[col] = t;
      for (int r = 0; r < n; r++) {
        if (r != col && ((a[r] >>> col) & 1) != 0) {
          a[r] ^= a[col];
          inv[r] ^= inv[col];
        }
      }
    }
    return inv;
  }

  /** The product {@code rows * v}: bit r of the result is dot(rows[r], v). */
  static long multiply(long[] rows, long v) {
    long out = 0;
    for (int r = 0; r < rows.length; r++) {
      out |= (long) dot(rows[r], v) << r;
    }
    return out;
  }

  /**
   * A linear map over GF(2) evaluated by byte-wise lookup: the image of {@code v} is the XOR of one
   * table entry per byte of {@code v}, instead of one parity per output bit. Built from the rows of
   * the matrix, so {@code apply(v) == multiply(rows, v)}; each table holds the images of all 256
   * values of its byte.
   */
  static final class Table {
    private final long[] entries;
    private final int bytes;

    /**
     * The map {@code v -> multiply(rows, v)} on inputs of {@code inputBits} bits.
     *
     * @param rows the rows of the matrix (bit {@code c} of row {@code r} = entry {@code (r, c)})
     * @param inputBits the number of input bits, in [1, 63]
     */
    Table(long[] rows, int inputBits) {
      bytes = (inputBits + 7) >>> 3;
      long[] images = new long[8 * bytes]; // images[c]: the image of e_c, column c of the matrix
      for (int r = 0; r < rows.length; r++) {
        for (long bits = rows[r]; bits != 0; bits &= bits - 1) {
          images[Long.numberOfTrailingZeros(bits)] |= 1L << r;
        }
      }
      entries = new long[bytes << 8];
      for (int p = 0; p < bytes; p++) {
        int base = p << 8;
        for (int x = 1; x < 256; x++) {
          int bit = 8 * p + Integer.numberOfTrailingZeros(x);
          entries[base + x] = entries[base + (x & (x - 1))] ^ images[bit];
        }
      }
    }

    /** The image of {@code v}, whose bits at or above the table's input width must be zero. */
    long apply(long v) {
      long out = 0;
      long[] t = entries;
      for (int p = 0, base = 0; p < bytes; p++, base += 256) {
        out ^= t[base + (int) ((v >>> (8 * p)) & 0xFF)];
      }
      return out;
    }
  }

  /** {@code x} if {@code negate} is 0, {@code -x} if it is 1: an exact sign flip without branch. */
  static double negateIf(double x, int negate) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ ((long) negate << 63));
  }
}
