package dev.fathom.lsa;

import dev.fathom.core.Args;
import dev.fathom.core.IterationListener;
import dev.fathom.core.Progress;
import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import dev.fathom.linalg.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * Fixed-step linear stochastic approximation {@code θ_k = θ_{k−1} − α (A_k θ_{k−1} − b_k)} with
 * Polyak-Ruppert averaging after a burn-in, and Richardson-Romberg extrapolation {@code 2θ̄^{(α)} −
 * θ̄^{(2α)}} over two step sizes.
 *
 * <p>Before running, the step is checked against {@code Ā} when the stream knows it ({@link
 * Stability}); what happens to an unstable step is the {@link StabilityPolicy} of the options,
 * never silent. During the run the iterate is watched, and a run that blows up ends with status
 * {@link Status#DIVERGED}: by default when {@code |θ_k|} exceeds {@link #DIVERGENCE_FACTOR} times
 * the run's own scale, the larger of {@code |θ_0|} and {@code |θ_1|} (so a problem whose targets
 * are scaled by any factor runs the same way, scaled), or beyond an absolute bound set with {@link
 * Options#withDivergenceBound(double)}.
 *
 * <p>Static methods; the stream passed in holds state and must not be shared between threads.
 *
 * @since 1.0
 */
public final class Lsa {
  /**
   * The default divergence rule's factor: a run is declared diverged when {@code |θ_k|} exceeds
   * this many times the larger of {@code |θ_0|} and {@code |θ_1|}.
   */
  public static final double DIVERGENCE_FACTOR = 1e12;

  private Lsa() {}

  /** What to do when the step-size check finds the mean recursion unstable. */
  public enum StabilityPolicy {
    /** Do not run; return status {@link Status#REFUSED} with the explanation. */
    REFUSE,
    /** Run anyway and put the explanation in {@link LsaResult#warnings()}. */
    WARN,
    /** Do not check the spectrum (for large {@code d}); divergence is still detected. */
    SKIP
  }

  /**
   * Options of a run, built from {@link #of(double, long)} and changed by copy with the {@code
   * with} methods: {@code Options.of(0.02, 1_000_000).withBurnIn(1000).withHistory(40)}. Immutable.
   *
   * @since 1.0
   */
  public static final class Options {
    private final double alpha;
    private final long iterations;
    private final long burnIn;
    private final StabilityPolicy policy;
    private final int historyPoints;
    private final int batches;
    private final double divergenceBound;
    private final double[] reference;

    private Options(
        double alpha,
        long iterations,
        long burnIn,
        StabilityPolicy policy,
        int historyPoints,
        int batches,
        double divergenceBound,
        double[] reference) {
      this.alpha = alpha;
      this.iterations = iterations;
      this.burnIn = burnIn;
      this.policy = policy;
      this.historyPoints = historyPoints;
      this.batches = batches;
      this.divergenceBound = divergenceBound;
      this.reference = reference;
    }

    /**
     * Defaults: burn-in {@code iterations / 2}, policy {@link StabilityPolicy#REFUSE}, no history,
     * no batch means, the relative divergence rule ({@link #DIVERGENCE_FACTOR} times the run's
     * scale), the stream's own reference solution.
     *
     * @param alpha the step size {@code α}, finite and positive
     * @param iterations the number of steps {@code k}, positive
     * @return the options
     * @throws IllegalArgumentException naming the invalid option
     */
    public static Options of(double alpha, long iterations) {
      Args.positive("alpha", alpha);
      Args.positive("iterations", iterations);
      return new Options(
          alpha, iterations, iterations / 2, StabilityPolicy.REFUSE, 0, 0, Double.NaN, null);
    }

    /**
     * A copy with another step size.
     *
     * @param a the step size {@code α}, finite and positive
     * @return the new options
     */
    public Options withAlpha(double a) {
      Args.positive("alpha", a);
      return new Options(
          a, iterations, burnIn, policy, historyPoints, batches, divergenceBound, reference);
    }

    /**
     * A copy with another burn-in.
     *
     * @param b the steps discarded before averaging starts, in {@code [0, iterations)}
     * @return the new options
     */
    public Options withBurnIn(long b) {
      if (b < 0 || b >= iterations) {
        throw Args.fail("burnIn", b, "an integer in [0, iterations = " + iterations + ")");
      }
      Options o =
          new Options(alpha, iterations, b, policy, historyPoints, 0, divergenceBound, reference);
      return batches == 0 ? o : o.withBatches(batches);
    }

    /**
     * A copy with another stability policy.
     *
     * @param p what to do with a step the stability check rejects
     * @return the new options
     */
    public Options withPolicy(StabilityPolicy p) {
      Args.notNull("policy", p);
      return new Options(
          alpha, iterations, burnIn, p, historyPoints, batches, divergenceBound, reference);
    }

    /**
     * A copy recording an error history at {@code points} log-spaced checkpoints (and calling the
     * listener there).
     *
     * @param points the number of checkpoints, at least 0 (0 for none)
     * @return the new options
     */
    public Options withHistory(int points) {
      Args.nonNegative("historyPoints", points);
      return new Options(
          alpha, iterations, burnIn, policy, points, batches, divergenceBound, reference);
    }

    /**
     * A copy that estimates the covariance of the average by {@code count} batch means.
     *
     * @param count 0 for none, otherwise in {@code [2, iterations − burnIn]}
     * @return the new options
     */
    public Options withBatches(int count) {
      if (count != 0 && (count < 2 || count > iterations - burnIn)) {
        throw Args.fail(
            "batches",
            count,
            "0 or an integer in [2, iterations - burnIn = " + (iterations - burnIn) + "]");
      }
      return new Options(
          alpha, iterations, burnIn, policy, historyPoints, count, divergenceBound, reference);
    }

    /**
     * A copy with an absolute divergence bound instead of the default relative rule.
     *
     * @param bound the norm of {@code θ} beyond which the run is declared diverged, positive
     * @return the new options
     */
    public Options withDivergenceBound(double bound) {
      Args.positive("divergenceBound", bound);
      return new Options(
          alpha, iterations, burnIn, policy, historyPoints, batches, bound, reference);
    }

    /**
     * A copy measuring the history and the residual against {@code thetaStar} instead of the
     * stream's own exact solution.
     *
     * @param thetaStar the reference solution, finite (copied; its length is checked by the run)
     * @return the new options
     */
    public Options withReference(double[] thetaStar) {
      Args.finite("thetaStar", thetaStar);
      return new Options(
          alpha,
          iterations,
          burnIn,
          policy,
          historyPoints,
          batches,
          divergenceBound,
          thetaStar.clone());
    }

    /**
     * The step size {@code α}.
     *
     * @return {@code α}
     */
    public double alpha() {
      return alpha;
    }

    /**
     * The number of steps.
     *
     * @return {@code k}
     */
    public long iterations() {
      return iterations;
    }

    /**
     * The steps discarded before averaging starts.
     *
     * @return the burn-in
     */
    public long burnIn() {
      return burnIn;
    }

    /**
     * What to do with a step the stability check rejects.
     *
     * @return the policy
     */
    public StabilityPolicy policy() {
      return policy;
    }

    /**
     * The number of log-spaced checkpoints (0 for none).
     *
     * @return the checkpoints
     */
    public int historyPoints() {
      return historyPoints;
    }

    /**
     * The number of batches of the batch-means covariance (0 for none).
     *
     * @return the batches
     */
    public int batches() {
      return batches;
    }

    /**
     * The absolute norm of {@code θ} beyond which the run is declared diverged, or NaN for the
     * default relative rule ({@link #DIVERGENCE_FACTOR} times the larger of {@code |θ_0|} and
     * {@code |θ_1|}).
     *
     * @return the bound, or NaN
     */
    public double divergenceBound() {
      return divergenceBound;
    }

    /**
     * The reference solution set by {@link #withReference}, if any.
     *
     * @return a copy of it, or empty when the stream's own solution is used
     */
    public Optional<double[]> reference() {
      return Optional.ofNullable(reference).map(double[]::clone);
    }
  }

  /**
   * Runs LSA from {@code theta0} on {@code stream}, reset to {@code seed}: {@code run(stream,
   * theta0, options, IterationListener.NONE, Rng.create(seed))}. The reference solution for the
   * history is {@link Options#withReference} or else the stream's exact {@code θ*} when it knows
   * its mean system.
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options
   * @param seed the seed the stream is reset to
   * @return the result
   * @throws IllegalArgumentException if {@code theta0} or the reference has the wrong length or
   *     non-finite entries
   */
  public static LsaResult run(LsaStream stream, double[] theta0, Options options, long seed) {
    return run(stream, theta0, options, IterationListener.NONE, Rng.create(seed));
  }

  /**
   * Runs LSA from {@code theta0} on {@code stream}, reset to draw from {@code rng}.
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options
   * @param rng the generator the stream draws from
   * @return the result
   * @throws IllegalArgumentException if {@code theta0} or the reference has the wrong length or
   *     non-finite entries
   */
  public static LsaResult run(
      LsaStream stream, double[] theta0, Options options, RandomGenerator rng) {
    return run(stream, theta0, options, IterationListener.NONE, rng);
  }

  /**
   * Runs LSA as {@link #run(LsaStream, double[], Options, long)}, reporting the log-spaced
   * checkpoints ({@link Options#historyPoints()}) to {@code listener}.
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options; {@link Options#historyPoints()} sets the checkpoints
   * @param listener the observer, which may cancel
   * @param seed the seed the stream is reset to
   * @return the result
   */
  public static LsaResult run(
      LsaStream stream, double[] theta0, Options options, IterationListener listener, long seed) {
    return run(stream, theta0, options, listener, Rng.create(seed));
  }

  /**
   * Runs LSA from {@code theta0} on {@code stream}, reset to draw from {@code rng}, and reports the
   * log-spaced checkpoints ({@link Options#historyPoints()}) to {@code listener}: {@link
   * Progress#iteration()} and {@link Progress#oracleCalls()} are the steps taken, {@link
   * Progress#iterate()} the last iterate {@code θ_k}, {@link Progress#residual()} its distance
   * {@code ‖θ_k − θ*‖} to the reference solution ({@code NaN} when none is known). A listener that
   * cancels ends the run there with {@link Status#CANCELLED}; the average is then over the steps
   * taken after the burn-in.
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options; {@link Options#historyPoints()} sets the checkpoints
   * @param listener the observer ({@link IterationListener#NONE} for none)
   * @param rng the generator the stream draws from
   * @return the result
   * @throws IllegalArgumentException if {@code theta0} or the reference has the wrong length or
   *     non-finite entries
   */
  public static LsaResult run(
      LsaStream stream,
      double[] theta0,
      Options options,
      IterationListener listener,
      RandomGenerator rng) {
    Args.notNull("stream", stream);
    Args.notNull("options", options);
    Args.notNull("listener", listener);
    Args.notNull("rng", rng);
    int d = stream.dimension();
    Args.finite("theta0", Args.length("theta0", theta0, d));
    double[] thetaStar = options.reference;
    if (thetaStar != null) {
      Args.length("thetaStar", thetaStar, d);
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
              Status.REFUSED,
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
        ref == null && listener == IterationListener.NONE
            ? new long[0]
            : checkpoints(options.iterations(), options.historyPoints());
    stream.reset(rng);
    return iterate(stream, theta0, options, ref, checkpoints, listener, stability, warnings);
  }

  private static LsaResult iterate(
      LsaStream stream,
      double[] theta0,
      Options options,
      double[] ref,
      long[] checkpoints,
      IterationListener listener,
      Stability stability,
      List<String> warnings) {
    int d = theta0.length;
    double alpha = options.alpha();
    long total = options.iterations();
    long burnIn = options.burnIn();
    // an explicit absolute bound, or (NaN) the relative rule, fixed after the first step
    double bound = options.divergenceBound();
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
    Status status = Status.COMPLETED;
    Progress progress = new Progress();
    long k = 0;
    while (k < total) {
      stream.update(alpha, theta);
      k++;
      if (k == 1 && Double.isNaN(options.divergenceBound())) {
        double scale = Math.max(Vectors.norm2(theta0), Vectors.norm2(theta));
        bound = DIVERGENCE_FACTOR * (scale > 0 ? scale : 1);
      }
      if (k > burnIn) {
        for (int i = 0; i < d; i++) {
          sum[i] += theta[i];
        }
      }
      if ((k & 255) == 0 || k == total) {
        double norm = Vectors.norm2(theta);
        if (!(norm <= bound)) {
          status = Status.DIVERGED;
          warnings.add("the iterate diverged at k = " + k + " (|theta| = " + norm + ")");
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
        next++;
        double dist = ref == null ? Double.NaN : Math.sqrt(Vectors.distanceSquared(theta, ref));
        listener.onIteration(progress.update(k, k, dist, theta));
        if (progress.isCancelled() && k < total) {
          status = Status.CANCELLED;
          break;
        }
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
   * Richardson-Romberg extrapolation: runs LSA with steps {@code α} and {@code 2α} on the same
   * randomness (common random numbers) and returns {@code 2θ̄^{(α)} − θ̄^{(2α)}}, which cancels the
   * O(α) bias of the averaged iterate (present with Markovian noise). Same as {@code
   * richardsonRomberg(stream, theta0, options, Rng.create(seed))}.
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options of the fine run (step {@code α}); the coarse run uses {@code 2α}
   * @param seed the seed of the shared randomness
   * @return both runs and the extrapolated estimate
   */
  public static Extrapolation richardsonRomberg(
      LsaStream stream, double[] theta0, Options options, long seed) {
    return richardsonRomberg(stream, theta0, options, Rng.create(seed));
  }

  /**
   * Richardson-Romberg extrapolation as {@link #richardsonRomberg(LsaStream, double[], Options,
   * long)}: both runs draw from a generator seeded by one {@code rng.nextLong()}, so they share
   * their randomness.
   *
   * @param stream the estimates
   * @param theta0 the starting point (not modified)
   * @param options the options of the fine run (step {@code α}); the coarse run uses {@code 2α}
   * @param rng the source of the shared seed
   * @return both runs and the extrapolated estimate
   */
  public static Extrapolation richardsonRomberg(
      LsaStream stream, double[] theta0, Options options, RandomGenerator rng) {
    Args.notNull("options", options);
    long shared = Args.notNull("rng", rng).nextLong();
    LsaResult fine = run(stream, theta0, options, shared);
    LsaResult coarse = run(stream, theta0, options.withAlpha(2 * options.alpha()), shared);
    double[] thetaStar = options.reference;
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

  /** A Richardson-Romberg result. */
  public static final class Extrapolation {
    private final LsaResult fine;
    private final LsaResult coarse;
    private final double[] extrapolated;
    private final long[] historyIterations;
    private final double[] historyError;

    Extrapolation(
        LsaResult fine,
        LsaResult coarse,
        double[] extrapolated,
        long[] historyIterations,
        double[] historyError) {
      this.fine = fine;
      this.coarse = coarse;
      this.extrapolated = extrapolated;
      this.historyIterations = historyIterations;
      this.historyError = historyError;
    }

    /**
     * The run with step {@code α}.
     *
     * @return the run with step {@code α}
     */
    public LsaResult fine() {
      return fine;
    }

    /**
     * The run with step {@code 2α}.
     *
     * @return the run with step {@code 2α}
     */
    public LsaResult coarse() {
      return coarse;
    }

    /**
     * {@code 2θ̄^{(α)} − θ̄^{(2α)}}; meaningful only when {@link #status()} is {@link
     * Status#COMPLETED}.
     *
     * @return {@code 2θ̄^{(α)} − θ̄^{(2α)}}; meaningful only when {@link #status()} is {@link
     *     Status#COMPLETED}
     */
    public double[] extrapolated() {
      return extrapolated;
    }

    /**
     * The checkpoints of the extrapolated error history.
     *
     * @return the checkpoints of the extrapolated error history
     */
    public long[] historyIterations() {
      return historyIterations;
    }

    /**
     * {@code ‖2θ̄^{(α)}_k − θ̄^{(2α)}_k − θ*‖²} at the checkpoints (NaN before the burn-in ends).
     *
     * @return {@code ‖2θ̄^{(α)}_k − θ̄^{(2α)}_k − θ*‖²} at the checkpoints (NaN before the burn-in
     *     ends)
     */
    public double[] historyError() {
      return historyError;
    }

    /**
     * The combined status: {@link Status#COMPLETED} only when both runs completed, otherwise the
     * coarse or fine run's failure (the coarse step fails first).
     *
     * @return the status
     */
    public Status status() {
      return coarse.status() != Status.COMPLETED ? coarse.status() : fine.status();
    }
  }
}
