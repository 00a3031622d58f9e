package dev.fathom.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fathom.core.Rng;
import dev.fathom.core.StoppingRule;
import dev.fathom.monotone.FiniteSumOperator;
import dev.fathom.monotone.Halpern;
import dev.fathom.monotone.InclusionResult;
import dev.fathom.monotone.MonotoneSolver;
import dev.fathom.monotone.Problem;
import dev.fathom.monotone.Resolvents;
import dev.fathom.monotone.VrHalpern;
import java.util.random.RandomGenerator;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class DistributedFiniteSumTest {
  private final JavaSparkContext sc = LocalSpark.context();

  /** Least squares components F_i(x) = a_i (a_i . x - b_i), written out here (serializable). */
  private record LeastSquaresRows(double[][] a, double[] b)
      implements DistributedFiniteSum.Components {
    @Override
    public int dimension() {
      return a[0].length;
    }

    @Override
    public int size() {
      return a.length;
    }

    @Override
    public void addComponent(int i, double scale, double[] x, double[] acc) {
      double r = -b[i];
      for (int j = 0; j < x.length; j++) {
        r += a[i][j] * x[j];
      }
      for (int j = 0; j < x.length; j++) {
        acc[j] += scale * r * a[i][j];
      }
    }

    /** The trace bound (1/n) sum |a_i|^2 >= the largest eigenvalue of (1/n) A^T A. */
    double lipschitz() {
      double s = 0;
      for (double[] r : a) {
        for (double v : r) {
          s += v * v;
        }
      }
      return s / a.length;
    }
  }

  private static LeastSquaresRows problem(int n, int d, long seed) {
    RandomGenerator rng = Rng.create(seed);
    double[] xs = Rng.gaussian(rng, d);
    double[][] a = new double[n][];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = Rng.gaussian(rng, d);
      for (int j = 0; j < d; j++) {
        b[i] += a[i][j] * xs[j];
      }
    }
    return new LeastSquaresRows(a, b);
  }

  private static InclusionResult run(
      MonotoneSolver solver, LeastSquaresRows f, FiniteSumOperator operator) {
    Problem p =
        Problem.of("ls", operator, Resolvents.identity(f.dimension()), new double[f.dimension()])
            .withLipschitz(f.lipschitz())
            .withMeanSquareLipschitz(f.lipschitz() * f.dimension());
    return solver.solve(p, StoppingRule.budget(40));
  }

  @Test
  void fullPassesOnTheClusterGiveTheLocalIterates() {
    LeastSquaresRows f = problem(400, 6, 3);
    // the full operator itself: bit for bit with one slice, to rounding with several
    double[] x = Rng.gaussian(Rng.create(4), 6);
    double[] want = new double[6];
    f.apply(x, want);
    for (int slices : new int[] {1, 5}) {
      double[] got = new double[6];
      DistributedFiniteSum.of(sc, f, slices).apply(x, got);
      for (int j = 0; j < 6; j++) {
        assertEquals(want[j], got[j], slices == 1 ? 0 : 1e-12 * Math.abs(want[j]) + 1e-15);
      }
    }
    // VR-Halpern (stochastic steps on the driver) and Halpern (a full pass per step)
    for (MonotoneSolver solver : new MonotoneSolver[] {new VrHalpern(9), new Halpern()}) {
      InclusionResult local = run(solver, f, f);
      for (int slices : new int[] {1, 4}) {
        DistributedFiniteSum op = DistributedFiniteSum.of(sc, f, slices);
        InclusionResult dist = run(solver, f, op);
        assertTrue(op.fullPasses() > 0);
        assertEquals(local.iterations(), dist.iterations());
        assertEquals(local.oracleCalls(), dist.oracleCalls());
        double[] a = local.solution();
        double[] b = dist.solution();
        for (int j = 0; j < a.length; j++) {
          double tol = slices == 1 ? 0 : 1e-9 * (1 + Math.abs(a[j]));
          assertEquals(a[j], b[j], tol, solver.name() + ", " + slices + " slices, x[" + j + "]");
        }
      }
    }
  }

  @Test
  void badInputIsRejected() {
    LeastSquaresRows f = problem(5, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> DistributedFiniteSum.of(sc, f, 0));
    assertThrows(NullPointerException.class, () -> DistributedFiniteSum.of(sc, null, 1));
    DistributedFiniteSum op = DistributedFiniteSum.of(sc, f, 2);
    var e =
        assertThrows(IllegalArgumentException.class, () -> op.apply(new double[3], new double[2]));
    assertTrue(e.getMessage().contains("x"), e.getMessage());
  }
}
