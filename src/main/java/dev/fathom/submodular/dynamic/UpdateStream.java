package dev.fathom.submodular.dynamic;

import dev.fathom.core.Args;
import dev.fathom.core.Rng;
import java.util.random.RandomGenerator;

/**
 * Random insert/delete streams for exercising a {@link DynamicMaximizer}: an operation {@code op >=
 * 0} inserts element {@code op}, an operation {@code op < 0} deletes element {@code -op - 1}.
 * Immutable.
 *
 * @since 1.0
 */
public final class UpdateStream {
  private final int[] ops;

  private UpdateStream(int[] ops) {
    this.ops = ops;
  }

  /**
   * As {@link #insertAllDeleteEvery(int, int, RandomGenerator)} with the generator {@code
   * Rng.create(seed)}.
   *
   * @param n the number of elements, at least 1
   * @param period the number of insertions per deletion, at least 1
   * @param seed the random seed
   * @return the stream
   */
  public static UpdateStream insertAllDeleteEvery(int n, int period, long seed) {
    return insertAllDeleteEvery(n, period, Rng.create(seed));
  }

  /**
   * Inserts every id of {@code [0, n)} once in random order and, after every {@code period}-th
   * insertion, deletes a uniformly random live element.
   *
   * @param n the number of elements, at least 1
   * @param period the number of insertions per deletion, at least 1
   * @param rng the source of randomness
   * @return the stream
   */
  public static UpdateStream insertAllDeleteEvery(int n, int period, RandomGenerator rng) {
    Args.notNull("rng", rng);
    Args.positive("n", n);
    Args.positive("period", period);
    int[] order = Rng.permutation(rng, n);
    IntSet live = new IntSet(n);
    int[] ops = new int[n + n / period];
    int t = 0;
    for (int i = 0; i < n; i++) {
      live.add(order[i]);
      ops[t++] = order[i];
      if (i % period == period - 1) {
        int e = live.sample(rng);
        live.remove(e);
        ops[t++] = -e - 1;
      }
    }
    return new UpdateStream(java.util.Arrays.copyOf(ops, t));
  }

  /**
   * The number of operations.
   *
   * @return the length
   */
  public int length() {
    return ops.length;
  }

  /**
   * Applies operation {@code t} to {@code d}.
   *
   * @param d the dynamic algorithm
   * @param t the operation index
   */
  public void apply(DynamicMaximizer d, int t) {
    int op = ops[t];
    if (op >= 0) {
      d.insert(op);
    } else {
      d.delete(-op - 1);
    }
  }
}
