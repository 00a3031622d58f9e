package dev.fathom.spark;

// Library use (submodular functions): FacilityLocation.dense, FeatureBased.dense,
// FeatureBased.Concave, WeightedCoverage.
import dev.fathom.core.Args;
import dev.fathom.linalg.Vectors;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.FeatureBased;
import dev.fathom.submodular.function.WeightedCoverage;

/**
 * The objectives {@link DistributedGreedy} ships to the executors: each is one fixed monotone
 * submodular function of the whole data set, restricted to whatever elements a partition or the
 * driver holds, so that GreeDi's and RandGreeDi's guarantees apply to it as stated.
 */
public final class Objectives {
  private Objectives() {}

  /**
   * Facility location on a fixed sample of clients: {@code f(S) = sum_{c in C} max_{x in S}
   * exp(-gamma |x - c|^2)} with the Gaussian similarity. The clients {@code C} are the same on
   * every partition (shipped with the objective), so each partition maximizes the same function and
   * the guarantees hold exactly for f on C. With C = all rows this is the exact facility location
   * of the data set; with a uniform sample of m rows, {@code (n/m) f_C} is an unbiased estimate of
   * it for every S. Each partition stores a dense {@code rows x |C|} similarity.
   *
   * @param clients the client points, at least one, rectangular and finite; copied
   * @param gamma the kernel scale, positive and finite
   * @return the objective over points of the clients' dimension
   */
  public static Objective<double[]> facilityLocation(double[][] clients, double gamma) {
    int d = Args.rectangular("clients", clients);
    Args.positive("clients.length", clients.length);
    for (int i = 0; i < clients.length; i++) {
      Args.finite("clients[" + i + "]", clients[i]);
    }
    Args.finite("gamma", Args.positive("gamma", gamma));
    double[][] c = new double[clients.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = clients[i].clone();
    }
    return elements -> {
      double[][] rows = new double[elements.size()][c.length];
      for (int j = 0; j < rows.length; j++) {
        double[] x = Args.length("element " + j, elements.get(j), d);
        for (int i = 0; i < c.length; i++) {
          rows[j][i] = Math.exp(-gamma * Vectors.distanceSquared(x, c[i]));
        }
      }
      return FacilityLocation.dense(rows);
    };
  }

  /**
   * The feature-based function {@code f(S) = sum_u w_u phi(sum_{x in S} x_u)} over non-negative
   * feature vectors. Exact on every partition (no data beyond the element itself is needed).
   *
   * @param weights the feature weights, finite and non-negative; copied
   * @param phi the concave function
   * @return the objective over feature vectors of length {@code weights.length}
   */
  public static Objective<double[]> featureBased(double[] weights, FeatureBased.Concave phi) {
    double[] w = Args.nonNegative("weights", weights).clone();
    Args.notNull("phi", phi);
    return elements -> FeatureBased.dense(elements.toArray(new double[0][]), w, phi);
  }

  /**
   * Weighted coverage {@code f(S) = sum_u w_u [u is covered by some set in S]}, where each element
   * is the array of distinct item ids it covers. Exact on every partition.
   *
   * @param itemWeights the item weights, finite and non-negative; copied
   * @return the objective over item-id arrays with ids in {@code [0, itemWeights.length)}
   */
  public static Objective<int[]> coverage(double[] itemWeights) {
    double[] w = Args.nonNegative("itemWeights", itemWeights).clone();
    return elements -> new WeightedCoverage(elements.toArray(new int[0][]), w);
  }
}
