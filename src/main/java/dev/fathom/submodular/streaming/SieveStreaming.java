package dev.fathom.submodular.streaming;

import dev.fathom.core.Args;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sieve streaming for monotone f under {@code |S| <= k}: one pass over a stream of element ids,
 * {@code 1/2 - eps} of the optimum of the elements seen, with one of two acceptance {@link Rule
 * rules} on one of two guess {@link Grid grids} (this paragraph and the next describe the default
 * {@link Grid#WINDOW}).
 *
 * <p>Each sieve holds a guess {@code v} of the optimum. With {@code Delta} the largest singleton
 * value seen and {@code LB} the best sieve value so far, the live guesses are {@code v = 2k
 * (1+eps)^i} ({@link Rule#FIXED}) or {@code v = (1+eps)^i} ({@link Rule#ADAPTIVE}) with {@code
 * max(LB, Delta)/(1+eps) <= v <= 2k Delta}; sieve {@code S_v} takes an arriving element when it has
 * room and the element's gain is positive and at least {@code v/(2k)} (fixed) or {@code (v/2 -
 * f(S_v))/(k - |S_v|)} (adaptive). Sieves whose guess drops below {@code max(LB, Delta)/(1+eps)}
 * are freed, so at most {@code O(log(k)/eps)} sieves are live and they hold {@code O(k/eps)}
 * elements in total; the best selection of a freed sieve is kept, so {@link #result()} is the best
 * sieve ever held. Each sieve holds its own {@link SetFunction#copy() copy} of f. Not thread-safe.
 *
 * @since 1.0
 */
public final class SieveStreaming {
  /**
   * The smallest accepted {@code eps}: up to {@code ln(2k)/ln(1+eps)} sieves are live, each with
   * its own copy of the function, so a smaller eps would let the memory and work grow without
   * bound.
   */
  public static final double MIN_EPS = 1e-3;

  /** The acceptance rule of a sieve. */
  public enum Rule {
    /**
     * Sieve-streaming++ (Kazemi, Mitrovic, Zadimoghaddam, Lattanzi and Karbasi, ICML 2019): a fixed
     * threshold {@code tau = v/(2k)} per sieve.
     */
    FIXED,
    /**
     * The original Sieve-Streaming rule (Badanidiyuru, Mirzasoleiman, Karbasi and Krause, KDD
     * 2014), used by apricot: accept when the gain is at least {@code (v/2 - f(S_v))/(k - |S_v|)},
     * which falls as a sieve fills with valuable elements. The default: it selected 3-7 % more
     * value than {@link #FIXED} on facility-location streams and up to 2.5 % more on most
     * feature-based ones (see docs/submodular.md).
     */
    ADAPTIVE
  }

  /**
   * The most guesses {@link Grid#APRICOT} may hold: its grid grows with the range of the gains, so
   * a batch whose largest singleton gain would need more guesses (about {@code ln(1 + k
   * maxGain/unit) / ln(1 + eps)}) is refused before any work.
   */
  public static final int MAX_APRICOT_GUESSES = 1 << 14;

  /** The grid of guesses {@code v} of the optimum, one sieve per guess. */
  public enum Grid {
    /**
     * The default: {@code v = 2k (1+eps)^i} ({@link Rule#FIXED}) or {@code (1+eps)^i} ({@link
     * Rule#ADAPTIVE}) inside the window {@code max(LB, Delta)/(1+eps) <= v <= 2k Delta}, sieves
     * below the window freed. Scale-free (multiplying f by a constant multiplies the guesses and
     * changes nothing else), at most {@code log(2k(1+eps))/log(1+eps) + 2} sieves live, {@code 1/2
     * - eps} of the optimum for every stream order and every batching. The default: on
     * apricot-style streams (digits, facility location and feature-based, k 10 and 100) its value
     * was 0.992-1.021 times {@link #APRICOT}'s at eps 0.01 and 0.999-1.068 times at eps 0.1
     * (docs/submodular.md has the table), and it keeps its guarantee for every batching and unit.
     */
    WINDOW,
    /**
     * apricot's grid ({@code partial_fit} of its sieve optimizer; {@link SieveStreaming#apricot}),
     * for reproducing apricot's selections: in units of {@code f/unit}, the guesses {@code 1} and
     * {@code (1+eps)^j - 1} for {@code j = 1, 2, ...} up to {@code k M}, {@code M} the largest
     * singleton gain of the batches seen (over the start set; k counts the new elements), extended
     * before each {@link SieveStreaming#offerBatch(int...) batch} streams with that batch's largest
     * gain; no sieve is ever freed; an element is taken only when its gain is strictly above the
     * rule's bar; the result is the first sieve (in grid order) of largest value.
     *
     * <p>Memory: {@code 1 + floor(ln(1 + k M/unit) / ln(1 + eps))} sieves of at most k elements,
     * growing with the gain range and with {@code 1/unit} (at most {@link #MAX_APRICOT_GUESSES},
     * else the batch is refused). Unit dependence: unlike {@link #WINDOW} the grid is not
     * scale-free; the same f with another unit selects differently, and guesses below {@code 1} are
     * sparse ({@code eps, 2 eps + eps^2, ...}).
     *
     * <p>Guarantee (either rule, f monotone, OPT the optimum over the start set of the elements
     * seen): with one batch, {@code f(S) >= (OPT - eps unit) / (2 (1 + eps))}; with several, {@code
     * f(S) >= (OPT - 1.5 eps unit) / (3 (1 + eps))}, since a sieve created by a later batch missed
     * earlier elements whose singleton gains reach {@code v/k} instead of {@code v/(2k)}. No
     * guarantee when {@code OPT < eps unit}: every guess may then exceed OPT and the result can be
     * empty. Both bounds are tested against brute force.
     */
    APRICOT
  }

  private final SetFunction base;
  private final Rule rule;
  private final Grid grid;
  private final double unit;
  private final int k;
  private final int startSize;
  private final double startValue;
  private final double eps;
  private final double logBase;
  private final TreeMap<Integer, Sieve> sieves = new TreeMap<>();
  private final long before;
  private double delta;
  private double lowerBound;
  private double maxGain;
  private Selection retired;
  private int maxLive;
  private int maxStored;
  private long seen;

  /**
   * Creates an empty sieve with the {@link Rule#ADAPTIVE} rule.
   *
   * @param f a monotone function (copied, not changed); a non-empty current set is a start set
   *     ({@link SetFunction#startingFrom(int...)}): every sieve starts from it, it counts against
   *     k, its elements are not listed in the result, and the result's value is f of the whole set
   * @param k the budget on the whole set, more than f's current set
   * @param eps the threshold grid accuracy, in {@code [MIN_EPS, 1)}
   */
  public SieveStreaming(SetFunction f, int k, double eps) {
    this(f, k, eps, Rule.ADAPTIVE);
  }

  /**
   * Creates an empty sieve on the {@link Grid#WINDOW} grid.
   *
   * @param f a monotone function (copied, not changed); a non-empty current set is a start set
   *     ({@link SetFunction#startingFrom(int...)}): every sieve starts from it, it counts against
   *     k, its elements are not listed in the result, and the result's value is f of the whole set
   * @param k the budget on the whole set, more than f's current set
   * @param eps the threshold grid accuracy, in {@code [MIN_EPS, 1)}
   * @param rule the acceptance rule
   */
  public SieveStreaming(SetFunction f, int k, double eps, Rule rule) {
    this(f, k, eps, rule, Grid.WINDOW, 1);
  }

  /**
   * Creates an empty sieve on apricot's guess grid ({@link Grid#APRICOT}).
   *
   * @param f a monotone function (copied, not changed); a non-empty current set is a start set, as
   *     in {@link #SieveStreaming(SetFunction, int, double, Rule)}
   * @param k the budget on the whole set, more than f's current set
   * @param eps the threshold grid accuracy, in {@code [MIN_EPS, 1)}
   * @param rule the acceptance rule
   * @param unit finite and positive: the guesses are placed in units of {@code f/unit} (apricot's
   *     facility location is the mean over its reservoir of r rows: unit r; otherwise 1)
   * @return the sieve
   */
  public static SieveStreaming apricot(SetFunction f, int k, double eps, Rule rule, double unit) {
    return new SieveStreaming(f, k, eps, rule, Grid.APRICOT, unit);
  }

  private SieveStreaming(SetFunction f, int k, double eps, Rule rule, Grid grid, double unit) {
    Args.notNull("f", f);
    this.rule = Args.notNull("rule", rule);
    this.grid = Args.notNull("grid", grid);
    this.unit = Args.positive("unit", unit);

    if (!f.monotone()) {
      throw Args.fail("f.monotone()", false, "a monotone function");
    }
    Args.positive("k", k);
    if (k <= f.size()) {
      throw Args.fail("k", k, "more than the " + f.size() + " elements of f's current set");
    }
    this.startSize = f.size();
    this.startValue = f.value();
    this.k = k - startSize;
    this.eps = Args.inClosedOpenRange("eps", eps, MIN_EPS, 1);
    this.logBase = Math.log1p(eps);
    this.before = f.counter().calls();
    this.base = f.copy();
  }

  /**
   * The acceptance rule.
   *
   * @return the rule
   */
  public Rule rule() {
    return rule;
  }

  /**
   * The guess grid.
   *
   * @return the grid
   */
  public Grid grid() {
    return grid;
  }

  /**
   * Processes the next element of the stream (for {@link Grid#APRICOT}, a batch of one). One oracle
   * call for its singleton value plus one per live sieve with room.
   *
   * @param e an element id in {@code [0, n)}
   */
  public void offer(int e) {
    if (grid == Grid.APRICOT) {
      offerBatch(e);
    } else {
      offerToWindow(e);
    }
  }

  /**
   * Processes the next mini-batch of the stream, in order (apricot's {@code partial_fit}). On the
   * {@link Grid#WINDOW} grid this is {@link #offer(int)} for each element; on {@link Grid#APRICOT}
   * the batch's largest singleton gain extends the grid before the batch streams. One oracle call
   * per element for its singleton value plus one per live sieve with room.
   *
   * @param batch element ids in {@code [0, n)}, checked before any work
   */
  public void offerBatch(int... batch) {
    Args.notNull("batch", batch);
    for (int t = 0; t < batch.length; t++) {
      if (batch[t] < 0 || batch[t] >= base.groundSize()) {
        throw Args.fail(
            "batch[" + t + "]", batch[t], "an element id in [0, " + base.groundSize() + ")");
      }
    }
    if (grid == Grid.WINDOW) {
      for (int e : batch) {
        offerToWindow(e);
      }
      return;
    }
    double largest = 0;
    for (int e : batch) {
      largest = Math.max(largest, base.gain(e) / unit);
    }
    if (largest > maxGain) {
      double needed = Math.log1p(k * largest) / logBase;
      if (!(needed < MAX_APRICOT_GUESSES - 1)) {
        throw Args.fail(
            "batch's largest singleton gain / unit",
            largest,
            "at most "
                + Math.expm1((MAX_APRICOT_GUESSES - 2) * logBase) / k
                + " (the APRICOT grid holds at most "
                + MAX_APRICOT_GUESSES
                + " guesses: use a larger unit or eps)");
      }
      maxGain = largest;
      extendApricotGrid();
    }
    seen += batch.length;
    for (int e : batch) {
      for (Sieve s : sieves.values()) {
        int size = s.f.size() - startSize;
        if (size < k && !s.f.contains(e)) {
          double g = s.f.gain(e);
          if (acceptsStrictly(g / unit, s.v, gained(s) / unit, size)) {
            s.f.add(e);
            s.gains = append(s.gains, size + 1, g);
          }
        }
      }
    }
    maxLive = Math.max(maxLive, sieves.size());
    maxStored = Math.max(maxStored, storedElements());
  }

  /**
   * apricot's guesses in units of f/unit: 1, then {@code (1+eps)^j - 1} for {@code j >= 1} up to
   * {@code k maxGain}; sieve j holds guess j.
   */
  private void extendApricotGrid() {
    if (sieves.isEmpty()) {
      sieves.put(0, new Sieve(base.copy(), 1, 0));
    }
    for (int j = sieves.size();
        j < MAX_APRICOT_GUESSES && Math.pow(1 + eps, j) - 1 <= maxGain * k;
        j++) {
      double v = Math.pow(1 + eps, j) - 1;
      sieves.put(j, new Sieve(base.copy(), v, 0));
    }
  }

  /** apricot's acceptance, all in units of f/unit: a gain strictly above the rule's bar. */
  private boolean acceptsStrictly(double g, double v, double gained, int size) {
    double threshold = rule == Rule.FIXED ? v / (2.0 * k) : (v / 2 - gained) / (k - size);
    return g > threshold;
  }

  private void offerToWindow(int e) {
    double single = base.gain(e);
    seen++;
    delta = Math.max(delta, single);
    if (!(delta > 0)) {
      return;
    }
    double scale = scale(rule, k);
    int lo = lowestGuess(scale, lowerBound, delta, eps, logBase);
    int hi = highestGuess(scale, k, delta, logBase);
    for (Iterator<Map.Entry<Integer, Sieve>> it = sieves.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Integer, Sieve> en = it.next();
      if (en.getKey() < lo) {
        retire(en.getValue());
        it.remove();
      } else {
        break;
      }
    }
    for (int i = lo; i <= hi; i++) {
      Sieve s = sieves.get(i);
      if (s == null) {
        double power = Math.pow(1 + eps, i);
        s = new Sieve(base.copy(), scale * power, power);
        sieves.put(i, s);
      }
      int size = s.f.size() - startSize;
      if (size < k && !s.f.contains(e)) {
        double g = s.f.gain(e);
        if (accepts(rule, g, s.v, s.unit, gained(s), k, size)) {
          s.f.add(e);
          s.gains = append(s.gains, size + 1, g);
          lowerBound = Math.max(lowerBound, gained(s));
        }
      }
    }
    maxLive = Math.max(maxLive, sieves.size());
    maxStored = Math.max(maxStored, storedElements());
  }

  /** The guesses are {@code v = scale (1+eps)^i}: scale 2k for the fixed rule, 1 for adaptive. */
  static double scale(Rule rule, int k) {
    return rule == Rule.FIXED ? 2.0 * k : 1.0;
  }

  /** The lowest live guess index: {@code v >= max(LB, Delta)/(1+eps)}. */
  static int lowestGuess(
      double scale, double lowerBound, double delta, double eps, double logBase) {
    double vMin = Math.max(lowerBound, delta) / (1 + eps);
    return (int) Math.ceil(Math.log(vMin / scale) / logBase);
  }

  /** The highest live guess index: {@code v <= 2k Delta}. */
  static int highestGuess(double scale, int k, double delta, double logBase) {
    return (int) Math.floor(Math.log(2.0 * k * delta / scale) / logBase);
  }

  /**
   * Whether a sieve with guess {@code v} (grid unit {@code unit = v / scale}), value {@code gained}
   * over the start set and {@code size < k} new elements takes an element of gain {@code g}.
   */
  static boolean accepts(
      Rule rule, double g, double v, double unit, double gained, int k, int size) {
    double threshold = rule == Rule.FIXED ? unit : (v / 2 - gained) / (k - size);
    return g >= threshold && g > 0;
  }

  private void retire(Sieve s) {
    if (s.f.size() > startSize && (retired == null || s.f.value() > retired.value())) {
      retired = selection(s, 0);
    }
  }

  /** The value a sieve gained over the start set. */
  private double gained(Sieve s) {
    return s.f.value() - startValue;
  }

  /** A sieve's new elements, their gains, and f of the whole set. */
  private Selection selection(Sieve s, long calls) {
    int[] all = s.f.selection();
    int[] added = Arrays.copyOfRange(all, startSize, all.length);
    return new Selection(added, Arrays.copyOf(s.gains, added.length), s.f.value(), calls);
  }

  /**
   * The best selection a sieve held so far (live or freed): its new elements, their gains, and f of
   * the whole set (start set included).
   *
   * @return the selection (no elements before any element with a positive gain arrived)
   */
  public Selection result() {
    Sieve best = null;
    for (Sieve s : sieves.values()) {
      if (best == null || s.f.value() > best.f.value()) {
        best = s;
      }
    }
    long calls = base.counter().calls() - before;
    if (retired != null && (best == null || retired.value() > best.f.value())) {
      return new Selection(retired.elements(), retired.gains(), retired.value(), calls);
    }
    if (best == null) {
      return new Selection(new int[0], new double[0], startValue, calls);
    }
    return selection(best, calls);
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
   * The largest number of sieves live at once so far.
   *
   * @return the count
   */
  public int maxLiveSieves() {
    return maxLive;
  }

  /**
   * The number of elements held over all live sieves.
   *
   * @return the count
   */
  public int storedElements() {
    int t = 0;
    for (Sieve s : sieves.values()) {
      t += s.f.size() - startSize;
    }
    return t;
  }

  /**
   * The largest number of elements held at once so far.
   *
   * @return the count
   */
  public int maxStoredElements() {
    return maxStored;
  }

  /**
   * The number of elements offered so far.
   *
   * @return the count
   */
  public long seen() {
    return seen;
  }

  private static double[] append(double[] a, int size, double g) {
    double[] out = size > a.length ? Arrays.copyOf(a, Math.max(4, 2 * a.length)) : a;
    out[size - 1] = g;
    return out;
  }

  private static final class Sieve {
    final SetFunction f;
    final double v;
    final double unit;
    double[] gains = new double[4];

    Sieve(SetFunction f, double v, double unit) {
      this.f = f;
      this.v = v;
      this.unit = unit;
    }
  }
}
