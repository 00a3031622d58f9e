package dev.fathom.lsa;

import dev.fathom.core.IterativeResult;
import dev.fathom.core.Status;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The outcome of an LSA run.
 *
 * @param last the last iterate {@code θ_k}
 * @param average the Polyak-Ruppert average of {@code θ_j} over {@code burnIn < j ≤ k} (the last
 *     iterate when nothing was averaged)
 * @param iterations the number of steps taken {@code k} (one estimate each)
 * @param averaged the number of iterates in the average
 * @param status how the run ended: {@link Status#COMPLETED} (every step taken, the iterate stayed
 *     bounded), {@link Status#DIVERGED} (the iterate became non-finite or exceeded the divergence
 *     bound; the run stopped there), {@link Status#REFUSED} (the step-size check found the mean
 *     recursion unstable under {@link Lsa.StabilityPolicy#REFUSE}; nothing ran, the iterates are
 *     the starting point) or {@link Status#CANCELLED} (a listener cancelled the run)
 * @param stability the step-size check made before running
 * @param warnings human-readable warnings (for example an unstable step run under {@link
 *     Lsa.StabilityPolicy#WARN}); empty when there are none
 * @param history the error history against the reference solution, empty when not asked for or no
 *     reference is known
 * @param batchCovariance the batch-means estimate of the covariance of {@code √n (θ̄ − E θ̄)}
 *     ({@code n} = {@link #averaged()}), to compare with the CLT covariance {@code Ā⁻¹ Σ Ā⁻ᵀ} (see
 *     {@link Covariances#clt}); null unless {@link Lsa.Options#batches()} was set and the run
 *     completed
 * @since 1.0
 */
public record LsaResult(
    double[] last,
    double[] average,
    long iterations,
    long averaged,
    Status status,
    Stability stability,
    List<String> warnings,
    History history,
    DMatrixRMaj batchCovariance)
    implements IterativeResult<double[]> {

  /**
   * The answer: the Polyak-Ruppert average.
   *
   * @return {@link #average()}
   */
  @Override
  public double[] solution() {
    return average;
  }

  /**
   * The distance {@code ‖θ̄ − θ*‖} of the average to the reference solution, taken from the last
   * history checkpoint (the end of a run that completed).
   *
   * @return the distance, or {@code NaN} when no history was kept or the run stopped early
   */
  @Override
  public double residual() {
    int n = history.size();
    return n > 0 && history.iterations()[n - 1] == iterations
        ? Math.sqrt(history.averageError()[n - 1])
        : Double.NaN;
  }

  /**
   * The distances {@code ‖θ̄_k − θ*‖} at the history checkpoints ({@code NaN} before the burn-in
   * ends).
   *
   * @return the square roots of {@link History#averageError()}, empty without a history
   */
  @Override
  public double[] residualHistory() {
    double[] e = history.averageError().clone();
    for (int i = 0; i < e.length; i++) {
      e[i] = Math.sqrt(e[i]);
    }
    return e;
  }

  /**
   * Squared errors at checkpoints {@code k} (log-spaced), against the reference solution {@code
   * θ*}.
   *
   * @param iterations the checkpoints {@code k}, increasing
   * @param lastError {@code ‖θ_k − θ*‖²}
   * @param averageError {@code ‖θ̄_k − θ*‖²} of the running average, NaN before the burn-in ends
   * @param averages the running averages {@code θ̄_k} themselves (the last iterate before the
   *     burn-in ends)
   */
  public record History(
      long[] iterations, double[] lastError, double[] averageError, double[][] averages) {
    /**
     * An empty history.
     *
     * @return a history with no checkpoints
     */
    public static History empty() {
      return new History(new long[0], new double[0], new double[0], new double[0][]);
    }

    /**
     * The number of checkpoints.
     *
     * @return the length of the arrays
     */
    public int size() {
      return iterations.length;
    }
  }
}
