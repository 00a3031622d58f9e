package dev.fathom.submodular.optimize;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.constraint.Knapsack;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * Two-round partitioned greedy on one JVM: GreeDi (Mirzasoleiman, Karbasi, Sarkar and Krause, NIPS
 * 2013) and RandGreeDi (Barbosa, Ene, Nguyen and Ward, ICML 2015). Round one runs lazy greedy
 * ({@link Greedy#lazy}) on each part's elements, each part on its own {@link
 * SetFunction#isolatedCopy() isolated copy} of {@code f}, as tasks of a caller-given {@link
 * Executor} ({@code Runnable::run} runs them one after the other on the calling thread; a thread
 * pool runs them in parallel). Round two runs lazy greedy on the union of the parts' choices; the
 * answer is the better of that and the best part's own choice (the merged one on a tie), as both
 * papers do. The result is the same whatever the executor: each part's run is deterministic and the
 * merge order is the part order.
 *
 * <p>Guarantees for monotone f under {@code |S| <= k}: GreeDi gives {@code f(S) >= (1 - 1/e)^2 /
 * min(m, k) OPT} for every partition into {@code m} parts (the bound is tight for adversarial
 * partitions; on ordinary data the value is usually within a few percent of centralized greedy);
 * RandGreeDi, whose partition is uniformly random, gives {@code E[f(S)] >= (1 - 1/e)/2 OPT} for
 * every m. With a matroid or a {@link Knapsack} (cost-benefit greedy in both rounds) the same
 * scheme runs; the papers' constant-factor bounds for those are not claimed here.
 *
 * <p>Oracle calls: all parts' calls are added to {@code f}'s counter once the parts are done; a
 * part of {@code n_i} elements spends about as many calls as lazy greedy on {@code n_i} elements.
 * The {@code f}-side {@link Selection#oracleCalls()} is the total of both rounds. A non-empty
 * current set of {@code f} is a start set in every run (as in {@link Greedy}).
 *
 * <p>The fathom-spark module runs the same two rounds across a cluster, rebuilding the function on
 * each machine's elements ({@code dev.fathom.spark.DistributedGreedy}).
 *
 * @since 1.0
 */
public final class PartitionedGreedy {
  private PartitionedGreedy() {}

  /**
   * GreeDi on a given partition under any constraint (lazy greedy in both rounds).
   *
   * @param f the function (unchanged)
   * @param constraint the constraint of both rounds
   * @param part the part of each element, {@code part[e]} in {@code [0, n)}, one entry per element
   * @param executor runs one task per non-empty part
   * @return the selection with the per-part figures
   */
  public static PartitionedSelection greedi(
      SetFunction f, Constraint constraint, int[] part, Executor executor) {
    Args.notNull("constraint", constraint);
    return run(f, part, executor, (g, keep) -> restrictedLazy(g, constraint, keep));
  }

  /**
   * GreeDi on a given partition with knapsack costs: {@link Greedy#costBenefit(SetFunction,
   * Knapsack)} in both rounds.
   *
   * @param f the function (unchanged)
   * @param knapsack the costs (one per element) and budget
   * @param part the part of each element, {@code part[e]} in {@code [0, n)}, one entry per element
   * @param executor runs one task per non-empty part
   * @return the selection with the per-part figures
   */
  public static PartitionedSelection greedi(
      SetFunction f, Knapsack knapsack, int[] part, Executor executor) {
    Args.notNull("knapsack", knapsack);
    return run(f, part, executor, (g, keep) -> Greedy.costBenefit(g, knapsack, keep, 1));
  }

  /**
   * As {@link #randGreedi(SetFunction, Constraint, int, Executor, RandomGenerator)} with the
   * generator {@code Rng.create(seed)}.
   *
   * @param f the function (unchanged)
   * @param constraint the constraint of both rounds
   * @param machines the number of parts m, at least 1
   * @param executor runs one task per non-empty part
   * @param seed the random seed
   * @return the selection with the per-part figures
   */
  public static PartitionedSelection randGreedi(
      SetFunction f, Constraint constraint, int machines, Executor executor, long seed) {
    return randGreedi(f, constraint, machines, executor, Rng.create(seed));
  }

  /**
   * RandGreeDi: GreeDi on the partition {@link #randomParts(int, int, RandomGenerator)} draws.
   * {@code E[f(S)] >= (1 - 1/e)/2 OPT} for monotone f under {@code |S| <= k}, for every m.
   *
   * @param f the function (unchanged)
   * @param constraint the constraint of both rounds
   * @param machines the number of parts m, at least 1
   * @param executor runs one task per non-empty part
   * @param rng the source of randomness
   * @return the selection with the per-part figures
   */
  public static PartitionedSelection randGreedi(
      SetFunction f, Constraint constraint, int machines, Executor executor, RandomGenerator rng) {
    Args.notNull("f", f);
    Args.notNull("constraint", constraint);
    Args.notNull("executor", executor);
    return greedi(f, constraint, randomParts(f.groundSize(), machines, rng), executor);
  }

  /**
   * As {@link #randGreedi(SetFunction, Knapsack, int, Executor, RandomGenerator)} with the
   * generator {@code Rng.create(seed)}.
   *
   * @param f the function (unchanged)
   * @param knapsack the costs (one per element) and budget
   * @param machines the number of parts m, at least 1
   * @param executor runs one task per non-empty part
   * @param seed the random seed
   * @return the selection with the per-part figures
   */
  public static PartitionedSelection randGreedi(
      SetFunction f, Knapsack knapsack, int machines, Executor executor, long seed) {
    return randGreedi(f, knapsack, machines, executor, Rng.create(seed));
  }

  /**
   * RandGreeDi with knapsack costs: cost-benefit greedy in both rounds on a uniformly random
   * partition.
   *
   * @param f the function (unchanged)
   * @param knapsack the costs (one per element) and budget
   * @param machines the number of parts m, at least 1
   * @param executor runs one task per non-empty part
   * @param rng the source of randomness
   * @return the selection with the per-part figures
   */
  public static PartitionedSelection randGreedi(
      SetFunction f, Knapsack knapsack, int machines, Executor executor, RandomGenerator rng) {
    Args.notNull("f", f);
    Args.notNull("knapsack", knapsack);
    Args.notNull("executor", executor);
    return greedi(f, knapsack, randomParts(f.groundSize(), machines, rng), executor);
  }

  /**
   * A uniformly random partition of {@code n} elements into {@code machines} parts: draws one key
   * {@code rng.nextLong()} and gives element e the part {@link #randomPart(long, long, int)
   * randomPart(key, e, machines)}. fathom-spark's RandGreeDi assigns its elements the same way from
   * {@code Rng.create(seed)}, so for the same seed both put element e (its position in the data) in
   * the same part.
   *
   * @param n the number of elements, at least 0
   * @param machines the number of parts, at least 1
   * @param rng the source of randomness
   * @return the part of each element
   */
  public static int[] randomParts(int n, int machines, RandomGenerator rng) {
    Args.size("n", n);
    Args.positive("machines", machines);
    Args.notNull("rng", rng);
    long key = rng.nextLong();
    int[] part = new int[n];
    for (int e = 0; e < n; e++) {
      part[e] = randomPart(key, e, machines);
    }
    return part;
  }

  /**
   * The part of element {@code id} under the partition key {@code key}: a 64-bit mix of both,
   * reduced to {@code [0, machines)}, uniform over keys and independent across ids (up to the
   * mixer's quality). Needs no memory, so a distributed caller can assign elements where they are.
   *
   * @param key the partition key (drawn once per partition)
   * @param id the element's id or position
   * @param machines the number of parts, at least 1
   * @return the part
   */
  public static int randomPart(long key, long id, int machines) {
    Args.positive("machines", machines);
    long h = Rng.mix64(key ^ Rng.mix64(id + 0x632BE59BD9B4E019L));
    return (int) Long.remainderUnsigned(h, machines);
  }

  private static Selection restrictedLazy(SetFunction g, Constraint constraint, boolean[] keep) {
    GreedyRun r = new GreedyRun(g, constraint);
    r.restrict(keep);
    GreedyRun.lazyLoop(r, r::gain, Greedy.Until.POSITIVE_GAIN, 1, 1);
    return r.result();
  }

  private static PartitionedSelection run(
      SetFunction f,
      int[] part,
      Executor executor,
      BiFunction<SetFunction, boolean[], Selection> solver) {
    Args.notNull("f", f);
    Args.notNull("part", part);
    Args.notNull("executor", executor);
    int n = f.groundSize();
    Args.length("part", part, n);
    int m = 0;
    for (int e = 0; e < n; e++) {
      if (part[e] < 0 || part[e] >= n) {
        throw Args.fail("part[" + e + "]", part[e], "a part index in [0, " + n + ")");
      }
      m = Math.max(m, part[e] + 1);
    }
    int parts = m;
    Selection[] local = new Selection[parts];
    long[] partCalls = new long[parts];
    CompletableFuture<?>[] tasks = new CompletableFuture<?>[parts];
    for (int i = 0; i < parts; i++) {
      int p = i;
      SetFunction g = f.isolatedCopy();
      tasks[i] =
          CompletableFuture.runAsync(
              () -> {
                boolean[] keep = new boolean[n];
                boolean any = false;
                for (int e = 0; e < n; e++) {
                  keep[e] = part[e] == p;
                  any |= keep[e];
                }
                if (any) {
                  local[p] = solver.apply(g, keep);
                  partCalls[p] = g.counter().calls();
                }
              },
              executor);
    }
    try {
      CompletableFuture.allOf(tasks).join();
    } catch (CompletionException ex) {
      if (ex.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw ex;
    }
    long roundOne = 0;
    boolean[] union = new boolean[n];
    int unionSize = 0;
    Selection best = null;
    for (int i = 0; i < parts; i++) {
      roundOne += partCalls[i];
      if (local[i] == null) {
        continue;
      }
      for (int e : local[i].elements()) {
        union[e] = true;
        unionSize++;
      }
      if (best == null || local[i].value() > best.value()) {
        best = local[i];
      }
    }
    f.counter().record(roundOne);
    Selection merged = solver.apply(f, union);
    boolean mergedWins = best == null || merged.value() >= best.value();
    Selection answer = mergedWins ? merged : best;
    Selection total =
        new Selection(
            answer.elements(), answer.gains(), answer.value(), roundOne + merged.oracleCalls());
    return new PartitionedSelection(
        total,
        merged.value(),
        best == null ? Double.NaN : best.value(),
        mergedWins,
        unionSize,
        partCalls,
        merged.oracleCalls());
  }
}
