package dev.fathom.submodular.dynamic;

import dev.fathom.submodular.SetFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * A dynamic algorithm for {@code |S| <= k} run as independent instances, one per guess {@code
 * gamma} of the optimum, each with threshold {@code tau = gamma / (2k)}; the answer is the best
 * instance's solution. The guesses are the powers {@code (1+eps)^i} covering {@code [lo, k hi]},
 * where lo and hi are the smallest positive and the largest singleton values over the whole
 * universe, so one guess lies within a factor {@code 1+eps} below any live optimum. An insertion
 * costs one shared singleton evaluation, and only the instances whose threshold the singleton
 * reaches see the element. The common type of {@link LattanziDynamic} and {@link
 * BanihashemDynamic}, whose instances differ; it cannot be extended outside this package.
 *
 * <pre>{@code
 * GuessedDynamic d = new BanihashemDynamic(f, 10, 0.2, seed);
 * d.insert(7);
 * double gamma = d.bestGuess();     // the guess whose instance holds the solution
 * int parallel = d.guessCount();    // cost of an update grows with this count
 * }</pre>
 *
 * @since 1.0
 */
public abstract class GuessedDynamic extends AbstractDynamic {
  /** One instance of the algorithm for one guess. */
  interface Guess {
    double gamma();

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

  /**
   * The number of instances, one per guess of the optimum: about {@code log_{1+eps}(k hi / lo)}.
   *
   * @return the count (0 when every singleton value is 0)
   */
  public final int guessCount() {
    return instances.size();
  }

  /**
   * The guesses {@code gamma} of the optimum, one per instance, ascending.
   *
   * @return a new array of guesses
   */
  public final double[] optimumGuesses() {
    double[] g = new double[instances.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = instances.get(i).gamma();
    }
    return g;
  }

  /**
   * The guess whose instance holds the current {@link #solution()} (the first of equal values).
   *
   * @return that instance's guess {@code gamma}, or {@code NaN} when there are no instances
   */
  public final double bestGuess() {
    Guess b = best();
    return b == null ? Double.NaN : b.gamma();
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
