package dev.fathom.submodular.dynamic;

import dev.fathom.core.Args;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Matroid;
import java.util.Arrays;

/**
 * Fully dynamic maximization of a monotone submodular function under a matroid constraint that
 * keeps the output of the Swapping streaming algorithm (Chakrabarti and Kale 2015) over a recorded
 * stream, and so keeps at least 1/4 of the optimum after every update, deterministically.
 *
 * <p>An arriving element e gets weight {@code w(e) = f(S + e) - f(S)} against the current solution
 * S; it joins S when {@code S + e} is independent, and otherwise replaces the lightest element u of
 * the circuit it closes when {@code w(e) >= 2 w(u)}.
 *
 * <p>Invariant: S is exactly the Swapping output of the recorded stream sigma, which holds every
 * live element in insertion order plus some deleted elements ("ghosts"), and S holds no ghost.
 * Since the optimum of sigma is at least the live optimum, {@code f(S) >= OPT(live) / 4}. Deleting
 * an element outside S only turns it into a ghost (no work). Deleting an element of S at stream
 * position t restores the Swapping state just before t from the recorded acceptance and kill
 * positions (no oracle calls), moves t earlier while that state holds a ghost, and replays Swapping
 * over the live elements after t only, dropping the ghosts there. A deletion therefore costs one
 * oracle call per live element inserted after the deleted one (or after the oldest ghost still in
 * its prefix state), not one per live element; an adversary that deletes the oldest solution
 * element can still force about n calls. This is not the level data structure of Duetting, Fusco,
 * Lattanzi, Norouzi-Fard and Zadimoghaddam (ICML 2023), which bounds the amortized cost by {@code
 * O~(k^2)}. {@link SwappingLevelsDynamic} is the library's fully dynamic matroid structure (cost
 * independent of n even when deletions aim at its solution); this class stays as the deterministic
 * exact-Swapping baseline. Not thread-safe.
 *
 * @since 1.0
 * @deprecated use {@link SwappingLevelsDynamic}: OPT/(4 + eps) after every update at calls per
 *     update flat in n; this class replays Swapping over the recorded stream (about n calls when a
 *     solution element is deleted) and stays as the deterministic exact-Swapping baseline. Kept for
 *     comparison; it may be removed in a later major version.
 */
@Deprecated(since = "1.0")
public final class SwappingDynamic extends AbstractDynamic {
  private static final int KEPT = Integer.MAX_VALUE;
  private final Matroid matroid;
  private final long[] insertedAt;
  private final int[] position;
  // the recorded stream sigma, one entry per occurrence
  private int[] seqId = new int[16];
  private long[] seqStamp = new long[16];
  private double[] seqWeight = new double[16];
  private boolean[] seqAccepted = new boolean[16];
  private int[] seqKilledAt = new int[16];
  private int seqSize;
  // stream positions of the solution, in acceptance order
  private int[] sol = new int[8];
  private int solSize;
  private long clock;
  private long replays;
  private long replayedArrivals;
  private final SetFunction state;

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
    this.position = new int[n];
    this.state = this.f.copy();
    endSetup();
  }

  @Override
  void onInsert(int e) {
    insertedAt[e] = ++clock;
    if (seqSize == seqId.length) {
      int c = 2 * seqSize;
      seqId = Arrays.copyOf(seqId, c);
      seqStamp = Arrays.copyOf(seqStamp, c);
      seqWeight = Arrays.copyOf(seqWeight, c);
      seqAccepted = Arrays.copyOf(seqAccepted, c);
      seqKilledAt = Arrays.copyOf(seqKilledAt, c);
    }
    seqId[seqSize] = e;
    seqStamp[seqSize] = clock;
    position[e] = seqSize;
    arrive(seqSize++);
  }

  @Override
  void onDelete(int e) {
    if (!state.contains(e)) {
      return; // e becomes a ghost of sigma; S is still Swapping's output on sigma
    }
    replays++;
    int t = position[e];
    while (true) {
      restorePrefix(t);
      int oldestGhost = KEPT;
      for (int i = 0; i < solSize; i++) {
        if (!isLiveOccurrence(sol[i])) {
          oldestGhost = Math.min(oldestGhost, sol[i]);
        }
      }
      if (oldestGhost == KEPT) {
        break;
      }
      t = oldestGhost;
    }
    state.reset();
    for (int i = 0; i < solSize; i++) {
      state.add(seqId[sol[i]]);
    }
    int end = seqSize;
    seqSize = t;
    for (int r = t; r < end; r++) {
      if (isLiveOccurrence(r)) {
        seqId[seqSize] = seqId[r];
        seqStamp[seqSize] = seqStamp[r];
        position[seqId[r]] = seqSize;
        replayedArrivals++;
        arrive(seqSize++);
      }
    }
  }

  private boolean isLiveOccurrence(int p) {
    int x = seqId[p];
    return live.contains(x) && insertedAt[x] == seqStamp[p];
  }

  /** Sets the solution to Swapping's state just before stream position t (no oracle calls). */
  private void restorePrefix(int t) {
    solSize = 0;
    for (int p = 0; p < t; p++) {
      if (seqAccepted[p] && seqKilledAt[p] >= t) {
        seqKilledAt[p] = KEPT;
        pushSolution(p);
      }
    }
  }

  private void pushSolution(int p) {
    if (solSize == sol.length) {
      sol = Arrays.copyOf(sol, 2 * solSize);
    }
    sol[solSize++] = p;
  }

  private void arrive(int p) {
    int e = seqId[p];
    seqAccepted[p] = false;
    seqKilledAt[p] = KEPT;
    double w = state.gain(e);
    seqWeight[p] = w;
    if (!(w > 0)) {
      return;
    }
    int[] s = new int[solSize + 1];
    for (int i = 0; i < solSize; i++) {
      s[i] = seqId[sol[i]];
    }
    s[solSize] = e;
    if (matroid.independent(s, s.length)) {
      accept(p);
      return;
    }
    int lightest = -1;
    for (int i = 0; i < solSize; i++) {
      s[i] = e;
      boolean swapOk = matroid.independent(s, solSize);
      s[i] = seqId[sol[i]];
      if (swapOk && (lightest < 0 || seqWeight[sol[i]] < seqWeight[sol[lightest]])) {
        lightest = i;
      }
    }
    if (lightest >= 0 && w >= 2 * seqWeight[sol[lightest]]) {
      seqKilledAt[sol[lightest]] = p;
      System.arraycopy(sol, lightest + 1, sol, lightest, solSize - lightest - 1);
      solSize--;
      state.reset();
      for (int i = 0; i < solSize; i++) {
        state.add(seqId[sol[i]]);
      }
      accept(p);
    }
  }

  private void accept(int p) {
    seqAccepted[p] = true;
    pushSolution(p);
    state.add(seqId[p]);
  }

  /** The recorded stream sigma (live elements in insertion order plus ghosts), for the tests. */
  int[] stream() {
    return Arrays.copyOf(seqId, seqSize);
  }

  /**
   * The number of replays caused by deletions of solution elements.
   *
   * @return the count
   */
  public long replays() {
    return replays;
  }

  /**
   * The number of elements re-processed by all replays (each costs one oracle call); a replay of
   * the whole live set would re-process {@link #liveCount()} elements.
   *
   * @return the count
   */
  public long replayedArrivals() {
    return replayedArrivals;
  }

  @Override
  public int[] solution() {
    int[] out = new int[solSize];
    for (int i = 0; i < solSize; i++) {
      out[i] = seqId[sol[i]];
    }
    return out;
  }

  @Override
  public double value() {
    return state.value();
  }
}
