package dev.fathom.coreset;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.core.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * AutoCoreset (Maalouf, Tukan, Braverman, Rus, ICML 2023): a coreset built from the data, a
 * per-point loss and a fit routine alone, with no problem-specific sensitivity bound.
 *
 * <ol>
 *   <li>Draw {@code initialQueries} uniform samples of {@code size} draws, fit each, and store each
 *       solution's per-point loss vector as a column of the loss matrix {@code M} ({@code n x
 *       columns}).
 *   <li>Repeat: summarize the rows of {@code M} (each column scaled to sum 1) with the {@link
 *       VectorSummarizer} (a weighted subset whose weighted row sum approximates the total loss of
 *       every query seen so far), fit on that coreset, append the solution's loss vector to {@code
 *       M}.
 *   <li>Stop after {@code patience} consecutive iterations without a new best full loss, when the
 *       summary would exceed {@code size} points (Carathéodory needs {@code columns + 1}), or at
 *       {@code maxIterations}.
 * </ol>
 *
 * The result is the candidate (initial samples included) whose fitted solution has the smallest
 * full loss; every candidate's full loss is known because it is the column sum of {@code M}.
 *
 * <p>Not thread-safe to share while running; independent instances are fine.
 *
 * @param <Q> the query type
 * @since 1.0
 */
public final class AutoCoreset<Q> {
  private final PointLoss<Q> loss;
  private final Fitter<Q> fitter;
  private final Options options;

  /**
   * AutoCoreset's settings: start from {@link #defaults(int)} and change one setting at a time with
   * the {@code with...} methods (no positional constructor, so two counts cannot be swapped).
   * Immutable.
   */
  public static final class Options {
    private final int size;
    private final VectorSummarizer summarizer;
    private final int initialQueries;
    private final int patience;
    private final int maxIterations;

    private Options(
        int size,
        VectorSummarizer summarizer,
        int initialQueries,
        int patience,
        int maxIterations) {
      this.size = Args.positive("size", size);
      this.summarizer = Args.notNull("summarizer", summarizer);
      this.initialQueries = Args.positive("initialQueries", initialQueries);
      this.patience = Args.positive("patience", patience);
      this.maxIterations = Args.nonNegative("maxIterations", maxIterations);
    }

    /**
     * The paper code's defaults: Carathéodory, 3 initial queries, patience 5, and at most 200
     * iterations.
     *
     * @param size the coreset size budget {@code m}, positive
     * @return the options
     */
    public static Options defaults(int size) {
      return new Options(size, VectorSummarizer.caratheodory(), 3, 5, 200);
    }

    /**
     * The same settings with another summarizer.
     *
     * @param newSummarizer the vector summarizer, non-null
     * @return new options
     */
    public Options withSummarizer(VectorSummarizer newSummarizer) {
      return new Options(size, newSummarizer, initialQueries, patience, maxIterations);
    }

    /**
     * The same settings with another number of initial uniform samples.
     *
     * @param newInitialQueries the number of initial samples, positive (3 in the paper's code)
     * @return new options
     */
    public Options withInitialQueries(int newInitialQueries) {
      return new Options(size, summarizer, newInitialQueries, patience, maxIterations);
    }

    /**
     * The same settings with another patience.
     *
     * @param newPatience the number of non-improving iterations tolerated, positive (5 in the code)
     * @return new options
     */
    public Options withPatience(int newPatience) {
      return new Options(size, summarizer, initialQueries, newPatience, maxIterations);
    }

    /**
     * The same settings with another iteration limit.
     *
     * @param newMaxIterations the iteration limit of the loop, non-negative
     * @return new options
     */
    public Options withMaxIterations(int newMaxIterations) {
      return new Options(size, summarizer, initialQueries, patience, newMaxIterations);
    }

    /**
     * The coreset size budget {@code m}.
     *
     * @return the size
     */
    public int size() {
      return size;
    }

    /**
     * The vector summarizer.
     *
     * @return the summarizer
     */
    public VectorSummarizer summarizer() {
      return summarizer;
    }

    /**
     * The number of initial uniform samples.
     *
     * @return the count
     */
    public int initialQueries() {
      return initialQueries;
    }

    /**
     * The number of non-improving iterations tolerated.
     *
     * @return the patience
     */
    public int patience() {
      return patience;
    }

    /**
     * The iteration limit of the loop.
     *
     * @return the limit
     */
    public int maxIterations() {
      return maxIterations;
    }
  }

  /**
   * What AutoCoreset built.
   *
   * @param <Q> the query type
   */
  public static final class Result<Q> {
    private final Coreset coreset;
    private final Q solution;
    private final double loss;
    private final int queries;
    private final int iterations;
    private final Status status;

    Result(Coreset coreset, Q solution, double loss, int queries, int iterations, Status status) {
      this.coreset = coreset;
      this.solution = solution;
      this.loss = loss;
      this.queries = queries;
      this.iterations = iterations;
      this.status = status;
    }

    /**
     * The best coreset (at most {@code size} points).
     *
     * @return the best coreset (at most {@code size} points)
     */
    public Coreset coreset() {
      return coreset;
    }

    /**
     * The solution fitted on the coreset.
     *
     * @return the solution fitted on the coreset
     */
    public Q solution() {
      return solution;
    }

    /**
     * The full loss of that solution.
     *
     * @return the full loss of that solution
     */
    public double loss() {
      return loss;
    }

    /**
     * The number of loss vectors computed (columns of the loss matrix).
     *
     * @return the number of loss vectors computed (columns of the loss matrix)
     */
    public int queries() {
      return queries;
    }

    /**
     * The number of loop iterations run.
     *
     * @return the number of loop iterations run
     */
    public int iterations() {
      return iterations;
    }

    /**
     * Why the loop ended: {@link Status#CONVERGED} after {@code patience} iterations without a
     * better full loss, {@link Status#MAX_ITERATIONS} at the iteration limit, {@link
     * Status#STALLED} when the next summary would exceed {@code size} points (the loss matrix has
     * more columns than the summarizer can represent with {@code size} points).
     *
     * @return why the loop ended: {@link Status#CONVERGED} after {@code patience} iterations
     *     without a better full loss, {@link Status#MAX_ITERATIONS} at the iteration limit, {@link
     *     Status#STALLED} when the next summary would exceed {@code size} points (the loss matrix
     *     has more columns than the summarizer can represent with {@code size} points)
     */
    public Status status() {
      return status;
    }
  }

  /**
   * Creates AutoCoreset for a loss and its fit routine.
   *
   * @param loss the per-point loss over the data
   * @param fitter the fit routine on weighted subsets of the same data
   * @param options the settings; {@code size} must not exceed {@code loss.size()}
   */
  public AutoCoreset(PointLoss<Q> loss, Fitter<Q> fitter, Options options) {
    this.loss = Args.notNull("loss", loss);
    this.fitter = Args.notNull("fitter", fitter);
    this.options = Args.notNull("options", options);
    SensitivitySampling.checkSize(options.size(), loss.size());
  }

  /**
   * As {@link #build(RandomGenerator)} with the generator {@code Rng.create(seed)}.
   *
   * @param seed the seed of the uniform samples and of the summarizer
   * @return the best coreset and its diagnostics
   */
  public Result<Q> build(long seed) {
    return build(Rng.create(seed));
  }

  /**
   * Runs the construction.
   *
   * @param rng the source of randomness
   * @return the best coreset and its diagnostics
   */
  public Result<Q> build(RandomGenerator rng) {
    Args.notNull("rng", rng);
    int n = loss.size();
    int m = options.size();
    List<double[]> columns = new ArrayList<>();
    Best best = new Best();
    for (int t = 0; t < options.initialQueries(); t++) {
      best.consider(SensitivitySampling.uniform(n, m, rng.nextLong()), columns);
    }
    int stale = 0;
    int it = 0;
    Status status = Status.MAX_ITERATIONS;
    while (it < options.maxIterations()) {
      if (stale >= options.patience()) {
        status = Status.CONVERGED;
        break;
      }
      double[][] rows = new double[n][columns.size()];
      for (int q = 0; q < columns.size(); q++) {
        // each query's losses scaled to sum 1: the summary then weighs every query alike, and the
        // SVD of Carathéodory is not dominated by the worst solution's losses
        double[] col = columns.get(q);
        double total = 0;
        for (double v : col) {
          total += v;
        }
        double scale = total > 0 ? 1 / total : 1;
        for (int i = 0; i < n; i++) {
          rows[i][q] = col[i] * scale;
        }
      }
      Coreset c = options.summarizer().summarize(rows, m, rng.nextLong());
      if (c.size() > m) {
        status = Status.STALLED;
        break;
      }
      it++;
      stale = best.consider(c, columns) ? 0 : stale + 1;
    }
    if (status == Status.MAX_ITERATIONS && stale >= options.patience()) {
      status = Status.CONVERGED;
    }
    return new Result<>(best.coreset, best.query, best.loss, columns.size(), it, status);
  }

  /** The best candidate so far. */
  private final class Best {
    Coreset coreset;
    Q query;
    double loss = Double.POSITIVE_INFINITY;

    /** Fits on c, appends the loss column, and reports whether c is the new best. */
    boolean consider(Coreset c, List<double[]> columns) {
      Q q = fitter.fit(c);
      double[] col = AutoCoreset.this.loss.losses(q);
      columns.add(col);
      double f = 0;
      for (double v : col) {
        f += v;
      }
      if (f < loss) {
        loss = f;
        coreset = c;
        query = q;
        return true;
      }
      return false;
    }
  }
}
