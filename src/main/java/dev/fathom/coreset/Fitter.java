package dev.fathom.coreset;

/**
 * Fits a model (or centers) to a weighted subset of a data set that the fitter holds: the solver
 * AutoCoreset calls on each candidate coreset. Ready ones are in {@link Fitters}.
 *
 * @param <Q> the query type, as in {@link PointLoss}
 * @since 1.0
 */
@FunctionalInterface
public interface Fitter<Q> {
  /**
   * Fits to the weighted points of {@code coreset}.
   *
   * @param coreset indices into the fitter's data and their weights
   * @return the fitted query
   */
  Q fit(Coreset coreset);
}
