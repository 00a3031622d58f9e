package dev.fathom.lsa;

import dev.fathom.core.IterativeResult;
import dev.fathom.core.Status;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The outcome of an LSA run.
 *
 * @since 1.0
 */
public final class LsaResult implements IterativeResult<double[]> {
  private final double[] last;
  private final double[] average;
  private final long iterations;
  private final long averaged;
  private final Status status;
  private final Stability stability;
  private final List<String> warnings;
  private final History history;
  private final DMatrixRMaj batchCovariance;

  LsaResult(
      double[] last,
      double[] average,
      long iterations,
      long averaged,
      Status status,
      Stability stability,
      List<String> warnings,
      History history,
      DMatrixRMaj batchCovariance) {
    this.last = last;
    this.average = average;
    this.iterations = iterations;
    this.averaged = averaged;
    this.status = status;
    this.stability = stability;
    this.warnings = warnings;
    this.history = history;
    this.batchCovariance = batchCovariance;
  }

  /**
   * The last iterate {@code θ_k}.
   *
   * @return the last iterate {@code θ_k}
   */
  public double[] last() {
    return last;
  }

  /**
   * The Polyak-Ruppert average of {@code θ_j} over {@code burnIn < j ≤ k} (the last iterate when
   * nothing was averaged).
   *
   * @return the Polyak-Ruppert average of {@code θ_j} over {@code burnIn < j ≤ k} (the last iterate
   *     when nothing was averaged)
   */
  public double[] average() {
    return average;
  }

  /**
   * The number of steps taken {@code k} (one estimate each).
   *
   * @return the number of steps taken {@code k} (one estimate each)
   */
  @Override
  public long iterations() {
    return iterations;
  }

  /**
   * The number of iterates in the average.
   *
   * @return the number of iterates in the average
   */
  public long averaged() {
    return averaged;
  }

  /**
   * How the run ended: {@link Status#COMPLETED} (every step taken, the iterate stayed bounded),
   * {@link Status#DIVERGED} (the iterate became non-finite or exceeded the divergence bound; the
   * run stopped there), {@link Status#REFUSED} (the step-size check found the mean recursion
   * unstable under {@link Lsa.StabilityPolicy#REFUSE}; nothing ran, the iterates are the starting
   * point) or {@link Status#CANCELLED} (a listener cancelled the run).
   *
   * @return how the run ended: {@link Status#COMPLETED} (every step taken, the iterate stayed
   *     bounded), {@link Status#DIVERGED} (the iterate became non-finite or exceeded the divergence
   *     bound; the run stopped there), {@link Status#REFUSED} (the step-size check found the mean
   *     recursion unstable under {@link Lsa.StabilityPolicy#REFUSE}; nothing ran, the iterates are
   *     the starting point) or {@link Status#CANCELLED} (a listener cancelled the run)
   */
  public Status status() {
    return status;
  }

  /**
   * The step-size check made before running.
   *
   * @return the step-size check made before running
   */
  public Stability stability() {
    return stability;
  }

  /**
   * Human-readable warnings (for example an unstable step run under {@link
   * Lsa.StabilityPolicy#WARN}); empty when there are none.
   *
   * @return human-readable warnings (for example an unstable step run under {@link
   *     Lsa.StabilityPolicy#WARN}); empty when there are none
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The error history against the reference solution, empty when not asked for or no reference is
   * known.
   *
   * @return the error history against the reference solution, empty when not asked for or no
   *     reference is known
   */
  public History history() {
    return history;
  }

  /**
   * The batch-means estimate of the covariance of {@code √n (θ̄ − E θ̄)} ({@code n} = {@link
   * #averaged()}), to compare with the CLT covariance {@code Ā⁻¹ Σ Ā⁻ᵀ} (see {@link
   * Covariances#clt}); null unless {@link Lsa.Options#batches()} was set and the run completed.
   *
   * @return the batch-means estimate of the covariance of {@code √n (θ̄ − E θ̄)} ({@code n} =
   *     {@link #averaged()}), to compare with the CLT covariance {@code Ā⁻¹ Σ Ā⁻ᵀ} (see {@link
   *     Covariances#clt}); null unless {@link Lsa.Options#batches()} was set and the run completed
   */
  public DMatrixRMaj batchCovariance() {
    return batchCovariance;
  }

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
   */
  public static final class History {
    private final long[] iterations;
    private final double[] lastError;
    private final double[] averageError;
    private final double[][] averages;

    History(long[] iterations, double[] lastError, double[] averageError, double[][] averages) {
      this.iterations = iterations;
      this.lastError = lastError;
      this.averageError = averageError;
      this.averages = averages;
    }

    /**
     * The checkpoints {@code k}, increasing.
     *
     * @return the checkpoints {@code k}, increasing
     */
    public long[] iterations() {
      return iterations;
    }

    /**
     * {@code ‖θ_k − θ*‖²}.
     *
     * @return {@code ‖θ_k − θ*‖²}
     */
    public double[] lastError() {
      return lastError;
    }

    /**
     * {@code ‖θ̄_k − θ*‖²} of the running average, NaN before the burn-in ends.
     *
     * @return {@code ‖θ̄_k − θ*‖²} of the running average, NaN before the burn-in ends
     */
    public double[] averageError() {
      return averageError;
    }

    /**
     * The running averages {@code θ̄_k} themselves (the last iterate before the burn-in ends).
     *
     * @return the running averages {@code θ̄_k} themselves (the last iterate before the burn-in
     *     ends)
     */
    public double[][] averages() {
      return averages;
    }

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
