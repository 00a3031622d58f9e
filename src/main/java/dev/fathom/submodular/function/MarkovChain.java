package dev.fathom.submodular.function;

import dev.fathom.core.Args;
import java.util.Arrays;

/**
 * A finite Markov chain on a product space {@code X_0 x ... x X_{d-1}} (coordinate c takes {@code
 * sizes[c]} values), with a sparse transition matrix and its stationary distribution; used by
 * {@link EntropyRateObjective} to select coordinates (Lai and Choi, arXiv 2503.23340). States are
 * encoded in mixed radix, coordinate 0 least significant. Immutable.
 *
 * @since 1.0
 */
public final class MarkovChain {
  private final int[] sizes;
  private final int states;
  private final int[] ptr;
  private final int[] col;
  private final double[] prob;
  private final double[] pi;

  private MarkovChain(int[] sizes, int[] ptr, int[] col, double[] prob, double[] pi) {
    this.sizes = sizes;
    int s = 1;
    for (int q : sizes) {
      s *= q;
    }
    this.states = s;
    this.ptr = ptr;
    this.col = col;
    this.prob = prob;
    this.pi = pi;
  }

  /**
   * The Curie-Weiss spin chain of the Lai-Choi experiments: spins {@code x in {-1, +1}^d} with
   * energy {@code H(x) = -sum_i sum_j 2^{-|i-j|} x_i x_j - h sum_i x_i} (all ordered pairs),
   * stationary law {@code pi(x) ~ exp(-beta H(x))}, and Metropolis dynamics: pick a coordinate
   * uniformly and flip it with probability {@code min(1, exp(-beta (H(y) - H(x))))}. Spin +1 is
   * value 1 of a coordinate, -1 is value 0.
   *
   * @param d the number of spins, in [1, 20]
   * @param beta the inverse temperature, finite
   * @param h the external field, finite
   * @return the chain
   */
  public static MarkovChain curieWeiss(int d, double beta, double h) {
    Args.inRange("d", d, 1, 20);
    Args.finite("beta", beta);
    Args.finite("h", h);
    int n = 1 << d;
    double[] energy = new double[n];
    for (int x = 0; x < n; x++) {
      double e = 0;
      for (int i = 0; i < d; i++) {
        int si = ((x >> i) & 1) * 2 - 1;
        for (int j = 0; j < d; j++) {
          int sj = ((x >> j) & 1) * 2 - 1;
          e -= Math.pow(2, -Math.abs(i - j)) * si * sj;
        }
        e -= h * si;
      }
      energy[x] = e;
    }
    double min = Arrays.stream(energy).min().orElse(0);
    double[] pi = new double[n];
    double z = 0;
    for (int x = 0; x < n; x++) {
      pi[x] = Math.exp(-beta * (energy[x] - min));
      z += pi[x];
    }
    for (int x = 0; x < n; x++) {
      pi[x] /= z;
    }
    int[] ptr = new int[n + 1];
    int[] col = new int[n * (d + 1)];
    double[] prob = new double[n * (d + 1)];
    int p = 0;
    for (int x = 0; x < n; x++) {
      double stay = 1;
      int self = p++;
      for (int i = 0; i < d; i++) {
        int y = x ^ (1 << i);
        double a = Math.min(1, Math.exp(-beta * (energy[y] - energy[x]))) / d;
        col[p] = y;
        prob[p++] = a;
        stay -= a;
      }
      col[self] = x;
      prob[self] = stay;
      ptr[x + 1] = p;
    }
    int[] sizes = new int[d];
    Arrays.fill(sizes, 2);
    return new MarkovChain(sizes, ptr, col, prob, pi);
  }

  /**
   * The number of coordinates d.
   *
   * @return d
   */
  public int coordinates() {
    return sizes.length;
  }

  /**
   * The number of states, the product of the coordinate sizes.
   *
   * @return the count
   */
  public int states() {
    return states;
  }

  /**
   * The stationary probability of a state.
   *
   * @param x a state index
   * @return pi(x)
   */
  public double stationary(int x) {
    return pi[x];
  }

  /**
   * The entropy rate {@code H(P^(S)) = -sum_a pi^(S)(a) sum_b P^(S)(a, b) log P^(S)(a, b)} of the
   * chain projected on the coordinates S (natural log), where {@code pi^(S)} is the marginal of pi
   * and {@code P^(S)(a, b) = sum_{x_S = a, y_S = b} pi(x) P(x, y) / pi^(S)(a)}. The empty set gives
   * 0. Costs one pass over the non-zeros of P plus {@code O(|X_S|^2)}.
   *
   * @param coords distinct coordinate ids
   * @return the entropy rate
   */
  public double entropyRate(int[] coords) {
    Projection p = project(coords);
    double h = 0;
    for (int a = 0; a < p.m; a++) {
      if (p.marginal[a] <= 0) {
        continue;
      }
      for (int b = 0; b < p.m; b++) {
        double q = p.joint[a * p.m + b];
        if (q > 0) {
          h -= q * Math.log(q / p.marginal[a]);
        }
      }
    }
    return h;
  }

  /**
   * The distance to independence {@code D(P^(S) || tensor_{e in S} P^({e})) = sum_{e in S}
   * H(P^({e})) - H(P^(S))} of the projection on S (KL divergence rate; Lai and Choi).
   *
   * @param coords distinct coordinate ids
   * @return the divergence rate, non-negative
   */
  public double distanceToIndependence(int[] coords) {
    double sum = 0;
    for (int c : coords) {
      sum += entropyRate(new int[] {c});
    }
    return sum - entropyRate(coords);
  }

  /**
   * The distance to stationarity {@code D(P^(S) || Pi^(S))}, where every row of {@code Pi^(S)} is
   * the stationary law {@code pi^(S)}; it equals the Shannon entropy of {@code pi^(S)} minus the
   * entropy rate {@code H(P^(S))} (the mutual information of two consecutive projected states).
   *
   * @param coords distinct coordinate ids
   * @return the divergence rate, non-negative
   */
  public double distanceToStationarity(int[] coords) {
    Projection p = project(coords);
    double shannon = 0;
    for (double q : p.marginal) {
      if (q > 0) {
        shannon -= q * Math.log(q);
      }
    }
    return shannon - entropyRate(coords);
  }

  /**
   * The distance to factorizability {@code D(P || P^(S_1) x ... x P^(S_k) x P^(rest))} of the whole
   * chain from the tensor product of its projections on disjoint blocks and on the remaining
   * coordinates; it equals {@code sum_j H(P^(S_j)) + H(P^(rest)) - H(P)}, since under the
   * stationary chain each block's pair of consecutive states has the law of its projection.
   *
   * @param blocks disjoint coordinate sets (empty blocks allowed)
   * @return the divergence rate, non-negative
   */
  public double distanceToFactorizability(int[][] blocks) {
    Args.notNull("blocks", blocks);
    boolean[] used = new boolean[sizes.length];
    double sum = 0;
    for (int[] block : blocks) {
      Args.notNull("blocks[]", block);
      for (int c : block) {
        Args.inRange("blocks[][]", c, 0, sizes.length - 1);
        if (used[c]) {
          throw Args.fail("blocks", Arrays.deepToString(blocks), "disjoint blocks");
        }
        used[c] = true;
      }
      sum += entropyRate(block);
    }
    int[] rest = new int[sizes.length];
    int r = 0;
    int[] all = new int[sizes.length];
    for (int c = 0; c < sizes.length; c++) {
      all[c] = c;
      if (!used[c]) {
        rest[r++] = c;
      }
    }
    return sum + entropyRate(Arrays.copyOf(rest, r)) - entropyRate(all);
  }

  /** The projected chain as the joint law of two consecutive states and its marginal. */
  private static final class Projection {
    final int m;
    final double[] joint;
    final double[] marginal;

    Projection(int m) {
      this.m = m;
      this.joint = new double[m * m];
      this.marginal = new double[m];
    }
  }

  private Projection project(int[] coords) {
    Args.notNull("coords", coords);
    int m = 1;
    boolean[] seen = new boolean[sizes.length];
    for (int c : coords) {
      Args.inRange("coords[]", c, 0, sizes.length - 1);
      if (seen[c]) {
        throw Args.fail("coords", Arrays.toString(coords), "distinct coordinates");
      }
      seen[c] = true;
      m *= sizes[c];
    }
    int[] proj = new int[states];
    int[] stride = new int[sizes.length];
    for (int c = 0, s = 1; c < sizes.length; c++) {
      stride[c] = s;
      s *= sizes[c];
    }
    for (int x = 0; x < states; x++) {
      int a = 0;
      for (int t = coords.length - 1; t >= 0; t--) {
        int c = coords[t];
        a = a * sizes[c] + (x / stride[c]) % sizes[c];
      }
      proj[x] = a;
    }
    Projection p = new Projection(m);
    for (int x = 0; x < states; x++) {
      int a = proj[x];
      p.marginal[a] += pi[x];
      for (int q = ptr[x]; q < ptr[x + 1]; q++) {
        p.joint[a * m + proj[col[q]]] += pi[x] * prob[q];
      }
    }
    return p;
  }
}
