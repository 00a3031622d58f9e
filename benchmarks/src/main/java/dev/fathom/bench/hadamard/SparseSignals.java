package dev.fathom.bench.hadamard;

import dev.fathom.core.Rng;
import dev.fathom.hadamard.BatchOracle;
import dev.fathom.hadamard.SparseResult;
import dev.fathom.hadamard.SparseSpectrum;
import java.util.Arrays;
import java.util.stream.IntStream;

/** Helpers around {@link SparseSpectrum} for the benchmarks and figures. */
public final class SparseSignals {
  private SparseSignals() {}

  /**
   * The spectrum's batch oracle evaluated in parallel (direct summation is O(K) per query).
   *
   * @param s the function
   * @return a parallel batch oracle
   */
  public static BatchOracle parallel(SparseSpectrum s) {
    return (indices, out) ->
        IntStream.range(0, indices.length).parallel().forEach(i -> out[i] = s.value(indices[i]));
  }

  /**
   * Throws unless r recovers s exactly (support, and coefficients within 1e-9 relative).
   *
   * @param s the function
   * @param r the result
   */
  public static void requireExact(SparseSpectrum s, SparseResult r) {
    boolean ok = s.sameSupport(r);
    double[] c = s.coefficients();
    for (int i = 0; ok && i < c.length; i++) {
      ok = Math.abs(r.values()[i] - c[i]) <= 1e-9 * Math.abs(c[i]);
    }
    if (!ok) {
      throw new IllegalStateException("sparse recovery failed: " + r);
    }
  }

  /** An open-addressing long to double table (keys are non-negative). */
  public static final class Table {
    private final long[] keys;
    private final double[] vals;

    /**
     * Creates a table of fixed capacity.
     *
     * @param capacity a power of two, larger than twice the entries
     */
    public Table(int capacity) {
      keys = new long[capacity];
      vals = new double[capacity];
      Arrays.fill(keys, -1L);
    }

    /**
     * Stores a value.
     *
     * @param k the key
     * @param v the value
     */
    public void put(long k, double v) {
      int i = slot(k);
      keys[i] = k;
      vals[i] = v;
    }

    /**
     * Reads a stored value.
     *
     * @param k the key, which must be present
     * @return the value
     */
    public double get(long k) {
      int i = slot(k);
      if (keys[i] != k) {
        throw new IllegalStateException("not stored: " + k);
      }
      return vals[i];
    }

    private int slot(long k) {
      int mask = keys.length - 1;
      int i = (int) Rng.mix64(k) & mask;
      while (keys[i] != -1L && keys[i] != k) {
        i = (i + 1) & mask;
      }
      return i;
    }
  }
}
