package dev.fathom.submodular;

import dev.fathom.core.Args;
import java.util.Arrays;

/**
 * A set function f over the ground set {@code {0, ..., n-1}}, held together with a current set S so
 * that marginal gains {@code f(S + e) - f(S)} are cheap (facility location caches {@code max_{j in
 * S} s_ij} per client, log-det keeps a partial Cholesky factor, and so on).
 *
 * <p>Every {@link #gain(int)} and {@link #evaluate(int...)} counts as one oracle call on the {@link
 * #counter() counter}, which is shared with every {@link #copy() copy}; {@link #add(int)} is a
 * state update and is not counted (an algorithm decides on an element by its gain, which it has
 * already paid for), as in the fully dynamic reference code of Lattanzi et al. All functions are
 * normalized ({@code f(empty set) = 0}).
 *
 * <p>Subclasses implement {@link #marginal(int)}, {@link #include(int)}, {@link #clear()} and
 * {@link #copy()}; the base class checks ids, keeps the members and the value, and counts calls.
 * Not thread-safe; give each thread its own {@link #copy()} (a function whose {@link
 * #concurrentGains()} is true may also have its gains computed by several threads at once, through
 * a {@link ConcurrentGains}).
 *
 * @since 1.0
 */
public abstract class SetFunction {
  private final int n;
  private OracleCounter counter;
  private boolean[] member;
  private int[] members;
  private int size;
  private double value;
  // changes with every add and reset, so that a gain remembered by a ConcurrentGains can be
  // recognized as computed against the current set
  private long version;

  /**
   * Creates a function over {@code n} elements with an empty current set and a fresh counter.
   *
   * @param n the ground-set size, at least 1
   */
  protected SetFunction(int n) {
    this.n = Args.positive("n", n);
    this.counter = new OracleCounter();
    this.member = new boolean[n];
    this.members = new int[Math.min(n, 16)];
  }

  /**
   * Creates a copy of {@code other}'s current set, value and counter (the counter is shared).
   *
   * @param other the function to copy from
   */
  protected SetFunction(SetFunction other) {
    this.n = other.n;
    this.counter = other.counter;
    this.member = other.member.clone();
    this.members = other.members.clone();
    this.size = other.size;
    this.value = other.value;
  }

  /**
   * The ground-set size n.
   *
   * @return n
   */
  public final int groundSize() {
    return n;
  }

  /**
   * Whether f is monotone (f(A) &lt;= f(B) for A &sube; B) for the parameters it was built with.
   *
   * @return true if monotone
   */
  public abstract boolean monotone();

  /**
   * The marginal gain {@code f(S + e) - f(S)} against the current set S (0 if {@code e} is in S).
   * One oracle call.
   *
   * @param e an element id in {@code [0, n)}
   * @return the gain
   */
  public final double gain(int e) {
    checkId(e);
    counter.increment();
    return member[e] ? 0.0 : marginal(e);
  }

  /**
   * Adds {@code e} to the current set and returns its gain. Not counted as an oracle call.
   *
   * @param e an element id in {@code [0, n)}, not yet in the set
   * @return the gain {@code f(S + e) - f(S)}
   */
  public final double add(int e) {
    checkId(e);
    if (member[e]) {
      throw Args.fail("e", e, "an element not already in the set");
    }
    return commit(e, marginal(e));
  }

  /**
   * Adds {@code e}, whose gain {@code g} against the current set a {@link ConcurrentGains} has just
   * computed (bitwise what {@link #marginal(int)} returns now), without computing it again.
   */
  final double addWithGain(int e, double g) {
    checkId(e);
    if (member[e]) {
      throw Args.fail("e", e, "an element not already in the set");
    }
    return commit(e, g);
  }

  private double commit(int e, double g) {
    include(e);
    version++;
    member[e] = true;
    if (size == members.length) {
      members = Arrays.copyOf(members, Math.min(n, 2 * size + 1));
    }
    members[size++] = e;
    value += g;
    return g;
  }

  /** Empties the current set (no oracle call). */
  public final void reset() {
    for (int i = 0; i < size; i++) {
      member[members[i]] = false;
    }
    size = 0;
    value = 0;
    version++;
    clear();
  }

  /** A stamp that changes with every change of the current set (add, reset). */
  final long version() {
    return version;
  }

  /**
   * Whether {@link #marginal(int)} only reads this object's state, so that several threads may call
   * it at once, for any elements, while the current set does not change, and its value depends only
   * on the current set and the element (not on earlier calls). Functions that say so let {@link
   * ConcurrentGains} and the greedy optimizers' {@code threads} argument spread their gains over
   * threads; the others are evaluated on the calling thread only. A computation that a descheduled
   * worker finishes late may overlap the next change of the set: it must not hang (its result is
   * dropped and any exception it throws ignored), which holds for gains that read arrays. False
   * unless a subclass overrides it; a subclass built from other functions says so only if they all
   * do.
   *
   * @return true if the gains may be evaluated concurrently
   */
  public boolean concurrentGains() {
    return false;
  }

  /**
   * The value {@code f(S)} of the current set, kept as the sum of the gains of the adds (no oracle
   * call).
   *
   * @return f(S)
   */
  public final double value() {
    return value;
  }

  /**
   * The value of an arbitrary set, computed on a fresh copy; the current set is untouched. One
   * oracle call.
   *
   * @param set distinct element ids
   * @return f(set)
   */
  public final double evaluate(int... set) {
    Args.notNull("set", set);
    SetFunction f = copy();
    f.reset();
    double v = 0;
    for (int e : set) {
      f.checkId(e);
      if (f.member[e]) {
        throw Args.fail("set", Arrays.toString(set), "distinct ids (" + e + " repeats)");
      }
      double g = f.marginal(e);
      f.include(e);
      f.member[e] = true;
      v += g;
    }
    counter.increment();
    return v;
  }

  /**
   * A {@link #copy() copy} whose current set is this one's followed by {@code ids}, apricot's
   * {@code initial_subset}: every {@code Greedy} method started on it keeps these elements, counts
   * them against its constraint or budget, and selects only among the others. No oracle call (the
   * adds are state updates); this function is unchanged.
   *
   * @param ids distinct element ids in {@code [0, n)}, none in the current set
   * @return the copy
   */
  public final SetFunction startingFrom(int... ids) {
    Args.notNull("ids", ids);
    SetFunction g = copy();
    for (int t = 0; t < ids.length; t++) {
      int e = ids[t];
      if (e < 0 || e >= n) {
        throw Args.fail("ids[" + t + "]", e, "an element id in [0, " + n + ")");
      }
      if (g.member[e]) {
        throw Args.fail("ids[" + t + "]", e, "an id not already in the set (distinct, new ids)");
      }
      g.add(e);
    }
    return g;
  }

  /**
   * Whether {@code e} is in the current set.
   *
   * @param e an element id in {@code [0, n)}
   * @return true if {@code e} is in S
   */
  public final boolean contains(int e) {
    checkId(e);
    return member[e];
  }

  /**
   * The size of the current set.
   *
   * @return |S|
   */
  public final int size() {
    return size;
  }

  /**
   * The current set in the order its elements were added.
   *
   * @return a new array
   */
  public final int[] selection() {
    return Arrays.copyOf(members, size);
  }

  /**
   * The oracle-call counter shared by this function and its copies.
   *
   * @return the counter
   */
  public final OracleCounter counter() {
    return counter;
  }

  /**
   * A copy that counts its calls, and those of the copies made from it, on a counter of its own, a
   * child of this function's counter (which still sees every call). The dynamic algorithms work on
   * such a copy, so that their {@code oracleCalls()} report their own instance's calls only.
   *
   * @return the copy
   */
  public final SetFunction copyWithOwnCounter() {
    SetFunction c = copy();
    c.counter = new OracleCounter(counter);
    return c;
  }

  /**
   * A copy that counts its calls, and those of the copies made from it, on a fresh counter that is
   * not connected to this function's counter, so that it can run on another thread while this
   * function or other isolated copies run elsewhere (counters are not thread-safe). Its calls are
   * not seen by this function's counter: record them afterwards with {@link
   * OracleCounter#record(long)}, as the partitioned greedy does.
   *
   * @return the copy
   */
  public final SetFunction isolatedCopy() {
    SetFunction c = copy();
    c.counter = new OracleCounter();
    return c;
  }

  /**
   * An independent copy with the same current set, sharing the immutable data and the counter.
   *
   * @return the copy
   */
  public abstract SetFunction copy();

  /**
   * The marginal gain of {@code e}, which is not in the current set. Not counted; the base class
   * counts.
   *
   * @param e an element id not in S
   * @return {@code f(S + e) - f(S)}
   */
  protected abstract double marginal(int e);

  /**
   * Updates the cached state to include {@code e}, which is not in the current set.
   *
   * @param e an element id not in S
   */
  protected abstract void include(int e);

  /** Resets the cached state to the empty set. */
  protected abstract void clear();

  /**
   * The uncounted marginal gain of {@code e} on {@code part}, for functions composed of other
   * functions (such as a mixture): the composite counts its own oracle call, so its parts do not.
   *
   * @param part a component function
   * @param e an element id not in {@code part}'s cached state
   * @return {@code part.marginal(e)}
   */
  protected static double marginalOf(SetFunction part, int e) {
    return part.marginal(e);
  }

  /**
   * Updates a component's cached state to include {@code e} (see {@link #marginalOf}).
   *
   * @param part a component function
   * @param e an element id not in {@code part}'s cached state
   */
  protected static void includeIn(SetFunction part, int e) {
    part.include(e);
  }

  /**
   * Resets a component's cached state to the empty set (see {@link #marginalOf}).
   *
   * @param part a component function
   */
  protected static void clearState(SetFunction part) {
    part.clear();
  }

  /**
   * Checks an element id.
   *
   * @param e the id
   * @throws IllegalArgumentException if {@code e} is not in {@code [0, n)}
   */
  public final void checkId(int e) {
    if (e < 0 || e >= n) {
      throw Args.fail("e", e, "an element id in [0, " + n + ")");
    }
  }
}
