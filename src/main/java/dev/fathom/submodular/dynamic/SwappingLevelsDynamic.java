package dev.fathom.submodular.dynamic;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Matroid;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Fully dynamic maximization of a monotone submodular function under a matroid constraint, with
 * levels that emulate the Swapping streaming algorithm (Chakrabarti and Kale 2015) and one
 * uniformly random choice per level: the fully dynamic p-matchoid algorithm of Banihashem,
 * Goudarzi, Jabbarzade, Hajiaghayi and Monemizadeh (NeurIPS 2025) specialised to one matroid and a
 * monotone function. The walk of an insertion up to level {@code i* + 1}, the binary search for the
 * element an arrival evicts and the guarantee with {@code q = 1} are derived in this library (see
 * docs/submodular.md); this is not the ICML 2023 algorithm of Duetting et al.
 *
 * <p>Runs with {@code MAX = 2^j} (created lazily, dropped when empty) hold the elements with {@code
 * theta_j <= f({e}) <= 2^j}, where {@code theta_j = eps_f 2^j / (2k)} and {@code eps_f = eps / (4 +
 * eps)}. A run keeps each inserted element with probability q (decided once). It holds chosen
 * elements {@code e_1..e_i*} with frozen weights {@code w(e_i) = f(e_i | A_{i-1})}, independent
 * sets {@code A_i = A_{i-1} - U_i + e_i} and nested candidate sets {@code B_0 ⊇ B_1 ⊇ ...}: {@code
 * B_i} holds the elements of {@code B_{i-1}} that survive against {@code A_{i-1}}, that is whose
 * gain reaches {@code max(2 w(U), theta)} where U is the lightest element of {@code A_{i-1}} whose
 * removal makes room for them (none if they fit). {@code e_i} is a uniformly random element of
 * {@code B_i}. An insertion walks up the levels it survives and, at each level i up to {@code i* +
 * 1}, becomes {@code e_i} with probability {@code 1/|B_i|} and rebuilds the levels above; deleting
 * {@code e_i} rebuilds from level i.
 *
 * <p>Guarantee with {@code q = 1} (the default): {@code value() >= OPT / (4 + eps)} after every
 * update for every outcome of the coins, OPT the optimum over the live set. With {@code q = 1/3}
 * the same bound holds in expectation only (a single update may fall far below). Expected oracle
 * calls per update against an oblivious adversary are independent of n: {@code O(eps^-2 k^4 log k)}
 * per run by the level bound {@code i* <= 2k^2/eps_f}, far fewer in practice. {@link
 * #oracleCalls()} counts value calls; {@link #independenceQueries()} counts the matroid oracle
 * calls. Not thread-safe.
 *
 * @since 1.0
 */
public final class SwappingLevelsDynamic extends RoutedDynamic<SwappingLevelsDynamic.Run> {
  private static final int LOOP = -2;
  private final Matroid matroid;
  private final double epsF;
  private final double q;
  private final RandomGenerator rng;
  private long independenceQueries;
  private int[] scratch = new int[8];

  /**
   * Starts a structure over {@code f} under {@code matroid}, configured by name: {@code builder(f,
   * matroid).rank(r).eps(0.1).build(seed)}, with {@link Builder#keepProbability} for the cheaper
   * guarantee in expectation.
   *
   * @param f a monotone function with an empty current set (copied at build)
   * @param matroid the matroid constraint
   * @return the builder
   */
  public static Builder builder(SetFunction f, Matroid matroid) {
    return new Builder(Args.notNull("f", f), Args.notNull("matroid", matroid));
  }

  /**
   * The settings of a {@link SwappingLevelsDynamic}: {@link #rank} and {@link #eps} are required,
   * {@link #keepProbability} is 1 unless set. Not thread-safe.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final SetFunction f;
    private final Matroid matroid;
    private int rank;
    private double eps = Double.NaN;
    private double q = 1;

    private Builder(SetFunction f, Matroid matroid) {
      this.f = f;
      this.matroid = matroid;
    }

    /**
     * Sets an upper bound on the rank of the matroid.
     *
     * @param rank at least 1 (for example {@code PartitionMatroid.rank()})
     * @return this builder
     */
    public Builder rank(int rank) {
      this.rank = Args.positive("rank", rank);
      return this;
    }

    /**
     * Sets the accuracy.
     *
     * @param eps in (0, 1)
     * @return this builder
     */
    public Builder eps(double eps) {
      this.eps = Args.inOpenRange("eps", eps, 0, 1);
      return this;
    }

    /**
     * Sets the probability that a run keeps an inserted element: 1 (the default) for the
     * deterministic guarantee, 1/3 for the cheaper guarantee in expectation.
     *
     * @param q in (0, 1]
     * @return this builder
     */
    public Builder keepProbability(double q) {
      if (!(q > 0 && q <= 1)) {
        throw Args.fail("q", q, "a probability in (0, 1]");
      }
      this.q = q;
      return this;
    }

    /**
     * Builds the structure over an empty live set (no set-up oracle calls).
     *
     * @param seed the random seed
     * @return the structure
     * @throws IllegalStateException when the rank or eps was not set
     */
    public SwappingLevelsDynamic build(long seed) {
      return build(Rng.create(seed));
    }

    /**
     * Builds the structure over an empty live set (no set-up oracle calls).
     *
     * @param rng the source of every coin (used, not copied)
     * @return the structure
     * @throws IllegalStateException when the rank or eps was not set
     */
    public SwappingLevelsDynamic build(RandomGenerator rng) {
      Args.notNull("rng", rng);
      if (rank == 0) {
        throw new IllegalStateException("rank: not set; call rank(r) before build");
      }
      if (Double.isNaN(eps)) {
        throw new IllegalStateException("eps: not set; call eps(e) before build");
      }
      return new SwappingLevelsDynamic(f, matroid, rank, eps, q, rng);
    }
  }

  /**
   * Creates the structure over an empty live set (no set-up oracle calls).
   *
   * @param f a monotone function with an empty current set (copied)
   * @param matroid the matroid constraint
   * @param rank an upper bound on the rank of the matroid, at least 1
   * @param eps the accuracy, in (0, 1)
   * @param q the probability that a run keeps an inserted element, in (0, 1]
   * @param rng the source of every coin (used, not copied)
   */
  private SwappingLevelsDynamic(
      SetFunction f, Matroid matroid, int rank, double eps, double q, RandomGenerator rng) {
    super(f, rank);
    this.matroid = Args.notNull("matroid", matroid);
    double e = Args.inOpenRange("eps", eps, 0, 1);
    if (!(q > 0 && q <= 1)) {
      throw Args.fail("q", q, "a probability in (0, 1]");
    }
    this.q = q;
    this.rng = Args.notNull("rng", rng);
    this.epsF = e / (4 + e);
    endSetup();
  }

  /** The floor {@code theta_j = eps_f 2^j / (2k)} of run j. */
  static double theta(double epsF, int k, int j) {
    return epsF * Math.scalb(1.0, j) / (2.0 * k);
  }

  /** Whether an element with singleton value s belongs to run j. */
  static boolean routes(double epsF, int k, int j, double s) {
    return s > 0 && theta(epsF, k, j) <= s && s <= Math.scalb(1.0, j);
  }

  @Override
  int[] route(double s) {
    double log2 = Math.log(2);
    return range(
        Math.log(s) / log2, Math.log(2.0 * k * s / epsF) / log2, j -> routes(epsF, k, j, s));
  }

  @Override
  Run newInstance(int j) {
    return new Run(j);
  }

  double epsF() {
    return epsF;
  }

  /**
   * The number of independence-oracle calls spent on updates so far.
   *
   * @return the count
   */
  public long independenceQueries() {
    return independenceQueries;
  }

  /**
   * The number of live runs (for diagnostics).
   *
   * @return the count
   */
  public int runs() {
    return instanceCount();
  }

  private boolean independent(int[] set, int size) {
    independenceQueries++;
    return matroid.independent(set, size);
  }

  /** The levels of one run {@code MAX = 2^j}. */
  final class Run implements RoutedDynamic.Instance {
    final int j;
    final double theta;
    final NestedLevels levels = new NestedLevels(n);
    private final boolean[] ignored = new boolean[n];
    private int ignoredCount;
    // level i = 1..top: chosen element, its frozen weight, the evicted element (or -1)
    private int[] chosen = new int[4];
    private double[] weight = new double[4];
    private int[] evicted = new int[4];
    // A_i as ids with the frozen weights of its members, and its state (built lazily)
    private int[][] members = new int[4][];
    private double[][] memberWeight = new double[4][];
    private SetFunction[] state = new SetFunction[4];
    private int top;
    // the (U, g) of the last survives() call, and per element of the level being rebuilt
    private int lastU;
    private double lastGain;
    private final int[] cachedU = new int[n];
    private final double[] cachedGain = new double[n];

    Run(int j) {
      this.j = j;
      this.theta = theta(epsF, k, j);
      members[0] = new int[0];
      memberWeight[0] = new double[0];
      state[0] = f; // the empty state; never added to
    }

    @Override
    public double value() {
      return state(top).value();
    }

    @Override
    public int top() {
      return top;
    }

    @Override
    public boolean isEmpty() {
      return levels.members() == 0 && ignoredCount == 0;
    }

    int chosen(int i) {
      return chosen[i];
    }

    double weight(int i) {
      return weight[i];
    }

    int evicted(int i) {
      return evicted[i];
    }

    boolean ignored(int x) {
      return ignored[x];
    }

    @Override
    public int[] solution() {
      return members[top].clone();
    }

    /** The state of A_i, built by copy or reset plus free adds when first needed. */
    private SetFunction state(int i) {
      if (state[i] == null) {
        SetFunction s;
        if (evicted[i] < 0) {
          s = state(i - 1).copy();
          s.add(chosen[i]);
        } else {
          s = f.copy();
          for (int a : members[i]) {
            s.add(a);
          }
        }
        state[i] = s;
      }
      return state[i];
    }

    private int memberIndex(int i, int x) {
      int[] a = members[i];
      for (int t = 0; t < a.length; t++) {
        if (a[t] == x) {
          return t;
        }
      }
      return -1;
    }

    /**
     * Whether x survives level i, against A_{i-1}; on success lastU and lastGain hold the element
     * it would evict (-1 for none) and its gain.
     */
    boolean survives(int i, int x) {
      if (memberIndex(i - 1, x) >= 0) {
        return false; // gain 0 < theta
      }
      int u = conflict(i - 1, x);
      if (u == LOOP) {
        return false;
      }
      double t = Math.max(u < 0 ? 0 : 2 * memberWeight[i - 1][u], theta);
      double g = i == 1 ? single[x] : state(i - 1).gain(x); // A_0 is empty: f({x}) is stored
      if (g >= t) {
        lastU = u < 0 ? -1 : members[i - 1][u];
        lastGain = g;
        return true;
      }
      return false;
    }

    /**
     * The index in A_l of the lightest member (by weight, then id) whose removal makes room for x,
     * -1 if A_l + x is independent, LOOP if x is a loop. Binary search over the members sorted by
     * (weight, id): A_l + x holds one circuit through x, and removing the j lightest members makes
     * room iff they meet it.
     */
    private int conflict(int l, int x) {
      int[] a = members[l];
      int r = a.length;
      if (scratch.length < r + 1) {
        scratch = new int[2 * (r + 1)];
      }
      System.arraycopy(a, 0, scratch, 0, r);
      scratch[r] = x;
      if (independent(scratch, r + 1)) {
        return -1;
      }
      if (r == 0) {
        return LOOP; // {x} itself is dependent
      }
      scratch[0] = x;
      if (!independent(scratch, 1)) {
        return LOOP;
      }
      Integer[] order = new Integer[r];
      for (int t = 0; t < r; t++) {
        order[t] = t;
      }
      double[] w = memberWeight[l];
      Arrays.sort(order, (p, s) -> w[p] != w[s] ? Double.compare(w[p], w[s]) : a[p] - a[s]);
      // smallest m in [1, r] with (A - {lightest m}) + x independent; m = r always qualifies
      int lo = 1;
      int hi = r;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        int c = 0;
        for (int t = mid; t < r; t++) {
          scratch[c++] = a[order[t]];
        }
        scratch[c++] = x;
        if (independent(scratch, c)) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return order[lo - 1];
    }

    /** e_i = x with the (U, g) of its survives() call; drops all levels above i. */
    private void extend(int i, int x, int u, double g) {
      if (i + 1 >= chosen.length) {
        int c = 2 * (i + 1);
        chosen = Arrays.copyOf(chosen, c);
        weight = Arrays.copyOf(weight, c);
        evicted = Arrays.copyOf(evicted, c);
        members = Arrays.copyOf(members, c);
        memberWeight = Arrays.copyOf(memberWeight, c);
        state = Arrays.copyOf(state, c);
      }
      int[] prev = members[i - 1];
      double[] prevW = memberWeight[i - 1];
      int size = u < 0 ? prev.length + 1 : prev.length;
      if (size > k) {
        throw new IllegalStateException(
            "an independent set of size " + size + " exceeds the rank bound " + k);
      }
      int[] a = new int[size];
      double[] w = new double[size];
      int c = 0;
      for (int t = 0; t < prev.length; t++) {
        if (prev[t] != u) {
          a[c] = prev[t];
          w[c++] = prevW[t];
        }
      }
      a[c] = x;
      w[c] = g;
      chosen[i] = x;
      weight[i] = g;
      evicted[i] = u;
      members[i] = a;
      memberWeight[i] = w;
      Arrays.fill(state, i, state.length, null);
      top = i;
    }

    @Override
    public void insert(int x) {
      if (q < 1 && rng.nextDouble() >= q) {
        ignored[x] = true;
        ignoredCount++;
        return;
      }
      levels.set(x, 0);
      for (int i = 1; i <= top + 1; i++) {
        if (!survives(i, x)) {
          return;
        }
        levels.set(x, i);
        if (rng.nextInt(levels.sizeAtLeast(i)) == 0) {
          extend(i, x, lastU, lastGain);
          rebuildFrom(i + 1);
          return;
        }
      }
    }

    @Override
    public void delete(int x) {
      if (ignored[x]) {
        ignored[x] = false;
        ignoredCount--;
        return;
      }
      int l = levels.depth(x);
      levels.remove(x);
      if (l < 1 || l > top || chosen[l] != x) {
        return;
      }
      if (levels.sizeAtLeast(l) > 0) {
        int y = levels.sample(l, rng);
        if (!survives(l, y)) {
          throw new IllegalStateException("an element of B_" + l + " fails level " + l);
        }
        extend(l, y, lastU, lastGain);
        rebuildFrom(l + 1);
      } else {
        top = l - 1;
        Arrays.fill(state, l, state.length, null);
      }
    }

    /** Rebuilds the levels from i on: A_0..A_{i-1} and B_0..B_{i-1} are correct. */
    private void rebuildFrom(int i) {
      while (true) {
        int survivors = 0;
        for (int x : levels.elementsAtLeast(i - 1)) {
          if (survives(i, x)) {
            levels.set(x, i);
            cachedU[x] = lastU;
            cachedGain[x] = lastGain;
            survivors++;
          } else {
            levels.set(x, i - 1);
          }
        }
        if (survivors == 0) {
          top = i - 1;
          Arrays.fill(state, i, state.length, null);
          return;
        }
        int x = levels.sample(i, rng);
        extend(i, x, cachedU[x], cachedGain[x]);
        i++;
      }
    }
  }
}
