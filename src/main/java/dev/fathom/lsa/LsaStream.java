package dev.fathom.lsa;

import dev.fathom.core.Rng;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A stream of random estimates {@code (A_k, b_k)} of a linear system {@code Ā θ = b̄}, consumed one
 * step at a time by the LSA recursion.
 *
 * <p>A stream never hands out its matrices: {@link #update(double, double[])} draws the next pair
 * and applies {@code θ ← θ − α (A_k θ − b_k)} in place, so a sparse or rank-one estimate costs
 * O(nnz) per step. Streams may be Markovian (the estimates depend on a hidden chain state, as in
 * TD(0) along a trajectory) or i.i.d. The same seed given to {@link #reset(long)} (or a generator
 * in the same state given to {@link #reset(RandomGenerator)}) reproduces the same sequence of
 * estimates, whatever {@code θ} and {@code α} are, so two runs with different step sizes can share
 * their randomness (as Richardson-Romberg extrapolation does).
 *
 * <p>Implementations hold mutable state and are not thread-safe.
 *
 * @since 1.0
 */
public interface LsaStream {
  /**
   * The dimension {@code d} of {@code θ}.
   *
   * @return the number of unknowns
   */
  int dimension();

  /**
   * Restarts the stream drawing from {@code rng} (which it then uses, unshared) and, for a
   * Markovian stream, its chain from the initial state.
   *
   * @param rng the generator the stream draws from
   */
  void reset(RandomGenerator rng);

  /**
   * Restarts the stream from {@code seed}: {@code reset(Rng.create(seed))}.
   *
   * @param seed the seed
   */
  default void reset(long seed) {
    reset(Rng.create(seed));
  }

  /**
   * Draws the next estimate {@code (A_k, b_k)} and applies {@code θ ← θ − α (A_k θ − b_k)}.
   *
   * @param alpha the step size
   * @param theta the iterate, updated in place (length {@link #dimension()})
   */
  void update(double alpha, double[] theta);

  /**
   * The exact mean system {@code (Ā, b̄)} when the stream knows it (used for the step-size check
   * and as the reference solution).
   *
   * @return the mean system, or empty when unknown
   */
  default Optional<LinearSystem> mean() {
    return Optional.empty();
  }

  /**
   * An i.i.d. stream of dense estimates: each step calls {@code sampler} for a fresh {@code A_k}
   * (row-major, {@code d*d}) and {@code b_k}, then costs O(d²).
   *
   * @param d the dimension, positive
   * @param sampler fills {@code a} and {@code b} from the generator
   * @param mean the exact mean system, or null when unknown
   * @return the stream
   * @throws IllegalArgumentException if {@code d} is not positive or {@code mean} has another
   *     dimension
   */
  static LsaStream dense(int d, DenseSampler sampler, LinearSystem mean) {
    return new DenseStream(d, sampler, mean);
  }

  /**
   * An i.i.d. stream of sparse rank-one estimates {@code A_k = u vᵀ}, {@code b_k = y u + w}: each
   * step calls {@code sampler} to fill a cleared {@link RankOneSample} and costs O(nnz(u) + nnz(v)
   * + nnz(w)). For a Markovian rank-one stream keep the chain state inside the sampler and restart
   * it in a custom {@link LsaStream}.
   *
   * @param d the dimension, positive
   * @param sampler fills the sample from the generator
   * @param mean the exact mean system, or null when unknown
   * @return the stream
   * @throws IllegalArgumentException if {@code d} is not positive or {@code mean} has another
   *     dimension
   */
  static LsaStream rankOne(int d, RankOneSampler sampler, LinearSystem mean) {
    return new RankOneStream(d, sampler, mean);
  }

  /** Draws one dense estimate. */
  @FunctionalInterface
  interface DenseSampler {
    /**
     * Fills {@code a} (row-major {@code d*d}) and {@code b} (length {@code d}) with the next
     * estimate; both arrays hold the previous estimate on entry.
     *
     * @param rng the stream's generator
     * @param a the matrix estimate, row-major
     * @param b the right-hand-side estimate
     */
    void sample(RandomGenerator rng, double[] a, double[] b);
  }

  /** Draws one sparse rank-one estimate. */
  @FunctionalInterface
  interface RankOneSampler {
    /**
     * Fills {@code out}, which is cleared on entry, with the next estimate.
     *
     * @param rng the stream's generator
     * @param out the sample to fill
     */
    void sample(RandomGenerator rng, RankOneSample out);
  }
}
