package dev.fathom.lsa;

import dev.fathom.linalg.Vectors;

/**
 * The TD(0) stream: {@code θ ← θ + α δ φ(s)}, {@code δ = r(s) + γ φ(s')ᵀθ − φ(s)ᵀθ}, in O(d) per
 * transition without forming {@code A_k = φ(s)(φ(s) − γφ(s'))ᵀ}.
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

  TdStream(TemporalDifference problem, double[] phi, double[] mu, boolean markov) {
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
  }

  @Override
  public void reset(long seed) {
    super.reset(seed);
    state = stationary.sample(rng); // start in stationarity: no chain transient
  }

  @Override
  public void update(double alpha, double[] theta) {
    int s = markov ? state : stationary.sample(rng);
    int t = mrp.next(s, rng);
    double vs = Vectors.dot(phi, s * d, theta, 0, d);
    double vt = Vectors.dot(phi, t * d, theta, 0, d);
    Vectors.axpy(alpha * (reward[s] + gamma * vt - vs), phi, s * d, theta, 0, d);
    state = t;
  }
}
