package dev.fathom.submodular.dynamic;

import dev.fathom.submodular.SetFunction;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shared part of the uniform-pick level structures: each inserted element's singleton value is
 * computed once (one call) and stored, the element goes to the instances j (guesses of the optimum)
 * its singleton value routes it to, created lazily and dropped when empty; deletions route with the
 * stored value and make no call; the output is the instance of largest value (ties: smallest j).
 *
 * @param <P> the instance type
 */
abstract class RoutedDynamic<P extends RoutedDynamic.Instance> extends AbstractDynamic {
  /** One instance of the structure, for one guess j. */
  interface Instance {
    void insert(int e);

    void delete(int e);

    /** Whether the instance holds no element any more (then it is dropped). */
    boolean isEmpty();

    double value();

    int[] solution();

    /** The number of levels, for diagnostics. */
    int top();
  }

  /** {@code f({e})} of every element inserted so far. */
  final double[] single;

  private final TreeMap<Integer, P> instances = new TreeMap<>();

  RoutedDynamic(SetFunction f, int k) {
    super(f, k);
    this.single = new double[n];
  }

  /** The instances j an element with singleton value {@code s > 0} belongs to, ascending. */
  abstract int[] route(double s);

  /** A new empty instance for guess j. */
  abstract P newInstance(int j);

  /**
   * The integers j with {@code member(j)} in {@code [lo - 1, hi + 1]}, ascending: the candidate
   * range from logarithms, widened by one on each side, then the exact test.
   */
  static int[] range(double lo, double hi, java.util.function.IntPredicate member) {
    int a = (int) Math.ceil(lo) - 1;
    int b = (int) Math.floor(hi) + 1;
    int[] out = new int[Math.max(0, b - a + 1)];
    int c = 0;
    for (int j = a; j <= b; j++) {
      if (member.test(j)) {
        out[c++] = j;
      }
    }
    return java.util.Arrays.copyOf(out, c);
  }

  @Override
  final void onInsert(int e) {
    double s = f.gain(e);
    single[e] = s;
    if (!(s > 0)) {
      return;
    }
    for (int j : route(s)) {
      instances.computeIfAbsent(j, this::newInstance).insert(e);
    }
  }

  @Override
  final void onDelete(int e) {
    double s = single[e];
    if (!(s > 0)) {
      return;
    }
    for (int j : route(s)) {
      P p = instances.get(j);
      p.delete(e);
      if (p.isEmpty()) {
        instances.remove(j);
      }
    }
  }

  private P best() {
    P b = null;
    for (P p : instances.values()) {
      if (b == null || p.value() > b.value()) {
        b = p;
      }
    }
    return b;
  }

  @Override
  public final int[] solution() {
    P b = best();
    return b == null ? new int[0] : b.solution();
  }

  @Override
  public final double value() {
    P b = best();
    return b == null ? 0 : b.value();
  }

  /**
   * The number of levels of the instance whose solution is reported (for diagnostics).
   *
   * @return the number of levels, 0 without instances
   */
  public final int levels() {
    P b = best();
    return b == null ? 0 : b.top();
  }

  /** The number of live instances. */
  final int instanceCount() {
    return instances.size();
  }

  /** The live instances by j, for the tests. */
  final Map<Integer, P> instanceMap() {
    return Collections.unmodifiableMap(instances);
  }

  /** The live instances, for the tests. */
  final Collection<P> instanceList() {
    return instances.values();
  }
}
