package dev.fathom.submodular.dynamic;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.submodular.SetFunction;
import java.util.random.RandomGenerator;

/**
 * Fully dynamic {@code (1/2 - eps)}-approximate maximization of a monotone submodular function
 * under {@code |S| <= k}, with uniform-pick threshold levels: the level framework with one
 * uniformly random pick per level restated by Gao, Zhang and Zhang (AAAI 2026) from Banihashem et
 * al. (SODA 2024), instantiated with the single-threshold rule of Sieve-Streaming. The threshold
 * rule, its proof and the cost bound are derived in this library (see docs/submodular.md); this is
 * not the ICML 2023 algorithm of Banihashem et al.
 *
 * <p>Guesses {@code gamma_j = (1+eps)^j} of the optimum are created lazily, when an element with
 * {@code tau_j <= f({e}) <= gamma_j} arrives ({@code tau_j = gamma_j / (2k)}; at most {@code
 * floor(log_{1+eps}(2k)) + 1} guesses per element), and dropped when their last element is deleted.
 * A guess keeps picks {@code u_1..u_T} ({@code T <= k}) with prefixes {@code S_l = {u_1..u_l}} and
 * nested candidate sets {@code R_0 ⊇ R_1 ⊇ ... ⊇ R_T}: {@code R_0} holds its live elements and
 * {@code R_l} those of {@code R_{l-1}} with {@code l - 1 < k} and gain at least tau against {@code
 * S_{l-1}}; {@code u_l} is a uniformly random element of {@code R_l}. An insertion walks up the
 * levels it reaches (found by binary search, as gains only fall with the level) and, at each level
 * l up to {@code T + 1}, rebuilds from l with itself as {@code u_l} with probability {@code
 * 1/|R_l|}; deleting {@code u_l} rebuilds from level l. A rebuild scans {@code R_l} in random
 * order, picking each element that still reaches tau and placing the others at their last level by
 * binary search.
 *
 * <p>Guarantee after every update, for every outcome of the coins: {@code value() >= (1 - eps)/2
 * OPT}, where OPT is the optimum over the live set (the guess within a factor 1+eps above OPT holds
 * either k picks of gain at least tau each or leaves every live element with gain below tau).
 * Expected oracle calls per update, against an oblivious adversary: at most {@code 1 +
 * (floor(log_{1+eps}(2k)) + 1) k (2 + ceil(log2 k))}, independent of n. The structure makes no
 * set-up calls. Not thread-safe.
 *
 * @since 1.0
 */
public final class ThresholdLevelsDynamic extends RoutedDynamic<ThresholdLevelsDynamic.Guess> {
  /** How an insertion finds the levels it reaches. */
  enum Walk {
    /** Binary search over the levels (the default). */
    BINARY,
    /** One gain per level, up the levels, as the source prints it. */
    SEQUENTIAL
  }

  private final double eps;
  private final double logBase;
  private final Walk walk;
  private final RandomGenerator rng;

  /**
   * Creates the structure over an empty live set (no set-up oracle calls).
   *
   * @param f a monotone function with an empty current set (copied)
   * @param k the cardinality budget, at least 1
   * @param eps the accuracy, in (0, 1)
   * @param seed the random seed
   */
  public ThresholdLevelsDynamic(SetFunction f, int k, double eps, long seed) {
    this(f, k, eps, Walk.BINARY, Rng.create(seed));
  }

  /**
   * Creates the structure over an empty live set (no set-up oracle calls).
   *
   * @param f a monotone function with an empty current set (copied)
   * @param k the cardinality budget, at least 1
   * @param eps the accuracy, in (0, 1)
   * @param rng the source of every coin (used, not copied)
   */
  public ThresholdLevelsDynamic(SetFunction f, int k, double eps, RandomGenerator rng) {
    this(f, k, eps, Walk.BINARY, rng);
  }

  ThresholdLevelsDynamic(SetFunction f, int k, double eps, Walk walk, RandomGenerator rng) {
    super(f, k);
    this.eps = Args.inOpenRange("eps", eps, 0, 1);
    this.walk = Args.notNull("walk", walk);
    this.rng = Args.notNull("rng", rng);
    this.logBase = Math.log1p(eps);
    endSetup();
  }

  /** The guess {@code (1+eps)^j}, computed the same way everywhere. */
  static double gamma(double eps, int j) {
    return Math.pow(1 + eps, j);
  }

  /** Whether an element with singleton value s belongs to guess j. */
  static boolean routes(double eps, int k, int j, double s) {
    double g = gamma(eps, j);
    return s > 0 && g / (2.0 * k) <= s && s <= g;
  }

  @Override
  int[] route(double s) {
    return range(Math.log(s) / logBase, Math.log(2.0 * k * s) / logBase, j -> routes(eps, k, j, s));
  }

  @Override
  Guess newInstance(int j) {
    return new Guess(j);
  }

  /**
   * The number of live guesses (for diagnostics).
   *
   * @return the count
   */
  public int guesses() {
    return instanceCount();
  }

  /** The levels of one guess {@code gamma = (1+eps)^j}. */
  final class Guess implements RoutedDynamic.Instance {
    final int j;
    final double tau;
    final NestedLevels levels = new NestedLevels(n);
    private final int[] picks = new int[k + 1];
    private final SetFunction[] prefix = new SetFunction[k + 1];
    private int top;

    Guess(int j) {
      this.j = j;
      this.tau = gamma(eps, j) / (2.0 * k);
      prefix[0] = f; // the empty state; never added to
    }

    @Override
    public double value() {
      return prefix[top].value();
    }

    @Override
    public int top() {
      return top;
    }

    @Override
    public boolean isEmpty() {
      return levels.members() == 0;
    }

    int pick(int l) {
      return picks[l];
    }

    @Override
    public int[] solution() {
      return java.util.Arrays.copyOfRange(picks, 1, top + 1);
    }

    /** P(z, u): {@code z < k} and {@code f(u | S_z) >= tau}; free at z = 0. */
    private boolean pickable(int z, int u) {
      if (z >= k) {
        return false;
      }
      if (z == 0) {
        return single[u] >= tau;
      }
      return prefix(z).gain(u) >= tau;
    }

    /** The state of {@code S_z}, built by copy and free adds when first needed. */
    private SetFunction prefix(int z) {
      if (prefix[z] == null) {
        int from = z - 1;
        while (prefix[from] == null) {
          from--;
        }
        SetFunction p = prefix[from].copy();
        for (int l = from + 1; l <= z; l++) {
          p.add(picks[l]);
        }
        prefix[z] = p;
      }
      return prefix[z];
    }

    @Override
    public void insert(int u) {
      levels.set(u, 0);
      int z = top + 1;
      if (walk == Walk.BINARY) {
        // the largest z in [1, T+1] with P(z-1, u); P(0, u) holds for every routed element
        int lo = 1;
        int hi = top + 1;
        while (lo < hi) {
          int mid = (lo + hi + 1) >>> 1;
          if (pickable(mid - 1, u)) {
            lo = mid;
          } else {
            hi = mid - 1;
          }
        }
        z = lo;
      }
      for (int i = 1; i <= top + 1; i++) {
        if (walk == Walk.SEQUENTIAL ? !pickable(i - 1, u) : i > z) {
          return;
        }
        levels.set(u, i);
        if (rng.nextInt(levels.sizeAtLeast(i)) == 0) {
          rebuildFrom(i, u);
          return;
        }
      }
    }

    @Override
    public void delete(int u) {
      int l = levels.depth(u);
      levels.remove(u);
      if (l >= 1 && l <= top && picks[l] == u) {
        rebuildFrom(l, -1);
      }
    }

    /**
     * Rebuilds levels {@code j..}: R_j and S_{j-1} are correct; {@code first} (an element of R_j,
     * or -1) comes first in the scan, the rest in uniformly random order.
     */
    private void rebuildFrom(int j, int first) {
      for (int l = j; l <= top; l++) {
        prefix[l] = null;
      }
      int[] order = levels.elementsAtLeast(j);
      int c = 0;
      for (int u : order) {
        if (u != first) {
          order[c++] = u;
        }
      }
      int[] rest = java.util.Arrays.copyOf(order, c);
      Rng.shuffle(rng, rest);
      int l = j;
      if (first >= 0) {
        l = scan(j, l, first);
      }
      for (int u : rest) {
        l = scan(j, l, u);
      }
      top = l - 1;
    }

    /** One step of the rebuild scan; returns the next level to fill. */
    private int scan(int j, int l, int u) {
      // at l == j, P(j-1, u) holds for every u of R_j (C2), so it costs no call
      if (l == j || pickable(l - 1, u)) {
        picks[l] = u;
        levels.set(u, l);
        SetFunction p = prefix(l - 1).copy();
        p.add(u);
        prefix[l] = p;
        return l + 1;
      }
      // not P(l-1, u): u lies in R_j..R_z for the smallest z in [j, l-1] with not P(z, u)
      int lo = j;
      int hi = l - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (pickable(mid, u)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      levels.set(u, lo);
      return l;
    }
  }
}
