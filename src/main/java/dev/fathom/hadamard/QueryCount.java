package dev.fathom.hadamard;

/**
 * The number of distinct indices SPRIGHT queries, counted from the structure of the groups instead
 * of from the list of queries (which a table over the whole domain, or a hash set, would need).
 * Group {@code c} queries the cosets {@code span(M_c) xor d} for its delays {@code d}; two delays
 * give the same coset when their difference lies in {@code span(M_c)}. Different groups share only
 * the points where their cosets meet: with a linear map {@code P_h} whose kernel is {@code
 * span(M_h)}, the point {@code M_c l xor d} lies in the coset {@code span(M_h) xor e} iff {@code
 * P_h M_c l = P_h(d xor e)}, a linear system in the bits of {@code l}, solved by elimination (once
 * per delay: the elimination is linear in the right-hand side). For random subspaces of dimension
 * {@code b < n / 2} it has at most one solution, so the count costs {@code O(|D|^2)} comparisons
 * per pair of groups, and the work grows with the number of shared points only.
 */
final class QueryCount {
  private QueryCount() {}

  /** The number of distinct indices among all queries {@code M_c l xor d} of all groups. */
  static int distinct(HashGroup[] groups) {
    int size = 1 << groups[0].b;
    long[][] quotients = new long[groups.length][];
    long[][] cosets = new long[groups.length][];
    long count = 0;
    for (int c = 0; c < groups.length; c++) {
      HashGroup g = groups[c];
      quotients[c] = g.quotient();
      cosets[c] = cosetDelays(g, quotients[c]);
      count += (long) size * cosets[c].length;
    }
    for (int c = 1; c < groups.length; c++) {
      HashGroup g = groups[c];
      LongHashSet shared = new LongHashSet(16);
      for (int h = 0; h < c; h++) {
        long[] p = quotients[h];
        Solver solver = new Solver(g.cols, p);
        // The elimination is linear: with t = P_h(d) xor P_h(e), both the residual (zero iff
        // there is a solution) and the solution are those of P_h(d) xor those of P_h(e).
        long[] eResidual = new long[cosets[h].length];
        long[] eSolution = new long[cosets[h].length];
        for (int i = 0; i < eResidual.length; i++) {
          eResidual[i] = solver.reduce(Gf2.multiply(p, cosets[h][i]));
          eSolution[i] = solver.solution;
        }
        for (long d : cosets[c]) {
          long dResidual = solver.reduce(Gf2.multiply(p, d));
          long dSolution = solver.solution;
          for (int i = 0; i < eResidual.length; i++) {
            if (dResidual == eResidual[i]) {
              solver.addAll(dSolution ^ eSolution[i], g, d, shared);
            }
          }
        }
      }
      count -= shared.size();
    }
    return Math.toIntExact(count);
  }

  /** One delay per distinct coset {@code span(M) xor d}, the first of each in delay order. */
  private static long[] cosetDelays(HashGroup g, long[] quotient) {
    long[] keys = new long[g.delays.length];
    long[] reps = new long[g.delays.length];
    int m = 0;
    outer:
    for (long d : g.delays) {
      long key = Gf2.multiply(quotient, d);
      for (int i = 0; i < m; i++) {
        if (keys[i] == key) {
          continue outer;
        }
      }
      keys[m] = key;
      reps[m++] = d;
    }
    return java.util.Arrays.copyOf(reps, m);
  }

  /**
   * The solutions {@code l} of {@code Q l = t} over GF(2), where column {@code t} of {@code Q} is
   * {@code P cols[t]}: the columns reduced to one per pivot bit, each with the combination of
   * original columns it stands for, and the combinations that reduce to zero (the kernel).
   */
  private static final class Solver {
    private final long[] vectors = new long[64];
    private final long[] combos = new long[64];
    private final long[] kernel;
    private final int kernelSize;

    Solver(long[] cols, long[] p) {
      long[] ker = new long[cols.length];
      int k = 0;
      for (int t = 0; t < cols.length; t++) {
        long v = Gf2.multiply(p, cols[t]);
        long combo = 1L << t;
        while (v != 0) {
          int pivot = 63 - Long.numberOfLeadingZeros(v);
          if (vectors[pivot] == 0) {
            vectors[pivot] = v;
            combos[pivot] = combo;
            break;
          }
          v ^= vectors[pivot];
          combo ^= combos[pivot];
        }
        if (v == 0) {
          ker[k++] = combo;
        }
      }
      kernel = ker;
      kernelSize = k;
    }

    /** The solution of the last {@link #reduce}, when its residual was zero. */
    long solution;

    /**
     * Reduces {@code t} by the columns: returns the residual, zero iff {@code Q l = t} has a
     * solution, and sets {@link #solution} to one (the combination of columns used). Both are
     * linear in {@code t}.
     */
    long reduce(long t) {
      long v = t;
      long l = 0;
      // every set bit from the top, pivot or not (stopping at a non-pivot bit would not be linear)
      for (long rest = v; rest != 0; ) {
        int bit = 63 - Long.numberOfLeadingZeros(rest);
        if (vectors[bit] != 0) {
          v ^= vectors[bit];
          l ^= combos[bit];
        }
        rest = v & ((1L << bit) - 1);
      }
      solution = l;
      return v;
    }

    /** Adds {@code M l xor d} to {@code out} for {@code l0} plus every kernel combination. */
    void addAll(long l0, HashGroup g, long d, LongHashSet out) {
      for (int s = 0; s < 1 << kernelSize; s++) {
        long l = l0;
        for (int i = 0; i < kernelSize; i++) {
          if ((s >>> i & 1) != 0) {
            l ^= kernel[i];
          }
        }
        out.add(g.query((int) l, d));
      }
    }
  }
}
