package dev.fathom.hadamard;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The SPRIGHT sparse Walsh-Hadamard transform (Li, Bradley, Pawar, Ramchandran): recovers a {@code
 * K}-sparse spectrum {@code f^} of a function {@code f} on {@code n}-bit indices ({@code n <= 62})
 * from {@code O(K log N)} queries, without ever forming the length-{@code 2^n} vector.
 *
 * <p>Front end: for each group {@code c} and delay {@code d}, query {@code u[l] = f(M_c l xor d)}
 * for the {@code B = 2^b} values of {@code l} and take a {@code B}-point transform, so that bin
 * {@code j} sees {@code U_c[j][d] = sum_{k: M_c^T k = j} f^(k) (-1)^<d,k>}. Back end: a bin holding
 * exactly one coefficient (a singleton) reveals its index through the signs across delays; it is
 * verified, recorded, and subtracted from its bin in every group, which frees other bins (peeling).
 * Output is in the {@link Normalization#FOURIER} convention, {@code f(m) = sum_k f^(k) (-1)^<k,m>}.
 *
 * <p>Thresholds are relative to the largest bin value (noiseless) plus {@code (1 + gamma) sigma^2 /
 * B} (robust), so the result does not depend on the scale of {@code f}. Peeling stops when a round
 * makes no progress or after {@code maxRounds}; an overloaded problem returns a partial answer with
 * status {@link Status#STALLED} (or {@link Status#MAX_ITERATIONS} at the round limit), never an
 * exception or an endless loop; a complete answer has {@link Status#CONVERGED}.
 *
 * <p>Randomness (the subsampling matrices, delays and offsets) is the last argument of {@code
 * transform}: a {@code long seed}, or a {@link RandomGenerator}; {@code seed} and {@code
 * Rng.create(seed)} draw the same. The same options and seed give the same queries and the same
 * result. Instances are thread-safe: their options are immutable, and each thread that calls {@code
 * transform} keeps its own workspace (the queried values and the bins, at most 16 bytes per query,
 * at most 16 MiB; larger problems allocate them per call) for its next calls on the same instance,
 * so reuse one instance for repeated transforms with the same options. That workspace also keeps
 * the last subsampling groups built (their lookup tables) and the count of distinct queries, used
 * again when a call draws the same matrices and delays (the same seed, or identity blocks in
 * noiseless mode, whose matrices do not depend on the seed); the generator is advanced the same
 * either way, and the results are the same. The oracle is called from the calling thread only.
 *
 * @since 1.0
 */
public final class SparseWalshHadamard {
  /** Standard normal quantile at 0.1, for the noise estimate. */
  private static final double Z_10 = -1.2815515655446004;

  /** The sign bit of a double, and the bits of positive infinity. */
  private static final long SIGN = Long.MIN_VALUE;

  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  private final SprightOptions options;

  /** Each calling thread's arrays, reused from call to call (see {@link SprightWorkspace}). */
  private final ThreadLocal<SprightWorkspace> workspace;

  /**
   * Creates the transform.
   *
   * @param options the validated parameters
   */
  public SparseWalshHadamard(SprightOptions options) {
    this.options = Args.notNull("options", options);
    this.workspace = ThreadLocal.withInitial(() -> new SprightWorkspace(options));
  }

  /**
   * The parameters.
   *
   * @return the options
   */
  public SprightOptions options() {
    return options;
  }

  /**
   * Recovers the sparse spectrum of a dense vector with default options ({@link
   * SprightOptions#defaults}, {@code n = log2(x.length)}): a convenience for tests and comparisons
   * (it only reads the {@code C B |D|} entries the front end asks for).
   *
   * @param x the values {@code f(m)}, of length {@code 2^n} with {@code 1 <= n <= 30}
   * @param sparsity the expected number of non-zero coefficients
   * @param seed the seed of the random subsampling; the same as {@code Rng.create(seed)}
   * @return the recovered coefficients in the FOURIER convention
   */
  public static SparseResult transform(double[] x, int sparsity, long seed) {
    return transform(x, sparsity, Rng.create(seed));
  }

  /**
   * {@link #transform(double[], int, long)} drawing the subsampling from a given generator.
   *
   * @param x the values {@code f(m)}, of length {@code 2^n} with {@code 1 <= n <= 30}
   * @param sparsity the expected number of non-zero coefficients
   * @param rng the source of the random subsampling (advanced by the call)
   * @return the recovered coefficients in the FOURIER convention
   */
  public static SparseResult transform(double[] x, int sparsity, RandomGenerator rng) {
    Args.powerOfTwo("x.length", Args.notNull("x", x).length);
    QueryOracle oracle = QueryOracle.ofArray(x);
    return new SparseWalshHadamard(SprightOptions.defaults(oracle.bits().getAsInt(), sparsity))
        .transform(oracle, rng);
  }

  /**
   * Recovers the sparse spectrum of a function queried one point at a time.
   *
   * @param oracle the function {@code f}
   * @param seed the seed of the random subsampling; the same as {@code Rng.create(seed)}
   * @return the recovered coefficients and diagnostics
   * @throws IllegalArgumentException if the oracle returns a non-finite value, or knows its {@link
   *     BatchOracle#bits()} and they differ from the options' {@code n}
   */
  public SparseResult transform(QueryOracle oracle, long seed) {
    return transform((BatchOracle) oracle, Rng.create(seed));
  }

  /**
   * Recovers the sparse spectrum of a function queried one point at a time.
   *
   * @param oracle the function {@code f}
   * @param rng the source of the random subsampling (advanced by the call)
   * @return the recovered coefficients and diagnostics
   * @throws IllegalArgumentException if the oracle returns a non-finite value, or knows its {@link
   *     BatchOracle#bits()} and they differ from the options' {@code n}
   */
  public SparseResult transform(QueryOracle oracle, RandomGenerator rng) {
    return transform((BatchOracle) oracle, rng);
  }

  /**
   * Recovers the sparse spectrum of a function queried in one batch of {@code C B |D|} indices.
   *
   * @param oracle the function {@code f}
   * @param seed the seed of the random subsampling; the same as {@code Rng.create(seed)}
   * @return the recovered coefficients and diagnostics
   * @throws IllegalArgumentException if the oracle returns a non-finite value, or knows its {@link
   *     BatchOracle#bits()} and they differ from the options' {@code n}
   */
  public SparseResult transform(BatchOracle oracle, long seed) {
    return transform(oracle, Rng.create(seed));
  }

  /**
   * Recovers the sparse spectrum of a function queried in one batch of {@code C B |D|} indices.
   *
   * @param oracle the function {@code f}
   * @param rng the source of the random subsampling (advanced by the call)
   * @return the recovered coefficients and diagnostics
   * @throws IllegalArgumentException if the oracle returns a non-finite value, or knows its {@link
   *     BatchOracle#bits()} and they differ from the options' {@code n}
   */
  public SparseResult transform(BatchOracle oracle, RandomGenerator rng) {
    Args.notNull("oracle", oracle);
    Args.notNull("rng", rng);
    SprightOptions o = options;
    OptionalInt bits = oracle.bits();
    if (bits.isPresent() && bits.getAsInt() != o.n()) {
      throw Args.fail(
          "options.n",
          o.n(),
          "the oracle's n = "
              + bits.getAsInt()
              + " (its domain has 2^"
              + bits.getAsInt()
              + " indices)");
    }
    SprightWorkspace w = workspace.get();
    if (w.busy) {
      w =
          new SprightWorkspace(
              o); // a call from within the oracle: the thread's workspace is in use
    }
    w.busy = true;
    try {
      return transform(oracle, rng, w);
    } finally {
      w.busy = false;
    }
  }

  private SparseResult transform(BatchOracle oracle, RandomGenerator rng, SprightWorkspace w) {
    SprightOptions o = options;
    int groupCount = o.groups();
    int b = o.bucketBits();
    int size = 1 << b;
    int dn = o.delays();
    // Front end: all queries in one batch, then one B-point transform per (group, delay). An
    // array is read directly, group by group, without the list of indices: into each group's bins
    // as rows of `width` (see rowWidth), whose transform across the rows does all delays of the
    // group at once and leaves bin j in row j; otherwise, and for other oracles, the values of
    // group c, delay d sit at vals[(c |D| + d) B + l], each (c, d) transformed alone and copied
    // into the bins.
    int queries = groupCount * dn * size;
    int width = oracle instanceof ArrayOracle ? rowWidth(dn) : 0;
    int stride = width > 0 ? width : dn;
    // The previous call's groups are reused where the draws give them again (same seed, or
    // identity blocks in noiseless mode), and with them the count of distinct queries.
    HashGroup[] groups = new HashGroup[groupCount];
    boolean sameGroups = true;
    for (int c = 0; c < groupCount; c++) {
      HashGroup previous = w.groups[c];
      groups[c] =
          HashGroup.create(o, c, rng, stride, w.bins(c, stride << b), w.changed(c), previous);
      sameGroups &= groups[c] == previous;
    }
    double[] vals = width > 0 ? null : w.vals();
    // The largest |f|, compared as bit patterns (for non-negative doubles their order), taken
    // while gathering into rows; a pattern at or above infinity's is not finite.
    long largestBits = 0;
    if (width > 0) {
      double[] x = ((ArrayOracle) oracle).array();
      // New groups (a new seed) read entries the previous call did not, mostly from memory, where
      // the vector gather keeps more reads in flight; groups used again read the entries of the
      // previous call, likely still in the caches, where one load per entry is as fast or faster.
      RowGather simd = sameGroups ? null : Simd.gather();
      int[] index = simd != null ? w.gatherIndex(HashGroup.GATHER_CHUNK * width) : null;
      for (HashGroup g : groups) {
        largestBits = Math.max(largestBits, g.gatherRows(x, g.bins, 0, width, index, simd));
      }
    } else {
      if (oracle instanceof ArrayOracle) {
        double[] x = ((ArrayOracle) oracle).array();
        for (int c = 0; c < groupCount; c++) {
          groups[c].gather(x, vals, c * dn * size);
        }
      } else {
        long[] idx = new long[queries];
        for (int c = 0; c < groupCount; c++) {
          for (int d = 0; d < dn; d++) {
            groups[c].queries(groups[c].delays[d], idx, (c * dn + d) * size);
          }
        }
        Arrays.fill(vals, 0.0); // what an oracle that skips an entry left there before
        oracle.values(idx, vals);
      }
      for (double v : vals) {
        largestBits = Math.max(largestBits, Double.doubleToRawLongBits(v) & ~SIGN);
      }
    }
    if (largestBits >= INFINITY_BITS) {
      throw nonFinite(groups, vals, size, width);
    }
    double largest = Double.longBitsToDouble(largestBits);
    // Values scaled by a power of two to a largest |f| in [1, 2): exact, so the answer is the same
    // at every scale, and neither the transform's sums nor the squares of the energy tests
    // overflow (amplitudes beyond 1e154) or underflow (below 1e-154). Scaled back at the end.
    int exponent = largest > 0 ? Math.getExponent(largest) : 0;
    int distinct = sameGroups ? w.distinct : QueryCount.distinct(groups);
    if (!sameGroups && w.keep) {
      System.arraycopy(groups, 0, w.groups, 0, groupCount);
      w.distinct = distinct;
    }
    long scaleBits = 0;
    double fourier = Normalization.FOURIER.scale(b); // 2^-b: exact, wherever it is applied
    if (width > 0) {
      for (HashGroup g : groups) {
        double[] bins = g.bins;
        scalb(bins, -exponent);
        DoubleKernel.columns(bins, 0, b, Integer.numberOfTrailingZeros(width));
        for (int i = 0; i < bins.length; i++) {
          double v = bins[i] * fourier; // the padding stays zero
          bins[i] = v;
          scaleBits = Math.max(scaleBits, Double.doubleToRawLongBits(v) & ~SIGN);
        }
      }
    } else {
      scalb(vals, -exponent);
      for (int c = 0; c < groupCount; c++) {
        double[] bins = groups[c].bins;
        for (int d = 0; d < dn; d++) {
          int base = (c * dn + d) * size;
          DoubleKernel.transform(vals, base, b, 1.0, false);
          for (int j = 0, o2 = d; j < size; j++, o2 += dn) {
            double v = vals[base + j] * fourier;
            bins[o2] = v;
            scaleBits = Math.max(scaleBits, Double.doubleToRawLongBits(v) & ~SIGN);
          }
        }
      }
    }
    double scale = Double.longBitsToDouble(scaleBits);

    // Thresholds: mean energy per delay of an empty bin, and per-entry rounding tolerance.
    double tol = o.relativeTolerance() * scale;
    double noiseVariance = 0;
    if (o.detection() == SprightOptions.Detection.ROBUST_BITWISE) {
      noiseVariance =
          o.noiseVariance().isPresent()
              ? Math.scalb(o.noiseVariance().getAsDouble(), -2 * exponent)
              : estimateNoise(groups, size, o.n());
    }
    double binNoise = noiseVariance / size;
    double tau = (1 + o.gamma()) * binNoise + tol * tol;
    SingletonClassifier classifier = new SingletonClassifier(o, groups, tol, tau, binNoise);

    // Peeling.
    LongDoubleMap found = w.found();
    for (HashGroup g : groups) {
      g.markAll();
    }
    int rounds = 0;
    boolean progress = true;
    while (progress && rounds < o.maxRounds()) {
      rounds++;
      progress = false;
      // Each group's marked bins in increasing order, read from the bit set as the sweep goes: a
      // peel marks bins of the other groups (tested when their sweep comes) and the bin at hand
      // (tested next round), as a sweep over every bin that skips the unmarked ones would.
      for (HashGroup g : groups) {
        long[] marks = g.changed;
        for (int word = 0; word < marks.length; word++) {
          long pending = marks[word];
          while (pending != 0) {
            int bit = Long.numberOfTrailingZeros(pending);
            int j = (word << 6) | bit;
            marks[word] &= ~(1L << bit);
            if (classifier.singleton(g, j)) {
              found.add(classifier.index, classifier.amplitude);
              classifier.peel();
              progress = true;
            } else if (classifier.deferred) {
              marks[word] |= 1L << bit; // look again next round, once the other groups have peeled
            }
            pending = marks[word] & (-2L << bit); // the marked bins above j
          }
        }
      }
    }

    int unresolved = 0;
    double residual = 0;
    for (HashGroup g : groups) {
      for (int j = 0; j < size; j++) {
        double e = g.energy(j);
        residual += e;
        if (e > tau) {
          unresolved++;
        }
      }
    }
    residual = Math.scalb(residual / groupCount, 2 * exponent);
    noiseVariance =
        o.noiseVariance().isPresent() && o.detection() == SprightOptions.Detection.ROBUST_BITWISE
            ? o.noiseVariance().getAsDouble()
            : Math.scalb(noiseVariance, 2 * exponent);
    Status status =
        unresolved == 0 ? Status.CONVERGED : progress ? Status.MAX_ITERATIONS : Status.STALLED;

    long[] keys = new long[found.size()];
    double[] values = new double[found.size()];
    int m = found.sortedAbove(tol, keys, values);
    if (m < keys.length) {
      keys = Arrays.copyOf(keys, m);
      values = Arrays.copyOf(values, m);
    }
    for (int i = 0; i < m; i++) {
      values[i] = Math.scalb(values[i], exponent);
    }
    return new SparseResult(
        keys, values, queries, distinct, rounds, unresolved, residual, noiseVariance, status);
  }

  /**
   * The width of the rows the front end gathers an array oracle's values into, or 0 for one
   * transform per delay: the power of two at or above {@code |D|}, used when its padding costs at
   * most a quarter more transform work (noiseless {@code n = 22, b = 10}: 13 delays in rows of 16)
   * and the rows are at least two cache lines wide.
   */
  static int rowWidth(int delays) {
    int width = Integer.highestOneBit(Math.max(1, delays - 1)) << 1;
    return width >= 16 && 4 * width <= 5 * delays ? width : 0;
  }

  /**
   * The error naming the first non-finite value in query order (group, delay, then {@code l}),
   * whatever the layout of the values: in the groups' bins as rows of {@code width} (see {@link
   * #rowWidth}), or in {@code vals} delay by delay when {@code width} is 0.
   */
  private static IllegalArgumentException nonFinite(
      HashGroup[] groups, double[] vals, int size, int width) {
    int dn = groups[0].delays.length;
    for (int c = 0; c < groups.length; c++) {
      HashGroup g = groups[c];
      for (int d = 0; d < dn; d++) {
        for (int l = 0; l < size; l++) {
          double v = width > 0 ? g.bins[l * width + d] : vals[(c * dn + d) * size + l];
          if (!Double.isFinite(v)) {
            return Args.fail("f(" + g.query(l, g.delays[d]) + ")", v, "a finite number");
          }
        }
      }
    }
    throw new AssertionError("no non-finite value");
  }

  /**
   * Multiplies every value by {@code 2^exponent}, each exactly as {@link Math#scalb} does: for
   * {@code |exponent| < 512} that is one multiplication by the power of two (how {@code scalb}
   * computes it), hoisted out of the loop.
   */
  private static void scalb(double[] v, int exponent) {
    if (exponent == 0) {
      return;
    }
    if (Math.abs(exponent) < 512) {
      double f = Math.scalb(1.0, exponent);
      for (int i = 0; i < v.length; i++) {
        v[i] *= f;
      }
    } else {
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.scalb(v[i], exponent);
      }
    }
  }

  /**
   * Estimates sigma^2 per query from the bins. For each bin take the smaller of its mean energy and
   * its residual after the best bit-wise singleton fit: both are about sigma^2 / B for an empty bin
   * and the second also for a singleton, so most bins measure the noise even when few are empty.
   * The 10% quantile of these values is corrected by the Wilson-Hilferty approximation of the
   * chi-square quantile with |D| degrees of freedom.
   */
  private static double estimateNoise(HashGroup[] groups, int size, int n) {
    double[] e = new double[groups.length * size];
    double[] corr = new double[n];
    int i = 0;
    for (HashGroup g : groups) {
      for (int j = 0; j < size; j++) {
        long k = g.bitwiseIndex(j, corr);
        e[i++] = Math.min(g.energy(j), g.residual(j, k, g.amplitude(j, k)));
      }
    }
    Arrays.sort(e);
    double q = e[(int) (0.1 * (e.length - 1))];
    int dof = groups[0].delays.length;
    double h = 2.0 / (9.0 * dof);
    double chiQuantile = Math.pow(Math.max(1e-3, 1 - h + Z_10 * Math.sqrt(h)), 3);
    return q / chiQuantile * size;
  }
}
