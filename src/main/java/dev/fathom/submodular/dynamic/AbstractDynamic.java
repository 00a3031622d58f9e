package dev.fathom.submodular.dynamic;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;

/**
 * Shared bookkeeping of the dynamic algorithms: the live set, argument checks, the oracle-call
 * count after set-up, and the grid of guesses of the optimum.
 */
abstract class AbstractDynamic implements DynamicMaximizer {
  final SetFunction f;
  final int n;
  final int k;
  final IntSet live;
  private long setupEnd;

  AbstractDynamic(SetFunction f0, int k) {
    Args.notNull("f", f0);
    if (f0.size() != 0) {
      throw Args.fail("f.size()", f0.size(), "0 (an empty current set)");
    }
    if (!f0.monotone()) {
      throw Args.fail("f.monotone()", false, "a monotone function");
    }
    this.f = f0.copyWithOwnCounter(); // oracleCalls() counts this instance's calls only
    this.n = f.groundSize();
    this.k = Args.positive("k", k);
    this.live = new IntSet(n);
  }

  /** Marks the end of set-up: calls from here on count as update calls. */
  final void endSetup() {
    setupEnd = f.counter().calls();
  }

  @Override
  public final void insert(int e) {
    f.checkId(e);
    if (live.contains(e)) {
      throw Args.fail("e", e, "an element that is not live");
    }
    live.add(e);
    onInsert(e);
  }

  @Override
  public final void delete(int e) {
    f.checkId(e);
    if (!live.contains(e)) {
      throw Args.fail("e", e, "a live element (it is absent)");
    }
    live.remove(e);
    onDelete(e);
  }

  @Override
  public final long oracleCalls() {
    return f.counter().calls() - setupEnd;
  }

  @Override
  public final int liveCount() {
    return live.size();
  }

  @Override
  public final boolean isLive(int e) {
    f.checkId(e);
    return live.contains(e);
  }

  abstract void onInsert(int e);

  abstract void onDelete(int e);

  /**
   * Guesses {@code (1+eps)^i} of the optimum covering {@code [lo, k hi]}, where lo and hi are the
   * smallest positive and the largest singleton values over the whole universe (n set-up calls, not
   * counted in {@link #oracleCalls()}). Every live optimum lies in that range, so one guess is
   * within a factor 1+eps below it.
   */
  static double[] guesses(SetFunction f, int k, double eps) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int e = 0; e < f.groundSize(); e++) {
      double s = f.gain(e);
      if (s > 0) {
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
      }
    }
    if (hi == 0) {
      return new double[0];
    }
    double base = Math.log1p(eps);
    int i0 = (int) Math.floor(Math.log(lo) / base);
    int i1 = (int) Math.ceil(Math.log(k * hi) / base);
    double[] g = new double[i1 - i0 + 1];
    for (int i = i0; i <= i1; i++) {
      g[i - i0] = Math.pow(1 + eps, i);
    }
    return g;
  }
}
