package dev.fathom.submodular.streaming;

import dev.fathom.core.Args;
import dev.fathom.submodular.function.FeatureBased;
import java.util.Arrays;
import java.util.function.ToDoubleBiFunction;

/**
 * A monotone submodular function of a set of feature rows that can be evaluated on rows as they
 * arrive, without a ground set known in advance: what {@link PointSieve} maximizes over a stream of
 * mini-batches. The function keeps a {@link State} of bounded size (independent of how many rows
 * were seen) from which the gain of any new row follows.
 *
 * <ul>
 *   <li>{@link #featureBased(int, FeatureBased.Concave) featureBased}: {@code f(S) = sum_u w_u
 *       phi(sum_{x in S} x_u)} over non-negative rows of length d (apricot's feature-based
 *       selection); state: d sums.
 *   <li>{@link #facilityLocation(double[][], ToDoubleBiFunction) facilityLocation}: {@code f(S) =
 *       sum_r max(0, max_{x in S} s(x, r))} against a fixed reference sample R of rows (for example
 *       a uniform sample of the data taken beforehand) with any similarity s; state: |R| maxima.
 * </ul>
 *
 * @since 1.0
 */
public interface PointObjective {
  /**
   * The row length d.
   *
   * @return d
   */
  int dimension();

  /**
   * The state of the empty set.
   *
   * @return a fresh state
   */
  State empty();

  /**
   * Checks that a row is in the function's domain (length d, finite entries, and whatever the
   * function needs), naming {@code name} in the exception.
   *
   * @param name the parameter name to report
   * @param row the row
   */
  void check(String name, double[] row);

  /** The cached state of one set of rows. Not thread-safe. */
  interface State {
    /**
     * The gain {@code f(S + x) - f(S)} of a row against this state's set.
     *
     * @param x a row the function {@link PointObjective#check checked}
     * @return the gain
     */
    double gain(double[] x);

    /**
     * Adds a row to the set.
     *
     * @param x a checked row
     */
    void add(double[] x);

    /**
     * An independent copy.
     *
     * @return the copy
     */
    State copy();

    /**
     * The number of doubles the state holds (its memory, apart from the rows).
     *
     * @return the count
     */
    int doubles();
  }

  /**
   * The feature-based function {@code f(S) = sum_u phi(sum_{x in S} x_u)} (unit weights).
   *
   * @param d the row length, at least 1
   * @param phi the concave function
   * @return the function
   */
  static PointObjective featureBased(int d, FeatureBased.Concave phi) {
    double[] w = new double[Args.size("d", Args.positive("d", d))];
    Arrays.fill(w, 1.0);
    return featureBased(w, phi);
  }

  /**
   * The feature-based function {@code f(S) = sum_u w_u phi(sum_{x in S} x_u)} over rows with
   * non-negative finite entries.
   *
   * @param weights the non-negative finite feature weights, one per column (copied)
   * @param phi the concave function
   * @return the function
   */
  static PointObjective featureBased(double[] weights, FeatureBased.Concave phi) {
    Args.notNull("weights", weights);
    Args.notNull("phi", phi);
    Args.positive("weights.length", weights.length);
    double[] w = Args.nonNegative("weights", Args.finite("weights", weights)).clone();
    return new PointObjectives.Features(w, phi);
  }

  /**
   * Facility location against a fixed reference sample: {@code f(S) = sum_r max(0, max_{x in S}
   * s(x, r))}, monotone and submodular for any finite similarity s.
   *
   * @param reference the reference rows R, all of one length d (not copied: do not change them)
   * @param similarity {@code s(x, r)}; must return finite values
   * @return the function
   */
  static PointObjective facilityLocation(
      double[][] reference, ToDoubleBiFunction<double[], double[]> similarity) {
    Args.notNull("reference", reference);
    Args.notNull("similarity", similarity);
    int d = Args.positive("reference[0].length", Args.rectangular("reference", reference));
    return new PointObjectives.Reference(reference, d, similarity);
  }
}
