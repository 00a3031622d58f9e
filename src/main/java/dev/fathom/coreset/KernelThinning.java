package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * Kernel thinning (Dwivedi and Mackey, JMLR 2024; Generalized Kernel Thinning, ICLR 2022):
 * compresses {@code n} points to {@code floor(n / 2^m)} whose empirical distribution is close to
 * the input's in the maximum mean discrepancy (MMD) of a kernel: {@code O(n^-1/2 sqrt(log n))} at
 * size {@code sqrt(n)} instead of i.i.d. sampling's {@code n^-1/4}.
 *
 * <ol>
 *   <li><b>KT-SPLIT</b> ({@link #split}): {@code m} rounds of kernel halving. A sequence is halved
 *       pair by pair: of the pair {@code (x1, x2)}, {@code x2} goes to the left child with
 *       probability {@code (1 - alpha/a)/2}, where {@code alpha = <psi, k(x1,.) - k(x2,.)>}, {@code
 *       psi} is the right child's kernel sum minus the left child's, and {@code a} is the adaptive
 *       self-balancing threshold {@code max(b sigma sqrt(2 log(2 n m / (delta 2^j))), b^2)} with
 *       {@code b^2 = ||k(x1,.) - k(x2,.)||^2} and the running sub-Gaussian parameter {@code sigma}.
 *   <li><b>KT-SWAP</b> ({@link #swap}): the candidate (one of the {@code 2^m} coresets or standard
 *       thinning) closest to the input in MMD of the swap kernel, then one greedy pass that
 *       replaces each coreset point by the input point that most reduces the MMD.
 * </ol>
 *
 * <p>Variants by split kernel: {@link #target target KT} (split = swap = {@code k}), {@link #root
 * root KT} (split = square-root kernel {@code k^(1/2)}) and {@link #plus KT+} (split = {@code (k +
 * k^(1/2))/2}). By default kernel values are computed on the fly: {@code O(nd)} memory and about
 * {@code 1.25 n^2} kernel evaluations ({@code 3n^2/4} in KT-SPLIT, {@code n^2/2} for KT-SWAP's row
 * means); {@link Options#storeKernelMatrix} keeps the two {@code n x n} matrices instead ({@code n
 * <= 4096}, {@code n^2} evaluations, same output): worth it for expensive kernels such as Matérn
 * with a general {@code nu}, not for the Gaussian, whose evaluations are cheaper than the memory
 * traffic.
 *
 * <p>Instances are immutable and thread-safe; same seed, same output.
 *
 * @since 1.0
 */
public final class KernelThinning {
  private final Options options;

  /**
   * Kernel thinning's settings: start from {@link #target(Kernel)} (target KT) and change one
   * setting at a time with the {@code with...} methods (no positional constructor, so the split and
   * swap kernels cannot be swapped). Immutable.
   */
  public static final class Options {
    private final Kernel splitKernel;
    private final Kernel swapKernel;
    private final double delta;
    private final boolean unique;
    private final boolean storeKernelMatrix;

    private Options(
        Kernel splitKernel,
        Kernel swapKernel,
        double delta,
        boolean unique,
        boolean storeKernelMatrix) {
      this.splitKernel = Args.notNull("splitKernel", splitKernel);
      this.swapKernel = Args.notNull("swapKernel", swapKernel);
      this.delta = Args.inOpenRange("delta", delta, 0, 1);
      this.unique = unique;
      this.storeKernelMatrix = storeKernelMatrix;
    }

    /**
     * Target KT's settings: split and swap with {@code k}, {@code delta = 0.5}, unique output,
     * kernel values on the fly.
     *
     * @param k the target kernel, whose MMD KT-SWAP minimises
     * @return the options
     */
    public static Options target(Kernel k) {
      Args.notNull("k", k);
      return new Options(k, k, 0.5, true, false);
    }

    /**
     * The same settings with another KT-SPLIT kernel (the swap kernel, the target, is unchanged).
     *
     * @param newSplitKernel the kernel of KT-SPLIT, non-null
     * @return new options
     */
    public Options withSplitKernel(Kernel newSplitKernel) {
      return new Options(newSplitKernel, swapKernel, delta, unique, storeKernelMatrix);
    }

    /**
     * The same settings with another failure probability of KT-SPLIT.
     *
     * @param newDelta the failure probability, in {@code (0, 1)} (0.5 is the usual choice)
     * @return new options
     */
    public Options withDelta(double newDelta) {
      return new Options(splitKernel, swapKernel, newDelta, unique, storeKernelMatrix);
    }

    /**
     * The same settings, with or without repeated indices allowed in the output.
     *
     * @param newUnique whether KT-SWAP must keep the output free of repeated indices
     * @return new options
     */
    public Options withUnique(boolean newUnique) {
      return new Options(splitKernel, swapKernel, delta, newUnique, storeKernelMatrix);
    }

    /**
     * The same settings with stored kernel matrices ({@code n <= 4096}) or values on the fly.
     *
     * @param store whether to store the kernel matrices
     * @return new options
     */
    public Options withStoreKernelMatrix(boolean store) {
      return new Options(splitKernel, swapKernel, delta, unique, store);
    }

    /**
     * The kernel of KT-SPLIT.
     *
     * @return the kernel
     */
    public Kernel splitKernel() {
      return splitKernel;
    }

    /**
     * The kernel of KT-SWAP, whose MMD is the target.
     *
     * @return the kernel
     */
    public Kernel swapKernel() {
      return swapKernel;
    }

    /**
     * The failure probability of KT-SPLIT.
     *
     * @return delta, in {@code (0, 1)}
     */
    public double delta() {
      return delta;
    }

    /**
     * Whether KT-SWAP keeps the output free of repeated indices.
     *
     * @return true for unique output
     */
    public boolean unique() {
      return unique;
    }

    /**
     * Whether the kernel matrices are stored instead of evaluated on the fly.
     *
     * @return true when stored
     */
    public boolean storeKernelMatrix() {
      return storeKernelMatrix;
    }
  }

  /**
   * Creates kernel thinning with the given settings.
   *
   * @param options the settings
   */
  public KernelThinning(Options options) {
    this.options = Args.notNull("options", options);
  }

  /**
   * Target KT: split and swap with {@code k}, {@code delta = 0.5}, unique output, on-the-fly kernel
   * values.
   *
   * @param k the target kernel
   * @return the thinning
   */
  public static KernelThinning target(Kernel k) {
    return new KernelThinning(Options.target(k));
  }

  /**
   * Root KT: split with the square-root kernel {@code k^(1/2)} of dimension {@code d}, swap with
   * {@code k}.
   *
   * @param k the target kernel
   * @param d the data dimension
   * @return the thinning
   */
  public static KernelThinning root(Kernel k, int d) {
    Args.notNull("k", k);
    return new KernelThinning(Options.target(k).withSplitKernel(k.power(0.5, d)));
  }

  /**
   * KT+: split with {@code (k + k^(1/2))/2}, swap with {@code k}.
   *
   * @param k the target kernel
   * @param d the data dimension
   * @return the thinning
   */
  public static KernelThinning plus(Kernel k, int d) {
    Args.notNull("k", k);
    return new KernelThinning(Options.target(k).withSplitKernel(k.plus(k.power(0.5, d))));
  }

  /**
   * Returns the settings.
   *
   * @return the options
   */
  public Options options() {
    return options;
  }

  /**
   * The same thinning with other settings for memory (stored matrices or on the fly).
   *
   * @param store whether to store the kernel matrices
   * @return the thinning
   */
  public KernelThinning storeKernelMatrix(boolean store) {
    return new KernelThinning(options.withStoreKernelMatrix(store));
  }

  /**
   * As {@link #thin(double[][], int, RandomGenerator)} with the generator {@code Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param m the number of halving rounds, with {@code 2^m <= n}
   * @param seed the seed
   * @return {@code floor(n / 2^m)} row indices (distinct when {@link Options#unique})
   */
  public int[] thin(double[][] x, int m, long seed) {
    return thin(x, m, Rng.create(seed));
  }

  /**
   * Kernel thinning: KT-SPLIT then KT-SWAP.
   *
   * @param x the points, {@code n x d}, finite
   * @param m the number of halving rounds, with {@code 2^m <= n}
   * @param rng the source of randomness
   * @return {@code floor(n / 2^m)} row indices (distinct when {@link Options#unique})
   */
  public int[] thin(double[][] x, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    return swap(x, split(x, m, rng));
  }

  /**
   * As {@link #split(double[][], int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param x the points, {@code n x d}, finite
   * @param m the number of halving rounds, with {@code 2^m <= n}
   * @param seed the seed
   * @return the coresets, {@code [2^m][floor(n / 2^m)]} row indices
   */
  public int[][] split(double[][] x, int m, long seed) {
    return split(x, m, Rng.create(seed));
  }

  /**
   * KT-SPLIT: {@code 2^m} coresets of {@code floor(n / 2^m)} points each; when {@code n} is a
   * multiple of {@code 2^m} they partition the input.
   *
   * @param x the points, {@code n x d}, finite
   * @param m the number of halving rounds, with {@code 2^m <= n}
   * @param rng the source of randomness
   * @return the coresets, {@code [2^m][floor(n / 2^m)]} row indices
   */
  public int[][] split(double[][] x, int m, RandomGenerator rng) {
    Args.notNull("rng", rng);
    checkRounds(x, m);
    Gram g = Gram.of(x, options.splitKernel(), options.storeKernelMatrix());
    int[] all = new int[x.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return split(g, all, m, options.delta(), rng);
  }

  /**
   * KT-SPLIT on a subsequence {@code seq} of the points of {@code g}.
   *
   * @return {@code 2^m} coresets of {@code floor(|seq| / 2^m)} indices
   */
  static int[][] split(Gram g, int[] seq, int m, double delta, RandomGenerator rng) {
    int[][] level = {seq};
    double[][] kc = {null}; // kc[c][t]: sum of k(z, level[c][t]) over the z before it in level[c]
    double logMult = 2 * Math.log(2.0 * seq.length * Math.max(m, 1) / delta);
    for (int j = 0; j < m; j++) {
      int[][] next = new int[2 * level.length][];
      double[][] nextKc = new double[2 * level.length][];
      double jLog = logMult - j * 2 * Math.log(2);
      for (int c = 0; c < level.length; c++) {
        double[][] childKc = new double[2][];
        int[][] halves = halve(g, level[c], kc[c], jLog, rng, childKc);
        next[2 * c] = halves[0];
        next[2 * c + 1] = halves[1];
        nextKc[2 * c] = childKc[0];
        nextKc[2 * c + 1] = childKc[1];
      }
      level = next;
      kc = nextKc;
    }
    return level;
  }

  /** One self-balancing kernel halving of seq (pairs in order; an odd last point is dropped). */
  static int[][] halve(Gram g, int[] seq, double logMult, RandomGenerator rng) {
    return halve(g, seq, null, logMult, rng, new double[2][]);
  }

  /**
   * Kernel halving. With {@code kc} (the kernel sum of each point of seq against the points before
   * it) only the left child's sums are evaluated, about half the work; without it both children's
   * are. Either way {@code childKc} receives the same sums for the two children.
   */
  static int[][] halve(
      Gram g, int[] seq, double[] kc, double logMult, RandomGenerator rng, double[][] childKc) {
    int half = seq.length / 2;
    int[] left = new int[half];
    int[] right = new int[half];
    double[] leftKc = new double[half];
    double[] rightKc = new double[half];
    double sigma2 = 0;
    for (int t = 0; t < half; t++) {
      int x1 = seq[2 * t];
      int x2 = seq[2 * t + 1];
      double k12 = g.k(x1, x2);
      double b2 = Math.max(0, g.diag(x1) + g.diag(x2) - 2 * k12);
      double a = Math.max(Math.sqrt(sigma2 * b2 * logMult), b2);
      if (sigma2 == 0) {
        sigma2 = b2;
      } else if (a != 0) {
        double upd = 0.5 + (b2 / (2 * a) - 1) * sigma2 / a;
        if (upd > 0) {
          sigma2 += 2 * b2 * upd;
        }
      }
      if (a == 0) {
        a = 1; // then b = 0: the two points are equal in the RKHS and the choice is immaterial
      }
      double l1 = 0;
      double l2 = 0;
      double r1;
      double r2;
      for (int l = 0; l < t; l++) {
        l1 += g.k(left[l], x1);
        l2 += g.k(left[l], x2);
      }
      if (kc == null) {
        r1 = 0;
        r2 = 0;
        for (int l = 0; l < t; l++) {
          r1 += g.k(right[l], x1);
          r2 += g.k(right[l], x2);
        }
      } else {
        // the points before x1 are exactly the two children so far; those before x2 add x1
        r1 = kc[2 * t] - l1;
        r2 = kc[2 * t + 1] - k12 - l2;
      }
      double alpha = (r1 - r2) - (l1 - l2);
      if (rng.nextDouble() <= 0.5 * (1 - alpha / a)) {
        left[t] = x2;
        right[t] = x1;
        leftKc[t] = l2;
        rightKc[t] = r1;
      } else {
        left[t] = x1;
        right[t] = x2;
        leftKc[t] = l1;
        rightKc[t] = r2;
      }
    }
    childKc[0] = leftKc;
    childKc[1] = rightKc;
    return new int[][] {left, right};
  }

  /**
   * KT-SWAP: picks the candidate coreset (or standard thinning, every {@code n/s}-th point taken
   * from the end) with the smallest MMD to all {@code n} points under the swap kernel, then makes
   * one pass replacing each of its points by the best input point for the MMD.
   *
   * @param x the points, {@code n x d}, finite
   * @param candidates candidate coresets of equal size {@code s >= 1}, indices into {@code x}
   * @return the refined coreset of {@code s} row indices
   */
  public int[] swap(double[][] x, int[][] candidates) {
    Args.rectangular("x", x);
    Args.notNull("candidates", candidates);
    if (candidates.length == 0 || candidates[0] == null || candidates[0].length == 0) {
      throw Args.fail("candidates", "(empty)", "at least one non-empty coreset");
    }
    int s = candidates[0].length;
    for (int c = 0; c < candidates.length; c++) {
      Args.length("candidates[" + c + "]", Args.notNull("candidates[" + c + "]", candidates[c]), s);
      for (int v : candidates[c]) {
        if (v < 0 || v >= x.length) {
          throw Args.fail("candidates[" + c + "] entry", v, "an index in [0, " + x.length + ")");
        }
      }
    }
    Gram g = Gram.of(x, options.swapKernel(), options.storeKernelMatrix());
    double[] meanK = g.rowMeans();
    return refine(g, best(g, candidates, meanK), meanK, options.unique());
  }

  static int[] best(Gram g, int[][] candidates, double[] meanK) {
    int[] bestSet = standardThinning(g.size(), candidates[0].length);
    double bestVal = relativeMmd2(g, bestSet, meanK);
    for (int[] c : candidates) {
      double v = relativeMmd2(g, c, meanK);
      if (v < bestVal) {
        bestVal = v;
        bestSet = c;
      }
    }
    return bestSet.clone();
  }

  /** MMD^2 minus the mean of the full kernel matrix: mean K[C,C] - 2 mean meanK[C]. */
  static double relativeMmd2(Gram g, int[] c, double[] meanK) {
    double kk = 0;
    double km = 0;
    for (int i = 0; i < c.length; i++) {
      km += meanK[c[i]];
      kk += g.diag(c[i]);
      for (int j = i + 1; j < c.length; j++) {
        kk += 2 * g.k(c[i], c[j]);
      }
    }
    double s = c.length;
    return kk / (s * s) - 2 * km / s;
  }

  static int[] refine(Gram g, int[] c, double[] meanK, boolean unique) {
    int n = g.size();
    int s = c.length;
    double[] kc = new double[n]; // kc[j] = sum_l k(j, c_l)
    int[] count = new int[n];
    for (int v : c) {
      count[v]++;
      for (int j = 0; j < n; j++) {
        kc[j] += g.k(j, v);
      }
    }
    double[] kOld = new double[n];
    for (int i = 0; i < s; i++) {
      int old = c[i];
      int bestJ = old;
      double bestScore = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        kOld[j] = g.k(j, old);
        if (unique && count[j] > 0 && j != old) {
          continue;
        }
        double score = g.diag(j) / s - 2 * meanK[j] + 2 * (kc[j] - kOld[j]) / s;
        if (score < bestScore) {
          bestScore = score;
          bestJ = j;
        }
      }
      if (bestJ != old) {
        for (int j = 0; j < n; j++) {
          kc[j] += g.k(j, bestJ) - kOld[j];
        }
        count[old]--;
        count[bestJ]++;
        c[i] = bestJ;
      }
    }
    return c;
  }

  /**
   * Standard thinning: {@code size} indices spaced {@code floor(n / size)} apart, ending at the
   * last point, in increasing order.
   *
   * @param n the number of points, positive
   * @param size the output size, in {@code [1, n]}
   * @return the indices
   */
  public static int[] standardThinning(int n, int size) {
    Args.positive("n", n);
    Args.inRange("size", size, 1, n);
    int step = n / size;
    int[] out = new int[size];
    for (int t = 0; t < size; t++) {
      out[size - 1 - t] = n - 1 - t * step;
    }
    return out;
  }

  /**
   * The coreset of a thinned index list as a {@link Coreset}: repeated indices merged, each
   * occurrence with weight {@code n / size}, so that the total weight is {@code n}.
   *
   * @param indices the thinned row indices (repetitions allowed), non-empty
   * @param n the input size, positive
   * @return the coreset
   */
  public static Coreset toCoreset(int[] indices, int n) {
    Args.notNull("indices", indices);
    Args.positive("indices.length", indices.length);
    Args.positive("n", n);
    for (int j = 0; j < indices.length; j++) {
      Args.index("indices[" + j + "]", indices[j], n);
    }
    double[] w = new double[indices.length];
    java.util.Arrays.fill(w, (double) n / indices.length);
    return Coreset.merge(indices, w);
  }

  private static void checkRounds(double[][] x, int m) {
    Args.rectangular("x", x);
    Args.nonNegative("m", m);
    if (m >= 31 || (1 << m) > x.length) {
      throw Args.fail("m", m, "a number of halving rounds with 2^m <= n = " + x.length);
    }
  }
}
