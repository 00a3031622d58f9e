package dev.fathom.submodular.streaming;

import dev.fathom.core.Args;
import dev.fathom.submodular.streaming.SieveStreaming.Rule;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sieve streaming over feature rows not seen in advance, fed in mini-batches (apricot's {@code
 * partial_fit}): the same sieves, guesses and acceptance {@link Rule rules} as {@link
 * SieveStreaming}, but each sieve holds a {@link PointObjective.State} and the rows it took instead
 * of a set function over a fixed ground set. {@code f(S) >= (1/2 - eps) OPT} of the rows seen so
 * far, for either rule.
 *
 * <p>Memory is bounded independently of the stream's length: at most {@link #maxSieves(int,
 * double)} sieves are live (the guesses between {@code max(LB, Delta)/(1+eps)} and {@code 2k
 * Delta}), each with at most k rows and one state ({@code d} doubles for feature-based, {@code |R|}
 * for facility location against a reference sample R), plus the best freed sieve's at most k rows;
 * a row taken by several sieves is stored once. Oracle calls: one per row for its singleton value
 * plus one per live sieve with room. Not thread-safe.
 *
 * @since 1.0
 */
public final class PointSieve {
  private final PointObjective objective;
  private final PointObjective.State emptyState;
  private final Rule rule;
  private final int k;
  private final double eps;
  private final double logBase;
  private final TreeMap<Integer, Sieve> sieves = new TreeMap<>();
  private double delta;
  private double lowerBound;
  private Sieve retired;
  private int maxLive;
  private int maxStored;
  private long seen;
  private long calls;

  /**
   * Creates an empty sieve with the {@link Rule#ADAPTIVE} rule.
   *
   * @param objective the function of the rows
   * @param k the budget, at least 1
   * @param eps the guess grid accuracy, in {@code [SieveStreaming.MIN_EPS, 1)}
   */
  public PointSieve(PointObjective objective, int k, double eps) {
    this(objective, k, eps, Rule.ADAPTIVE);
  }

  /**
   * Creates an empty sieve.
   *
   * @param objective the function of the rows
   * @param k the budget, at least 1
   * @param eps the guess grid accuracy, in {@code [SieveStreaming.MIN_EPS, 1)}
   * @param rule the acceptance rule
   */
  public PointSieve(PointObjective objective, int k, double eps, Rule rule) {
    this.objective = Args.notNull("objective", objective);
    this.rule = Args.notNull("rule", rule);
    this.k = Args.positive("k", k);
    this.eps = Args.inClosedOpenRange("eps", eps, SieveStreaming.MIN_EPS, 1);
    this.logBase = Math.log1p(eps);
    this.emptyState = objective.empty();
  }

  /**
   * The largest number of sieves that can be live at once for {@code k} and {@code eps}: {@code
   * floor(ln(2k)/ln(1+eps)) + 2}.
   *
   * @param k the budget, at least 1
   * @param eps the accuracy, in {@code [SieveStreaming.MIN_EPS, 1)}
   * @return the bound
   */
  public static int maxSieves(int k, double eps) {
    Args.positive("k", k);
    Args.inClosedOpenRange("eps", eps, SieveStreaming.MIN_EPS, 1);
    return (int) Math.floor(Math.log(2.0 * k) / Math.log1p(eps)) + 2;
  }

  /**
   * Processes a mini-batch of rows in order. Every row is checked against the objective's domain
   * before any is processed; rows are copied when a sieve takes them.
   *
   * @param batch rows of the objective's dimension (may be empty)
   */
  public void partialFit(double[][] batch) {
    Args.notNull("batch", batch);
    for (int i = 0; i < batch.length; i++) {
      objective.check("batch[" + i + "]", batch[i]);
    }
    for (double[] row : batch) {
      offer(row);
    }
  }

  private void offer(double[] x) {
    long position = seen++;
    double single = emptyState.gain(x);
    calls++;
    delta = Math.max(delta, single);
    if (!(delta > 0)) {
      return;
    }
    double scale = SieveStreaming.scale(rule, k);
    int lo = SieveStreaming.lowestGuess(scale, lowerBound, delta, eps, logBase);
    int hi = SieveStreaming.highestGuess(scale, k, delta, logBase);
    for (Iterator<Map.Entry<Integer, Sieve>> it = sieves.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Integer, Sieve> en = it.next();
      if (en.getKey() >= lo) {
        break;
      }
      Sieve s = en.getValue();
      if (s.size > 0 && (retired == null || s.value > retired.value)) {
        retired = s;
      }
      it.remove();
    }
    double[] copy = null;
    for (int i = lo; i <= hi; i++) {
      Sieve s = sieves.get(i);
      if (s == null) {
        double unit = Math.pow(1 + eps, i);
        s = new Sieve(objective.empty(), scale * unit, unit, k);
        sieves.put(i, s);
      }
      if (s.size < k) {
        double g = s.state.gain(x);
        calls++;
        if (SieveStreaming.accepts(rule, g, s.v, s.unit, s.value, k, s.size)) {
          if (copy == null) {
            copy = x.clone();
          }
          s.take(copy, position, g);
          lowerBound = Math.max(lowerBound, s.value);
        }
      }
    }
    maxLive = Math.max(maxLive, sieves.size());
    maxStored = Math.max(maxStored, storedRows());
  }

  private Sieve best() {
    Sieve best = retired;
    for (Sieve s : sieves.values()) {
      if (best == null || s.value > best.value) {
        best = s;
      }
    }
    return best;
  }

  /**
   * The rows of the best sieve so far (live or freed), in the order taken.
   *
   * @return new copies of the rows (none before a row with a positive value arrived)
   */
  public double[][] selectedRows() {
    Sieve b = best();
    if (b == null) {
      return new double[0][];
    }
    double[][] out = new double[b.size][];
    for (int t = 0; t < b.size; t++) {
      out[t] = b.rows[t].clone();
    }
    return out;
  }

  /**
   * The stream positions (0-based, over all batches) of {@link #selectedRows()}.
   *
   * @return a new array
   */
  public long[] selectedPositions() {
    Sieve b = best();
    return b == null ? new long[0] : Arrays.copyOf(b.positions, b.size);
  }

  /**
   * The gain of each selected row when its sieve took it.
   *
   * @return a new array
   */
  public double[] gains() {
    Sieve b = best();
    return b == null ? new double[0] : Arrays.copyOf(b.gains, b.size);
  }

  /**
   * f of the selected rows.
   *
   * @return the value
   */
  public double value() {
    Sieve b = best();
    return b == null ? 0 : b.value;
  }

  /**
   * The number of rows offered so far.
   *
   * @return the count
   */
  public long seen() {
    return seen;
  }

  /**
   * The gain evaluations spent so far.
   *
   * @return the count
   */
  public long oracleCalls() {
    return calls;
  }

  /**
   * The number of live sieves.
   *
   * @return the count
   */
  public int liveSieves() {
    return sieves.size();
  }

  /**
   * The largest number of sieves live at once so far (at most {@link #maxSieves(int, double)}).
   *
   * @return the count
   */
  public int maxLiveSieves() {
    return maxLive;
  }

  /**
   * The number of rows held over all live sieves (a row taken by several counts for each).
   *
   * @return the count
   */
  public int storedRows() {
    int t = 0;
    for (Sieve s : sieves.values()) {
      t += s.size;
    }
    return t;
  }

  /**
   * The largest {@link #storedRows()} so far.
   *
   * @return the count
   */
  public int maxStoredRows() {
    return maxStored;
  }

  private static final class Sieve {
    final PointObjective.State state;
    final double v;
    final double unit;
    final double[][] rows;
    final long[] positions;
    final double[] gains;
    int size;
    double value;

    Sieve(PointObjective.State state, double v, double unit, int k) {
      this.state = state;
      this.v = v;
      this.unit = unit;
      this.rows = new double[k][];
      this.positions = new long[k];
      this.gains = new double[k];
    }

    void take(double[] x, long position, double g) {
      state.add(x);
      rows[size] = x;
      positions[size] = position;
      gains[size++] = g;
      value += g;
    }
  }
}
