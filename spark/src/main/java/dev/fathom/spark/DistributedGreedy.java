package dev.fathom.spark;

// Library use (greedy): Greedy.lazy, PartitionedGreedy.randomPart, Cardinality, Selection,
// SetFunction; Rng.create.
import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.constraint.Cardinality;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.optimize.PartitionedGreedy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Two-round distributed maximization of a monotone submodular function under a cardinality
 * constraint {@code |S| <= k}. Round one: every partition runs Fathom's lazy greedy ({@link
 * Greedy#lazy}) on its own elements and sends its at most {@code k} choices to the driver. Round
 * two: the driver runs lazy greedy on the union of those choices and returns the better of that
 * solution and the best single partition's solution, as both papers do. All partitions and the
 * driver maximize the same function (see {@link Objective}).
 *
 * <ul>
 *   <li>{@link #greedi GreeDi} (Mirzasoleiman, Karbasi, Sarkar and Krause 2013) keeps the RDD's own
 *       partitioning (no shuffle). For any partitioning into {@code m} parts it guarantees {@code
 *       f(S) >= (1 - 1/e)^2 / min(m, k) * OPT}; the bound is tight in the worst case, while on data
 *       without adversarial structure it is usually within a few percent of centralized greedy.
 *   <li>{@link #randGreedi RandGreeDi} (Barbosa, Ene, Nguyen and Ward 2015) first sends every
 *       element to one of {@code m} machines uniformly at random (one shuffle of the data). Then
 *       {@code E[f(S)] >= (1 - 1/e) / 2 * OPT} for every {@code m}, independent of the data's
 *       layout.
 * </ul>
 *
 * The core library runs the same two rounds on one JVM ({@link PartitionedGreedy}), with the same
 * random assignment for the same seed.
 *
 * <p>Rounds: one Spark job for the partition greedy (plus one shuffle for RandGreeDi, plus the job
 * {@code zipWithIndex} runs to number the elements); driver memory {@code O(m k)} elements. Element
 * ids are the positions {@code zipWithIndex} gives, so results depend only on the data, its
 * partitioning and the seed.
 */
public final class DistributedGreedy {
  private DistributedGreedy() {}

  /**
   * GreeDi on the RDD's own partitions: {@code f(S) >= (1 - 1/e)^2 / min(m, k) * OPT} for {@code m}
   * non-empty partitions. With one partition it returns exactly centralized lazy greedy's choice.
   *
   * @param data the ground set
   * @param k the budget, at least 1
   * @param objective the function, rebuilt on each partition's elements
   * @param <T> the element type
   * @return the selection
   */
  public static <T> DistributedSelection<T> greedi(JavaRDD<T> data, int k, Objective<T> objective) {
    Args.notNull("data", data);
    Args.positive("k", k);
    Args.notNull("objective", objective);
    JavaRDD<Tuple2<T, Long>> numbered = data.zipWithIndex().map(t -> t);
    return finish(numbered.mapPartitionsWithIndex(localGreedy(k, objective), false), k, objective);
  }

  /**
   * RandGreeDi: every element goes to one of {@code machines} partitions uniformly at random (by a
   * hash of {@code seed} and its position), then GreeDi runs on that partitioning. {@code E[f(S)]
   * >= (1 - 1/e) / 2 * OPT} over the random assignment.
   *
   * @param data the ground set
   * @param k the budget, at least 1
   * @param machines the number of random parts, at least 1
   * @param objective the function, rebuilt on each part's elements
   * @param seed the seed of the assignment
   * @param <T> the element type
   * @return the selection
   */
  public static <T> DistributedSelection<T> randGreedi(
      JavaRDD<T> data, int k, int machines, Objective<T> objective, long seed) {
    Args.notNull("data", data);
    Args.positive("k", k);
    Args.positive("machines", machines);
    Args.notNull("objective", objective);
    long key = Rng.create(seed).nextLong();
    JavaRDD<Tuple2<T, Long>> assigned =
        data.zipWithIndex()
            .mapToPair(
                t ->
                    new Tuple2<>(
                        PartitionedGreedy.randomPart(key, t._2, machines),
                        new Tuple2<>(t._1, t._2)))
            .partitionBy(new HashPartitioner(machines))
            .values();
    return finish(assigned.mapPartitionsWithIndex(localGreedy(k, objective), false), k, objective);
  }

  /**
   * The random part of element {@code id}: uniform on {@code [0, machines)}, the part the core
   * library's {@link PartitionedGreedy#randomParts} gives the element at position {@code id} for
   * the same seed.
   */
  static int machine(long seed, long id, int machines) {
    return PartitionedGreedy.randomPart(Rng.create(seed).nextLong(), id, machines);
  }

  /** What a partition sends to the driver: its greedy choice and what it cost. */
  record Local<T>(int partition, long[] ids, List<T> elements, double value, long calls)
      implements Serializable {}

  private static <T>
      org.apache.spark.api.java.function.Function2<
              Integer, Iterator<Tuple2<T, Long>>, Iterator<Local<T>>>
          localGreedy(int k, Objective<T> objective) {
    return (partition, rows) -> {
      List<T> items = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      while (rows.hasNext()) {
        Tuple2<T, Long> r = rows.next();
        items.add(r._1);
        ids.add(r._2);
      }
      if (items.isEmpty()) {
        return Collections.emptyIterator();
      }
      long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
      return List.of(solve(partition, items, idArray, k, objective)).iterator();
    };
  }

  /** Lazy greedy under {@code |S| <= k} on one machine's elements. */
  static <T> Local<T> solve(int partition, List<T> items, long[] ids, int k, Objective<T> obj) {
    Selection s = Greedy.lazy(obj.build(items), new Cardinality(k));
    int[] chosen = s.elements();
    long[] chosenIds = new long[chosen.length];
    List<T> chosenItems = new ArrayList<>(chosen.length);
    for (int i = 0; i < chosen.length; i++) {
      chosenIds[i] = ids[chosen[i]];
      chosenItems.add(items.get(chosen[i]));
    }
    return new Local<>(partition, chosenIds, chosenItems, s.value(), s.oracleCalls());
  }

  private static <T> DistributedSelection<T> finish(
      JavaRDD<Local<T>> locals, int k, Objective<T> objective) {
    List<Local<T>> parts = new ArrayList<>(locals.collect());
    parts.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
    List<T> union = new ArrayList<>();
    List<Long> unionIds = new ArrayList<>();
    Local<T> best = null;
    long calls = 0;
    for (Local<T> p : parts) {
      calls += p.calls();
      union.addAll(p.elements());
      for (long id : p.ids()) {
        unionIds.add(id);
      }
      if (best == null || p.value() > best.value()) {
        best = p;
      }
    }
    if (best == null) {
      throw Args.fail("data", "an empty RDD", "at least one element");
    }
    long[] ids = unionIds.stream().mapToLong(Long::longValue).toArray();
    Local<T> merged = solve(-1, union, ids, k, objective);
    calls += merged.calls();
    Local<T> answer = merged.value() >= best.value() ? merged : best;
    return new DistributedSelection<>(
        answer.ids(),
        answer.elements(),
        answer.value(),
        merged.value(),
        best.value(),
        answer == merged,
        union.size(),
        parts.size(),
        calls);
  }
}
