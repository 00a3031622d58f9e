package dev.fathom.submodular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * apricot's sieve ({@code partial_fit}, apricot/optimizers.py SieveGreedy) written out over a
 * Fathom set function, as the reference for apricot's sieve test cases.
 */
final class ApricotSieve {
  private ApricotSieve() {}

  /**
   * Before each batch the batch's largest singleton gain (in apricot's units, {@code f / scale})
   * extends the guesses {@code v_0 = 1, v_j = (1 + eps)^j - 1} up to {@code max gain * k}; every
   * guess (new ones from that batch on) takes an element while it has room when its gain exceeds
   * {@code (v/2 - f(S_v))/(k - |S_v|)}; the result is the first sieve of largest value.
   *
   * @param f the function (copied per guess)
   * @param k the budget
   * @param batches the ids of each mini-batch, in stream order
   * @param eps apricot's epsilon
   * @param scale apricot's value is {@code f / scale} (facility location against a reservoir of r
   *     rows: its mean, so r; otherwise 1)
   * @return the elements, the gains and the value in apricot's units
   */
  static Selection select(SetFunction f, int k, int[][] batches, double eps, double scale) {
    List<Double> guesses = new ArrayList<>(List.of(1.0));
    List<SetFunction> sieves = new ArrayList<>();
    List<List<Double>> gains = new ArrayList<>();
    double maxGain = -1;
    for (int[] batch : batches) {
      double m = Arrays.stream(batch).mapToDouble(e -> f.gain(e) / scale).max().orElseThrow();
      if (m > maxGain) {
        maxGain = m;
        for (int j = guesses.size(); Math.pow(1 + eps, j) - 1 <= maxGain * k; j++) {
          guesses.add(Math.pow(1 + eps, j) - 1);
        }
      }
      while (sieves.size() < guesses.size()) {
        sieves.add(f.copy());
        gains.add(new ArrayList<>());
      }
      for (int j = 0; j < guesses.size(); j++) {
        SetFunction s = sieves.get(j);
        for (int e : batch) {
          if (s.size() == k) {
            break;
          }
          double g = s.gain(e) / scale;
          if (g > (guesses.get(j) / 2 - s.value() / scale) / (k - s.size())) {
            s.add(e);
            gains.get(j).add(g);
          }
        }
      }
    }
    int best = 0;
    for (int j = 1; j < sieves.size(); j++) {
      if (sieves.get(j).value() > sieves.get(best).value()) {
        best = j;
      }
    }
    return new Selection(
        sieves.get(best).selection(),
        gains.get(best).stream().mapToDouble(Double::doubleValue).toArray(),
        sieves.get(best).value() / scale,
        0);
  }
}
