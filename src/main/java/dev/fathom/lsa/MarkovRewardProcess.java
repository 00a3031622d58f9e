package dev.fathom.lsa;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A finite Markov reward process with sparse transitions: from state {@code s} the chain moves to
 * {@code s'} with probability {@code P(s, s')} and collects the reward {@code r(s)}.
 *
 * <p>Transitions are stored row by row (compressed sparse rows), so sampling a successor costs
 * O(out-degree). Immutable and thread-safe; sampling uses the caller's generator.
 *
 * @since 1.0
 */
public final class MarkovRewardProcess {
  private final int n;
  private final int[] rowStart;
  private final int[] next;
  private final double[] prob;
  private final double[] cum;
  private final double[] reward;

  private MarkovRewardProcess(int[] rowStart, int[] next, double[] prob, double[] reward) {
    this.n = reward.length;
    this.rowStart = rowStart;
    this.next = next;
    this.prob = prob;
    this.reward = reward;
    this.cum = new double[prob.length];
    for (int s = 0; s < n; s++) {
      double c = 0;
      for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
        c += prob[k];
        cum[k] = c;
      }
      cum[rowStart[s + 1] - 1] = Double.POSITIVE_INFINITY; // absorbs rounding of the row sum
    }
  }

  /**
   * A process from a dense transition matrix; zero entries are dropped.
   *
   * @param p the row-stochastic transition matrix, {@code n x n}
   * @param reward the reward of each state, length {@code n}
   * @return the process
   * @throws IllegalArgumentException if {@code p} is not square, has a negative or non-finite
   *     entry, a row whose sum differs from 1 by more than {@code 1e-9}, or {@code reward} has the
   *     wrong length or a non-finite entry
   */
  public static MarkovRewardProcess of(double[][] p, double[] reward) {
    int n = Args.rectangular("p", p);
    if (p.length != n) {
      throw Args.fail("p", p.length + "x" + n, "a square matrix");
    }
    int nnz = 0;
    for (double[] row : p) {
      for (double v : row) {
        nnz += v != 0 ? 1 : 0;
      }
    }
    int[] rowStart = new int[n + 1];
    int[] next = new int[nnz];
    double[] prob = new double[nnz];
    int k = 0;
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < n; t++) {
        if (p[s][t] != 0) {
          next[k] = t;
          prob[k++] = p[s][t];
        }
      }
      rowStart[s + 1] = k;
    }
    return sparse(rowStart, next, prob, reward);
  }

  /**
   * A process from compressed sparse rows: the successors of {@code s} are {@code next[rowStart[s]
   * .. rowStart[s+1])} with probabilities {@code prob[...]}. Arrays are copied.
   *
   * @param rowStart row offsets, length {@code n + 1}, starting at 0 and strictly increasing
   * @param next successor states, in {@code [0, n)}
   * @param prob transition probabilities, positive, each row summing to 1 within {@code 1e-9}
   * @param reward the reward of each state, length {@code n}, finite
   * @return the process
   * @throws IllegalArgumentException on any violation of the above, naming the entry
   */
  public static MarkovRewardProcess sparse(
      int[] rowStart, int[] next, double[] prob, double[] reward) {
    Args.finite("reward", Args.notNull("reward", reward));
    int n = Args.positive("reward.length", reward.length);
    Args.length("rowStart", rowStart, n + 1);
    Args.notNull("next", next);
    Args.length("prob", prob, next.length);
    if (rowStart[0] != 0 || rowStart[n] != next.length) {
      throw Args.fail(
          "rowStart", Arrays.toString(new int[] {rowStart[0], rowStart[n]}), "[0, next.length]");
    }
    for (int s = 0; s < n; s++) {
      if (rowStart[s + 1] <= rowStart[s]) {
        throw Args.fail("rowStart[" + (s + 1) + "]", rowStart[s + 1], "> rowStart[" + s + "]");
      }
      double sum = 0;
      for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
        if (next[k] < 0 || next[k] >= n) {
          throw Args.fail("next[" + k + "]", next[k], "a state in [0, " + n + ")");
        }
        if (!(prob[k] > 0) || prob[k] > 1) {
          throw Args.fail("prob[" + k + "]", prob[k], "a probability in (0, 1]");
        }
        sum += prob[k];
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw Args.fail("row " + s + " sum", sum, "1 (a stochastic row)");
      }
    }
    return new MarkovRewardProcess(rowStart.clone(), next.clone(), prob.clone(), reward.clone());
  }

  /**
   * A random sparse process: state {@code s} moves to {@code s+1 (mod n)} and to {@code outDegree −
   * 1} other uniformly chosen states, with random probabilities, so the chain is irreducible;
   * rewards are standard normal.
   *
   * @param n the number of states, at least 2
   * @param outDegree successors per state, in {@code [2, n]}
   * @param seed the seed
   * @return the process
   */
  public static MarkovRewardProcess random(int n, int outDegree, long seed) {
    return random(n, outDegree, Rng.create(seed));
  }

  /**
   * A random sparse process as {@link #random(int, int, long)}, drawing from {@code rng}.
   *
   * @param n the number of states, at least 2
   * @param outDegree successors per state, in {@code [2, n]}
   * @param rng the generator
   * @return the process
   */
  public static MarkovRewardProcess random(int n, int outDegree, RandomGenerator rng) {
    Args.inRange("n", n, 2, Integer.MAX_VALUE);
    Args.inRange("outDegree", outDegree, 2, n);
    Args.notNull("rng", rng);
    Args.size("n * outDegree", (long) n * outDegree);
    int[] rowStart = new int[n + 1];
    int[] next = new int[n * outDegree];
    double[] prob = new double[n * outDegree];
    for (int s = 0; s < n; s++) {
      int base = s * outDegree;
      int ring = (s + 1) % n;
      next[base] = ring;
      int[] others = Rng.sampleWithoutReplacement(rng, n - 1, outDegree - 1);
      for (int j = 0; j < outDegree - 1; j++) {
        next[base + 1 + j] = others[j] >= ring ? others[j] + 1 : others[j];
      }
      double sum = 0;
      for (int j = 0; j < outDegree; j++) {
        prob[base + j] = 0.1 + rng.nextDouble();
        sum += prob[base + j];
      }
      for (int j = 0; j < outDegree; j++) {
        prob[base + j] /= sum;
      }
      rowStart[s + 1] = base + outDegree;
    }
    return new MarkovRewardProcess(rowStart, next, prob, Rng.gaussian(rng, n));
  }

  /**
   * The number of states.
   *
   * @return {@code n}
   */
  public int states() {
    return n;
  }

  /**
   * The number of stored transitions (non-zeros of {@code P}).
   *
   * @return the transition count
   */
  public int transitions() {
    return next.length;
  }

  /**
   * The reward of a state.
   *
   * @param s the state
   * @return {@code r(s)}
   */
  public double reward(int s) {
    return reward[s];
  }

  /**
   * Samples a successor of {@code s}.
   *
   * @param s the current state
   * @param rng the generator
   * @return {@code s'} drawn from {@code P(s, ·)}
   */
  public int next(int s, RandomGenerator rng) {
    double u = rng.nextDouble();
    int k = rowStart[s];
    while (u >= cum[k]) {
      k++;
    }
    return next[k];
  }

  /**
   * The dense transition matrix.
   *
   * @return {@code P}, {@code n x n}
   */
  public DMatrixRMaj transitionMatrix() {
    DMatrixRMaj p = new DMatrixRMaj(n, n);
    forEachTransition((s, t, q) -> p.add(s, t, q));
    return p;
  }

  /** Receives one transition. */
  interface TransitionVisitor {
    void accept(int s, int t, double p);
  }

  void forEachTransition(TransitionVisitor v) {
    for (int s = 0; s < n; s++) {
      for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
        v.accept(s, next[k], prob[k]);
      }
    }
  }

  /** Above this many states the stationary law is found by sparse power iteration. */
  static final int DENSE_LIMIT = 1500;

  /**
   * The stationary distribution {@code μ} ({@code μᵀP = μᵀ}, {@code Σμ = 1}): by a dense direct
   * solve (O(n³)) up to 1500 states, above that by power iteration on the lazy chain {@code (I +
   * P)/2} (O(nnz) per sweep, same stationary law, aperiodic) until the sweep changes {@code μ} by
   * less than {@code 1e-14} in the 1-norm (the remaining error is then about {@code 1e-14} divided
   * by the spectral gap of the lazy chain).
   *
   * @return {@code μ}
   * @throws IllegalArgumentException if the chain has no unique stationary distribution, or the
   *     power iteration has not settled after 10⁶ sweeps (a very slowly mixing chain)
   */
  public double[] stationaryDistribution() {
    return n <= DENSE_LIMIT ? stationaryDense() : stationaryPower(1_000_000);
  }

  double[] stationaryPower(int maxSweeps) {
    double[] mu = new double[n];
    java.util.Arrays.fill(mu, 1.0 / n);
    double[] nextMu = new double[n];
    for (int sweep = 0; sweep < maxSweeps; sweep++) {
      for (int s = 0; s < n; s++) {
        nextMu[s] = 0.5 * mu[s];
      }
      for (int s = 0; s < n; s++) {
        double h = 0.5 * mu[s];
        for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
          nextMu[next[k]] += h * prob[k];
        }
      }
      double change = 0;
      double total = 0;
      for (int s = 0; s < n; s++) {
        change += Math.abs(nextMu[s] - mu[s]);
        total += nextMu[s];
      }
      double[] t = mu;
      mu = nextMu;
      nextMu = t;
      for (int s = 0; s < n; s++) {
        mu[s] /= total;
      }
      if (change < 1e-14) {
        return mu;
      }
    }
    throw Args.fail(
        "P", "slowly mixing", "power iteration to settle within " + maxSweeps + " sweeps");
  }

  double[] stationaryDense() {
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    forEachTransition((s, t, q) -> m.add(t, s, -q)); // (I - P)^T
    for (int s = 0; s < n; s++) {
      m.add(s, s, 1);
    }
    for (int s = 0; s < n; s++) {
      m.set(n - 1, s, 1); // replace one balance equation by the normalisation
    }
    DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
    rhs.set(n - 1, 0, 1);
    DMatrixRMaj mu = new DMatrixRMaj(n, 1);
    if (!CommonOps_DDRM.solve(m, rhs, mu) || !Dense.allFinite(mu.data)) {
      throw Args.fail("P", "reducible", "an irreducible chain with a unique stationary law");
    }
    for (int s = 0; s < n; s++) {
      if (mu.data[s] < -1e-12) {
        throw Args.fail("P", "reducible", "an irreducible chain with a unique stationary law");
      }
      mu.data[s] = Math.max(0, mu.data[s]);
    }
    return mu.data;
  }
}
