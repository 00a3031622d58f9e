package dev.fathom.bench.coreset;

import dev.fathom.coreset.ClusteringCoresets;
import dev.fathom.coreset.Coreset;
import dev.fathom.coreset.Datasets;
import dev.fathom.coreset.Losses;
import dev.fathom.coreset.PointLoss;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A k-means coreset ({@code k = 10}, 2000 draws) of {@code n = 10^6} points in {@code d = 10}:
 * building it, and evaluating the cost of a 10-center query on it, against the baseline of one full
 * k-means cost evaluation over all {@code n} points. The coreset cost is measured on the input in
 * place ({@code coresetCost}, random accesses) and on a compact copy of its rows ({@code
 * compactCoresetCost}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class KMeansCoresetBenchmark {
  private double[][] x;
  private PointLoss<double[][]> loss;
  private Coreset coreset;
  private double[][] centers;
  private PointLoss<double[][]> compactLoss;
  private Coreset compact;

  @Setup
  public void setup() {
    x = Datasets.blobs(1_000_000, 10, 10, 42);
    loss = Losses.kMeans(x);
    coreset = ClusteringCoresets.kMeans(x, 10, 2000, 1);
    compactLoss = Losses.kMeans(coreset.copyRows(x));
    compact = coreset.reindexed();
    centers = new double[10][];
    for (int c = 0; c < 10; c++) {
      centers[c] = x[c * 1000].clone();
    }
  }

  @Benchmark
  public Coreset buildCoreset() {
    return ClusteringCoresets.kMeans(x, 10, 2000, 1);
  }

  @Benchmark
  public double coresetCost() {
    return coreset.loss(loss, centers);
  }

  @Benchmark
  public double compactCoresetCost() {
    return compact.loss(compactLoss, centers);
  }

  @Benchmark
  public double fullCost() {
    return loss.total(centers);
  }
}
