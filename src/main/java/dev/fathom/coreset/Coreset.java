package dev.fathom.coreset;

import dev.fathom.core.Args;
import java.util.Arrays;

/**
 * A weighted coreset: distinct indices into an input of {@code n} points and a non-negative weight
 * for each. A coreset stands in for the input in any sum of per-point values: {@code sum_i f_i}
 * over the input is approximated by {@code sum_j weights[j] * f_{indices[j]}}.
 *
 * <p>The arrays are copied on construction and on access, so a coreset is immutable.
 *
 * @param indices the distinct indices of the chosen points, each in {@code [0, n)}
 * @param weights the weight of each chosen point, finite and non-negative, same length
 * @since 1.0
 */
public record Coreset(int[] indices, double[] weights) {
  /**
   * Validates and copies the arrays.
   *
   * @param indices the distinct, non-negative indices
   * @param weights the finite non-negative weights, one per index
   */
  public Coreset {
    Args.notNull("indices", indices);
    Args.nonNegative("weights", weights);
    if (weights.length != indices.length) {
      throw Args.fail("weights.length", weights.length, "indices.length = " + indices.length);
    }
    indices = indices.clone();
    weights = weights.clone();
    int[] sorted = indices.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] < 0) {
        throw Args.fail("indices[" + i + "]", sorted[i], "a non-negative index");
      }
      if (i > 0 && sorted[i] == sorted[i - 1]) {
        throw Args.fail("indices", "[... " + sorted[i] + ", " + sorted[i] + " ...]", "distinct");
      }
    }
  }

  /**
   * The whole input of {@code n} points, each with weight 1 (the exact, trivial coreset).
   *
   * @param n the number of points, positive
   * @return the coreset {@code 0..n-1} with unit weights
   */
  public static Coreset all(int n) {
    Args.positive("n", n);
    Args.size("n", n);
    int[] idx = new int[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
      w[i] = 1;
    }
    return new Coreset(idx, w);
  }

  /**
   * Builds a coreset from a list of draws with repetition: equal indices are merged and their
   * weights added. Order of first appearance is kept.
   *
   * @param draws the drawn indices (repetitions allowed)
   * @param drawWeights the weight each draw contributes
   * @return the merged coreset
   */
  static Coreset merge(int[] draws, double[] drawWeights) {
    java.util.LinkedHashMap<Integer, Double> acc = new java.util.LinkedHashMap<>();
    for (int j = 0; j < draws.length; j++) {
      acc.merge(draws[j], drawWeights[j], Double::sum);
    }
    int[] idx = new int[acc.size()];
    double[] w = new double[acc.size()];
    int c = 0;
    for (var e : acc.entrySet()) {
      idx[c] = e.getKey();
      w[c++] = e.getValue();
    }
    return new Coreset(idx, w);
  }

  /**
   * Returns a copy of the indices.
   *
   * @return the indices
   */
  @Override
  public int[] indices() {
    return indices.clone();
  }

  /**
   * Returns a copy of the weights.
   *
   * @return the weights
   */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /**
   * The number of distinct points in the coreset.
   *
   * @return the size
   */
  public int size() {
    return indices.length;
  }

  /**
   * The index of the {@code j}-th coreset point.
   *
   * @param j the position, in {@code [0, size())}
   * @return the index into the input
   */
  public int index(int j) {
    return indices[j];
  }

  /**
   * The weight of the {@code j}-th coreset point.
   *
   * @param j the position, in {@code [0, size())}
   * @return its weight
   */
  public double weight(int j) {
    return weights[j];
  }

  /**
   * The sum of the weights (an estimate of the input size {@code n} for an unbiased coreset).
   *
   * @return the total weight
   */
  public double totalWeight() {
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    return s;
  }

  /**
   * Returns {@code sum_j weights[j] * values[indices[j]]}: the coreset's estimate of {@code sum_i
   * values[i]}.
   *
   * @param values one value per input point; its length must exceed every index
   * @return the weighted sum
   */
  public double weightedSum(double[] values) {
    Args.notNull("values", values);
    double s = 0;
    for (int j = 0; j < indices.length; j++) {
      if (indices[j] >= values.length) {
        throw Args.fail("values.length", values.length, "more than index " + indices[j]);
      }
      s += weights[j] * values[indices[j]];
    }
    return s;
  }

  /**
   * The coreset's weighted loss {@code sum_j weights[j] * loss.loss(indices[j], query)}; it costs
   * one per-point evaluation per coreset point.
   *
   * @param <Q> the query type
   * @param loss the per-point loss over the input
   * @param query the query (model or centers)
   * @return the weighted loss
   */
  public <Q> double loss(PointLoss<Q> loss, Q query) {
    Args.notNull("loss", loss);
    double s = 0;
    for (int j = 0; j < indices.length; j++) {
      if (indices[j] >= loss.size()) {
        throw Args.fail("indices[" + j + "]", indices[j], "less than loss.size() = " + loss.size());
      }
      s += weights[j] * loss.loss(indices[j], query);
    }
    return s;
  }

  /**
   * The relative error {@code |coreset loss - full loss| / full loss} of this coreset for one query
   * (the full loss costs {@code n} evaluations).
   *
   * @param <Q> the query type
   * @param loss the per-point loss
   * @param query the query
   * @return the relative error (infinite if the full loss is 0 and the coreset loss is not)
   */
  public <Q> double relativeError(PointLoss<Q> loss, Q query) {
    double full = loss.total(query);
    double approx = loss(loss, query);
    if (full == 0) {
      return approx == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(approx - full) / full;
  }

  /**
   * The chosen rows of {@code data}, in coreset order (rows are shared, not copied).
   *
   * @param data the input rows
   * @return the rows {@code data[indices[j]]}
   */
  public double[][] rows(double[][] data) {
    Args.notNull("data", data);
    checkIndicesBelow("data.length", data.length);
    double[][] out = new double[indices.length][];
    for (int j = 0; j < indices.length; j++) {
      out[j] = data[indices[j]];
    }
    return out;
  }

  /**
   * Copies of the chosen rows of {@code data}, in coreset order. Evaluating a loss on this compact
   * copy (with {@link #reindexed()}) avoids the cache misses of reaching into a large input at
   * random positions, which otherwise dominate the cost of a coreset evaluation.
   *
   * @param data the input rows
   * @return new arrays equal to {@code data[indices[j]]}
   */
  public double[][] copyRows(double[][] data) {
    double[][] out = rows(data);
    for (int j = 0; j < out.length; j++) {
      out[j] = out[j].clone();
    }
    return out;
  }

  private void checkIndicesBelow(String name, int length) {
    for (int index : indices) {
      if (index >= length) {
        throw Args.fail(name, length, "more than every coreset index (found index " + index + ")");
      }
    }
  }

  /**
   * The same weights on indices {@code 0..size()-1}: this coreset as seen by data restricted to its
   * own points ({@link #copyRows}, {@link #select}).
   *
   * @return the re-indexed coreset
   */
  public Coreset reindexed() {
    int[] idx = new int[indices.length];
    for (int j = 0; j < idx.length; j++) {
      idx[j] = j;
    }
    return new Coreset(idx, weights);
  }

  /**
   * The chosen entries of {@code values}, in coreset order.
   *
   * @param values one value per input point
   * @return the entries {@code values[indices[j]]}
   */
  public double[] select(double[] values) {
    Args.notNull("values", values);
    checkIndicesBelow("values.length", values.length);
    double[] out = new double[indices.length];
    for (int j = 0; j < indices.length; j++) {
      out[j] = values[indices[j]];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Coreset c
        && Arrays.equals(indices, c.indices)
        && Arrays.equals(weights, c.weights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indices) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Coreset[size=" + indices.length + ", totalWeight=" + totalWeight() + "]";
  }
}
