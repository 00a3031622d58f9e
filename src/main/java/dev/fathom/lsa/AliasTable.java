package dev.fathom.lsa;

import java.util.random.RandomGenerator;

/** Walker's alias table: O(1) sampling from a discrete distribution (package-private). */
final class AliasTable {
  private final double[] threshold;
  private final int[] alias;

  AliasTable(double[] weights) {
    int n = weights.length;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    threshold = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      threshold[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      threshold[large[--nl]] = 1;
    }
    while (ns > 0) {
      threshold[small[--ns]] = 1; // rounding leftovers
    }
  }

  int sample(RandomGenerator rng) {
    int i = rng.nextInt(threshold.length);
    return rng.nextDouble() < threshold[i] ? i : alias[i];
  }
}
