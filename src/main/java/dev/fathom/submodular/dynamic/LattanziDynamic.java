package dev.fathom.submodular.dynamic;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.submodular.SetFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The level algorithm of Lattanzi, Mitrovic, Norouzi-Fard, Tarnawski and Zadimoghaddam (NeurIPS
 * 2020, "the simple algorithm from Section 3", as in the authors' reference code) for fully dynamic
 * maximization under {@code |S| <= k}; kept as the comparison for {@link BanihashemDynamic}, whose
 * authors point out gaps in this algorithm's query-complexity analysis.
 *
 * <p>One instance per guess {@code gamma} of the optimum, threshold {@code tau = gamma/(2k)},
 * levels {@code l = 0..T} with {@code T = ceil(log2 n)}, each with a candidate pool {@code A_l},
 * picks {@code S_l} and an insertion buffer {@code B_l}. An insertion with singleton value at least
 * tau joins every buffer and rebuilds from the lowest level l whose buffer holds at least {@code
 * 2^(T-l)} elements; a deletion of a pick rebuilds from the lowest affected level only when f of
 * the remaining picks falls below {@code (1-eps) gamma/2}. Building from level l0 pools {@code
 * B_l0} and {@code A_l0}, filters it to gain at least tau against the lower picks, and at each
 * level adds uniformly random pool elements (refiltering after each) while the pool holds at least
 * {@code 2^(T-l)} elements. Not thread-safe.
 *
 * @since 1.0
 */
public final class LattanziDynamic extends GuessedDynamic {
  /**
   * The smallest accepted {@code eps}: the {@code (1+eps)} grid of guesses of the optimum has about
   * {@code ln(range)/eps} entries, each an instance with its own levels, so a smaller eps would let
   * the memory and work grow without bound.
   */
  public static final double MIN_EPS = 1e-3;

  private final double eps;
  private final RandomGenerator rng;
  private final int levels;
  private final IntSet scratch;
  private long clock;
  private final long[] insertedAt;

  /**
   * Creates the structure as {@link #LattanziDynamic(SetFunction, int, double, RandomGenerator)}
   * with the generator {@code Rng.create(seed)}.
   *
   * @param f a monotone function with an empty current set (copied)
   * @param k the cardinality budget, at least 1
   * @param eps the accuracy, in {@code [MIN_EPS, 1)}
   * @param seed the random seed
   */
  public LattanziDynamic(SetFunction f, int k, double eps, long seed) {
    this(f, k, eps, Rng.create(seed));
  }

  /**
   * Creates the structure over an empty live set. Set-up evaluates every singleton once to fix the
   * range of guesses (not counted in {@link #oracleCalls()}).
   *
   * @param f a monotone function with an empty current set (copied)
   * @param k the cardinality budget, at least 1
   * @param eps the accuracy, in {@code [MIN_EPS, 1)}
   * @param rng the source of randomness
   */
  public LattanziDynamic(SetFunction f, int k, double eps, RandomGenerator rng) {
    super(f, k);
    Args.notNull("rng", rng);
    this.eps = Args.inClosedOpenRange("eps", eps, MIN_EPS, 1);
    this.rng = rng;
    this.levels = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    this.scratch = new IntSet(n);
    this.insertedAt = new long[n];
    double[] g = guesses(this.f, k, eps);
    for (double gamma : g) {
      instances.add(new Instance(gamma));
    }
    endSetup();
  }

  @Override
  void beforeInsert(int e) {
    insertedAt[e] = ++clock;
  }

  private final class Instance implements Guess {
    final double gamma;
    final double tau;
    final List<List<Integer>> picks = new ArrayList<>();

    /** pickLevel[e] = the level of pick e, or -1. */
    final int[] pickLevel = new int[n];

    /** e is in A_l for aLo[e] <= l <= aHi[e] (an empty interval when aHi < aLo). */
    final int[] aLo = new int[n];

    final int[] aHi = new int[n];

    /** aList.get(l) holds every member of A_l, plus stale entries that fail the interval test. */
    final List<List<Integer>> aList = new ArrayList<>();

    /** Buffered elements in insertion order (may hold stale entries). */
    final List<Integer> buffer = new ArrayList<>();

    final boolean[] buffered = new boolean[n];
    final int[] bufferCount = new int[levels + 1];
    final long[] lastClear = new long[levels + 1];
    int size;
    double value;
    int lowestDeleted = Integer.MAX_VALUE;

    Instance(double gamma) {
      this.gamma = gamma;
      this.tau = gamma / (2.0 * k);
      Arrays.fill(pickLevel, -1);
      Arrays.fill(aLo, Integer.MAX_VALUE);
      Arrays.fill(aHi, -1);
      for (int l = 0; l <= levels; l++) {
        picks.add(new ArrayList<>());
        aList.add(new ArrayList<>());
      }
    }

    @Override
    public double gamma() {
      return gamma;
    }

    @Override
    public double tau() {
      return tau;
    }

    @Override
    public double value() {
      return value;
    }

    @Override
    public int[] solution() {
      int[] s = new int[size];
      int t = 0;
      for (List<Integer> p : picks) {
        for (int e : p) {
          s[t++] = e;
        }
      }
      return s;
    }

    @Override
    public void insert(int e, double single) {
      buffer.add(e);
      buffered[e] = true;
      for (int l = 0; l <= levels; l++) {
        bufferCount[l]++;
      }
      if (size >= k) {
        return;
      }
      for (int l = 0; l <= levels; l++) {
        if (bufferCount[l] >= 1L << (levels - l)) {
          construct(l);
          return;
        }
      }
    }

    @Override
    public void delete(int e) {
      if (buffered[e]) {
        buffered[e] = false;
        for (int l = 0; l <= levels; l++) {
          if (lastClear[l] < insertedAt[e]) {
            bufferCount[l]--;
          }
        }
      }
      aLo[e] = Integer.MAX_VALUE;
      aHi[e] = -1;
      int l = pickLevel[e];
      if (l < 0) {
        return;
      }
      picks.get(l).remove(Integer.valueOf(e));
      pickLevel[e] = -1;
      size--;
      lowestDeleted = Math.min(lowestDeleted, l);
      value = size == 0 ? 0 : f.evaluate(solution());
      if (value < (1 - eps) * gamma / 2) {
        construct(lowestDeleted);
      }
    }

    void construct(int l0) {
      lowestDeleted = Integer.MAX_VALUE;
      SetFunction state = f.copy();
      state.reset();
      for (int l = 0; l < l0; l++) {
        for (int p : picks.get(l)) {
          state.add(p);
        }
      }
      IntSet pool = scratch;
      pool.clear();
      for (int t = buffer.size() - 1; t >= 0; t--) {
        int e = buffer.get(t);
        if (insertedAt[e] <= lastClear[l0]) {
          break;
        }
        if (buffered[e] && live.contains(e)) {
          pool.add(e);
        }
      }
      for (int l = l0; l <= levels; l++) {
        for (int e : aList.get(l)) {
          if (aLo[e] <= l && l <= aHi[e] && live.contains(e)) {
            if (l == l0) {
              pool.add(e);
            }
            aHi[e] = l0 - 1;
          }
        }
        aList.get(l).clear();
      }
      for (int l = l0; l <= levels; l++) {
        for (int p : picks.get(l)) {
          pickLevel[p] = -1;
          size--;
        }
        picks.get(l).clear();
        bufferCount[l] = 0;
        lastClear[l] = clock;
      }
      if (l0 == 0) {
        for (int e : buffer) {
          buffered[e] = false;
        }
        buffer.clear();
      }
      filter(state, pool);
      for (int l = l0; l <= levels && size < k; l++) {
        for (int t = 0; t < pool.size(); t++) {
          int e = pool.get(t);
          if (aHi[e] < aLo[e]) {
            aLo[e] = l;
          }
          aLo[e] = Math.min(aLo[e], l);
          aHi[e] = l;
          aList.get(l).add(e);
        }
        while (pool.size() >= 1L << (levels - l) && size < k) {
          int e = pool.sample(rng);
          pool.remove(e);
          state.add(e);
          picks.get(l).add(e);
          pickLevel[e] = l;
          size++;
          filter(state, pool);
        }
      }
      value = state.value();
    }

    private void filter(SetFunction state, IntSet pool) {
      for (int t = pool.size() - 1; t >= 0; t--) {
        int x = pool.get(t);
        if (state.gain(x) < tau) {
          pool.remove(x);
        }
      }
    }
  }
}
