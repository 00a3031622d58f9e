package dev.fathom.hadamard;

import dev.fathom.core.Args;
import java.util.OptionalDouble;

/**
 * Parameters of {@link SparseWalshHadamard}, validated on construction. Start from {@link
 * #defaults(int, int)} and adjust with the {@code with...} methods.
 *
 * <p>The front end asks {@code groups * 2^bucketBits * |D|} queries, where the delay count {@code
 * |D|} is {@code n - bucketBits + 1} in {@link Detection#NOISELESS} mode and {@code offsets * (n +
 * 1)} in {@link Detection#ROBUST_BITWISE} mode. Peeling succeeds with high probability while the
 * load {@code sparsity / (groups * 2^bucketBits)} stays below about 0.5 (asymptotic limit 0.818 for
 * three groups).
 *
 * <p>Immutable; its parameters are named by the builder methods and the {@code with...} copies, so
 * no two of them can be swapped.
 *
 * @since 1.0
 */
public final class SprightOptions {
  private final int n;
  private final int sparsity;
  private final int bucketBits;
  private final int groups;
  private final Detection detection;
  private final Subsampling subsampling;
  private final int offsets;
  private final OptionalDouble noiseVariance;
  private final double gamma;
  private final int maxRounds;
  private final double relativeTolerance;

  /** How a singleton bin's index is found. */
  public enum Detection {
    /**
     * Exact data: delays {@code 0} and the {@code n - b} unit vectors that complete the bin's
     * {@code b} hashed bits; a bin is a singleton when every delay gives the same value up to sign.
     */
    NOISELESS,
    /**
     * Noisy data: {@code P} random offsets {@code r_p}, each with its {@code n} neighbours {@code
     * r_p xor e_i}; bit {@code i} is read from the sign of {@code sum_p U[r_p] U[r_p xor e_i]}, and
     * the singleton is verified by its bin hash and its residual energy.
     */
    ROBUST_BITWISE
  }

  /** How the {@code n x b} subsampling matrices over GF(2) are chosen. */
  public enum Subsampling {
    /**
     * Rotated identity blocks: group {@code c} hashes bits {@code a_c .. a_c + b - 1 (mod n)} with
     * {@code a_c = round(c n / C)}. Needs a uniformly random support.
     */
    IDENTITY_BLOCKS,
    /**
     * Uniformly random full-rank matrices: works for structured (for example low-degree) supports.
     */
    RANDOM
  }

  private SprightOptions(
      int n,
      int sparsity,
      int bucketBits,
      int groups,
      Detection detection,
      Subsampling subsampling,
      int offsets,
      OptionalDouble noiseVariance,
      double gamma,
      int maxRounds,
      double relativeTolerance) {
    Args.inRange("n", n, 1, 62);
    Args.nonNegative("sparsity", sparsity);
    Args.inRange("bucketBits", bucketBits, 1, Math.min(n, 24));
    Args.inRange("groups", groups, 1, 16);
    Args.notNull("detection", detection);
    Args.notNull("subsampling", subsampling);
    Args.inRange("offsets", offsets, 1, 64);
    Args.notNull("noiseVariance", noiseVariance);
    if (noiseVariance.isPresent()) {
      Args.nonNegative("noiseVariance", noiseVariance.getAsDouble());
    }
    Args.positive("gamma", gamma);
    Args.positive("maxRounds", maxRounds);
    Args.inOpenRange("relativeTolerance", relativeTolerance, 0, 1);
    long queries =
        (long) groups * (1L << bucketBits) * delayCount(n, bucketBits, detection, offsets);
    if (queries > (1L << 28)) {
      throw Args.fail("queries", queries, "at most 2^28 (reduce bucketBits, groups or offsets)");
    }
    this.n = n;
    this.sparsity = sparsity;
    this.bucketBits = bucketBits;
    this.groups = groups;
    this.detection = detection;
    this.subsampling = subsampling;
    this.offsets = offsets;
    this.noiseVariance = noiseVariance;
    this.gamma = gamma;
    this.maxRounds = maxRounds;
    this.relativeTolerance = relativeTolerance;
  }

  /**
   * Defaults for {@code n} bits and sparsity {@code K}: {@code b = max(4, ceil(log2 K))} capped at
   * {@code min(n, 24)} (load {@code K / (3B) <= 1/3}; at least 16 bins, because with very few bins
   * two coefficients share a bin in every group too often), {@code C = 3}, noiseless detection,
   * random subsampling, {@code P = 5}, estimated noise, {@code gamma = 0.5}, 20 rounds, relative
   * tolerance {@code 1e-9}. The seed is not an option: it is the last argument of {@link
   * SparseWalshHadamard#transform(BatchOracle, long)}.
   *
   * @param n the number of bits, in {@code [1, 62]}
   * @param sparsity the expected number of non-zero coefficients, at least 0
   * @return the options
   */
  public static SprightOptions defaults(int n, int sparsity) {
    Args.inRange("n", n, 1, 62);
    Args.nonNegative("sparsity", sparsity);
    int b = sparsity <= 16 ? 4 : 64 - Long.numberOfLeadingZeros(sparsity - 1L);
    b = Math.min(b, Math.min(n, 24));
    return new SprightOptions(
        n,
        sparsity,
        b,
        3,
        Detection.NOISELESS,
        Subsampling.RANDOM,
        5,
        OptionalDouble.empty(),
        0.5,
        20,
        1e-9);
  }

  /**
   * The number of delays per group, {@code |D|}.
   *
   * @return {@code n - b + 1} when noiseless, {@code P (n + 1)} when robust
   */
  public int delays() {
    return delayCount(n, bucketBits, detection, offsets);
  }

  /**
   * The exact number of queries the front end asks, {@code C * 2^b * |D|}.
   *
   * @return the query count
   */
  public long queries() {
    return (long) groups * (1L << bucketBits) * delays();
  }

  private static int delayCount(int n, int b, Detection detection, int offsets) {
    return detection == Detection.NOISELESS ? n - b + 1 : offsets * (n + 1);
  }

  /**
   * A builder starting from these options.
   *
   * @return a new builder holding every parameter of these options
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns a copy with another bucket count.
   *
   * @param bits the new {@code b}
   * @return the new options
   */
  public SprightOptions withBucketBits(int bits) {
    return toBuilder().bucketBits(bits).build();
  }

  /**
   * Returns a copy with another group count.
   *
   * @param count the new {@code C}
   * @return the new options
   */
  public SprightOptions withGroups(int count) {
    return toBuilder().groups(count).build();
  }

  /**
   * Returns a copy in robust bit-wise mode that estimates the noise variance from the bins.
   *
   * @param offsets the number of random offsets {@code P}, in {@code [1, 64]}
   * @return the new options
   */
  public SprightOptions robust(int offsets) {
    return toBuilder().detection(Detection.ROBUST_BITWISE).offsets(offsets).estimateNoise().build();
  }

  /**
   * Returns a copy in robust bit-wise mode with a known noise variance.
   *
   * @param offsets the number of random offsets {@code P}, in {@code [1, 64]}
   * @param noiseVariance the noise variance {@code sigma^2} per query, finite and at least 0
   * @return the new options
   */
  public SprightOptions robust(int offsets, double noiseVariance) {
    return toBuilder()
        .detection(Detection.ROBUST_BITWISE)
        .offsets(offsets)
        .noiseVariance(noiseVariance)
        .build();
  }

  /**
   * Returns a copy with another subsampling kind.
   *
   * @param kind the new kind
   * @return the new options
   */
  public SprightOptions withSubsampling(Subsampling kind) {
    return toBuilder().subsampling(kind).build();
  }

  /**
   * Returns n: the number of bits of an index, in {@code [1, 62]}.
   *
   * @return the value
   */
  public int n() {
    return n;
  }

  /**
   * Returns sparsity: the expected number of non-zero coefficients {@code K >= 0}; used for
   * defaults.
   *
   * @return the value
   */
  public int sparsity() {
    return sparsity;
  }

  /**
   * Returns bucketBits: {@code b}, the log2 of the bins per group, in {@code [1, min(n, 24)]}.
   *
   * @return the value
   */
  public int bucketBits() {
    return bucketBits;
  }

  /**
   * Returns groups: {@code C}, the number of subsampling groups, in {@code [1, 16]}.
   *
   * @return the value
   */
  public int groups() {
    return groups;
  }

  /**
   * Returns detection: how a bin's coefficient is located.
   *
   * @return the value
   */
  public Detection detection() {
    return detection;
  }

  /**
   * Returns subsampling: how the subsampling matrices are chosen.
   *
   * @return the value
   */
  public Subsampling subsampling() {
    return subsampling;
  }

  /**
   * Returns offsets: {@code P}, the random offsets of the robust mode, in {@code [1, 64]} (ignored
   * when noiseless).
   *
   * @return the value
   */
  public int offsets() {
    return offsets;
  }

  /**
   * Returns noiseVariance: the known noise variance {@code sigma^2} per query in the robust mode,
   * or empty to estimate it from the bins (ignored when noiseless); see {@link #robust(int)} and
   * {@link #robust(int, double)}.
   *
   * @return the value
   */
  public OptionalDouble noiseVariance() {
    return noiseVariance;
  }

  /**
   * Returns gamma: the threshold slack {@code gamma > 0} of the robust tests: a bin is empty when
   * its mean energy is at most {@code (1 + gamma) sigma^2 / B}.
   *
   * @return the value
   */
  public double gamma() {
    return gamma;
  }

  /**
   * Returns maxRounds: the most peeling rounds, at least 1.
   *
   * @return the value
   */
  public int maxRounds() {
    return maxRounds;
  }

  /**
   * Returns relativeTolerance: the rounding tolerance relative to the largest bin value, in {@code
   * (0, 1)}: coefficients smaller than this fraction of the largest are treated as zero.
   *
   * @return the value
   */
  public double relativeTolerance() {
    return relativeTolerance;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SprightOptions p
        && p.n == n
        && p.sparsity == sparsity
        && p.bucketBits == bucketBits
        && p.groups == groups
        && p.detection == detection
        && p.subsampling == subsampling
        && p.offsets == offsets
        && p.noiseVariance.equals(noiseVariance)
        && Double.compare(p.gamma, gamma) == 0
        && p.maxRounds == maxRounds
        && Double.compare(p.relativeTolerance, relativeTolerance) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        n,
        sparsity,
        bucketBits,
        groups,
        detection,
        subsampling,
        offsets,
        noiseVariance,
        gamma,
        maxRounds,
        relativeTolerance);
  }

  @Override
  public String toString() {
    return "SprightOptions["
        + "n="
        + n
        + ", sparsity="
        + sparsity
        + ", bucketBits="
        + bucketBits
        + ", groups="
        + groups
        + ", detection="
        + detection
        + ", subsampling="
        + subsampling
        + ", offsets="
        + offsets
        + ", noiseVariance="
        + noiseVariance
        + ", gamma="
        + gamma
        + ", maxRounds="
        + maxRounds
        + ", relativeTolerance="
        + relativeTolerance
        + "]";
  }

  /** A mutable builder of {@link SprightOptions}; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private int n;
    private int sparsity;
    private int bucketBits;
    private int groups;
    private Detection detection;
    private Subsampling subsampling;
    private int offsets;
    private OptionalDouble noiseVariance;
    private double gamma;
    private int maxRounds;
    private double relativeTolerance;

    private Builder(SprightOptions o) {
      n = o.n;
      sparsity = o.sparsity;
      bucketBits = o.bucketBits;
      groups = o.groups;
      detection = o.detection;
      subsampling = o.subsampling;
      offsets = o.offsets;
      noiseVariance = o.noiseVariance;
      gamma = o.gamma;
      maxRounds = o.maxRounds;
      relativeTolerance = o.relativeTolerance;
    }

    /**
     * Sets {@code b}.
     *
     * @param v the log2 of the bins per group
     * @return this builder
     */
    public Builder bucketBits(int v) {
      bucketBits = v;
      return this;
    }

    /**
     * Sets {@code C}.
     *
     * @param v the number of groups
     * @return this builder
     */
    public Builder groups(int v) {
      groups = v;
      return this;
    }

    /**
     * Sets the detection mode.
     *
     * @param v the mode
     * @return this builder
     */
    public Builder detection(Detection v) {
      detection = v;
      return this;
    }

    /**
     * Sets the subsampling kind.
     *
     * @param v the kind
     * @return this builder
     */
    public Builder subsampling(Subsampling v) {
      subsampling = v;
      return this;
    }

    /**
     * Sets {@code P}.
     *
     * @param v the number of random offsets of the robust mode
     * @return this builder
     */
    public Builder offsets(int v) {
      offsets = v;
      return this;
    }

    /**
     * Sets a known noise variance per query (robust mode).
     *
     * @param v the variance, finite and at least 0 (checked here)
     * @return this builder
     */
    public Builder noiseVariance(double v) {
      noiseVariance = OptionalDouble.of(Args.nonNegative("noiseVariance", v));
      return this;
    }

    /**
     * Asks the robust mode to estimate the noise variance from the bins (the default).
     *
     * @return this builder
     */
    public Builder estimateNoise() {
      noiseVariance = OptionalDouble.empty();
      return this;
    }

    /**
     * Sets the threshold slack.
     *
     * @param v {@code gamma > 0}
     * @return this builder
     */
    public Builder gamma(double v) {
      gamma = v;
      return this;
    }

    /**
     * Sets the round limit.
     *
     * @param v the most peeling rounds
     * @return this builder
     */
    public Builder maxRounds(int v) {
      maxRounds = v;
      return this;
    }

    /**
     * Sets the rounding tolerance relative to the largest bin value.
     *
     * @param v the tolerance in {@code (0, 1)}
     * @return this builder
     */
    public Builder relativeTolerance(double v) {
      relativeTolerance = v;
      return this;
    }

    /**
     * Validates and builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException naming the first invalid parameter
     */
    public SprightOptions build() {
      return new SprightOptions(
          n,
          sparsity,
          bucketBits,
          groups,
          detection,
          subsampling,
          offsets,
          noiseVariance,
          gamma,
          maxRounds,
          relativeTolerance);
    }
  }
}
