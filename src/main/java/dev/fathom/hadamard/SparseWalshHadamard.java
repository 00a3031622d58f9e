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

  /** Each calling thread's arrays, reused from call to call (see {@link Workspace}). */
  private final ThreadLocal<Workspace> workspace;

  /**
   * Creates the transform.
   *
   * @param options the validated parameters
   */
  public SparseWalshHadamard(SprightOptions options) {
    this.options = Args.notNull("options", options);
    this.workspace = ThreadLocal.withInitial(() -> new Workspace(options));
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
    Workspace w = workspace.get();
    if (w.busy) {
      w = new Workspace(o); // a call from within the oracle: the thread's workspace is in use
    }
    w.busy = true;
    try {
      return transform(oracle, rng, w);
    } finally {
      w.busy = false;
    }
  }

  private SparseResult transform(BatchOracle oracle, RandomGenerator rng, Workspace w) {
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
      for (HashGroup g : groups) {
        largestBits = Math.max(largestBits, g.gatherRows(x, g.bins, 0, width));
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
    Classifier classifier = new Classifier(o, groups, tol, tau, binNoise);

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

  /**
   * The arrays of one call that do not depend on the seed: the queried values ({@code C B |D|}) and
   * each group's bins and flags. A thread keeps them from call to call of the same instance (they
   * are overwritten before being read), which saves allocating and zeroing them, 16 bytes per query
   * (10 at n = 22, b = 10, where the values are gathered straight into the bins as rows of 16, see
   * {@link #rowWidth}) at every call; above {@link #KEEP_MAX} doubles they are allocated per call
   * instead.
   */
  private static final class Workspace {
    /** The most doubles a thread keeps (16 MiB). */
    static final int KEEP_MAX = 1 << 21;

    private final SprightOptions options;
    final boolean keep;
    private double[] vals;
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

    Workspace(SprightOptions o) {
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

  /** The bin test; not thread-safe (it holds the last singleton found). */
  private static final class Classifier {
    private final boolean noiseless;
    private final int n;
    private final double tol;
    private final double tau;
    private final double minAmplitude2;
    private final double[] corr;
    private final HashGroup[] groups;

    /** Noiseless mode: the signatures of the last clean singleton in every group. */
    private final long[] signatures;

    long index;
    double amplitude;

    /** Whether the last bin tested was a clean singleton outvoted by the other groups. */
    boolean deferred;

    Classifier(SprightOptions o, HashGroup[] groups, double tol, double tau, double binNoise) {
      this.groups = groups;
      this.signatures = new long[groups.length];
      this.noiseless = o.detection() == SprightOptions.Detection.NOISELESS;
      this.n = o.n();
      this.tol = tol;
      this.tau = tau;
      // A robust singleton's amplitude must stand 4 standard errors above the bin noise.
      this.minAmplitude2 = 16 * binNoise / o.delays() + tol * tol;
      this.corr = new double[n];
    }

    /** Whether bin j of g is a verified singleton; if so sets index and amplitude. */
    boolean singleton(HashGroup g, int j) {
      deferred = false;
      if (noiseless) {
        // |U[0]| <= tol gives false whether or not the bin is empty (a non-empty bin then has no
        // clean signature), so the energy sum is needed only above tol: most bins end empty, and
        // each is tested once in that state.
        return Math.abs(g.bins[j * g.stride]) > tol && !empty(g, j) && noiseless(g, j);
      }
      return !empty(g, j) && robust(g, j);
    }

    /**
     * Noiseless test: a clean singleton that the other groups do not contradict. Group c'
     * contradicts frequency k when k's bin there is empty or a clean singleton of another
     * frequency; a majority of contradicting groups marks k as a ghost (a multiton whose values
     * mimic a singleton in this group only), which is left for later rounds.
     */
    private boolean noiseless(HashGroup g, int j) {
      long v = cleanSignature(g, j);
      if (v < 0) {
        return false;
      }
      long k = g.inverseTable.apply(v);
      // k's signature in every group: its bin and its delay signs there (v in g itself)
      long[] sig = signatures;
      for (int c = 0; c < groups.length; c++) {
        sig[c] = groups[c] == g ? v : groups[c].signature(k);
      }
      int others = groups.length - 1;
      int contradictions = 0;
      int left = others;
      for (int c = 0; c < groups.length; c++) {
        if (2 * (contradictions + left) <= others) {
          break; // a majority against k is out of reach
        }
        HashGroup other = groups[c];
        if (other != g) {
          left--;
          // Contradiction: k's bin there is empty, or a clean singleton of another frequency,
          // that is of another signature (the signature map is one to one).
          int jo = (int) sig[c] & ((1 << other.b) - 1);
          long vo = empty(other, jo) ? -2 : cleanSignature(other, jo);
          if (vo == -2 || (vo >= 0 && vo != sig[c])) {
            contradictions++;
          }
        }
      }
      if (2 * contradictions > others) {
        deferred = true;
        return false;
      }
      index = k;
      // the mean of the delays' values, each signed as frequency k predicts (<d, k> is bit
      // b + i - 1 of v for the i-th delay): the same sum, in the same order, as amplitude(j, k)
      amplitude = g.amplitudeSignature(j, v);
      return true;
    }

    /** Subtracts the last singleton found from its bin in every group and marks those bins. */
    void peel() {
      for (int c = 0; c < groups.length; c++) {
        if (noiseless) {
          groups[c].peelSignature(signatures[c], amplitude);
        } else {
          groups[c].peel(index, amplitude);
        }
      }
    }

    /**
     * Whether bin j of g holds less than tau of mean energy per delay. A first value whose square
     * exceeds {@code |D| tau} (with a margin far above rounding) already settles it, without the
     * serial sum over the delays. Otherwise the sum of squares is taken in four interleaved parts
     * (a quarter of the serial sum's latency); it differs from the serial sum of {@link
     * HashGroup#energy} by rounding only, at most {@code 2 |D|} ulps relative as all terms are
     * non-negative, so a sum further than {@code 1e-9} relative from {@code |D| tau} settles it the
     * same way, and only a sum within that margin takes the serial one.
     */
    private boolean empty(HashGroup g, int j) {
      double[] u = g.bins;
      int dn = g.delays.length;
      int o = j * g.stride;
      double limit = dn * tau;
      double u0 = u[o];
      if (u0 * u0 > limit * (1 + 1e-9)) {
        return false;
      }
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int d = o;
      for (int end = o + dn - 3; d < end; d += 4) {
        s0 += u[d] * u[d];
        s1 += u[d + 1] * u[d + 1];
        s2 += u[d + 2] * u[d + 2];
        s3 += u[d + 3] * u[d + 3];
      }
      for (int end = o + dn; d < end; d++) {
        s0 += u[d] * u[d];
      }
      double sum = (s0 + s1) + (s2 + s3);
      if (sum < limit * (1 - 1e-9)) {
        return true;
      }
      if (sum > limit * (1 + 1e-9)) {
        return false;
      }
      return g.energy(j) <= tau;
    }

    /**
     * The signature of bin j ({@code j} and the delay signs, see {@link HashGroup#signature}) if
     * every delay reads +-U[0], else -1.
     */
    private long cleanSignature(HashGroup g, int j) {
      double[] u = g.bins;
      int dn = g.delays.length;
      int o = j * g.stride;
      double u0 = u[o];
      double a = Math.abs(u0);
      if (a <= tol) {
        return -1;
      }
      // Delay i reads +u0 or -u0 (not both: |u0| > tol); its sign is bit b + i - 1 of v. One
      // comparison per delay: for ui of u0's sign |ui - u0| is exactly ||ui| - |u0|| (rounding is
      // symmetric in sign) and |ui + u0| >= |u0| > tol, the other way round for the other sign,
      // so ||ui| - |u0|| <= tol is the test of either sign, and the sign is that of ui against
      // u0's, taken from the sign bits without a branch (signs are random, a branch would
      // mispredict); the only branch leaves at the first delay that reads neither, once per
      // multiton.
      long u0Bits = Double.doubleToRawLongBits(u0);
      long v = j;
      for (int i = 1, shift = g.b; i < dn; i++, shift++) {
        double ui = u[o + i];
        if (!(Math.abs(Math.abs(ui) - a) <= tol)) {
          return -1;
        }
        v |= ((Double.doubleToRawLongBits(ui) ^ u0Bits) >>> 63) << shift;
      }
      return v;
    }

    private boolean robust(HashGroup g, int j) {
      long k = g.bitwiseIndex(j, corr);
      if (g.hash(k) != j) {
        return false;
      }
      double alpha = g.amplitude(j, k);
      if (alpha * alpha < minAmplitude2 || g.residual(j, k, alpha) > tau) {
        return false;
      }
      index = k;
      amplitude = alpha;
      return true;
    }
  }
}
