package dev.fathom.submodular;

import dev.fathom.linalg.Args;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fully dynamic maximization of a monotone submodular function under a matroid constraint that
 * keeps the output of the Swapping streaming algorithm (Chakrabarti and Kale 2015) over the live
 * elements in insertion order, and so keeps at least 1/4 of the optimum after every update,
 * deterministically.
 *
 * <p>An arriving element e gets weight {@code w(e) = f(S + e) - f(S)} against the current solution
 * S; it joins S when {@code S + e} is independent, and otherwise replaces the lightest element u of
 * the circuit it closes when {@code w(e) >= 2 w(u)}. Deleting an element outside S needs no work (S
 * is still the Swapping output of a stream whose optimum is at least the live optimum); deleting an
 * element of S replays Swapping over the live elements. This is the simple emulation of Swapping,
 * not the level data structure of Duetting, Fusco, Lattanzi, Norouzi-Fard and Zadimoghaddam (ICML
 * 2023), which bounds the amortized cost by {@code O~(k^2)} for every oblivious sequence; here a
 * replay costs one oracle call per live element, so the amortized cost is about {@code k} calls
 * when the deleted elements are random, and up to {@code n} against adversarial deletions of
 * solution elements. Not thread-safe.
 */
public final class SwappingDynamic extends AbstractDynamic {
  private final Matroid matroid;
  private final long[] insertedAt;
  private int[] orderIds = new int[16];
  private long[] orderTimes = new long[16];
  private int orderSize;
  private final List<Integer> solution = new ArrayList<>();
  private final double[] weight;
  private long clock;
  private long replays;
  private SetFunction state;

  /**
   * Creates the structure over an empty live set.
   *
   * @param f a monotone function with an empty current set (copied)
   * @param matroid the matroid constraint
   */
  public SwappingDynamic(SetFunction f, Matroid matroid) {
    super(f, Args.notNull("f", f).groundSize());
    this.matroid = Args.notNull("matroid", matroid);
    this.insertedAt = new long[n];
    this.weight = new double[n];
    this.state = this.f.copy();
    endSetup();
  }

  @Override
  void onInsert(int e) {
    insertedAt[e] = ++clock;
    if (orderSize == orderIds.length) {
      orderIds = Arrays.copyOf(orderIds, 2 * orderSize);
      orderTimes = Arrays.copyOf(orderTimes, 2 * orderSize);
    }
    orderIds[orderSize] = e;
    orderTimes[orderSize++] = clock;
    arrive(e);
  }

  @Override
  void onDelete(int e) {
    if (!state.contains(e)) {
      return;
    }
    replays++;
    solution.clear();
    state.reset();
    int kept = 0;
    for (int t = 0; t < orderSize; t++) {
      int x = orderIds[t];
      if (live.contains(x) && insertedAt[x] == orderTimes[t]) {
        orderIds[kept] = x;
        orderTimes[kept++] = orderTimes[t];
        arrive(x);
      }
    }
    orderSize = kept;
  }

  private void arrive(int e) {
    double w = state.gain(e);
    int[] s = new int[solution.size() + 1];
    for (int t = 0; t < solution.size(); t++) {
      s[t] = solution.get(t);
    }
    s[s.length - 1] = e;
    if (matroid.independent(s, s.length)) {
      add(e, w);
      return;
    }
    int lightest = -1;
    for (int t = 0; t < solution.size(); t++) {
      int u = solution.get(t);
      s[t] = e;
      boolean swapOk = matroid.independent(s, s.length - 1);
      s[t] = u;
      if (swapOk && (lightest < 0 || weight[u] < weight[lightest])) {
        lightest = u;
      }
    }
    if (lightest >= 0 && w > 0 && w >= 2 * weight[lightest]) {
      solution.remove(Integer.valueOf(lightest));
      rebuildState();
      add(e, w);
    }
  }

  private void add(int e, double w) {
    if (!(w > 0)) {
      return;
    }
    weight[e] = w;
    solution.add(e);
    state.add(e);
  }

  private void rebuildState() {
    state.reset();
    for (int u : solution) {
      state.add(u);
    }
  }

  /**
   * The number of replays caused by deletions of solution elements.
   *
   * @return the count
   */
  public long replays() {
    return replays;
  }

  @Override
  public int[] solution() {
    return solution.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public double value() {
    return state.value();
  }
}
