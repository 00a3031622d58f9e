package dev.fathom.bench.submodular;

import dev.fathom.core.Rng;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.FeatureBased;
import dev.fathom.submodular.information.ConcaveOverModularInformation;
import dev.fathom.submodular.information.FacilityLocationInformation;
import dev.fathom.submodular.information.FacilityLocationQueryInformation;
import dev.fathom.submodular.information.GraphCutInformation;
import dev.fathom.submodular.information.InformationKernels;
import dev.fathom.submodular.information.LogDetInformation;
import dev.fathom.submodular.optimize.Greedy;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The submodular information measures against plain facility location: build the function from
 * prebuilt kernels, then lazy greedy for k = 100 over n = 2000 points (8-D, 10 clusters, Gaussian
 * kernel {@code exp(-d^2 / 16)}), m = 20 queries and p = 20 private items drawn like the data. The
 * table in docs/submodular.md (targeted selection) was made with the same instance.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class InformationMeasuresBenchmark {
  static final int N = 2000;
  static final int M = 20;
  static final int P = 20;
  static final int K = 100;

  /** The kernels of V, Q and P. */
  @State(Scope.Benchmark)
  public static class Kernels {
    @Param({
      "FL",
      "FLMI",
      "FLQMI",
      "GCMI",
      "COM",
      "LogDetMI",
      "FLCG",
      "GCCG",
      "LogDetCG",
      "FLCMI",
      "LogDetCMI"
    })
    public String measure;

    double[][] data;
    InformationKernels kernels;

    @Setup
    public void setup() {
      RandomGenerator rng = Rng.create(1);
      int t = N + M + P;
      double[][] pts = new double[t][8];
      for (double[] r : pts) {
        int c = rng.nextInt(10);
        for (int d = 0; d < 8; d++) {
          r[d] = (d == c % 8 ? 3 * c : 0) + rng.nextGaussian();
        }
      }
      double[][] all = new double[t][t];
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < t; j++) {
          double s = 0;
          for (int d = 0; d < 8; d++) {
            double x = pts[i][d] - pts[j][d];
            s += x * x;
          }
          all[i][j] = Math.exp(-s / 16);
        }
      }
      data = block(all, 0, N, 0, N);
      kernels =
          InformationKernels.of(N)
              .data(data)
              .query(block(all, 0, N, N, M))
              .queryQuery(block(all, N, M, N, M))
              .privates(block(all, 0, N, N + M, P))
              .privatePrivate(block(all, N + M, P, N + M, P))
              .queryPrivate(block(all, N, M, N + M, P));
    }

    SetFunction build() {
      switch (measure) {
        case "FL":
          return FacilityLocation.dense(data);
        case "FLMI":
          return FacilityLocationInformation.mutualInformation(kernels, 1);
        case "FLQMI":
          return FacilityLocationQueryInformation.mutualInformation(kernels, 1);
        case "GCMI":
          return GraphCutInformation.mutualInformation(kernels, 1);
        case "COM":
          return ConcaveOverModularInformation.mutualInformation(
              kernels, 1, FeatureBased.Concave.LOG1P);
        case "LogDetMI":
          return LogDetInformation.mutualInformation(kernels, 1, 1);
        case "FLCG":
          return FacilityLocationInformation.conditionalGain(kernels, 1);
        case "GCCG":
          return GraphCutInformation.conditionalGain(kernels, 0.4, 1);
        case "LogDetCG":
          return LogDetInformation.conditionalGain(kernels, 1, 1);
        case "FLCMI":
          return FacilityLocationInformation.conditionalMutualInformation(kernels, 1, 1);
        case "LogDetCMI":
          return LogDetInformation.conditionalMutualInformation(kernels, 1, 1, 1);
        default:
          throw new IllegalArgumentException(measure);
      }
    }

    static double[][] block(double[][] a, int r0, int rows, int c0, int cols) {
      double[][] o = new double[rows][cols];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(a[r0 + i], c0, o[i], 0, cols);
      }
      return o;
    }
  }

  /**
   * Build and lazy greedy.
   *
   * @param k the kernels and the measure
   * @return the selection's value
   */
  @Benchmark
  public double buildAndLazy(Kernels k) {
    return Greedy.lazy(k.build(), Constraint.cardinality(K)).value();
  }
}
