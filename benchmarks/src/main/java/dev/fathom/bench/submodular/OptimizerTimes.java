package dev.fathom.bench.submodular;

import dev.fathom.core.Rng;
import dev.fathom.submodular.Selection;
import dev.fathom.submodular.SetFunction;
import dev.fathom.submodular.constraint.Constraint;
import dev.fathom.submodular.function.FacilityLocation;
import dev.fathom.submodular.function.FeatureBased;
import dev.fathom.submodular.optimize.Greedy;
import dev.fathom.submodular.similarity.Similarity;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * apricot's optimizers in Fathom against lazy greedy on the same instances: oracle calls, value
 * relative to lazy greedy and time (thread CPU time, best of the repeats, alternated in one JVM).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.fathom.bench.submodular.OptimizerTimes [repeats]
 * </pre>
 *
 * Instances: facility location on n = 4000 Gaussian points in 16-D (apricot's {@code max D - D}
 * squared-Euclidean similarity); feature-based sqrt on n = 20000 rows of 200 non-negative features
 * (each nonzero with probability 0.1); budget k = 100 for both.
 */
public final class OptimizerTimes {
  private OptimizerTimes() {}

  /**
   * Runs the comparison.
   *
   * @param args the number of repeats (default 5)
   */
  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    RandomGenerator rng = Rng.create(42);
    double[][] points = new double[4000][16];
    for (double[] p : points) {
      for (int t = 0; t < p.length; t++) {
        p[t] = rng.nextGaussian();
      }
    }
    SetFunction fl =
        new FacilityLocation(Similarity.squaredEuclidean(points, 1, Similarity.Precision.DOUBLE));
    double[][] feats = new double[20000][200];
    for (double[] r : feats) {
      for (int u = 0; u < r.length; u++) {
        r[u] = rng.nextDouble() < 0.1 ? rng.nextDouble() : 0;
      }
    }
    double[] w = new double[200];
    java.util.Arrays.fill(w, 1.0);
    SetFunction fb = FeatureBased.dense(feats, w, FeatureBased.Concave.SQRT);
    System.out.println(
        "| optimizer | instance | calls | value / lazy | time (ms, best of " + reps + ") |");
    System.out.println("|---|---|---|---|---|");
    for (Object[] inst : new Object[][] {{"FL n=4000", fl}, {"FB n=20000", fb}}) {
      SetFunction f = (SetFunction) inst[1];
      Constraint c = Constraint.cardinality(100);
      Object[][] runs = {
        {"lazy", (Supplier<Selection>) () -> Greedy.lazy(f, c)},
        {"approximateLazy beta 0.9", (Supplier<Selection>) () -> Greedy.approximateLazy(f, c, 0.9)},
        {"approximateLazy beta 0.5", (Supplier<Selection>) () -> Greedy.approximateLazy(f, c, 0.5)},
        {"sample fraction 0.5", (Supplier<Selection>) () -> Greedy.sample(f, c, 0.5, 7L)},
        {"sample fraction 0.1", (Supplier<Selection>) () -> Greedy.sample(f, c, 0.1, 7L)},
        {"stochastic eps 0.1", (Supplier<Selection>) () -> Greedy.stochastic(f, 100, 0.1, 7L)},
      };
      double[] best = new double[runs.length];
      java.util.Arrays.fill(best, Double.MAX_VALUE);
      Selection[] sel = new Selection[runs.length];
      var bean = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int r = 0; r < reps + 1; r++) {
        for (int i = 0; i < runs.length; i++) {
          @SuppressWarnings("unchecked")
          Supplier<Selection> s = (Supplier<Selection>) runs[i][1];
          long t0 = bean.getCurrentThreadCpuTime();
          sel[i] = s.get();
          long t1 = bean.getCurrentThreadCpuTime();
          if (r > 0) {
            best[i] = Math.min(best[i], (t1 - t0) / 1e6);
          }
        }
      }
      for (int i = 0; i < runs.length; i++) {
        System.out.printf(
            "| `%s` | %s | %d | %.4f | %.1f |%n",
            runs[i][0], inst[0], sel[i].oracleCalls(), sel[i].value() / sel[0].value(), best[i]);
      }
    }
  }
}
