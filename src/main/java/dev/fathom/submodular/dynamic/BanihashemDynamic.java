package dev.fathom.submodular.dynamic;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.submodular.SetFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Fully dynamic {@code (1/2 - eps)}-approximate maximization under {@code |S| <= k} with threshold
 * levels built by uniform sampling, in the shape of Banihashem, Biabani, Goudarzi, Hajiaghayi,
 * Jabbarzade and Monemizadeh (ICML 2023). <b>Experimental</b>: the level rules and constants below
 * are this library's, not confirmed against the paper's text (see docs/submodular.md). Kept as a
 * comparison; {@link ThresholdLevelsDynamic} is the cardinality structure with a proven cost bound.
 *
 * <p>One instance per guess {@code gamma} of the optimum (a {@code (1+eps)} grid), with threshold
 * {@code tau = gamma / (2k)}. Level i keeps a candidate set {@code R_i} (live elements whose gain
 * against the picks {@code G_0..G_{i-1}} of the lower levels is at least tau) and its picks {@code
 * G_i}. Building level i repeatedly draws a uniformly random candidate not yet drawn, picks it if
 * its gain against all picks so far is at least tau and discards it otherwise (its gain can only
 * fall); when at most half of {@code R_i} is left undrawn, the rest become {@code R_{i+1}}, so
 * there are {@code O(log n)} levels and a build of level i costs at most {@code |R_i|} oracle
 * calls. An update that touches {@code R_i} (an insertion passing the filters up to level i, found
 * by binary search over the levels since gains only fall with the level, or a deletion of a
 * candidate) increments a counter, and level i and all above are rebuilt when the counter exceeds
 * {@code eps |R_i|}, or at once when a pick of level i is deleted. Inserted elements that pass
 * every level are picked while there is room.
 *
 * <p>Invariant after every update, for every instance: either it holds k picks, each of gain at
 * least tau when picked (so {@code f(G) >= gamma/2}), or every live element outside G has gain
 * below tau against G (so {@code f(G) >= OPT - gamma/2}). The instance with {@code gamma <= OPT <=
 * (1+eps) gamma} therefore holds at least {@code OPT / (2(1+eps)) >= (1/2 - eps) OPT}, after every
 * update, deterministically; randomness only affects the cost. Not thread-safe.
 *
 * @since 1.0
 * @deprecated use {@link ThresholdLevelsDynamic}: the (1/2 - eps) guarantee after every update with
 *     calls per update flat in n, from a specification whose source was fully read; this class
 *     follows only the abstract of Banihashem et al. (ICML 2023) and stays as an experimental
 *     comparison. Kept for comparison; it may be removed in a later major version.
 */
@Deprecated(since = "1.0")
public final class BanihashemDynamic extends GuessedDynamic {
  /**
   * The smallest accepted {@code eps}: the {@code (1+eps)} grid of guesses of the optimum has about
   * {@code ln(range)/eps} entries, each an instance with its own levels, so a smaller eps would let
   * the memory and work grow without bound.
   */
  public static final double MIN_EPS = 1e-3;

  private final double eps;
  private final RandomGenerator rng;
  private final IntSet scratch;

  /**
   * Creates the structure as {@link #BanihashemDynamic(SetFunction, int, double, RandomGenerator)}
   * with the generator {@code Rng.create(seed)}.
   *
   * @param f a monotone function with an empty current set (copied)
   * @param k the cardinality budget, at least 1
   * @param eps the accuracy, in {@code [MIN_EPS, 1)}
   * @param seed the random seed
   */
  public BanihashemDynamic(SetFunction f, int k, double eps, long seed) {
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
  public BanihashemDynamic(SetFunction f, int k, double eps, RandomGenerator rng) {
    super(f, k);
    Args.notNull("rng", rng);
    this.eps = Args.inClosedOpenRange("eps", eps, MIN_EPS, 1);
    this.rng = rng;
    this.scratch = new IntSet(this.f.groundSize());
    double[] g = guesses(this.f, k, eps);
    for (double gamma : g) {
      instances.add(new Instance(gamma));
    }
    endSetup();
  }

  /**
   * The number of levels of the best instance (for diagnostics).
   *
   * @return the level count
   */
  public int levels() {
    Instance b = (Instance) best();
    return b == null ? 0 : b.levels.size();
  }

  private static final class Level {
    final List<Integer> picks = new ArrayList<>();
    final int built;
    int touched;

    Level(int built) {
      this.built = built;
    }
  }

  private final class Instance implements Guess {
    final double gamma;
    final double tau;
    final List<Level> levels = new ArrayList<>();

    /** f conditioned on every pick, in level order. */
    final SetFunction state;

    /** depth[e] = the number of levels whose candidate set R_i holds e. */
    final int[] depth = new int[n];

    /** The elements with depth at least 1 (R_0). */
    final IntSet members = new IntSet(n);

    /** cache.get(j) = f conditioned on the picks of levels below j, or null. */
    final List<SetFunction> cache = new ArrayList<>();

    Instance(double gamma) {
      this.gamma = gamma;
      this.tau = gamma / (2.0 * k);
      this.state = f.copy();
      this.state.reset();
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
      return state.value();
    }

    @Override
    public int[] solution() {
      return state.selection();
    }

    @Override
    public void insert(int e, double single) {
      if (levels.isEmpty()) {
        levels.add(new Level(0));
      }
      // gain(e | G_0..G_{j-1}) does not increase with j: binary search for the first level whose
      // filter e fails; level 0 is decided by the singleton value alone
      int lo = 1;
      int hi = levels.size();
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (prefix(mid).gain(e) >= tau) {
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      int d = Math.min(lo, levels.size());
      boolean passedAll = lo > levels.size();
      int lowestOver = -1;
      for (int i = 0; i < d; i++) {
        Level lv = levels.get(i);
        lv.touched++;
        if (lowestOver < 0 && lv.touched > eps * lv.built) {
          lowestOver = i;
        }
      }
      depth[e] = d;
      members.add(e);
      if (lowestOver >= 0) {
        rebuild(lowestOver);
      } else if (passedAll && state.size() < k) {
        levels.get(d - 1).picks.add(e);
        state.add(e);
      }
    }

    /**
     * f conditioned on the picks of levels 0..j-1 (adds only, no oracle call), cached until a
     * rebuild below level j.
     */
    private SetFunction prefix(int j) {
      if (j >= levels.size()) {
        return state;
      }
      while (cache.size() <= j) {
        cache.add(null);
      }
      if (cache.get(j) == null) {
        int from = j - 1;
        while (from > 0 && cache.get(from) == null) {
          from--;
        }
        SetFunction p;
        if (from > 0) {
          p = cache.get(from).copy();
        } else {
          p = f.copy();
          p.reset();
          from = 0;
        }
        for (int i = from; i < j; i++) {
          for (int x : levels.get(i).picks) {
            p.add(x);
          }
        }
        cache.set(j, p);
      }
      return cache.get(j);
    }

    @Override
    public void delete(int e) {
      int lowest = -1;
      boolean picked = state.contains(e);
      for (int i = 0; i < depth[e]; i++) {
        Level lv = levels.get(i);
        lv.touched++;
        if (lowest < 0 && ((picked && lv.picks.contains(e)) || lv.touched > eps * lv.built)) {
          lowest = i;
        }
      }
      depth[e] = 0;
      members.remove(e);
      if (lowest >= 0) {
        rebuild(lowest);
      } else if (picked) {
        throw new IllegalStateException("pick " + e + " outside its level's candidates");
      }
    }

    /** Rebuilds level i0 and everything above it from the candidates {@code R_{i0}}. */
    void rebuild(int i0) {
      while (cache.size() > i0 + 1) {
        cache.remove(cache.size() - 1);
      }
      while (levels.size() > i0) {
        levels.remove(levels.size() - 1);
      }
      state.reset();
      for (Level lv : levels) {
        for (int p : lv.picks) {
          state.add(p);
        }
      }
      IntSet pool = scratch;
      pool.clear();
      for (int t = 0; t < members.size(); t++) {
        int x = members.get(t);
        if (depth[x] > i0) {
          pool.add(x);
          depth[x] = i0;
        }
      }
      Level cur = open(pool);
      while (pool.size() > 0 && state.size() < k) {
        int e = pool.sample(rng);
        pool.remove(e);
        if (state.gain(e) >= tau) {
          state.add(e);
          cur.picks.add(e);
        }
        if (pool.size() > 0 && 2 * pool.size() <= cur.built && state.size() < k) {
          cur = open(pool);
        }
      }
      if (pool.size() > 0) {
        open(pool);
      }
    }

    private Level open(IntSet pool) {
      Level lv = new Level(pool.size());
      levels.add(lv);
      for (int t = 0; t < pool.size(); t++) {
        depth[pool.get(t)] = levels.size();
      }
      return lv;
    }
  }
}
