package dev.fathom.lsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Walker's alias table samples exactly the normalised weights, whatever their total. */
class AliasTableTest {
  @Test
  void frequenciesMatchUnnormalisedWeights() {
    RandomGenerator rng = Rng.create(17);
    double[][] cases = {{1, 2, 3, 4}, {0, 5, 0, 5}, {30, 0.5, 0.5, 9}, {7}};
    int trials = 100_000;
    for (double[] w : cases) {
      double total = 0;
      for (double v : w) {
        total += v;
      }
      AliasTable table = new AliasTable(w);
      int[] counts = new int[w.length];
      for (int t = 0; t < trials; t++) {
        counts[table.sample(rng)]++;
      }
      double chi2 = 0;
      int cells = 0;
      for (int i = 0; i < w.length; i++) {
        double expected = trials * w[i] / total;
        if (w[i] == 0) {
          assertEquals(0, counts[i], "a zero weight is never drawn");
          continue;
        }
        chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        cells++;
      }
      // at most 3 degrees of freedom: P(chi2 > 25) < 2e-5
      assertTrue(chi2 < 25, "chi2 " + chi2 + " with " + cells + " cells");
    }
  }
}
