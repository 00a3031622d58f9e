package dev.fathom.submodular.streaming;

import dev.fathom.core.Args;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sieve-streaming++ (Kazemi, Mitrovic, Zadimoghaddam, Lattanzi and Karbasi, ICML 2019) for monotone
 * f under {@code |S| <= k}: one pass over a stream of element ids, {@code 1/2 - eps} of the optimum
 * of the elements seen.
 *
 * <p>With {@code Delta} the largest singleton value seen and {@code LB} the best sieve value so
 * far, the live thresholds are {@code tau = (1+eps)^i} with {@code max(LB, Delta)/(2k(1+eps)) <=
 * tau <= Delta}; sieve {@code S_tau} takes an arriving element when it has room and the element's
 * gain is at least {@code tau}. Sieves whose threshold drops below {@code max(LB, Delta)/(2k)} are
 * freed, so at most {@code O(log(k)/eps)} sieves are live and they hold {@code O(k/eps)} elements
 * in total. Each sieve holds its own {@link SetFunction#copy() copy} of f. Not thread-safe.
 */
public final class SieveStreaming {
  /**
   * The smallest accepted {@code eps}: up to {@code ln(2k)/ln(1+eps)} sieves are live, each with
   * its own copy of the function, so a smaller eps would let the memory and work grow without
   * bound.
   */
  public static final double MIN_EPS = 1e-3;

  private final SetFunction base;
  private final int k;
  private final double eps;
  private final double logBase;
  private final TreeMap<Integer, Sieve> sieves = new TreeMap<>();
  private final long before;
  private double delta;
  private double lowerBound;
  private int maxLive;
  private int maxStored;
  private long seen;

  /**
   * Creates an empty sieve.
   *
   * @param f a monotone function with an empty current set (copied, not changed)
   * @param k the budget, at least 1
   * @param eps the threshold grid accuracy, in {@code [MIN_EPS, 1)}
   */
  public SieveStreaming(SetFunction f, int k, double eps) {
    Args.notNull("f", f);
    if (f.size() != 0) {
      throw Args.fail("f.size()", f.size(), "0 (an empty current set)");
    }
    if (!f.monotone()) {
      throw Args.fail("f.monotone()", false, "a monotone function");
    }
    this.k = Args.positive("k", k);
    this.eps = Args.inClosedOpenRange("eps", eps, MIN_EPS, 1);
    this.logBase = Math.log1p(eps);
    this.before = f.counter().calls();
    this.base = f.copy();
  }

  /**
   * Processes the next element of the stream. One oracle call for its singleton value plus one per
   * live sieve with room.
   *
   * @param e an element id in {@code [0, n)}
   */
  public void offer(int e) {
    double single = base.gain(e);
    seen++;
    delta = Math.max(delta, single);
    if (!(delta > 0)) {
      return;
    }
    double tauMin = Math.max(lowerBound, delta) / (2.0 * k);
    int lo = (int) Math.ceil(Math.log(tauMin / (1 + eps)) / logBase);
    int hi = (int) Math.floor(Math.log(delta) / logBase);
    for (Iterator<Map.Entry<Integer, Sieve>> it = sieves.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Integer, Sieve> en = it.next();
      if (en.getKey() < lo) {
        it.remove();
      } else {
        break;
      }
    }
    for (int i = lo; i <= hi; i++) {
      Sieve s = sieves.get(i);
      if (s == null) {
        s = new Sieve(base.copy(), Math.pow(1 + eps, i));
        sieves.put(i, s);
      }
      if (s.f.size() < k && !s.f.contains(e)) {
        double g = s.f.gain(e);
        if (g >= s.tau && g > 0) {
          s.f.add(e);
          s.gains = append(s.gains, s.f.size(), g);
          lowerBound = Math.max(lowerBound, s.f.value());
        }
      }
    }
    maxLive = Math.max(maxLive, sieves.size());
    maxStored = Math.max(maxStored, storedElements());
  }

  /**
   * The best sieve's selection so far.
   *
   * @return the selection (empty before any element with a positive value arrived)
   */
  public Selection result() {
    Sieve best = null;
    for (Sieve s : sieves.values()) {
      if (best == null || s.f.value() > best.f.value()) {
        best = s;
      }
    }
    long calls = base.counter().calls() - before;
    if (best == null) {
      return new Selection(new int[0], new double[0], 0, calls);
    }
    return new Selection(
        best.f.selection(), Arrays.copyOf(best.gains, best.f.size()), best.f.value(), calls);
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
      t += s.f.size();
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
    final double tau;
    double[] gains = new double[4];

    Sieve(SetFunction f, double tau) {
      this.f = f;
      this.tau = tau;
    }
  }
}
