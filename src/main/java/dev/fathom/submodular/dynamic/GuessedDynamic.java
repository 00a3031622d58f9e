package dev.fathom.submodular.dynamic;

import dev.fathom.submodular.SetFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * A dynamic algorithm run as independent instances, one per guess of the optimum; the answer is the
 * best instance's solution. An insertion costs one shared singleton evaluation, and only the
 * instances whose threshold the singleton reaches see the element. The common type of {@link
 * LattanziDynamic} and {@link BanihashemDynamic}; it cannot be extended outside this package.
 */
public abstract class GuessedDynamic extends AbstractDynamic {
  /** One instance of the algorithm for one guess. */
  interface Guess {
    double tau();

    void insert(int e, double single);

    void delete(int e);

    double value();

    int[] solution();
  }

  final List<Guess> instances = new ArrayList<>();
  private final SetFunction probe;

  GuessedDynamic(SetFunction f, int k) {
    super(f, k);
    this.probe = this.f.copy();
  }

  @Override
  final void onInsert(int e) {
    beforeInsert(e);
    double single = probe.gain(e);
    for (Guess g : instances) {
      if (single >= g.tau()) {
        g.insert(e, single);
      }
    }
  }

  void beforeInsert(int e) {}

  @Override
  final void onDelete(int e) {
    for (Guess g : instances) {
      g.delete(e);
    }
  }

  @Override
  public final int[] solution() {
    Guess b = best();
    return b == null ? new int[0] : b.solution();
  }

  @Override
  public final double value() {
    Guess b = best();
    return b == null ? 0 : b.value();
  }

  final Guess best() {
    Guess b = null;
    for (Guess g : instances) {
      if (b == null || g.value() > b.value()) {
        b = g;
      }
    }
    return b;
  }
}
