package dev.fathom.spark;

import dev.fathom.core.Args;
import dev.fathom.hadamard.BatchOracle;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A {@link BatchOracle} whose batches are evaluated on the cluster: for a function too expensive to
 * evaluate on the driver (a large model, a simulator), queried by {@link
 * dev.fathom.hadamard.SparseWalshHadamard#transform(BatchOracle, long)} in a few large batches.
 * Each call cuts the batch into at most {@code slices} contiguous slices, evaluates every slice
 * with the {@link Model} in one Spark task, and collects the values in order, so the answer is
 * exactly what the model gives on the driver: the transform returns the same result as with the
 * local oracle for the same seed.
 *
 * <p>Cost per call with {@code q} queries: one Spark job of {@code min(slices, q)} tasks; {@code 8
 * q} bytes of indices go out inside the tasks and {@code 8 q} bytes of values come back (no
 * shuffle); the driver holds the batch and its values, {@code 16 q} bytes.
 */
public final class ClusterOracle implements BatchOracle {
  /**
   * The function evaluated on the executors: a batch oracle that Spark can ship (a serializable
   * lambda or class). Each executor receives a copy; it should load expensive state lazily.
   */
  @FunctionalInterface
  public interface Model extends BatchOracle, Serializable {}

  private final JavaSparkContext sc;
  private final Model model;
  private final int slices;
  private long batches;
  private long queries;

  private ClusterOracle(JavaSparkContext sc, Model model, int slices) {
    this.sc = sc;
    this.model = model;
    this.slices = slices;
  }

  /**
   * An oracle evaluating {@code model} on the cluster of {@code sc}.
   *
   * @param sc the Spark context
   * @param model the function, shipped to the executors
   * @param slices the maximum number of tasks per batch, at least 1 (for instance the cluster's
   *     cores)
   * @return the oracle
   */
  public static ClusterOracle of(JavaSparkContext sc, Model model, int slices) {
    Args.notNull("sc", sc);
    Args.notNull("model", model);
    Args.positive("slices", slices);
    return new ClusterOracle(sc, model, slices);
  }

  @Override
  public void values(long[] indices, double[] out) {
    Args.notNull("indices", indices);
    Args.notNull("out", out);
    if (out.length != indices.length) {
      throw Args.fail("out.length", out.length, "indices.length = " + indices.length);
    }
    if (indices.length == 0) {
      return;
    }
    int parts = Math.min(slices, indices.length);
    List<long[]> chunks = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) indices.length * p / parts);
      int to = (int) ((long) indices.length * (p + 1) / parts);
      long[] chunk = new long[to - from];
      System.arraycopy(indices, from, chunk, 0, chunk.length);
      chunks.add(chunk);
    }
    Model m = model;
    List<double[]> values =
        sc.parallelize(chunks, parts)
            .map(
                chunk -> {
                  double[] v = new double[chunk.length];
                  m.values(chunk, v);
                  return v;
                })
            .collect();
    int at = 0;
    for (double[] v : values) {
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    batches++;
    queries += indices.length;
  }

  /**
   * The model's number of bits, when it knows it.
   *
   * @return the model's {@link BatchOracle#bits()}
   */
  @Override
  public OptionalInt bits() {
    return model.bits();
  }

  /**
   * The batches evaluated so far (Spark jobs run).
   *
   * @return the count
   */
  public long batches() {
    return batches;
  }

  /**
   * The queries evaluated so far.
   *
   * @return the count
   */
  public long queries() {
    return queries;
  }
}
