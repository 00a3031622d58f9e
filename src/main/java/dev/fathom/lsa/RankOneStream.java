package dev.fathom.lsa;

import dev.fathom.core.Args;

/** An i.i.d. stream of sparse rank-one estimates, O(nnz) per step. */
final class RankOneStream extends SeededStream {
  private final RankOneSampler sampler;
  private final RankOneSample sample;

  RankOneStream(int d, RankOneSampler sampler, LinearSystem mean) {
    super(Args.positive("d", d), mean);
    this.sample = new RankOneSample(d);
    this.sampler = Args.notNull("sampler", sampler);
  }

  @Override
  public void update(double alpha, double[] theta) {
    sample.clear();
    sampler.sample(rng, sample);
    sample.apply(alpha, theta);
  }
}
