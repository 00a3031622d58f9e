package dev.fathom.lsa;

import dev.fathom.core.Args;
import dev.fathom.linalg.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * Fixed-step linear stochastic approximation {@code θ_k = θ_{k−1} − α (A_k θ_{k−1} − b_k)} with
 * Polyak-Ruppert averaging after a burn-in, and Richardson-Romberg extrapolation {@code 2θ̄^{(α)} −
 * θ̄^{(2α)}} over two step sizes.
 *
 * <p>Before running, the step is checked against {@code Ā} when the stream knows it ({@link
 * Stability}); what happens to an unstable step is the {@link StabilityPolicy} of the options,
 * never silent. During the run the iterate is watched, and a run that blows up ends with status
 * {@link LsaResult.Status#DIVERGED}.
 *
 * <p>Static methods; the stream passed in holds state and must not be shared between threads.
 */
public final class Lsa {
  private Lsa() {}

  /** What to do when the step-size check finds the mean recursion unstable. */
  public enum StabilityPolicy {
    /** Do not run; return status {@link LsaResult.Status#REFUSED} with the explanation. */
    REFUSE,
    /** Run anyway and put the explanation in {@link LsaResult#warnings()}. */
    WARN,
    /** Do not check the spectrum (for large {@code d}); divergence is still detected. */
    SKIP
  }

  /**
   * Options of a run.
   *
   * @param alpha the step size {@code α}, finite and positive
   * @param iterations the number of steps {@code k}, positive
   * @param burnIn the steps discarded before averaging starts, in {@code [0, iterations)}
   * @param policy what to do with a step the stability check rejects
   * @param historyPoints the number of log-spaced error checkpoints (0 for none)
   * @param batches the number of batches for the batch-means covariance estimate {@link
   *     LsaResult#batchCovariance()} (0 for none, otherwise at least 2)
   * @param divergenceBound the norm of {@code θ} beyond which the run is declared diverged
   */
  public record Options(
      double alpha,
      long iterations,
      long burnIn,
      StabilityPolicy policy,
      int historyPoints,
      int batches,
      double divergenceBound) {
    /**
     * Validates every option.
     *
     * @param alpha the step size {@code α}, finite and positive
     * @param iterations the number of steps {@code k}, positive
     * @param burnIn the steps discarded before averaging starts, in {@code [0, iterations)}
     * @param policy what to do with a step the stability check rejects
     * @param historyPoints the number of log-spaced error checkpoints (0 for none)
     * @param batches the number of batches for the batch-means covariance (0 for none, otherwise in
     *     {@code [2, iterations − burnIn]})
     * @param divergenceBound the norm of {@code θ} beyond which the run is declared diverged
     * @throws IllegalArgumentException naming the first invalid option
     */
    public Options {
      Args.positive("alpha", alpha);
      Args.positive("iterations", iterations);
      if (burnIn < 0 || burnIn >= iterations) {
        throw Args.fail("burnIn", burnIn, "an integer in [0, iterations = " + iterations + ")");
      }
      Args.notNull("policy", policy);
      Args.nonNegative("historyPoints", historyPoints);
      if (batches != 0 && (batches < 2 || batches > iterations - burnIn)) {
        throw Args.fail(
            "batches",
            batches,
            "0 or an integer in [2, iterations - burnIn = " + (iterations - burnIn) + "]");
      }
      Args.positive("divergenceBound", divergenceBound);
    }

    /**
     * Defaults: burn-in {@code iterations / 2}, policy {@link StabilityPolicy#REFUSE}, no history,
     * no batch means, divergence bound {@code 1e12}.
     *
     * @param alpha the step size
     * @param iterations the number of steps
     * @return the options
     */
    public static Options of(double alpha, long iterations) {
      return new Options(alpha, iterations, iterations / 2, StabilityPolicy.REFUSE, 0, 0, 1e12);
    }

    /**
     * A copy with another step size.
     *
     * @param a the step size
     * @return the new options
     */
    public Options withAlpha(double a) {
      return new Options(a, iterations, burnIn, policy, historyPoints, batches, divergenceBound);
    }

    /**
     * A copy with another burn-in.
     *
     * @param b the burn-in
     * @return the new options
     */
    public Options withBurnIn(long b) {
      return new Options(alpha, iterations, b, policy, historyPoints, batches, divergenceBound);
    }

    /**
     * A copy with another stability policy.
     *
     * @param p the policy
     * @return the new options
     */
    public Options withPolicy(StabilityPolicy p) {
      return new Options(alpha, iterations, burnIn, p, historyPoints, batches, divergenceBound);
    }

    /**
     * A copy recording an error history at {@code points} log-spaced checkpoints.
     *
     * @param points the number of checkpoints
     * @return the new options
     */
    public Options withHistory(int points) {
      return new Options(alpha, iterations, burnIn, policy, points, batches, divergenceBound);
    }

    /**
     * A copy that estimates the covariance of the average by {@code count} batch means.
     *
     * @param count the number of batches (0 for none)
     * @return the new options
     */
    public Options withBatches(int count) {
      return new Options(alpha, iterations, burnIn, policy, historyPoints, count, divergenceBound);
    }

    /**
     * A copy with another divergence bound.
     *
     * @param bound the norm of {@code θ} beyond which the run is declared diverged
     * @return the new options
     */
    public Options withDivergenceBound(double bound) {
      return new Options(alpha, iterations, burnIn, policy, historyPoints, batches, bound);
    }
  }

  /**
   * Runs LSA from {@code theta0} on {@code stream}, reset to {@code seed}. The reference solution
   * for the history is the stream's exact {@code θ*} when it knows its mean system.
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options
   * @param seed the seed the stream is reset to
   * @return the result
   * @throws IllegalArgumentException if {@code theta0} has the wrong length or non-finite entries
   */
  public static LsaResult run(LsaStream stream, double[] theta0, Options options, long seed) {
    return run(stream, theta0, options, seed, null);
  }

  /**
   * Runs LSA from {@code theta0} on {@code stream}, reset to {@code seed}, recording the history
   * against {@code thetaStar}.
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options
   * @param seed the seed the stream is reset to
   * @param thetaStar the reference solution for the history, or null to use the stream's exact
   *     solution when it has one
   * @return the result
   * @throws IllegalArgumentException if {@code theta0} or {@code thetaStar} has the wrong length or
   *     non-finite entries
   */
  public static LsaResult run(
      LsaStream stream, double[] theta0, Options options, long seed, double[] thetaStar) {
    return run(stream, theta0, options, seed, thetaStar, null);
  }

  /**
   * Receives the iterates at the log-spaced checkpoints of a run ({@link Options#historyPoints()}),
   * whether or not a reference solution is known.
   */
  @FunctionalInterface
  public interface Listener {
    /**
     * Called at checkpoint {@code k}.
     *
     * @param k the number of steps taken
     * @param last the current iterate (live: read it, do not modify or keep it)
     * @param average the running Polyak-Ruppert average (a fresh copy; the last iterate before the
     *     burn-in ends)
     */
    void checkpoint(long k, double[] last, double[] average);
  }

  /**
   * Runs LSA as {@link #run(LsaStream, double[], Options, long, double[])} and reports the iterates
   * at the history checkpoints to {@code listener}.
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options; {@link Options#historyPoints()} sets the checkpoints
   * @param seed the seed the stream is reset to
   * @param thetaStar the reference solution for the history, or null to use the stream's exact
   *     solution when it has one
   * @param listener the observer, or null
   * @return the result
   * @throws IllegalArgumentException if {@code theta0} or {@code thetaStar} has the wrong length or
   *     non-finite entries
   */
  public static LsaResult run(
      LsaStream stream,
      double[] theta0,
      Options options,
      long seed,
      double[] thetaStar,
      Listener listener) {
    Args.notNull("stream", stream);
    Args.notNull("options", options);
    int d = stream.dimension();
    Args.finite("theta0", Args.length("theta0", theta0, d));
    if (thetaStar != null) {
      Args.finite("thetaStar", Args.length("thetaStar", thetaStar, d));
    }
    Optional<LinearSystem> mean = stream.mean();
    double alpha = options.alpha();
    List<String> warnings = new ArrayList<>();
    Stability stability = Stability.unknown(alpha);
    if (mean.isPresent() && options.policy() != StabilityPolicy.SKIP) {
      stability = mean.get().stability(alpha);
      if (stability.unstable()) {
        if (options.policy() == StabilityPolicy.REFUSE) {
          return new LsaResult(
              theta0.clone(),
              theta0.clone(),
              0,
              0,
              LsaResult.Status.REFUSED,
              stability,
              List.of(stability.describe()),
              LsaResult.History.empty(),
              null);
        }
        warnings.add(stability.describe());
      }
    }
    double[] ref = thetaStar;
    if (ref == null && options.historyPoints() > 0 && mean.isPresent()) {
      ref = mean.get().solve();
    }
    long[] checkpoints =
        ref == null && listener == null
            ? new long[0]
            : checkpoints(options.iterations(), options.historyPoints());
    return iterate(stream, theta0, options, seed, ref, checkpoints, listener, stability, warnings);
  }

  private static LsaResult iterate(
      LsaStream stream,
      double[] theta0,
      Options options,
      long seed,
      double[] ref,
      long[] checkpoints,
      Listener listener,
      Stability stability,
      List<String> warnings) {
    int d = theta0.length;
    double alpha = options.alpha();
    long total = options.iterations();
    long burnIn = options.burnIn();
    double bound2 = options.divergenceBound() * options.divergenceBound();
    double[] theta = theta0.clone();
    double[] sum = new double[d];
    int h = checkpoints.length;
    double[] lastErr = new double[h];
    double[] avgErr = new double[h];
    double[][] avgs = new double[h][];
    int next = 0;
    int batches = options.batches();
    long batchLength = batches == 0 ? 0 : (total - burnIn) / batches;
    double[][] snapshots = new double[batches + 1][]; // running sums at the batch boundaries
    snapshots[0] = new double[d];
    int batch = 1;
    LsaResult.Status status = LsaResult.Status.COMPLETED;
    stream.reset(seed);
    long k = 0;
    while (k < total) {
      stream.update(alpha, theta);
      k++;
      if (k > burnIn) {
        for (int i = 0; i < d; i++) {
          sum[i] += theta[i];
        }
      }
      if ((k & 255) == 0 || k == total) {
        double n2 = Vectors.dot(theta, theta);
        if (!(n2 <= bound2)) {
          status = LsaResult.Status.DIVERGED;
          warnings.add("the iterate diverged at k = " + k + " (|theta| = " + Math.sqrt(n2) + ")");
          break;
        }
      }
      if (batch <= batches && k == burnIn + batch * batchLength) {
        snapshots[batch++] = sum.clone();
      }
      if (next < h && checkpoints[next] == k) {
        double[] avg = average(theta, sum, k - burnIn);
        if (ref != null) {
          lastErr[next] = Vectors.distanceSquared(theta, ref);
          avgErr[next] = k > burnIn ? Vectors.distanceSquared(avg, ref) : Double.NaN;
          avgs[next] = avg;
        }
        if (listener != null) {
          listener.checkpoint(k, theta, avg.clone());
        }
        next++;
      }
    }
    long averaged = Math.max(0, k - burnIn);
    LsaResult.History history =
        ref == null
            ? LsaResult.History.empty()
            : new LsaResult.History(
                Arrays.copyOf(checkpoints, next),
                Arrays.copyOf(lastErr, next),
                Arrays.copyOf(avgErr, next),
                Arrays.copyOf(avgs, next));
    return new LsaResult(
        theta,
        average(theta, sum, averaged),
        k,
        averaged,
        status,
        stability,
        List.copyOf(warnings),
        history,
        batch > batches && batches > 0 ? batchMeans(snapshots, batchLength) : null);
  }

  /** (L/(B−1)) Σ_b (m_b − m)(m_b − m)ᵀ from the running sums at the B + 1 batch boundaries. */
  private static DMatrixRMaj batchMeans(double[][] snapshots, long length) {
    int b = snapshots.length - 1;
    int d = snapshots[0].length;
    double[] mean = new double[d];
    for (int i = 0; i < d; i++) {
      mean[i] = (snapshots[b][i] - snapshots[0][i]) / ((double) b * length);
    }
    double[][] z = new double[b][d];
    for (int j = 0; j < b; j++) {
      for (int i = 0; i < d; i++) {
        z[j][i] = (snapshots[j + 1][i] - snapshots[j][i]) / length;
      }
    }
    DMatrixRMaj cov = Covariances.empirical(z, mean);
    org.ejml.dense.row.CommonOps_DDRM.scale((double) length * b / (b - 1), cov);
    return cov;
  }

  private static double[] average(double[] theta, double[] sum, long n) {
    if (n <= 0) {
      return theta.clone();
    }
    double[] avg = new double[sum.length];
    for (int i = 0; i < sum.length; i++) {
      avg[i] = sum[i] / n;
    }
    return avg;
  }

  /** Up to {@code points} distinct log-spaced checkpoints in [1, total], ending at total. */
  static long[] checkpoints(long total, int points) {
    if (points == 0) {
      return new long[0];
    }
    long[] c = new long[points];
    int n = 0;
    for (int i = 0; i < points; i++) {
      double f = points == 1 ? 1 : (double) i / (points - 1);
      long k = Math.max(1, Math.round(Math.exp(f * Math.log(total))));
      if (n == 0 || k > c[n - 1]) {
        c[n++] = k;
      }
    }
    c[n - 1] = total;
    return Arrays.copyOf(c, n);
  }

  /**
   * Richardson-Romberg extrapolation: runs LSA with steps {@code α} and {@code 2α} on the same seed
   * (common random numbers) and returns {@code 2θ̄^{(α)} − θ̄^{(2α)}}, which cancels the O(α) bias
   * of the averaged iterate (present with Markovian noise).
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options of the fine run (step {@code α}); the coarse run uses {@code 2α}
   * @param seed the seed of both runs
   * @param thetaStar the reference solution for the history, or null to use the stream's own
   * @return both runs and the extrapolated estimate
   */
  public static Extrapolation richardsonRomberg(
      LsaStream stream, double[] theta0, Options options, long seed, double[] thetaStar) {
    Args.notNull("options", options);
    LsaResult fine = run(stream, theta0, options, seed, thetaStar);
    LsaResult coarse = run(stream, theta0, options.withAlpha(2 * options.alpha()), seed, thetaStar);
    int d = theta0.length;
    double[] rr = new double[d];
    for (int i = 0; i < d; i++) {
      rr[i] = 2 * fine.average()[i] - coarse.average()[i];
    }
    LsaResult.History hf = fine.history();
    LsaResult.History hc = coarse.history();
    int n = Math.min(hf.size(), hc.size());
    double[] rrErr = new double[n];
    double[] ref = thetaStar != null ? thetaStar : n > 0 ? stream.mean().get().solve() : null;
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < d; i++) {
        double e = 2 * hf.averages()[j][i] - hc.averages()[j][i] - ref[i];
        s += e * e;
      }
      rrErr[j] = Double.isNaN(hf.averageError()[j]) ? Double.NaN : s;
    }
    return new Extrapolation(fine, coarse, rr, Arrays.copyOf(hf.iterations(), n), rrErr);
  }

  /**
   * A Richardson-Romberg result.
   *
   * @param fine the run with step {@code α}
   * @param coarse the run with step {@code 2α}
   * @param extrapolated {@code 2θ̄^{(α)} − θ̄^{(2α)}}; meaningful only when {@link #status()} is
   *     {@link LsaResult.Status#COMPLETED}
   * @param historyIterations the checkpoints of the extrapolated error history
   * @param historyError {@code ‖2θ̄^{(α)}_k − θ̄^{(2α)}_k − θ*‖²} at the checkpoints (NaN before
   *     the burn-in ends)
   */
  public record Extrapolation(
      LsaResult fine,
      LsaResult coarse,
      double[] extrapolated,
      long[] historyIterations,
      double[] historyError) {
    /**
     * The combined status: {@link LsaResult.Status#COMPLETED} only when both runs completed,
     * otherwise the coarse or fine run's failure (the coarse step fails first).
     *
     * @return the status
     */
    public LsaResult.Status status() {
      return coarse.status() != LsaResult.Status.COMPLETED ? coarse.status() : fine.status();
    }
  }
}
