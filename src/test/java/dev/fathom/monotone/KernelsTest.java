package dev.fathom.monotone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class KernelsTest {

  @Test
  void floydSamplerDrawsDistinctIndicesWithUniformMarginals() {
    int n = 50;
    int b = 7;
    int trials = 40_000;
    Kernels.Sampler sampler = new Kernels.Sampler(n);
    RandomGenerator rng = Rng.create(3);
    int[] out = new int[b];
    long[] counts = new long[n];
    for (int t = 0; t < trials; t++) {
      sampler.sample(rng, b, out);
      boolean[] seen = new boolean[n];
      for (int v : out) {
        assertTrue(v >= 0 && v < n);
        assertTrue(!seen[v], "distinct");
        seen[v] = true;
        counts[v]++;
      }
    }
    // each index is in the sample with probability b/n; chi-square with n − 1 = 49 degrees of
    // freedom has mean 49 and sd ≈ 10 (the Bernoulli variance makes it conservative)
    double expected = (double) trials * b / n;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    assertTrue(chi2 < 49 + 6 * 10, "chi-square " + chi2);
    // a full sample is a permutation
    int[] all = new int[n];
    sampler.sample(rng, n, all);
    long sum = 0;
    for (int v : all) {
      sum += v;
    }
    assertEquals((long) n * (n - 1) / 2, sum);
  }
}
