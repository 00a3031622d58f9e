package dev.fathom.hadamard;

import dev.fathom.core.Args;
import dev.fathom.core.Status;
import java.util.Arrays;

/**
 * What {@link SparseWalshHadamard} found: the non-zero coefficients in the {@link
 * Normalization#FOURIER} convention, {@code f(m) = sum_k values[i] (-1)^popcount(indices[i] & m)},
 * with the diagnostics of the run.
 *
 * @since 1.0
 */
public final class SparseResult {
  private final long[] indices;
  private final double[] values;
  private final long queries;
  private final long distinctQueries;
  private final int rounds;
  private final int unresolvedBins;
  private final double residualEnergy;
  private final double noiseVariance;
  private final Status status;

  /** Stores the parts; validates as documented on the accessors. */
  SparseResult(
      long[] indices,
      double[] values,
      long queries,
      long distinctQueries,
      int rounds,
      int unresolvedBins,
      double residualEnergy,
      double noiseVariance,
      Status status) {
    indices = Args.notNull("indices", indices).clone();
    values = Args.notNull("values", values).clone();
    if (values.length != indices.length) {
      throw Args.fail("values.length", values.length, "indices.length = " + indices.length);
    }
    Args.notNull("status", status);
    this.indices = indices;
    this.values = values;
    this.queries = queries;
    this.distinctQueries = distinctQueries;
    this.rounds = rounds;
    this.unresolvedBins = unresolvedBins;
    this.residualEnergy = residualEnergy;
    this.noiseVariance = noiseVariance;
    this.status = status;
  }

  /**
   * Returns queries: the number of oracle queries, counted with repetition ({@code C * B * |D|}).
   *
   * @return queries
   */
  public long queries() {
    return queries;
  }

  /**
   * Returns distinctQueries: the number of distinct indices queried.
   *
   * @return distinctQueries
   */
  public long distinctQueries() {
    return distinctQueries;
  }

  /**
   * Returns rounds: the peeling rounds run.
   *
   * @return rounds
   */
  public int rounds() {
    return rounds;
  }

  /**
   * Returns unresolvedBins: the bins (over all groups) still holding energy above the zero
   * threshold.
   *
   * @return unresolvedBins
   */
  public int unresolvedBins() {
    return unresolvedBins;
  }

  /**
   * Returns residualEnergy: the energy left in the bins, averaged over the groups: an estimate of
   * {@code sum |f^(k)|^2} over the coefficients not recovered, plus the noise.
   *
   * @return residualEnergy
   */
  public double residualEnergy() {
    return residualEnergy;
  }

  /**
   * Returns noiseVariance: the noise variance per query used by the thresholds (given or estimated;
   * 0 in noiseless mode).
   *
   * @return noiseVariance
   */
  public double noiseVariance() {
    return noiseVariance;
  }

  /**
   * Returns status: how the run ended, in the vocabulary of {@link Status}: {@link
   * Status#CONVERGED} when every bin was explained (the answer is complete); {@link Status#STALLED}
   * when peeling stopped making progress with bins still unresolved (overload or noise: a partial
   * answer); {@link Status#MAX_ITERATIONS} when the round limit {@link SprightOptions#maxRounds()}
   * was reached while peeling still made progress (a partial answer).
   *
   * @return status
   */
  public Status status() {
    return status;
  }

  /**
   * Returns the recovered frequencies.
   *
   * @return a copy of the frequencies, increasing
   */
  public long[] indices() {
    return indices.clone();
  }

  /**
   * Returns the recovered coefficients.
   *
   * @return a copy of the coefficients, aligned with {@link #indices()}
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * The number of recovered coefficients.
   *
   * @return the support size
   */
  public int size() {
    return indices.length;
  }

  /**
   * The recovered coefficient at frequency {@code k}, or 0 if none.
   *
   * @param k the frequency
   * @return its coefficient
   */
  public double valueAt(long k) {
    int i = Arrays.binarySearch(indices, k);
    return i >= 0 ? values[i] : 0.0;
  }

  /**
   * The recovered spectrum as a dense array of length {@code 2^n}, in the FOURIER convention.
   *
   * @param n the number of bits, at most 30, and large enough for every recovered index
   * @return the dense spectrum
   * @throws IllegalArgumentException if {@code n} is out of range or too small
   */
  public double[] toDense(int n) {
    Args.inRange("n", n, 0, WalshHadamard.MAX_LOG2);
    double[] out = new double[1 << n];
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] >= out.length) {
        throw Args.fail("n", n, "at least the bit length of " + indices[i]);
      }
      out[(int) indices[i]] = values[i];
    }
    return out;
  }

  /**
   * The largest Hamming weight (degree) over the recovered frequencies.
   *
   * @return the maximum popcount, 0 when empty
   */
  public int maxDegree() {
    int d = 0;
    for (long k : indices) {
      d = Math.max(d, Long.bitCount(k));
    }
    return d;
  }

  /**
   * The mean Hamming weight (degree) over the recovered frequencies.
   *
   * @return the mean popcount, 0 when empty
   */
  public double meanDegree() {
    long total = 0;
    for (long k : indices) {
      total += Long.bitCount(k);
    }
    return indices.length == 0 ? 0.0 : (double) total / indices.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseResult
        && Arrays.equals(indices, ((SparseResult) o).indices)
        && Arrays.equals(values, ((SparseResult) o).values)
        && queries == ((SparseResult) o).queries
        && distinctQueries == ((SparseResult) o).distinctQueries
        && rounds == ((SparseResult) o).rounds
        && unresolvedBins == ((SparseResult) o).unresolvedBins
        && Double.compare(residualEnergy, ((SparseResult) o).residualEnergy) == 0
        && Double.compare(noiseVariance, ((SparseResult) o).noiseVariance) == 0
        && status == ((SparseResult) o).status;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values) + status.hashCode();
  }

  @Override
  public String toString() {
    return "SparseResult[size="
        + indices.length
        + ", queries="
        + queries
        + ", distinctQueries="
        + distinctQueries
        + ", rounds="
        + rounds
        + ", unresolvedBins="
        + unresolvedBins
        + ", residualEnergy="
        + residualEnergy
        + ", noiseVariance="
        + noiseVariance
        + ", status="
        + status
        + "]";
  }
}
