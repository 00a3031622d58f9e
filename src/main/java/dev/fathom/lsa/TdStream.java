package dev.fathom.lsa;

import dev.fathom.linalg.Vectors;
import java.util.random.RandomGenerator;

/**
 * The TD(0) stream: {@code θ ← θ + α δ φ(s)}, {@code δ = r(s) + γ φ(s')ᵀθ − φ(s)ᵀθ}, without
 * forming {@code A_k = φ(s)(φ(s) − γφ(s'))ᵀ}: O(d) per transition with dense feature rows, O(nnz
 * φ(s) + nnz φ(s')) with the compressed sparse rows used for sparse features.
 */
final class TdStream extends SeededStream {
  private final MarkovRewardProcess mrp;
  private final double[] phi;
  private final double[] reward;
  private final int d;
  private final double gamma;
  private final boolean markov;
  private final AliasTable stationary;
  private int state;
  // Compressed sparse feature rows (null for dense features).
  private final int[] rowStart;
  private final int[] col;
  private final double[] val;

  TdStream(TemporalDifference problem, double[] phi, double[] mu, boolean markov, boolean sparse) {
    super(problem.dimension(), problem.meanSystem());
    this.mrp = problem.process();
    this.phi = phi;
    this.d = problem.dimension();
    this.gamma = problem.gamma();
    this.markov = markov;
    this.stationary = new AliasTable(mu);
    this.reward = new double[mrp.states()];
    for (int s = 0; s < reward.length; s++) {
      reward[s] = mrp.reward(s);
    }
    if (sparse) {
      int n = reward.length;
      int nnz = 0;
      for (double v : phi) {
        nnz += v != 0 ? 1 : 0;
      }
      rowStart = new int[n + 1];
      col = new int[nnz];
      val = new double[nnz];
      int k = 0;
      for (int s = 0; s < n; s++) {
        for (int i = 0; i < d; i++) {
          if (phi[s * d + i] != 0) {
            col[k] = i;
            val[k++] = phi[s * d + i];
          }
        }
        rowStart[s + 1] = k;
      }
    } else {
      rowStart = null;
      col = null;
      val = null;
    }
  }

  boolean sparse() {
    return rowStart != null;
  }

  @Override
  public void reset(RandomGenerator generator) {
    super.reset(generator);
    state = stationary.sample(rng); // start in stationarity: no chain transient
  }

  @Override
  public void update(double alpha, double[] theta) {
    int s = markov ? state : stationary.sample(rng);
    int t = mrp.next(s, rng);
    if (rowStart != null) {
      double vs = 0;
      for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
        vs += val[k] * theta[col[k]];
      }
      double vt = 0;
      for (int k = rowStart[t]; k < rowStart[t + 1]; k++) {
        vt += val[k] * theta[col[k]];
      }
      double step = alpha * (reward[s] + gamma * vt - vs);
      for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
        theta[col[k]] += step * val[k];
      }
      state = t;
      return;
    }
    double vs = Vectors.dot(phi, s * d, theta, 0, d);
    double vt = Vectors.dot(phi, t * d, theta, 0, d);
    Vectors.axpy(alpha * (reward[s] + gamma * vt - vs), phi, s * d, theta, 0, d);
    state = t;
  }
}
