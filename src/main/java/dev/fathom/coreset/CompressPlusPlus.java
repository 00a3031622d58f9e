package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * Compress++ (Shetty, Dwivedi, Mackey, ICLR 2022): kernel thinning to {@code sqrt(n)} points in
 * {@code O(n log^2 n)} kernel evaluations (for fixed oversampling {@code g}) instead of {@code
 * O(n^2)}, with MMD within a constant factor of kernel thinning's.
 *
 * <p>Compress recursively splits its input into four blocks, compresses each to {@code 2^g
 * sqrt(n_b)} points, concatenates them and halves the result with symmetrised kernel halving (one
 * KT-SPLIT round, then one of the two halves at random); blocks of at most {@code 4^g} points are
 * returned as they are. Compress++ then thins Compress's {@code 2^g sqrt(n)} points to {@code
 * sqrt(n)} with {@link KernelThinning} ({@code g} rounds of KT-SPLIT and KT-SWAP against the
 * compressed set). The failure probability {@code delta} is split between the two stages in the
 * proportion {@code g / (g + 2^g (log2 sqrt(n) - g))} for the thinning stage. An input whose size
 * is not a power of 4 is first standard-thinned (from the end) to the largest power of 4 below it.
 *
 * <p>Immutable and thread-safe; same seed, same output.
 *
 * @since 1.0
 */
public final class CompressPlusPlus {
  private final KernelThinning thinning;
  private final int g;

  /**
   * Creates Compress++ around a kernel thinning configuration.
   *
   * @param thinning the kernel thinning used for halving (its split kernel) and for the final
   *     thinning (split and swap kernels, {@code delta}, uniqueness); its memory setting is ignored
   *     and kernel values are computed on the fly
   * @param g the oversampling parameter, in {@code [0, 15]}
   */
  public CompressPlusPlus(KernelThinning thinning, int g) {
    this.thinning = Args.notNull("thinning", thinning).storeKernelMatrix(false);
    this.g = Args.inRange("g", g, 0, 15);
  }

  /**
   * As {@link #thin(double[][], RandomGenerator)} with the generator {@code Rng.create(seed)}.
   *
   * @param x the points, {@code n x d} with {@code n >= 4^g}, finite
   * @param seed the seed
   * @return the row indices of the coreset (distinct when the thinning is unique)
   */
  public int[] thin(double[][] x, long seed) {
    return thin(x, Rng.create(seed));
  }

  /**
   * Thins {@code x} to {@code 2^k} points, {@code 4^k} being the largest power of 4 not above
   * {@code n}.
   *
   * @param x the points, {@code n x d} with {@code n >= 4^g}, finite
   * @param rng the source of randomness
   * @return the row indices of the coreset (distinct when the thinning is unique)
   */
  public int[] thin(double[][] x, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.rectangular("x", x);
    int n = x.length;
    int k = 0;
    while ((long) 1 << (2 * (k + 1)) <= n) {
      k++;
    }
    int n4 = 1 << (2 * k);
    if (k < g) {
      throw Args.fail("x.length", n, "at least 4^g = " + (1L << (2 * g)) + " points");
    }
    int[] start = KernelThinning.standardThinning(n, n4);
    double delta = thinning.options().delta();
    double thinFrac = k == g ? 1 : (double) g / (g + (1 << g) * (double) (k - g));
    double deltaCompress = k == g ? delta : delta * (1 - thinFrac);
    double deltaThin = g == 0 ? delta : delta * thinFrac;
    Gram gram = new Gram.OnTheFly(x, thinning.options().splitKernel());
    int[] compressed = compress(gram, start, deltaCompress, rng);
    if (g == 0) {
      return compressed;
    }
    double[][] sub = new double[compressed.length][];
    for (int i = 0; i < sub.length; i++) {
      sub[i] = x[compressed[i]];
    }
    KernelThinning last =
        new KernelThinning(thinning.options().withDelta(deltaThin).withStoreKernelMatrix(false));
    int[] local = last.thin(sub, g, rng.nextLong());
    int[] out = new int[local.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = compressed[local[i]];
    }
    return out;
  }

  /** Compress: returns 2^g sqrt(|seq|) indices for |seq| a power of 4 at least 4^g. */
  int[] compress(Gram gram, int[] seq, double delta, RandomGenerator rng) {
    if (seq.length <= (1L << (2 * g))) {
      return seq;
    }
    int b = seq.length / 4;
    int[] joined = new int[0];
    for (int q = 0; q < 4; q++) {
      int[] block = java.util.Arrays.copyOfRange(seq, q * b, (q + 1) * b);
      int[] c = compress(gram, block, delta, rng);
      int[] grown = java.util.Arrays.copyOf(joined, joined.length + c.length);
      System.arraycopy(c, 0, grown, joined.length, c.length);
      joined = grown;
    }
    double logMult = 2 * Math.log(2.0 * joined.length / delta);
    int[][] halves = KernelThinning.halve(gram, joined, logMult, rng);
    return halves[rng.nextBoolean() ? 0 : 1];
  }
}
